"""Orientation decisions (seed 003, "LES INSTANCES", "L'ORIENTATION",
"L'ACCOMPAGNEMENT") and the versions of the socio-professional data."""
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date
from ..settings import (
    CONTRACT_DEADLINE_PROFESSIONAL_MONTHS, CONTRACT_DEADLINE_SOLIDARITY_MONTHS)

from .common import OrientationCase

PRO_PARAM = CONTRACT_DEADLINE_PROFESSIONAL_MONTHS.key
SOL_PARAM = CONTRACT_DEADLINE_SOLIDARITY_MONTHS.key


class TestOrientationDecision(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utoriente", cls.referent)
        cls.contract_type = cls.env.ref("rsa_orientation.mail_activity_type_contract")

    def _contract_activities(self, notebook=None):
        notebook = notebook or self.notebook
        return self.env["mail.activity"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id),
            ("activity_type_id", "=", self.contract_type.id)])

    # ------------------------------------------------------- no element
    def test_no_element_orients_to_solidarity_for_a_diagnosis(self):
        """"En l'absence d'élément, le bénéficiaire du RSA est orienté vers la
        sphère solidarité afin de réaliser un diagnostic." """
        orientation = self.env["rsa.orientation"].create({"notebook_id": self.notebook.id})
        self.assertEqual(orientation.orientation_type, "solidarity")
        self.assertEqual(orientation.sphere, "solidarity")
        self.assertEqual(orientation.basis, "default")
        self.assertEqual(orientation.state, "draft")

    def test_chosen_type_is_kept(self):
        orientation = self._orientation(self.notebook, "professional_ft", basis="team")
        self.assertEqual(orientation.orientation_type, "professional_ft")
        self.assertEqual(orientation.sphere, "professional")
        self.assertEqual(orientation.basis, "team")

    # ----------------------------------------------------------- decide
    def test_decide_sets_state_and_today(self):
        orientation = self._orientation(self.notebook)
        orientation.action_decide()
        self.assertEqual(orientation.state, "decided")
        self.assertEqual(orientation.date_decision, self.today)
        self.assertEqual(self.notebook.orientation_id, orientation)

    def test_decide_keeps_the_decision_date_given(self):
        orientation = self._orientation(self.notebook, date_decision="2026-03-10")
        orientation.action_decide()
        self.assertEqual(orientation.date_decision, "2026-03-10")

    def test_decide_replaces_the_previous_orientation(self):
        first = self._orientation(self.notebook, decide=True)
        second = self._orientation(self.notebook, "professional_ft", referent=self.referent2)
        second.action_decide()
        self.assertEqual(first.state, "replaced")
        self.assertEqual(second.state, "decided")
        self.assertEqual(self.notebook.orientation_id, second)
        self.assertEqual(self.notebook.orientation_type, "professional_ft")

    def test_reorientation_makes_a_review_due(self):
        """Seed 000: a review "en cas de réorientation"; not at the first
        orientation."""
        Review = self.env["cdb.review"]
        first = self._orientation(self.notebook, decide=True)
        self.assertFalse(Review.search([("notebook_id", "=", self.notebook.id),
                                        ("reason", "=", "reorientation")]))
        second = self._orientation(self.notebook, "professional_ft", referent=self.referent2)
        second.action_decide()
        self.assertEqual(first.state, "replaced")
        due = Review.search([("notebook_id", "=", self.notebook.id),
                             ("reason", "=", "reorientation")])
        self.assertEqual(len(due), 1)
        self.assertEqual(due.deadline, second.date_decision)
        self.assertEqual(due.state, "draft")

    def test_decide_does_not_touch_other_carnets(self):
        other = self._notebook("Utautre", self.referent)
        other_orientation = self._orientation(other, decide=True)
        self._orientation(self.notebook, decide=True)
        self.assertEqual(other_orientation.state, "decided")

    def test_decide_designates_the_referent_of_the_carnet(self):
        """"Décision d'orientation avec désignation de l'organisme référent
        et du correspondant": the référent and structure of the carnet
        follow the decision."""
        orientation = self._orientation(self.notebook, "solidarity", referent=self.accompagnateur)
        orientation.action_decide()
        self.assertEqual(self.notebook.referent_id, self.accompagnateur)
        self.assertEqual(self.notebook.structure_id, self.structure_b)
        referent_members = self.notebook.member_ids.filtered(lambda m: m.role == "referent")
        self.assertEqual(referent_members.user_id, self.accompagnateur)

    def test_decide_designated_organism_becomes_the_structure(self):
        orientation = self._orientation(
            self.notebook, "professional_other", referent=self.accompagnateur,
            organism_id=self.organism.id)
        orientation.action_decide()
        self.assertEqual(self.notebook.referent_id, self.accompagnateur)
        self.assertEqual(self.notebook.structure_id, self.organism)

    def test_decide_makes_the_correspondant_an_active_member(self):
        orientation = self._orientation(self.notebook, correspondant_id=self.correspondant.id)
        orientation.action_decide()
        member = self.notebook.member_ids.filtered(lambda m: m.user_id == self.correspondant)
        self.assertEqual(len(member), 1)
        self.assertTrue(member.active)
        self.assertNotEqual(member.role, "referent")
        # and the correspondant can open the carnet
        self.env["cdb.notebook"].sudo(self.correspondant).browse(self.notebook.id).read(
            ["state"])

    def test_decide_posts_in_the_carnet(self):
        orientation = self._orientation(self.notebook, "professional_ft",
                                        date_decision="2026-03-10")
        before = self.notebook.message_ids
        orientation.action_decide()
        posted = self.notebook.message_ids - before
        bodies = " ".join(posted.mapped("body"))
        self.assertIn(self.referent.name, bodies)
        self.assertIn(format_date("2026-03-10"), bodies)
        self.assertIn(format_date("2026-04-10"), bodies)  # the contract deadline

    def test_decide_schedules_the_contract_for_the_referent(self):
        orientation = self._orientation(self.notebook, "professional_ft",
                                        referent=self.referent2, date_decision="2026-03-10")
        orientation.action_decide()
        activity = self._contract_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.referent2)
        self.assertEqual(activity.date_deadline, "2026-04-10")
        self.assertEqual(activity.date_deadline, orientation.contract_deadline)

    def test_decide_without_referent_is_refused(self):
        notebook = self._notebook("Utsansreferent")
        orientation = self.env["rsa.orientation"].create({"notebook_id": notebook.id})
        messages = notebook.message_ids
        self.assertRefused(
            UserError, "rsa.orientation",
            [("notebook_id", "=", notebook.id), ("state", "!=", "draft")],
            orientation.action_decide, rollback=False)
        self.assertEqual(orientation.state, "draft")
        self.assertFalse(orientation.date_decision)
        self.assertFalse(notebook.referent_id)
        self.assertFalse(self._contract_activities(notebook))
        self.assertEqual(notebook.message_ids, messages)

    def test_decide_without_referent_keeps_the_previous_orientation(self):
        first = self._orientation(self.notebook, decide=True)
        second = self._orientation(self.notebook, "professional_ft")
        second.referent_id = False
        with self.assertRaises(UserError):
            second.action_decide()
        self.assertEqual(first.state, "decided")
        self.assertEqual(self.notebook.referent_id, self.referent)

    def test_decide_twice_is_refused(self):
        orientation = self._orientation(self.notebook, decide=True)
        with self.assertRaises(UserError):
            orientation.action_decide()
        self.assertEqual(len(self._contract_activities()), 1)

    def test_professional_other_needs_the_organism(self):
        """"orientation professionnelle autre que Pôle Emploi": the decision
        designates the organism."""
        first = self._orientation(self.notebook, decide=True)
        orientation = self._orientation(self.notebook, "professional_other",
                                        referent=self.accompagnateur)
        self.assertEqual(orientation.state, "draft")  # a draft may wait for it
        self.assertRefused(
            UserError, "rsa.orientation",
            [("notebook_id", "=", self.notebook.id), ("state", "=", "decided")],
            orientation.action_decide)
        self.assertEqual(orientation.state, "draft")
        self.assertEqual(first.state, "decided")
        self.assertEqual(self.notebook.referent_id, self.referent)

    # -------------------------------------------------------- deadlines
    def _deadline(self, orientation_type, date_decision):
        orientation = self._orientation(
            self.notebook, orientation_type, date_decision=date_decision,
            organism_id=self.organism.id)
        return orientation.contract_deadline

    def test_deadline_professional_ft_one_month(self):
        """"Doit, sous un mois après l'orientation, conclure un contrat"."""
        self.assertEqual(self._deadline("professional_ft", "2026-03-10"), "2026-04-10")

    def test_deadline_professional_other_one_month(self):
        self.assertEqual(self._deadline("professional_other", "2026-03-10"), "2026-04-10")

    def test_deadline_solidarity_two_months(self):
        """"sous deux mois après son orientation … conclure un CERS"."""
        self.assertEqual(self._deadline("solidarity", "2026-03-10"), "2026-05-10")

    def test_deadline_end_of_january_to_end_of_february(self):
        self.assertEqual(self._deadline("professional_ft", "2027-01-31"), "2027-02-28")

    def test_deadline_leap_year(self):
        self.assertEqual(self._deadline("solidarity", "2027-12-31"), "2028-02-29")

    def test_deadline_end_of_august_to_end_of_september(self):
        self.assertEqual(self._deadline("professional_other", "2026-08-31"), "2026-09-30")

    def test_no_deadline_before_the_decision(self):
        orientation = self._orientation(self.notebook)
        self.assertFalse(orientation.contract_deadline)
        orientation.action_decide()
        self.assertEqual(orientation.contract_deadline, self._shift(self.today, months=2))

    def test_deadline_follows_the_type_when_changed(self):
        orientation = self._orientation(self.notebook, "solidarity", date_decision="2026-03-10")
        orientation.orientation_type = "professional_ft"
        self.assertEqual(orientation.contract_deadline, "2026-04-10")

    def test_professional_deadline_months_come_from_the_settings(self):
        self._param(PRO_PARAM, "3")
        self.assertEqual(self._deadline("professional_ft", "2026-03-10"), "2026-06-10")
        self.assertEqual(self._deadline("solidarity", "2026-03-10"), "2026-05-10")

    def test_solidarity_deadline_months_come_from_the_settings(self):
        self._param(SOL_PARAM, "3")
        self.assertEqual(self._deadline("solidarity", "2026-03-10"), "2026-06-10")
        self.assertEqual(self._deadline("professional_ft", "2026-03-10"), "2026-04-10")

    def test_activity_due_at_the_configured_deadline(self):
        self._param(PRO_PARAM, "3")
        self._orientation(self.notebook, "professional_ft", date_decision="2026-03-10",
                          decide=True)
        self.assertEqual(self._contract_activities().date_deadline, "2026-06-10")

    # --------------------------------------------------------- overdue
    def test_overdue_past_the_deadline(self):
        late = self._orientation(self.notebook, date_decision="2020-01-15", decide=True)
        self.assertEqual(late.contract_deadline, "2020-03-15")
        self.assertTrue(late.is_overdue)

    def test_not_overdue_before_the_deadline(self):
        recent = self._orientation(self.notebook, decide=True)
        self.assertFalse(recent.is_overdue)

    def test_draft_or_replaced_is_not_overdue(self):
        old = self._orientation(self.notebook, date_decision="2020-01-15", decide=True)
        draft = self._orientation(self.notebook, date_decision="2020-01-15")
        self.assertFalse(draft.is_overdue)
        self._orientation(self.notebook, date_decision="2020-06-15", decide=True)
        self.assertEqual(old.state, "replaced")
        self.assertFalse(old.is_overdue)

    def test_overdue_is_searchable(self):
        late = self._orientation(self.notebook, date_decision="2020-01-15", decide=True)
        recent = self._orientation(self._notebook("Utrecent", self.referent), decide=True)
        draft = self._orientation(self._notebook("Utbrouillon", self.referent),
                                  date_decision="2020-01-15")
        Orientation = self.env["rsa.orientation"]
        overdue = Orientation.search([("is_overdue", "=", True)])
        self.assertIn(late, overdue)
        self.assertNotIn(recent, overdue)
        self.assertNotIn(draft, overdue)
        on_time = Orientation.search([("is_overdue", "=", False)])
        self.assertNotIn(late, on_time)
        self.assertIn(recent, on_time)
        self.assertIn(draft, on_time)
        self.assertEqual(Orientation.search([("is_overdue", "!=", False)]) & (late | recent),
                         late)


class TestDsp(OrientationCase):
    """Socio-professional data: "Formulaire complété lors de la demande";
    each update is a new version, the history keeps the others."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utdsp", cls.referent)
        cls.first = cls.env["rsa.dsp"].create({
            "notebook_id": cls.notebook.id, "housing_type": "precarious",
            "health_difficulty": True, "professional_project": "Cariste"})

    def _revise(self, **vals):
        self.notebook.invalidate_cache()
        defaults = self.notebook.action_revise_dsp()["context"]
        Dsp = self.env["rsa.dsp"].with_context(defaults)
        return Dsp.create(vals)

    def test_new_version_keeps_the_old_one(self):
        second = self._revise(housing_type="tenant_social")
        self.assertEqual(self.notebook.dsp_ids, self.first | second)
        self.assertEqual(self.first.housing_type, "precarious")
        self.assertEqual(second.housing_type, "tenant_social")

    def test_revision_is_prefilled_with_the_current_version(self):
        second = self._revise(housing_type="tenant_social")
        self.assertTrue(second.health_difficulty)
        self.assertEqual(second.professional_project, "Cariste")
        self.assertEqual(second.notebook_id, self.notebook)

    def test_recorded_version_cannot_be_modified(self):
        self._revise(housing_type="tenant_social")
        with self.assertRaises(UserError):
            self.first.write({"housing_type": "owner"})
        self.first.invalidate_cache()
        self.assertEqual(self.first.housing_type, "precarious")

    def test_history_cannot_be_deleted_by_a_professional(self):
        with self.assertRaises(UserError):
            self.first.sudo(self.referent).unlink()
        self.assertTrue(self.first.exists())

    def test_carnet_shows_the_newest_version(self):
        self.assertEqual(self.notebook.dsp_id, self.first)
        second = self._revise(housing_type="tenant_social")
        self.notebook.invalidate_cache()
        self.assertEqual(self.notebook.dsp_id, second)
        third = self._revise(housing_type="owner")
        self.notebook.invalidate_cache()
        self.assertEqual(self.notebook.dsp_id, third)

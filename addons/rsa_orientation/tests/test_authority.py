"""Who decides an orientation (issue "Who decides, and what happens at each
échéance"; seed 003): the orientation is "Décision d'orientation avec
désignation de l'organisme référent et du correspondant", a decision of the
Président du Conseil Général taken by his delegates (the correspondants for
their territories, the managers); the référent "Peut, après examen de la
situation du bénéficiaire, proposer au Conseil Général une autre
orientation": his proposal reaches the delegates as a task. A first
orientation whose employment-distance scale falls between the thresholds
goes to the orientation team ("c'est à l'Equipe Pluridisciplinaire (EP) ou
l'Equipe d'Orientation (EO) de se prononcer")."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EdeCase, OrientationCase

DECISION = "rsa_orientation.mail_activity_type_decision"


class AuthorityCase(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utautorite", cls.referent, territory_id=cls.territory.id)
        cls._member(cls.notebook, cls.accompagnateur)
        cls.orientation = cls._orientation(cls.notebook, "solidarity", decide=True)

    def _draft(self, user, **vals):
        values = {"notebook_id": self.notebook.id, "orientation_type": "professional_ft",
                  "referent_id": self.referent2.id}
        values.update(vals)
        return self.env["rsa.orientation"].sudo(user).create(values)

    def _tasks(self, record):
        return self.env["mail.activity"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("activity_type_id", "=", self.env.ref(DECISION).id)])


class TestProposal(AuthorityCase):

    def test_a_member_proposes_and_the_delegate_of_the_territory_gets_the_task(self):
        for user in (self.referent, self.accompagnateur):
            with self.subTest(user=user.login):
                proposal = self._draft(user)
                self.assertIs(proposal.action_propose(), True)
                self.assertEqual(proposal.state, "proposed")
                self.assertEqual(proposal.proposal_user_id, user)
                self.assertEqual(proposal.proposal_date, self.today)
                self.assertEqual(self._tasks(proposal).mapped("user_id"), self.delegate)
                # the current orientation and the référent stay until decided
                self.assertEqual(self.notebook.orientation_id, self.orientation)
                self.assertEqual(self.notebook.referent_id, self.referent)

    def test_without_a_correspondant_the_managers_get_the_task(self):
        notebook = self._notebook("Utsansterritoire", self.referent)
        self._orientation(notebook, decide=True)
        proposal = self.env["rsa.orientation"].sudo(self.referent).create({
            "notebook_id": notebook.id, "orientation_type": "professional_ft",
            "referent_id": self.referent.id})
        proposal.action_propose()
        users = self._tasks(proposal).mapped("user_id")
        self.assertIn(self.manager, users)
        self.assertNotIn(self.delegate, users)

    def test_the_referent_neither_decides_nor_refuses(self):
        proposal = self._draft(self.referent)
        proposal.action_propose()
        for action in ("action_decide", "action_refuse"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(proposal, action)()
        self.assertEqual(proposal.state, "proposed")

    def test_the_delegate_decides_from_the_proposal(self):
        proposal = self._draft(self.referent)
        proposal.action_propose()
        self.assertTrue(self._tasks(proposal))
        self.assertIs(proposal.sudo(self.delegate).action_decide(), True)
        proposal = proposal.sudo()  # the former référent left the carnet
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(proposal.decision_user_id, self.delegate)
        self.assertEqual(self.orientation.state, "replaced")
        self.assertEqual(self.notebook.referent_id, self.referent2)
        self.assertFalse(self._tasks(proposal), "the task ends with the decision")

    def test_the_delegate_does_not_retain_a_proposal(self):
        proposal = self._draft(self.referent)
        proposal.action_propose()
        self.assertIs(proposal.sudo(self.manager).action_refuse(), True)
        self.assertEqual(proposal.state, "refused")
        self.assertFalse(self._tasks(proposal))
        self.assertEqual(self.notebook.orientation_id, self.orientation)
        told = proposal.message_ids.filtered(
            lambda m: self.referent.partner_id in m.partner_ids)
        self.assertEqual(len(told), 1)
        with self.assertRaises(UserError):
            proposal.sudo(self.delegate).action_decide()

    def test_a_proposal_is_the_proposers_until_the_delegate_decides(self):
        proposal = self._draft(self.referent)
        proposal.action_propose()
        with self.assertRaises(AccessError):
            proposal.write({"orientation_type": "solidarity"})
        # the delegate completes it before deciding
        proposal.sudo(self.delegate).write({"referent_id": self.accompagnateur.id})
        self.assertEqual(proposal.referent_id, self.accompagnateur)

    def test_only_a_draft_is_proposed(self):
        with self.assertRaises(UserError):
            self.orientation.sudo(self.referent).action_propose()

    def test_an_outsider_proposes_nothing(self):
        proposal = self._draft(self.referent)
        with self.assertRaises(AccessError):
            proposal.sudo(self.outsider).action_propose()
        self.assertEqual(proposal.state, "draft")


class TestDecisionFields(AuthorityCase):
    """Before, a member wrote the decision's date of his own draft (and so
    the contract deadline), and the next référent on an EP case."""

    def test_a_member_does_not_date_the_decision(self):
        self.assertRefused(
            AccessError, "rsa.orientation", [("notebook_id", "=", self.notebook.id)],
            lambda: self._draft(self.referent, date_decision="2020-01-01"))
        proposal = self._draft(self.referent)
        with self.assertRaises(AccessError):
            proposal.write({"date_decision": "2020-01-01"})
        self.assertFalse(proposal.date_decision)

    def test_the_delegate_dates_his_decision(self):
        proposal = self._draft(self.referent)
        proposal.sudo(self.delegate).write({"date_decision": "2026-03-10"})
        proposal.sudo(self.delegate).action_decide()
        self.assertEqual(proposal.sudo().date_decision, "2026-03-10")

    def test_a_member_does_not_write_the_decision_of_an_ep_case(self):
        case = self._case(self.notebook).sudo(self.referent)
        for vals in ({"new_referent_id": self.referent.id}, {"decision_note": "Accordé"},
                     {"new_organism_id": self.organism.id},
                     {"new_correspondant_id": self.correspondant.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                case.write(vals)
        self.assertRefused(
            AccessError, "rsa.ep.case", [("notebook_id", "=", self.notebook.id)],
            lambda: self.env["rsa.ep.case"].sudo(self.referent).create({
                "notebook_id": self.notebook.id, "case_type": "reorientation",
                "new_referent_id": self.referent.id}))
        case.sudo(self.delegate).write({"new_referent_id": self.referent2.id})
        self.assertEqual(case.new_referent_id, self.referent2)


class TestOrientationTeam(AuthorityCase):
    """A first orientation whose scale falls between the thresholds goes to
    the orientation team as a case; the delegate decides on the case."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first = cls._notebook("Utpremiere", cls.referent, territory_id=cls.territory.id)
        cls.eo_session = cls._session(cls.team_member, team_type="orientation")
        cls.ep_session = cls._session(cls.team_member2)

    def _agreed(self, notebook, total):
        """An agreed assessment of ``total`` points, without a blue level."""
        assessment = self.env["rsa.ede.assessment"].create({"notebook_id": notebook.id})
        EdeCase._fill(self, assessment, EdeCase._levels_for_total(assessment.scale_id, total))
        assessment.action_done()
        return assessment

    def _proposal(self, notebook, total, **vals):
        assessment = self._agreed(notebook, total)
        proposal = self.env["rsa.orientation"].sudo(self.referent).create(dict({
            "notebook_id": notebook.id, "assessment_id": assessment.id, "basis": "ede",
            "orientation_type": "professional_other", "organism_id": self.organism.id,
            "referent_id": self.referent.id}, **vals))
        proposal.action_propose()
        return proposal

    def test_a_first_orientation_between_the_thresholds_goes_to_the_team(self):
        proposal = self._proposal(self.first, 25)
        case = proposal.ep_case_id
        self.assertTrue(case)
        self.assertEqual((case.case_type, case.state, case.proposal_id),
                         ("orientation", "submitted", proposal))
        self.assertEqual(case.assessment_id, proposal.assessment_id)
        self.assertEqual(case.requested_orientation_type, "professional_other")
        self.assertFalse(self._tasks(proposal), "decided on the case, after the opinion")
        # not decided before the team's opinion, not refused either
        for action in ("action_decide", "action_refuse"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(proposal.sudo(self.delegate), action)()
        self.assertEqual(proposal.state, "proposed")

    def test_the_orientation_team_examines_it_and_the_delegate_decides(self):
        proposal = self._proposal(self.first, 25).sudo()
        case = proposal.ep_case_id
        with self.assertRaises(ValidationError), self.cr.savepoint():
            case.write({"session_id": self.ep_session.id})
        case.write({"session_id": self.eo_session.id})
        as_team = case.sudo(self.team_member)
        as_team.write({"opinion_motive": "Projet professionnel construit"})
        as_team.action_opinion_favourable()
        self.assertEqual(self._tasks(case).mapped("user_id"), self.delegate)
        as_delegate = case.sudo(self.delegate)
        as_delegate.write({"requested_orientation_type": "professional_ft",
                           "new_referent_id": self.referent2.id})
        as_delegate.action_grant()
        self.assertEqual(case.result_orientation_id, proposal)
        self.assertEqual((proposal.state, proposal.orientation_type, proposal.basis),
                         ("decided", "professional_ft", "team"))
        self.assertEqual(proposal.decision_user_id, self.delegate)
        self.assertEqual(self.first.orientation_id, proposal)
        self.assertEqual(self.first.referent_id, self.referent2)
        self.assertFalse(self._tasks(case))

    def test_refused_on_the_case_the_proposal_is_not_retained(self):
        proposal = self._proposal(self.first, 25).sudo()
        case = proposal.ep_case_id
        case.write({"session_id": self.eo_session.id, "opinion_motive": "Motivation UT"})
        case.action_give_opinion("unfavourable")
        case.action_decide("refused")
        self.assertEqual(proposal.state, "refused")
        self.assertFalse(self.first.orientation_id)

    def test_a_withdrawn_case_gives_back_the_draft(self):
        proposal = self._proposal(self.first, 25)
        proposal.ep_case_id.sudo(self.referent).action_cancel()
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.ep_case_id)

    def test_the_delegate_does_not_skip_the_team(self):
        assessment = self._agreed(self.first, 25)
        draft = self._orientation(self.first, "solidarity", assessment_id=assessment.id)
        with self.assertRaises(UserError):
            draft.sudo(self.delegate).action_decide()
        self.assertEqual(draft.state, "draft")

    def test_outside_the_team_band_the_delegate_decides(self):
        proposal = self._proposal(self.first, 12)
        self.assertFalse(proposal.ep_case_id)
        self.assertEqual(self._tasks(proposal).mapped("user_id"), self.delegate)
        proposal.sudo(self.delegate).action_decide()
        self.assertEqual(proposal.state, "decided")

    def test_a_reorientation_goes_to_the_delegate(self):
        """A reorientation comes before the EP as a case of its own (the
        référent's request, Annexe 7); a proposal reaches the delegate."""
        proposal = self._proposal(self.notebook, 25)
        self.assertFalse(proposal.ep_case_id)
        self.assertTrue(self._tasks(proposal))

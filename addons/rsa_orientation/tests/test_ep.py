"""Cases before the équipe pluridisciplinaire (seed 003, "LES INSTANCES",
Annexe 7 "DEMANDE D'ETUDE EN EQUIPE PLURIDISCIPLINAIRE"), the sanction
scale ("DROITS ET DEVOIRS … SANCTIONS"), the 12-month limit of the
solidarity accompaniment ("L'ACCOMPAGNEMENT SOCIAL") and the prints."""
from odoo.exceptions import AccessError, UserError

from ..settings import SOLIDARITY_MAX_MONTHS

from .common import OrientationCase


class EpCase(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utequipe", cls.referent)
        cls.orientation = cls._orientation(cls.notebook, "solidarity", decide=True)
        cls.session = cls._session(cls.team_member)
        cls.assessment = cls._agreed_assessment(cls.notebook)

    def _assert_refused_submit(self, case):
        with self.assertRaises(UserError):
            case.action_submit()
        self.assertEqual(case.state, "draft")
        self.assertFalse(case.date_submitted)


class TestReorientationRequest(EpCase):
    """"A chaque demande de réorientation, transmettre également, l'échelle
    de distance à l'emploi." """

    def test_submit_requires_the_motive(self):
        case = self._case(self.notebook, motive=False,
                          assessment_id=self.assessment.id)
        self._assert_refused_submit(case)

    def test_submit_requires_the_reason(self):
        case = self._case(self.notebook, reorientation_reason=False,
                          assessment_id=self.assessment.id)
        self._assert_refused_submit(case)

    def test_submit_requires_an_assessment(self):
        self._assert_refused_submit(self._case(self.notebook))

    def test_submit_requires_an_agreed_assessment(self):
        draft = self._agreed_assessment(self.notebook, agree=False)
        self._assert_refused_submit(self._case(self.notebook, assessment_id=draft.id))

    def test_submit_complete_request(self):
        """"Elles ont un mois pour rendre leur recommandation"."""
        case = self._case(self.notebook,
                          assessment_id=self.assessment.id)
        case.action_submit()
        self.assertEqual(case.state, "submitted")
        self.assertEqual(case.date_submitted, self.today)
        self.assertEqual(case.opinion_deadline, self._shift(self.today, months=1))

    def test_submit_twice_is_refused(self):
        case = self._case(self.notebook,
                          assessment_id=self.assessment.id)
        case.action_submit()
        with self.assertRaises(UserError):
            case.action_submit()

    def test_case_number_from_the_sequence(self):
        first = self._case(self.notebook)
        second = self._case(self.notebook)
        self.assertTrue(first.name.startswith("DOS-"))
        self.assertNotEqual(first.name, second.name)


class TestSessionNumber(OrientationCase):
    """A session is numbered when it is created: opening a new session's
    form (default values) and leaving it consumed a number before."""

    def _next_number(self):
        sequence = self.env.ref("rsa_orientation.seq_rsa_ep_session")
        sequence.invalidate_cache()
        return sequence.number_next_actual

    def test_opening_the_form_consumes_no_number(self):
        Session = self.env["rsa.ep.session"].sudo(self.manager)
        before = self._next_number()
        for _attempt in range(2):
            values = Session.default_get(list(Session._fields))
            self.assertIn(values.get("name"), (None, False, "/"))
        self.assertEqual(self._next_number(), before)
        session = Session.create({"date": self.today + " 09:00:00", "territory": "UT"})
        self.assertTrue(session.name.startswith("EP-"))
        self.assertEqual(self._next_number(), before + 1)

    def test_two_sessions_two_numbers(self):
        first, second = self._session(self.team_member), self._session(self.team_member)
        self.assertNotEqual(first.name, second.name)

    def test_hold_then_close(self):
        session = self._session(self.team_member)
        with self.assertRaises(UserError):
            session.action_close()
        self.assertIs(session.action_hold(), True)
        with self.assertRaises(UserError):
            session.action_hold()
        self.assertIs(session.action_close(), True)
        self.assertEqual(session.state, "closed")


class TestOpinion(EpCase):

    def setUp(self):
        super().setUp()
        self.case = self._case(self.notebook,
                               assessment_id=self.assessment.id)
        self.case.action_submit()

    def _assert_refused_opinion(self, opinion="favourable"):
        with self.assertRaises(UserError):
            self.case.action_give_opinion(opinion)
        self.assertEqual(self.case.state, "submitted")
        self.assertFalse(self.case.opinion)
        self.assertFalse(self.case.opinion_date)

    def test_opinion_requires_a_session(self):
        self.case.write({"opinion_motive": "Projet professionnel"})
        self._assert_refused_opinion()

    def test_opinion_requires_a_known_opinion(self):
        self.case.write({"session_id": self.session.id, "opinion_motive": "Projet"})
        self._assert_refused_opinion(False)
        self._assert_refused_opinion("maybe")

    def test_opinion_requires_a_motivation(self):
        self.case.write({"session_id": self.session.id, "opinion_motive": "   \n "})
        self._assert_refused_opinion()

    def test_opinion_given(self):
        self.case.write({"session_id": self.session.id,
                         "opinion_motive": "Freins de santé à lever d'abord"})
        self.assertIs(self.case.action_opinion_unfavourable(), True)
        self.assertEqual(self.case.state, "opinion")
        self.assertEqual(self.case.opinion, "unfavourable")
        self.assertEqual(self.case.opinion_date, self.today)

    def test_opinion_on_a_draft_case_is_refused(self):
        case = self._case(self.notebook)
        case.write({"session_id": self.session.id, "opinion_motive": "Projet"})
        with self.assertRaises(UserError):
            case.action_give_opinion("favourable")
        self.assertEqual(case.state, "draft")

    def test_decision_follows_the_opinion(self):
        with self.assertRaises(UserError):
            self.case.action_decide("confirmed")
        self.assertEqual(self.case.state, "submitted")
        self.assertFalse(self.case.decision)
        self.assertFalse(self.case.result_orientation_id)


class TestReorientationDecision(EpCase):

    def setUp(self):
        super().setUp()
        self.case = self._case_with_opinion(self.notebook, self.session)

    def _team_orientations(self):
        return self.notebook.orientation_ids - self.orientation

    def test_granted_creates_the_new_orientation(self):
        self._decide(self.case, new_referent_id=self.accompagnateur.id)
        new = self.case.result_orientation_id
        self.assertEqual(self._team_orientations(), new)
        self.assertEqual(new.orientation_type, "professional_ft")
        self.assertEqual(new.basis, "team")
        self.assertEqual(new.ep_case_id, self.case)
        self.assertEqual(new.assessment_id, self.case.assessment_id)
        self.assertEqual(self.case.state, "decided")
        self.assertEqual(self.case.decision_date, self.today)

    def test_granted_with_referent_decides_the_orientation(self):
        self._decide(self.case, new_referent_id=self.accompagnateur.id)
        new = self.case.result_orientation_id
        self.assertEqual(new.state, "decided")
        self.assertEqual(new.date_decision, self.today)
        self.assertEqual(new.contract_deadline, self._shift(self.today, months=1))
        self.assertEqual(self.orientation.state, "replaced")
        self.assertEqual(self.notebook.orientation_id, new)

    def test_granted_changes_the_referent_of_the_carnet(self):
        self._decide(self.case, new_referent_id=self.accompagnateur.id,
                     new_organism_id=self.organism.id)
        self.assertEqual(self.notebook.referent_id, self.accompagnateur)
        self.assertEqual(self.notebook.structure_id, self.organism)
        self.env["cdb.notebook"].sudo(self.accompagnateur).browse(self.notebook.id).read(
            ["state"])

    def test_former_referent_loses_access_to_the_carnet(self):
        Notebook = self.env["cdb.notebook"].sudo(self.referent)
        Notebook.browse(self.notebook.id).read(["state"])  # before: allowed
        self._decide(self.case, new_referent_id=self.accompagnateur.id)
        self.env["cdb.notebook"].invalidate_cache()
        with self.assertRaises(AccessError):
            Notebook.browse(self.notebook.id).read(["state"])
        self.assertFalse(Notebook.search([("id", "=", self.notebook.id)]))

    def test_granted_without_referent_leaves_a_draft(self):
        self._decide(self.case)
        new = self.case.result_orientation_id
        self.assertEqual(new.state, "draft")
        self.assertEqual(self.orientation.state, "decided")
        self.assertEqual(self.notebook.referent_id, self.referent)

    def test_granted_needs_the_new_orientation(self):
        self.case.requested_orientation_type = False
        with self.assertRaises(UserError):
            self.case.action_grant()
        self.assertEqual(self.case.state, "opinion")
        self.assertFalse(self._team_orientations())

    def test_refused_creates_nothing(self):
        self._decide(self.case, decision="refused", new_referent_id=self.accompagnateur.id)
        self.assertEqual(self.case.state, "decided")
        self.assertFalse(self.case.result_orientation_id)
        self.assertFalse(self._team_orientations())
        self.assertEqual(self.orientation.state, "decided")
        self.assertEqual(self.notebook.referent_id, self.referent)

    def _decision_messages(self, record):
        return record.message_ids.filtered(lambda m: self.case.name in (m.body or ""))

    def test_referent_notified_of_the_decision(self):
        self._decide(self.case, decision="refused")
        notified = self._decision_messages(self.case).filtered(
            lambda m: self.referent.partner_id in m.partner_ids)
        self.assertEqual(len(notified), 1)
        self.assertEqual(len(self._decision_messages(self.notebook)), 1)

    def test_new_referent_notified_of_the_granted_reorientation(self):
        self._decide(self.case, new_referent_id=self.accompagnateur.id)
        notified = self._decision_messages(self.case).filtered(
            lambda m: self.accompagnateur.partner_id in m.partner_ids)
        self.assertEqual(len(notified), 1)
        self.assertEqual(len(self._decision_messages(self.notebook)), 1)

    def test_requesting_referent_leaves_with_the_granted_reorientation(self):
        """The new référent gets the decision in their inbox; the référent who
        asked for the reorientation left the carnet with it and no longer
        follows its case (issue 10: the followers of a carnet's parts are its
        active members and its beneficiary)."""
        self._decide(self.case, new_referent_id=self.accompagnateur.id)
        message = self._decision_messages(self.case)
        self.assertEqual(len(message), 1)
        self.assertNotIn(self.referent.partner_id, message.needaction_partner_ids)
        self.assertIn(self.accompagnateur.partner_id, message.needaction_partner_ids)


class TestSuspension(EpCase):
    """"A chaque demande de suspension, transmettre aussi les différents
    courriers de convocations." and the scale of "Les sanctions"."""

    def _rule(self, xmlid):
        return self.env.ref("rsa_orientation." + xmlid)

    def _backdate(self, case, months):
        """The steps of ``case`` as if applied ``months`` earlier."""
        for step in case.sanction_step_ids:
            step._workflow_write({
                "date_start": self._shift(step.date_start, months=-months),
                "date_end": step.date_end and self._shift(step.date_end, months=-months)})

    def test_submit_requires_the_reason(self):
        case = self._case(self.notebook, "suspension", suspension_reason=False)
        self._attach(case)
        self._assert_refused_submit(case)

    def test_submit_requires_the_convocation_letters(self):
        case = self._case(self.notebook, "suspension")
        self._assert_refused_submit(case)
        self._attach(case)
        case.action_submit()
        self.assertEqual(case.state, "submitted")

    def test_letters_of_another_case_do_not_count(self):
        other = self._case(self.notebook, "suspension")
        self._attach(other)
        case = self._case(self.notebook, "suspension")
        self._assert_refused_submit(case)

    def test_no_contract_starts_the_scale(self):
        """"le montant du RSA sera réduit de 100 € pendant un mois" """
        case = self._case_with_opinion(self.notebook, self.session, "suspension")
        self._decide(case)
        step = case.sanction_step_ids
        self.assertEqual(len(step), 1)
        self.assertEqual(step.rule_id, self._rule("sanction_no_contract_1"))
        self.assertEqual(step.date_start, self.today)
        self.assertEqual(step.date_end, self._shift(self.today, months=1))
        self.assertEqual(case.failure, "no_contract")

    def test_no_contract_scale_in_order(self):
        """"… puis de la moitié du montant forfaitaire … jusqu'à la conclusion
        … La radiation du dispositif interviendra au bout de 4 mois" """
        case = self._case_with_opinion(self.notebook, self.session, "suspension")
        self._decide(case)
        first = case.sanction_step_ids
        second = case._apply_next_sanction_step()
        self.assertEqual(second.rule_id, self._rule("sanction_no_contract_2"))
        self.assertEqual(second.date_start, first.date_end)
        self.assertFalse(second.date_end)  # until the contract is concluded
        # the radiation "au bout de 4 mois de suspension totale" only
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()
        self._backdate(case, 6)
        due = self._shift(second.date_start, months=4)
        third = case._apply_next_sanction_step()
        self.assertEqual(third.rule_id, self._rule("sanction_no_contract_3"))
        # the open step is closed when the radiation begins, on its due date
        self.assertEqual(second.date_end, due)
        self.assertEqual(third.date_start, due)
        self.assertEqual(case.sanction_step_ids, first | second | third)
        self.assertEqual(case.sanction_step_ids.mapped("sequence"), [1, 2, 3])
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()
        self.assertEqual(len(case.sanction_step_ids), 3)

    def test_breach_follows_its_own_scale(self):
        """"En cas de non-respect du contenu du contrat … réduit pendant 1
        mois, puis de la moitié … pendant 4 mois" """
        case = self._case_with_opinion(self.notebook, self.session, "suspension",
                                       suspension_reason="breach")
        self._decide(case)
        first = case.sanction_step_ids
        self.assertEqual(first.rule_id, self._rule("sanction_breach_1"))
        self.assertEqual(case.failure, "breach")
        second = case._apply_next_sanction_step()
        self.assertEqual(second.rule_id, self._rule("sanction_breach_2"))
        self.assertEqual(second.date_start, first.date_end)
        self.assertEqual(second.date_end, self._shift(first.date_end, months=4))
        self._backdate(case, 8)
        third = case._apply_next_sanction_step()
        self.assertEqual(third.rule_id, self._rule("sanction_breach_3"))
        self.assertEqual(third.date_start, second.date_end)
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()

    def test_refused_suspension_applies_nothing(self):
        case = self._case_with_opinion(self.notebook, self.session, "suspension",
                                       opinion="unfavourable")
        self._decide(case, decision="refused")
        self.assertFalse(case.sanction_step_ids)
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()
        self.assertFalse(case.sanction_step_ids)

    def test_reorientation_has_no_sanction(self):
        case = self._case_with_opinion(self.notebook, self.session)
        self._decide(case)
        self.assertFalse(case.sanction_step_ids)
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()


class TestSolidarityLimit(OrientationCase):
    """"un accompagnement social pendant une période de 6 mois pouvant aller
    jusqu'à 12 mois": then the case goes to the équipe pluridisciplinaire."""

    def _solidarity(self, months_ago, orientation_type="solidarity"):
        notebook = self._notebook("Utsolidarite", self.referent)
        return self._orientation(
            notebook, orientation_type, decide=True, organism_id=self.organism.id,
            date_decision=self._shift(self.today, months=-months_ago))

    def _cases_of(self, orientation):
        return self.env["rsa.ep.case"].search([("notebook_id", "=", orientation.notebook_id.id)])

    def _cron(self):
        return self.env["rsa.orientation"]._cron_solidarity_twelve_months()

    def test_twelve_months_opens_a_reorientation_case(self):
        orientation = self._solidarity(12)
        self._cron()
        case = self._cases_of(orientation)
        self.assertEqual(len(case), 1)
        self.assertEqual(case.case_type, "reorientation")
        self.assertEqual(case.reorientation_reason, "solidarity_limit")
        self.assertEqual(case.origin_orientation_id, orientation)
        self.assertEqual(case.state, "draft")
        self.assertTrue(case.motive)

    def test_eleven_months_opens_nothing(self):
        orientation = self._solidarity(11)
        self._cron()
        self.assertFalse(self._cases_of(orientation))

    def test_never_twice(self):
        orientation = self._solidarity(14)
        self._cron()
        self._cron()
        self.assertEqual(len(self._cases_of(orientation)), 1)

    def test_professional_orientation_is_not_concerned(self):
        orientation = self._solidarity(14, "professional_other")
        self._cron()
        self.assertFalse(self._cases_of(orientation))

    def test_new_solidarity_orientation_restarts_the_period(self):
        old = self._solidarity(14)
        self._orientation(old.notebook_id, "solidarity", decide=True,
                          date_decision=self._shift(self.today, months=-2))
        self.assertEqual(old.state, "replaced")
        self._cron()
        self.assertFalse(self._cases_of(old))

    def test_limit_from_the_settings(self):
        self._param(SOLIDARITY_MAX_MONTHS.key, "6")
        orientation = self._solidarity(7)
        self._cron()
        self.assertEqual(len(self._cases_of(orientation)), 1)


class TestPrints(EpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first rendering builds the report asset bundles (lessc, slow):
        # once for the class rather than in every test's savepoint.
        cls.env.ref("rsa_orientation.action_report_ep_session").render_qweb_html(
            cls.session.ids)

    def _html(self, xmlid, records):
        html, fmt = self.env.ref(xmlid).render_qweb_html(records.ids)
        self.assertEqual(fmt, "html")
        return html.decode("utf-8") if isinstance(html, bytes) else html

    def test_ep_case_report_favourable(self):
        case = self._case_with_opinion(self.notebook, self.session)
        html = self._html("rsa_orientation.action_report_ep_case", case)
        self.assertIn(self.notebook.beneficiary_id.name, html)
        self.assertIn(case.name, html)
        self.assertIn("<strong>favorable</strong>", html)
        self.assertNotIn("pas favorable", html)
        self.assertIn("Motivation UT de l", html)

    def test_ep_case_report_unfavourable_with_decision(self):
        case = self._case_with_opinion(self.notebook, self.session, "suspension",
                                       opinion="unfavourable")
        self._decide(case, decision="refused")
        html = self._html("rsa_orientation.action_report_ep_case", case)
        self.assertIn(self.notebook.beneficiary_id.name, html)
        self.assertIn("<strong>pas favorable</strong>", html)
        refused = dict(case._fields["decision"]._description_selection(case.env))["refused"]
        self.assertIn(refused, html)

    def test_session_report_lists_the_agenda(self):
        case = self._case_with_opinion(self.notebook, self.session)
        other = self._case_with_opinion(self._notebook("Utseance", self.referent),
                                        self.session, opinion="unfavourable")
        html = self._html("rsa_orientation.action_report_ep_session", self.session)
        labels = dict(case._fields["opinion"]._description_selection(case.env))
        for record in (case, other):
            self.assertIn(record.name, html)
            self.assertIn(record.notebook_id.beneficiary_id.name, html)
        self.assertIn(labels["favourable"], html)
        self.assertIn(labels["unfavourable"], html)
        self.assertIn(self.team_member.name, html)

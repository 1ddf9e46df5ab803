"""Issue 14, "No workflow by trial and error": the team's opinion and the
President's decision on a case are asked in a dialog that lists every
missing item in one message, then given by the case's own actions (the
server rules stay)."""
from odoo.exceptions import AccessError, UserError

from .test_ep import EpCase


class EpDialogCase(EpCase):

    def _open(self, case, method, user=None):
        records = case.sudo(user) if user else case
        action = getattr(records, method)()
        self.assertEqual(action["target"], "new")
        return self.env[action["res_model"]].sudo(user or self.env.uid).browse(
            action["res_id"])


class TestOpinionDialog(EpDialogCase):

    def setUp(self):
        super().setUp()
        self.case = self._case(self.notebook, assessment_id=self.assessment.id)
        self.case.action_submit()

    def test_every_missing_item_in_one_message(self):
        """No session, no opinion, no motivation: one refusal names the
        three, and the case waits for its opinion."""
        wizard = self._open(self.case, "action_open_opinion_wizard")
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertEqual(caught.exception.name.count("\n- "), 3, caught.exception.name)
        self.assertEqual(self.case.state, "submitted")
        self.assertFalse(self.case.opinion)

    def test_opinion_given_through_the_dialog(self):
        wizard = self._open(self.case, "action_open_opinion_wizard")
        wizard.write({"session_id": self.session.id, "opinion": "unfavourable",
                      "motive": "Freins de santé à lever d'abord"})
        wizard.action_confirm()
        self.assertEqual(self.case.state, "opinion")
        self.assertEqual(self.case.opinion, "unfavourable")
        self.assertEqual(self.case.session_id, self.session)
        self.assertEqual(self.case.opinion_motive, "Freins de santé à lever d'abord")

    def test_the_referent_gives_no_opinion(self):
        with self.assertRaises(AccessError):
            self.case.sudo(self.referent).action_open_opinion_wizard()

    def test_no_dialog_before_the_submission(self):
        draft = self._case(self.notebook)
        with self.assertRaises(UserError):
            draft.action_open_opinion_wizard()


class TestDecisionDialog(EpDialogCase):

    def setUp(self):
        super().setUp()
        self.case = self._case_with_opinion(self.notebook, self.session)

    def test_every_missing_item_in_one_message(self):
        """A granted reorientation without its new orientation is refused in
        one message; the case keeps waiting for its decision."""
        self.case.requested_orientation_type = False
        wizard = self._open(self.case, "action_open_decision_wizard")
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertEqual(caught.exception.name.count("\n- "), 1, caught.exception.name)
        wizard.decision = "confirmed"
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertIn("\n- ", caught.exception.name)
        self.assertEqual(self.case.state, "opinion")
        self.assertFalse(self.case.result_orientation_id)

    def test_granted_through_the_dialog(self):
        wizard = self._open(self.case, "action_open_decision_wizard")
        self.assertEqual(wizard.requested_orientation_type, "professional_ft")
        wizard.write({"decision": "confirmed", "new_referent_id": self.accompagnateur.id,
                      "note": "Projet professionnel confirmé"})
        wizard.action_confirm()
        self.assertEqual(self.case.state, "decided")
        self.assertEqual(self.case.decision_note, "Projet professionnel confirmé")
        new = self.case.result_orientation_id
        self.assertEqual(new.orientation_type, "professional_ft")
        self.assertEqual(new.referent_id, self.accompagnateur)

    def test_refused_through_the_dialog(self):
        wizard = self._open(self.case, "action_open_decision_wizard")
        wizard.write({"decision": "refused", "new_referent_id": self.accompagnateur.id})
        wizard.action_confirm()
        self.assertEqual(self.case.state, "decided")
        self.assertEqual(self.case.decision, "refused")
        self.assertFalse(self.case.result_orientation_id)
        self.assertFalse(self.case.new_referent_id)

    def test_the_referent_does_not_decide(self):
        with self.assertRaises(AccessError):
            self.case.sudo(self.referent).action_open_decision_wizard()
        wizard = self.env["rsa.ep.case.decision.wizard"].sudo(self.referent).create({
            "case_id": self.case.id, "decision": "refused"})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(self.case.state, "opinion")

"""Issue 14, "No workflow by trial and error": the decision on a contract,
the correspondant's answer or opinion on a fiche de liaison and the
President's decision on it are asked in a dialog that lists every missing
item in one message, then given by the records' own actions (the server
rules stay)."""
from odoo.exceptions import AccessError, UserError

from .common import ContractCase, LiaisonCase


def open_dialog(test, record, method, user):
    action = getattr(record.sudo(user), method)()
    test.assertEqual(action["target"], "new")
    return test.env[action["res_model"]].sudo(user).browse(action["res_id"])


class TestContractDecisionDialog(ContractCase):

    def test_rejection_needs_its_motive(self):
        """No decision: refused; a rejection without motive: refused; the
        contract waits for its decision."""
        contract = self._submitted(self._oriented_notebook())
        wizard = open_dialog(self, contract, "action_open_decision_wizard", self.correspondant)
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertEqual(caught.exception.name.count("\n- "), 1, caught.exception.name)
        wizard.decision = "rejected"
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(contract.state, "submitted")
        wizard.motive = "Le plan d'action ne répond pas aux objectifs."
        wizard.action_confirm()
        self.assertEqual(contract.state, "rejected")
        self.assertEqual(contract.decision_motive,
                         "Le plan d'action ne répond pas aux objectifs.")

    def test_validated_through_the_dialog(self):
        contract = self._submitted(self._oriented_notebook())
        wizard = open_dialog(self, contract, "action_open_decision_wizard", self.correspondant)
        wizard.decision = "validated"
        wizard.action_confirm()
        self.assertIn(contract.state, ("validated", "running"))
        self.assertEqual(contract.decision_user_id, self.correspondant)

    def test_the_referent_does_not_decide(self):
        contract = self._submitted(self._oriented_notebook())
        with self.assertRaises(AccessError):
            contract.sudo(self.referent).action_open_decision_wizard()
        wizard = self.env["cer.contract.decision.wizard"].sudo(self.referent).create({
            "contract_id": contract.id, "decision": "validated"})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(contract.state, "submitted")


class TestLiaisonDialogs(LiaisonCase):

    def _actions_sent(self):
        liaison = self._liaison("actions", referent_signed_date=self.today,
                                beneficiary_signed_date=self.today,
                                action_ids=[(6, 0, self.env.ref(
                                    "cer_contracts.liaison_action_life_project").ids)])
        liaison.sudo(self.referent).action_send()
        return liaison

    def test_opinion_lists_every_missing_item(self):
        """A request of actions takes an opinion and observations: both are
        named in one refusal; the fiche stays with the correspondant."""
        liaison = self._actions_sent()
        wizard = open_dialog(self, liaison, "action_open_opinion_wizard", self.correspondant)
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertEqual(caught.exception.name.count("\n- "), 2, caught.exception.name)
        self.assertEqual(liaison.state, "sent")
        wizard.write({"opinion": "favourable", "comment": "Action adaptée."})
        wizard.action_confirm()
        self.assertEqual(liaison.state, "opinion")
        self.assertEqual(liaison.correspondant_opinion, "favourable")
        self.assertEqual(liaison.correspondant_comment, "Action adaptée.")

    def test_support_request_is_answered_without_opinion(self):
        liaison = self._sent("support", support_request="Quelles aides pour la garde ?")
        wizard = open_dialog(self, liaison, "action_open_opinion_wizard", self.correspondant)
        self.assertFalse(wizard.needs_opinion)
        wizard.comment = "Voir le relais assistantes maternelles."
        wizard.action_confirm()
        self.assertEqual(liaison.state, "closed")
        self.assertFalse(liaison.correspondant_opinion)

    def test_only_the_correspondant_answers(self):
        liaison = self._sent("support", support_request="Quelles aides pour la garde ?")
        with self.assertRaises(AccessError):
            liaison.sudo(self.referent).action_open_opinion_wizard()
        with self.assertRaises(AccessError):
            liaison.sudo(self.foreign_correspondant).action_open_opinion_wizard()
        self.assertEqual(liaison.state, "sent")

    def test_decision_through_the_dialog(self):
        liaison = self._actions_sent()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Action adaptée."
        as_correspondant.action_opinion_favourable()
        with self.assertRaises(AccessError):
            liaison.sudo(self.referent).action_open_decision_wizard()
        wizard = open_dialog(self, liaison, "action_open_decision_wizard", self.correspondant)
        wizard.decision = "refused"
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertIn("\n- ", caught.exception.name)
        self.assertEqual(liaison.state, "opinion")
        wizard.write({"decision": "granted", "structure_id": self.structure_b.id,
                      "structure_contact": "Mme Lemaire"})
        wizard.action_confirm()
        self.assertEqual(liaison.decision, "granted")
        self.assertEqual(liaison.state, "structure")
        self.assertEqual(liaison.structure_id, self.structure_b)

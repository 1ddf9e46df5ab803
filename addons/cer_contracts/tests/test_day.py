"""Issue 14 in cer_contracts: signing through a dialog that lists every
missing item at once, the decision asked of the correspondant at the
submission (who decides, by when), the homes' contract sections."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.rsa_orientation.models.cdb_notebook import DECISION_ACTIVITY

from .common import ContractCase


class TestSignWizard(ContractCase):

    def _wizard(self, contract, user=None):
        action = contract.sudo(user or self.referent).action_open_sign_wizard()
        return self.env["cer.sign.wizard"].sudo(user or self.referent).browse(action["res_id"])

    def test_sign_through_the_dialog(self):
        contract = self._contract(self._oriented_notebook())
        self._pap_line(contract)
        wizard = self._wizard(contract)
        self.assertEqual(wizard.referent_signed_date, self.today)
        wizard.write({"beneficiary_signed_date": self.today, "reciprocity_answer": "accepted"})
        wizard.action_confirm()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.reciprocity_answer, "accepted")
        self.assertEqual(contract.beneficiary_signed_date, self.today)

    def test_every_missing_item_in_one_message(self):
        """No date, no answer, no plan: one refusal names the three."""
        contract = self._contract(self._oriented_notebook())
        wizard = self._wizard(contract)
        wizard.referent_signed_date = False
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        self.assertEqual(caught.exception.name.count("\n- "), 3, caught.exception.name)
        self.assertEqual(contract.state, "draft")
        with self.assertRaises(UserError) as caught:
            contract.sudo(self.referent).action_sign()
        self.assertEqual(caught.exception.name.count("\n- "), 3, caught.exception.name)

    def test_dialog_follows_the_policy(self):
        contract = self._contract(self._oriented_notebook())
        with self.assertRaises(AccessError):
            contract.sudo(self.outsider).action_open_sign_wizard()
        wizard = self._wizard(contract)
        wizard.write({"beneficiary_signed_date": self.today, "reciprocity_answer": "accepted"})
        with self.assertRaises(AccessError):
            wizard.sudo(self.outsider).action_confirm()


class TestDecisionAsked(ContractCase):

    def test_submission_gives_the_correspondants_a_task(self):
        """The correspondants of the territory get a decision task, due
        within the setting; the contract shows who decides and by when; the
        decision closes every task."""
        contract = self._submitted(self._oriented_notebook())
        activity_type = self.env.ref(DECISION_ACTIVITY)
        tasks = contract.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(tasks.mapped("user_id"),
                         self.correspondant | self.territory_correspondant)
        as_referent = contract.sudo(self.referent)
        self.assertEqual(as_referent.decider_ids,
                         self.correspondant | self.territory_correspondant)
        self.assertEqual(as_referent.decision_deadline, self._shift(self.today, days=15))
        contract.sudo(self.correspondant).action_validate()
        contract.invalidate_cache()
        self.assertFalse(contract.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type))
        self.assertFalse(contract.decider_ids)


class TestHomes(ContractCase):

    def _day(self, user, mode="day"):
        return self.env["cdb.day"].sudo(user).create({"mode": mode})

    def test_referent_day_and_correspondant_queue(self):
        notebook = self._oriented_notebook()
        draft = self._contract(notebook)
        self.assertIn(draft, self._day(self.referent).sign_contract_ids)
        self.assertNotIn(draft, self._day(self.referent2).sign_contract_ids)
        submitted = self._submitted(self._oriented_notebook())
        queue = self._day(self.correspondant, "queue")
        self.assertIn(submitted, queue.decide_contract_ids)
        self.assertNotIn(submitted, self._day(self.foreign_correspondant,
                                              "queue").decide_contract_ids)
        self.assertFalse(self._day(self.correspondant, "queue").sign_contract_ids)

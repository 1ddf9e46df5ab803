"""Avenant (guide, "LA FICHE DE LIAISON", quatrième situation: "redéfinition
du PAP, annulation d'action, nouvelle action … Le référent utilise la fiche
de liaison comme avenant au CER et y joint le PAP"): signed by the
beneficiary, it changes the plan of the contract and of the carnet, never
the end date of the contract."""
from odoo.exceptions import AccessError, UserError

from .common import ContractCase


class TestAmendment(ContractCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._running(self.notebook)
        self.first_line = self.contract.pap_line_ids
        self.end = self.contract.date_end

    def _draft(self, **vals):
        return self._amendment(self.contract, cancel=self.first_line.action_id, **vals)

    def test_apply_needs_the_beneficiary_signature(self):
        amendment, _new_line = self._draft()
        self.assertRefusedWith(UserError, amendment.sudo(self.correspondant).action_apply)
        self.assertEqual(amendment.state, "draft")
        self.assertEqual(self.first_line.state, "planned", "not cancelled")
        self.assertEqual(self.contract.date_end, self.end)

    def test_draft_amendment_does_not_change_the_plan_yet(self):
        """Until the beneficiary signs (and the President decides), the
        contract and the carnet keep the plan that was signed."""
        _amendment, new_line = self._draft()
        self.assertFalse(new_line.pap_line_id)
        self.assertEqual(self.contract.pap_line_ids, self.first_line)
        self.assertEqual(self.notebook.action_ids.filtered(
            lambda a: a.state != "abandoned"), self.first_line.action_id)

    def test_signed_amendment_changes_the_plan_of_contract_and_carnet(self):
        amendment, new_line = self._draft(beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertEqual(amendment.state, "applied")
        pap_line = new_line.pap_line_id
        self.assertIn(pap_line, self.contract.pap_line_ids)
        self.assertEqual(pap_line.amendment_id, amendment)
        self.assertIn(pap_line.action_id, self.notebook.action_ids)
        self.assertEqual(pap_line.action_id.action_code_id.code, "G.2.3")
        self.assertEqual(self.first_line.state, "abandoned")
        self.assertEqual(self.first_line.action_id.state, "abandoned",
                         "the carnet's action is cancelled too")
        self.assertEqual(self.contract.date_end, self.end,
                         "an amendment never moves the end of the contract")
        self.assertEqual(self.contract.state, "running")

    def test_amendment_applies_once(self):
        amendment, _new_line = self._draft(beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertRefusedWith(UserError, amendment.sudo(self.correspondant).action_apply)

    def test_applied_amendment_is_frozen(self):
        amendment, new_line = self._draft(beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        for values in ({"reason": "Autre motif"}, {"beneficiary_signed_date": False},
                       {"cancelled_action_ids": [(5, 0, 0)]}):
            with self.subTest(values=values):
                self.assertRefusedWith(AccessError,
                                       lambda: amendment.sudo(self.referent).write(values))
        self.assertRefusedWith(AccessError, lambda: new_line.sudo(self.referent).write(
            {"date_deadline": self._shift(self.today, months=6)}))
        self.assertRefusedWith(AccessError, new_line.sudo(self.referent).unlink)
        self.assertRefusedWith(UserError, amendment.sudo().unlink)

    def test_referent_cannot_apply_without_the_decision(self):
        """The President decides an avenant (by delegation to the
        correspondant, through the fiche de liaison): policy decide_contract."""
        amendment, new_line = self._draft(beneficiary_signed_date=self.today)
        self.assertRefusedWith(AccessError, amendment.sudo(self.referent).action_apply)
        self.assertEqual(amendment.state, "draft")
        self.assertFalse(new_line.pap_line_id)

    def test_amendment_changes_only_a_contract_in_force(self):
        amendment, _new_line = self._draft(beneficiary_signed_date=self.today)
        self.contract.sudo(self.referent).action_end()
        self.assertRefusedWith(UserError, amendment.sudo(self.correspondant).action_apply)
        self.assertEqual(self.first_line.state, "planned")

    def test_contract_dates_cannot_be_moved(self):
        """Writing the dates of a contract in force is refused whatever the
        way: the end date never moves."""
        for values in ({"date_start": self._shift(self.today, months=-1)},
                       {"duration_months": 3},
                       {"ppae_date_end": self._shift(self.today, months=12)},
                       {"date_end": self._shift(self.today, months=12)}):
            with self.subTest(values=values):
                self.assertRefusedWith(AccessError, lambda: self.contract.sudo(
                    self.referent).write(values))
        self.assertEqual(self.contract.date_end, self.end)

"""The beneficiary's sharing choices on the contracts (carnet_de_bord,
readme/SHARING.rst; seed 000: "il choisit quelles informations sont
accessibles et à qui"): hiding "Contrats" from a member takes the contract
and its parts away from them at once; the PAP lines follow "Objectifs et
actions"; the référent always reads the contracts."""
from odoo.exceptions import AccessError, ValidationError

from .common import ContractCase

CONTRACT_PARTS = ("cer.contract", "cer.amendment", "cer.job.offer")


class TestContractSharing(ContractCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook("professional_other")
        self.member = self._member(self.notebook, self.accompagnateur)
        contract = self._running(self.notebook)
        self.records = {
            "cer.contract": contract,
            "cer.amendment": self.env["cer.amendment"].sudo(self.referent).create({
                "contract_id": contract.id, "reason": "Nouvelle action."}),
            "cer.job.offer": self.env["cer.job.offer"].sudo(self.referent).create({
                "contract_id": contract.id, "offer": "Préparateur de commandes"}),
            "cer.pap.line": contract.pap_line_ids,
        }
        self.assertTrue(all(self.records.values()))

    def _finds(self, user, model):
        record = self.records[model]
        return bool(self.env[model].sudo(user).search([("id", "in", record.ids)]))

    def _share(self, **flags):
        self.member.sudo(self.referent).write(
            {"share_" + section: value for section, value in flags.items()})

    def test_hiding_contracts_hides_the_contract_and_its_parts(self):
        for model in CONTRACT_PARTS:
            self.assertTrue(self._finds(self.accompagnateur, model), model)
        self._share(contracts=False)
        for model in CONTRACT_PARTS:
            with self.subTest(model=model):
                self.assertFalse(self._finds(self.accompagnateur, model))
                self.assertTrue(self._finds(self.referent, model))
                with self.assertRaises(AccessError):
                    self.records[model].sudo(self.accompagnateur).read(["display_name"])
        self.assertTrue(self._finds(self.accompagnateur, "cer.pap.line"),
                        "the PAP lines belong to the objectives and actions")
        self.assertFalse(self.notebook.sudo(self.accompagnateur).contract_id)

    def test_hiding_plan_hides_the_pap_lines(self):
        self._share(plan=False)
        self.assertFalse(self._finds(self.accompagnateur, "cer.pap.line"))
        self.assertTrue(self._finds(self.accompagnateur, "cer.contract"))
        self.assertTrue(self._finds(self.referent, "cer.pap.line"))

    def test_contracts_cannot_be_hidden_from_the_referent(self):
        referent = self.notebook.member_ids.filtered(lambda m: m.role == "referent")
        with self.assertRaises(ValidationError):
            referent.sudo(self.referent).write({"share_contracts": False})

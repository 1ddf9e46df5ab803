"""Who reads a contract: the active members of the carnet, the
correspondants of its territory and the département managers. No one
else, for the contract and everything attached to it."""
from odoo.exceptions import AccessError

from .common import ContractCase

MODELS = ("cer.contract", "cer.pap.line", "cer.amendment", "cer.job.offer")


class TestContractAccess(ContractCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.accompagnateur

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook("professional_other")
        self._member(self.notebook, self.member)
        contract = self._running(self.notebook)
        amendment = self.env["cer.amendment"].sudo(self.referent).create({
            "contract_id": contract.id, "reason": "Nouvelle action."})
        offer = self.env["cer.job.offer"].sudo(self.referent).create({
            "contract_id": contract.id, "offer": "Préparateur de commandes"})
        self.records = {
            "cer.contract": contract,
            "cer.pap.line": contract.pap_line_ids,
            "cer.amendment": amendment,
            "cer.job.offer": offer,
        }
        self.assertTrue(all(self.records.values()))

    def assertCanRead(self, user):
        for model in MODELS:
            record = self.records[model]
            with self.subTest(model=model, user=user.login):
                self.assertEqual(self.env[model].sudo(user).search([("id", "=", record.id)]),
                                 record)
                self.assertTrue(record.sudo(user).read(["display_name"]))

    def assertCannotRead(self, user):
        for model in MODELS:
            record = self.records[model]
            with self.subTest(model=model, user=user.login):
                self.assertFalse(self.env[model].sudo(user).search([("id", "=", record.id)]))
                with self.assertRaises(AccessError):
                    record.sudo(user).read(["display_name"])
        self.assertFalse(self.env["cer.contract"].sudo(user).search(
            [("notebook_id", "=", self.notebook.id)]))

    def test_professional_outside_the_carnet_cannot_read(self):
        self.assertCannotRead(self.outsider)

    def test_member_of_the_carnet_can_read(self):
        self.assertCanRead(self.referent)
        self.assertCanRead(self.member)

    def test_former_member_cannot_read(self):
        membership = self.notebook.member_ids.filtered(lambda m: m.user_id == self.member)
        membership.write({"active": False, "date_end": self.today})
        self.assertCannotRead(self.member)

    def test_correspondant_of_the_territory_can_read(self):
        self.assertNotIn(self.territory_correspondant,
                         self.notebook.member_ids.mapped("user_id"),
                         "the territory gives the access, not a membership")
        self.assertCanRead(self.territory_correspondant)

    def test_correspondant_of_another_territory_cannot_read(self):
        self.assertCannotRead(self.foreign_correspondant)

    def test_manager_can_read(self):
        self.assertCanRead(self.manager)

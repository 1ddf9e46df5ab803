"""Bad input answered in French and clearly (a ValidationError or a
UserError with a message of this module, never a raw database error), and
numbers taken from the sequences only when a record is created."""
import xmlrpc.client
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LiaisonCase


class TestIntegrity(LiaisonCase):

    def test_pap_line_without_action_code(self):
        contract = self._contract(self._oriented_notebook())
        self.assertRefusedWith(ValidationError, lambda: self.env["cer.pap.line"].sudo(
            self.referent).create({"contract_id": contract.id}))
        self.assertRefusedWith(ValidationError, lambda: self.env["cer.pap.line"].sudo(
            self.referent).create({"contract_id": contract.id, "action_code": "Z.9.9"}))

    def test_amendment_line_without_action_code(self):
        amendment, _line = self._amendment(self.contract)
        self.assertRefusedWith(ValidationError, lambda: self.env["cer.amendment.line"].sudo(
            self.referent).create({"amendment_id": amendment.id,
                                   "date_deadline": self._shift(self.today, months=1)}))

    def test_amendment_of_a_fiche_is_not_deleted(self):
        amendment, _line = self._amendment(self.contract)
        self._liaison("amendment", amendment_id=amendment.id)
        self.assertRefusedWith(UserError, amendment.sudo(self.referent).unlink)
        self.assertTrue(amendment.exists())

    def test_contract_of_a_fiche_is_not_deleted(self):
        self._liaison("support", support_request="Question")
        self.assertRefusedWith(UserError, self.contract.sudo().unlink)
        self.assertTrue(self.contract.exists())

    def test_requested_department_action_is_archived_not_deleted(self):
        action = self.env.ref("cer_contracts.liaison_action_life_project")
        liaison = self._liaison("actions", action_ids=[(6, 0, action.ids)])
        self.assertRefusedWith(UserError, action.sudo().unlink)
        self.assertEqual(liaison.action_ids, action)

    def test_numbers_are_taken_at_creation_only(self):
        """Opening a new form (default values, onchange) takes no number; a
        client does not choose the number either."""
        for model, code in (("cer.contract", "cer.contract"), ("cer.liaison", "cer.liaison")):
            with self.subTest(model=model):
                sequence = self.env["ir.sequence"].search([("code", "=", code)])
                before = sequence.number_next_actual
                Model = self.env[model].sudo(self.referent).with_context(
                    default_notebook_id=self.notebook.id)
                defaults = Model.default_get(list(Model._fields))
                self.assertEqual(defaults.get("name"), "/")
                Model.onchange(defaults, "notebook_id", Model._onchange_spec())
                sequence.invalidate_cache()
                self.assertEqual(sequence.number_next_actual, before)
        self.assertRefusedWith(AccessError, lambda: self._liaison(
            "support", name="FL-2000-00001"))

    def test_demo_generator_answers_over_xmlrpc(self):
        """``generate_demo_contracts`` is public: it answered None, which
        XML-RPC cannot send (after the transaction was committed)."""
        Generator = self.env["cdb.demo.generator"]
        with patch.object(type(Generator), "_generate_demo_contracts", lambda self: None):
            result = Generator.generate_demo_contracts()
        self.assertIs(result, True)
        xmlrpc.client.dumps((result,), allow_none=False)

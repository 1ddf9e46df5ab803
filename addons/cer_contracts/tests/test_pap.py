"""The personalised action plan (PAP), "cœur du contrat": each line is an
action of the carnet's plan, so the contract and the carnet never disagree;
the catalogue's rules apply; once signed, the plan changes by amendment."""
from odoo.exceptions import UserError, ValidationError

from .common import ContractCase


class TestPapLine(ContractCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._contract(self.notebook)

    def test_pap_line_is_an_action_of_the_carnet(self):
        deadline = self._shift(self.today, months=2)
        line = self._pap_line(self.contract, "A.1.1", date_deadline=deadline)
        action = line.action_id
        self.assertEqual(self.notebook.action_ids, action)
        self.assertEqual(action.notebook_id, self.notebook)
        self.assertEqual(action.action_code_id.code, "A.1.1")
        self.assertEqual(action.date_start, self.today)
        self.assertEqual(action.date_deadline, deadline)
        self.assertEqual(action.user_id, self.referent, "the référent is in charge")
        self.assertEqual(self.contract.pap_line_ids, line)

    def test_pap_line_and_carnet_action_never_disagree(self):
        line = self._pap_line(self.contract).sudo(self.referent)
        action = line.action_id.sudo(self.referent)
        new_deadline = self._shift(self.today, months=4)
        line.write({"date_deadline": new_deadline, "state": "in_progress",
                    "result": "Dossier déposé le 3."})
        action.invalidate_cache()
        self.assertEqual((action.date_deadline, action.state, action.result),
                         (new_deadline, "in_progress", "Dossier déposé le 3."))
        action.write({"state": "done", "result": "Logement obtenu."})
        line.invalidate_cache()
        self.assertEqual((line.state, line.result), ("done", "Logement obtenu."))

    def test_pap_line_deadline_before_start_refused(self):
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(
            self.contract, date_deadline=self._shift(self.today, days=-1)))
        self.assertFalse(self.notebook.action_ids)

    def test_action_that_cannot_be_alone_is_refused_alone(self):
        """Annexe 6: A.2 "ne peut être la seule action du plan"."""
        self.assertTrue(self._code("A.2").not_alone)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(self.contract, "A.2"))
        self.assertFalse(self.contract.pap_line_ids)
        self.assertFalse(self.notebook.action_ids)
        self._pap_line(self.contract, "A.1.1")
        self._pap_line(self.contract, "A.2")
        self.assertEqual(self.contract.pap_line_ids.mapped("action_code_id.code"), ["A.1.1", "A.2"])

    def test_signed_plan_changes_only_by_amendment(self):
        self._pap_line(self.contract)
        self._sign(self.contract)
        before = len(self.notebook.action_ids)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(self.contract, "B.1"))
        self.assertEqual(len(self.contract.pap_line_ids), 1)
        self.assertEqual(len(self.notebook.action_ids), before,
                         "no action left behind in the carnet")

    def test_signed_plan_line_cannot_be_deleted(self):
        """An action of a signed contract is cancelled by amendment (it stays
        in the plan, abandoned), never deleted."""
        line = self._pap_line(self.contract)
        self._sign(self.contract)
        self.assertRefusedWith(UserError, line.sudo(self.referent).unlink)
        self.assertTrue(line.exists())
        self.assertEqual(self.contract.pap_line_ids, line)

    def test_pap_line_belongs_to_the_carnet_of_its_contract(self):
        other = self._oriented_notebook()
        foreign_action = self._action(other)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(
            self.contract, action_id=foreign_action.id))

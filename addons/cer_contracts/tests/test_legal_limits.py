"""A rule holds on every path that reaches the state it forbids.

- "Le CER - Solidarité est conclu pour une durée de 6 mois, renouvelable une
  fois" and "Cas 3 : le suivi solidarité arrive à échéance des douze mois":
  no CER solidarité beyond twelve months without a decision of the équipe
  pluridisciplinaire, whether by renewal or by ending a contract and
  drawing up another by hand.
- Annexe 6: some actions "ne peut être la seule action" of the plan: not at
  creation, nor by deleting, cancelling or moving the other action.
- A part of a contract (a PAP line, a job offer, an amendment…) or a record
  of a carnet stays where it was created.
"""
from odoo.exceptions import UserError, ValidationError

from .common import ContractCase


class TestSolidarityLimit(ContractCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook(
            "solidarity", date_decision=self._shift(self.today, months=-13))
        self.first = self._running(self.notebook, date_start=self._shift(self.today, months=-12))

    def _by_hand(self, months_ago):
        """The current contract ended (case 1), a new one drawn up, signed
        and validated."""
        self.notebook.contract_id.sudo(self.referent).action_end()
        return self._running(self.notebook, date_start=self._shift(self.today,
                                                                   months=-months_ago))

    def test_new_contract_by_hand_past_twelve_months_is_refused(self):
        second = self._by_hand(6)
        self.assertEqual(second.solidarity_months_in_row, 12)
        second.sudo(self.referent).action_end()
        self.assertRefusedWith(ValidationError, lambda: self._contract(self.notebook))
        self.assertEqual(len(self.notebook.contract_ids), 2)

    def test_signing_or_validating_past_the_limit_is_refused(self):
        """A draft prepared while the limit allowed it (the département
        lowers its setting): signing it, or validating it, is refused."""
        self.first.sudo(self.referent).action_end()
        draft = self._contract(self.notebook)
        self._pap_line(draft)
        self._param("rsa_orientation.solidarity_max_months", "6")
        self.assertRefusedWith(ValidationError, lambda: self._sign(draft))
        self.assertEqual(draft.state, "draft")
        self._param("rsa_orientation.solidarity_max_months", "12")
        self._sign(draft)
        draft.sudo(self.referent).action_submit()
        self._param("rsa_orientation.solidarity_max_months", "6")
        self.assertRefusedWith(ValidationError, draft.sudo(self.correspondant).action_validate)
        self.assertEqual(draft.state, "submitted")

    def test_renewal_past_twelve_months_is_refused(self):
        second = self._by_hand(6)
        self._agreed_ede(self.notebook)
        self.assertRefusedWith(UserError, lambda: self._renew(second))
        self.assertFalse(second.next_contract_id)

    def test_decision_of_the_ep_opens_a_new_period(self):
        """Case 3: the EP "statue sur la suite à donner"; after its decision
        a new CER solidarité may follow."""
        second = self._by_hand(6)
        second.sudo(self.referent).action_end_ep()
        case = self.notebook.ep_case_ids
        self.assertEqual(case.reorientation_reason, "solidarity_limit")
        self.assertRefusedWith(ValidationError, lambda: self._contract(self.notebook))
        # The President keeps the solidarity orientation (set in SQL: the EP's
        # own workflow is rsa_orientation's, tested there).
        self.env.cr.execute(
            "UPDATE rsa_ep_case SET state = 'decided', decision = 'refused', "
            "decision_date = %s WHERE id = %s", (self.today, case.id))
        case.invalidate_cache()
        third = self._contract(self.notebook)
        self.assertEqual(third.solidarity_months_in_row, 6)

    def test_professional_contracts_do_not_count(self):
        notebook = self._oriented_notebook("professional_other")
        contract = self._contract(notebook, duration_months=12)
        self.assertEqual(contract.solidarity_months_in_row, 0)


class TestActionNotAlone(ContractCase):
    """A.2: "ne peut être la seule action du plan"."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._contract(self.notebook)
        self.main_line = self._pap_line(self.contract, "A.1.1")
        self.alone_line = self._pap_line(self.contract, "A.2")
        self.assertTrue(self.alone_line.action_code_id.not_alone)

    def test_deleting_the_other_line_is_refused(self):
        self.assertRefusedWith(ValidationError, self.main_line.sudo(self.referent).unlink)
        self.assertEqual(len(self.contract.pap_line_ids), 2)

    def test_deleting_the_other_action_of_the_carnet_is_refused(self):
        self.assertRefusedWith(ValidationError,
                               self.main_line.action_id.sudo(self.referent).unlink)
        self.assertTrue(self.main_line.exists())

    def test_abandoning_the_other_action_is_refused(self):
        self.assertRefusedWith(ValidationError, lambda: self.main_line.sudo(
            self.referent).write({"state": "abandoned"}))
        self.assertEqual(self.main_line.state, "planned")

    def test_amendment_leaving_it_alone_is_refused(self):
        self._sign(self.contract)
        self.contract.sudo(self.referent).action_submit()
        self.contract.sudo(self.correspondant).action_validate()
        amendment, _line = self._amendment(
            self.contract, code="A.2", cancel=self.main_line.action_id,
            beneficiary_signed_date=self.today)
        self.assertRefusedWith(ValidationError, amendment.sudo(self.correspondant).action_apply)
        self.assertEqual(amendment.state, "draft")
        self.assertEqual(self.main_line.state, "planned")

    def test_plan_saved_at_once_is_checked_once_complete(self):
        """The contract's form saves its lines in the order of the list: an
        action that "ne peut être la seule action" may come first (the
        carnet's own plan already holds another action)."""
        notebook = self._oriented_notebook()
        self._action(notebook, "B.1")
        line = {"date_start": self.today, "date_deadline": self._shift(self.today, months=2)}
        contract = self.env["cer.contract"].sudo(self.referent).create({
            "notebook_id": notebook.id, "pap_line_ids": [
                (0, 0, dict(line, action_code_id=self._code("A.2").id)),
                (0, 0, dict(line, action_code_id=self._code("A.1.1").id))]})
        self.assertEqual(len(contract.pap_line_ids), 2)
        alone_notebook = self._oriented_notebook()
        self._action(alone_notebook, "B.1")
        alone = self._contract(alone_notebook)
        self.assertRefusedWith(ValidationError, lambda: alone.sudo(self.referent).write(
            {"pap_line_ids": [(0, 0, dict(line, action_code_id=self._code("A.2").id))]}))
        self.assertFalse(alone.pap_line_ids)

    def test_deleting_the_alone_action_is_allowed(self):
        self.alone_line.sudo(self.referent).unlink()
        self.assertEqual(self.contract.pap_line_ids, self.main_line)


class TestSignedPlan(ContractCase):
    """Once signed, the plan changes by amendment only, whichever way."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._running(self.notebook)
        self.line = self.contract.pap_line_ids

    def test_action_cancelled_only_by_amendment(self):
        for record in (self.line, self.line.action_id):
            with self.subTest(model=record._name):
                self.assertRefusedWith(UserError, lambda: record.sudo(self.referent).write(
                    {"state": "abandoned"}))
        self.assertEqual(self.line.state, "planned")
        self.line.sudo(self.referent).write({"state": "in_progress"})
        self.assertRefusedWith(UserError, self.line.action_id.sudo(self.referent).unlink)

    def test_cancelled_action_brought_back_only_by_amendment(self):
        amendment, _line = self._amendment(self.contract, cancel=self.line.action_id,
                                           beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertEqual(self.line.state, "abandoned")
        self.assertRefusedWith(UserError, lambda: self.line.action_id.sudo(
            self.referent).write({"state": "planned"}))


class TestPartsStayInPlace(ContractCase):
    """Moving a part of a contract to another contract or carnet is
    refused."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook("professional_other")
        self.contract = self._contract(self.notebook)
        self.line = self._pap_line(self.contract)
        self.other_notebook = self._oriented_notebook("professional_other")
        self.other = self._contract(self.other_notebook)

    def test_parts_stay_with_their_contract(self):
        Offer = self.env["cer.job.offer"].sudo(self.referent)
        offer = Offer.create({"contract_id": self.contract.id, "offer": "Magasinier"})
        experience = self.env["cer.contract.experience"].sudo(self.referent).create(
            {"contract_id": self.contract.id, "job": "Cariste"})
        job = self.env["cer.contract.job"].sudo(self.referent).create({
            "contract_id": self.contract.id,
            "rome_code_id": self.env["cdb.rome.code"].search([], limit=1).id})
        amendment = self.env["cer.amendment"].sudo(self.referent).create(
            {"contract_id": self.contract.id, "reason": "Avenant"})
        for record in (self.line, offer, experience, job, amendment):
            with self.subTest(model=record._name):
                self.assertRefusedWith(ValidationError, lambda: record.sudo(
                    self.referent).write({"contract_id": self.other.id}))
                self.assertEqual(record.contract_id, self.contract)

    def test_pap_action_stays_in_its_carnet(self):
        for record in (self.line, self.line.action_id):
            with self.subTest(model=record._name):
                self.assertRefusedWith(ValidationError, lambda: record.sudo(
                    self.referent).write({"notebook_id": self.other_notebook.id}))
        self.assertEqual(self.line.notebook_id, self.notebook)

    def test_contract_and_fiche_stay_in_their_carnet(self):
        liaison = self.env["cer.liaison"].sudo(self.referent).create(
            {"notebook_id": self.notebook.id, "request_support": True})
        for record in (self.contract, liaison):
            with self.subTest(model=record._name):
                self.assertRefusedWith(ValidationError, lambda: record.sudo(
                    self.referent).write({"notebook_id": self.other_notebook.id}))
                self.assertEqual(record.notebook_id, self.notebook)

    def test_amendment_line_stays_with_its_amendment(self):
        _amendment, line = self._amendment(self.contract)
        other_amendment = self.env["cer.amendment"].sudo(self.referent).create(
            {"contract_id": self.contract.id, "reason": "Autre"})
        self.assertRefusedWith(ValidationError, lambda: line.sudo(self.referent).write(
            {"amendment_id": other_amendment.id}))

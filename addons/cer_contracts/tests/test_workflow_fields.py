"""Workflow fields change only through their actions (issue "Workflow fields
are writable"): over RPC a référent, an accompagnateur, a correspondant or a
manager who may write the record cannot write its state, decision,
signatures of the decision, numbering, lineage or end directly, at creation
or later, nor through a context default; once signed the dates, the type
and the signatures are frozen. The actions still work."""
import xmlrpc.client

from odoo.exceptions import AccessError, UserError

from .common import LiaisonCase


class TestWorkflowFields(LiaisonCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._member(cls.notebook, cls.accompagnateur)
        cls.other_beneficiary = cls._beneficiary("Autrepersonne")
        cls.roles = {
            "referent": cls.referent,
            "accompagnateur": cls.accompagnateur,
            "correspondant": cls.correspondant,
            "manager": cls.manager,
        }

    def assertWritesRefused(self, record, values):
        """Every role may write ``record`` (a harmless field proves it) but
        none may write any of ``values``."""
        for role, user in self.roles.items():
            as_user = record.sudo(user)
            as_user.check_access_rule("write")
            for name, value in values.items():
                with self.subTest(role=role, field=name):
                    before = record.read([name])[0][name]
                    self.assertRefusedWith(AccessError, lambda: as_user.write({name: value}))
                    self.assertEqual(record.read([name])[0][name], before)

    def _other_contract(self):
        notebook = self._oriented_notebook()
        return self._contract(notebook)

    # ------------------------------------------------------------ contract
    def test_contract_workflow_fields(self):
        notebook = self._oriented_notebook()
        self._member(notebook, self.accompagnateur)
        contract = self._contract(notebook)
        self._pap_line(contract)
        self._sign(contract)
        contract.sudo(self.referent).action_submit()
        self.assertWritesRefused(contract, {
            "state": "running", "decision": "validated", "decision_date": self.today,
            "decision_user_id": self.referent.id, "end_case": "ep", "name": "CER-FAUX",
            "previous_contract_id": self._other_contract().id, "expiry_notified": True,
            "date_end": self._shift(self.today, years=2),
            "signed_date": self._shift(self.today, days=-30),
            # the beneficiary printed on the contract is the carnet's
            "beneficiary_id": self.notebook.beneficiary_id.id,
        })
        self.assertEqual(contract.state, "submitted")
        # the action still works, as the President's delegate
        self.assertIs(contract.sudo(self.correspondant).action_validate(), True)
        self.assertEqual(contract.state, "running")

    def test_signed_contract_keeps_its_dates_type_and_signatures(self):
        contract = self.contract
        self.assertWritesRefused(contract, {
            "date_start": self._shift(self.today, months=-1), "duration_months": 12,
            "contract_type": "cer_professional", "beneficiary_signed_date": False,
            "referent_signed_date": self._shift(self.today, days=-3),
            "orientation_id": False, "state": "draft",
        })
        # what is no workflow field stays writable
        contract.sudo(self.referent).next_appointments = "Le 12, 10 h."

    def test_draft_contract_cannot_be_created_in_force(self):
        notebook = self._oriented_notebook()
        for name, value in (("state", "running"), ("decision", "validated"),
                            ("name", "CER-CHOISI"), ("end_case", "renewed"),
                            ("previous_contract_id", self._other_contract().id)):
            with self.subTest(field=name):
                self.assertRefusedWith(AccessError,
                                       lambda: self._contract(notebook, **{name: value}))
        self.assertFalse(notebook.contract_ids)

    def test_context_defaults_do_not_fill_workflow_fields(self):
        """A client's context (default_state=…) is no way around the
        actions."""
        notebook = self._oriented_notebook()
        contract = self.env["cer.contract"].sudo(self.referent).with_context(
            default_state="running", default_decision="validated").create({
                "notebook_id": notebook.id, "objectives": "Contexte"})
        self.assertEqual((contract.state, contract.decision), ("draft", False))

    def test_contract_copy_cannot_choose_its_state(self):
        self.assertRefusedWith(AccessError, lambda: self.contract.sudo(self.referent).copy(
            {"state": "running"}))

    # ----------------------------------------------------------- amendment
    def test_amendment_and_its_lines(self):
        amendment, new_line = self._amendment(self.contract)
        self.assertWritesRefused(amendment, {"state": "applied"})
        pap_line = self.contract.pap_line_ids
        self.assertWritesRefused(new_line, {"pap_line_id": pap_line.id})
        self.assertWritesRefused(pap_line, {"amendment_id": amendment.id})

    def test_pap_line_cannot_claim_an_applied_amendment(self):
        """An amendment's lines join a signed plan; a line created with the
        id of an applied amendment would pass as one."""
        amendment, _line = self._amendment(self.contract, beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertRefusedWith(AccessError, lambda: self._pap_line(
            self.contract, "B.1", amendment_id=amendment.id))

    # ----------------------------------------------------- fiche de liaison
    def test_liaison_workflow_fields(self):
        liaison = self._sent("support", support_request="Question")
        case = self.env["rsa.ep.case"].create({
            "notebook_id": self.notebook.id, "case_type": "suspension",
            "suspension_reason": "breach", "motive": "Motif"})
        self.assertWritesRefused(liaison, {
            "state": "closed", "decision": "granted", "correspondant_opinion": "favourable",
            "date_sent": self._shift(self.today, days=-5),
            "correspondant_date": self.today, "decision_date": self.today,
            "decision_user_id": self.correspondant.id, "ep_case_id": case.id,
            "name": "FL-FAUX", "beneficiary_id": self.other_beneficiary.id,
        })
        self.assertEqual(liaison.state, "sent")
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Réponse"
        self.assertIs(as_correspondant.action_answer(), True)
        self.assertEqual(liaison.state, "closed")

    def test_liaison_cannot_be_created_answered(self):
        for name, value in (("state", "closed"), ("decision", "granted"),
                            ("correspondant_opinion", "favourable"), ("name", "FL-CHOISI")):
            with self.subTest(field=name):
                self.assertRefusedWith(AccessError, lambda: self._liaison(
                    "support", support_request="Question", **{name: value}))

    def test_answer_parts_are_filled_at_their_step(self):
        """The correspondant's observations while the fiche is a draft, the
        decision's motive before the opinion: refused, on the server."""
        liaison = self._liaison("actions")
        self.assertRefusedWith(UserError, lambda: liaison.sudo(self.correspondant).write(
            {"correspondant_comment": "Avis anticipé"}))
        self.assertRefusedWith(UserError, lambda: liaison.sudo(self.referent).write(
            {"decision_motive": "Décision anticipée"}))
        self.assertFalse(liaison.correspondant_comment or liaison.decision_motive)

    # ----------------------------------------------------------- over RPC
    def test_actions_answer_something_over_xmlrpc(self):
        """A public method that answers None breaks over XML-RPC after
        committing: the actions answer True or an action."""
        contract = self._contract(self._oriented_notebook())
        self._pap_line(contract)
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": self.today, "referent_signed_date": self.today,
            "reciprocity_answer": "accepted"})
        results = [
            contract.sudo(self.referent).action_sign(),
            contract.sudo(self.referent).action_submit(),
            contract.sudo(self.correspondant).action_validate(),
            contract.sudo(self.referent).action_end(),
            self.notebook.sudo(self.referent).action_new_contract(),
            self._sent("support", support_request="Question").sudo(
                self.referent).action_cancel(),
        ]
        for result in results:
            xmlrpc.client.dumps((result,), allow_none=False)

"""Guide, Annexe 6 ("LES CODIFICATIONS D'ACTIONS D'INSERTION"), applied to the
plans of the contracts and not only stored: the sphere an action concerns,
"ne peut être la seule action" per plan, the conditions of J.1 and H.3, and
the derogation of a "reprise d'étude"."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ContractCase


class TestSphere(ContractCase):
    """"Les actions concernent : Sphère solidarité … Sphère professionnelle":
    an action fits the contracts of its sphere."""

    def test_a_social_action_does_not_fit_a_professional_contract(self):
        contract = self._contract(self._oriented_notebook("professional_other"),
                                  duration_months=6)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(contract, "A.1.1"))
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(contract, "E.1.2"))
        self._pap_line(contract, "G.2.3")  # both spheres, by its parent G.2
        self.assertEqual(contract.pap_line_ids.mapped("action_code_id.code"), ["G.2.3"])

    def test_a_professional_action_does_not_fit_a_solidarity_contract(self):
        contract = self._contract(self._oriented_notebook())
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(contract, "H.2.1"))
        line = self._pap_line(contract, "A.1.1")
        self.assertRefusedWith(ValidationError, lambda: line.sudo(self.referent).write(
            {"action_code_id": self._code("H.1.3").id}))
        self.assertRefusedWith(ValidationError, lambda: line.action_id.sudo(
            self.referent).write({"action_code_id": self._code("H.1.3").id}))
        self.assertEqual(line.action_code_id.code, "A.1.1")

    def test_an_avenant_adds_actions_of_the_contract_sphere(self):
        contract = self._running(self._oriented_notebook("professional_other"),
                                 duration_months=6)
        self.assertRefusedWith(ValidationError, lambda: self._amendment(contract, code="C.1"))
        amendment, line = self._amendment(contract, code="C.2")
        self.assertTrue(line)


class TestNotAlonePerPlan(ContractCase):
    """"ne peut être la seule action" is a rule of the plan of each contract,
    not of the carnet."""

    def test_the_plan_of_a_new_carnet_is_checked_as_a_whole(self):
        """The form saves the lines in their order: an action that cannot be
        alone may come first, in a carnet that holds no other action."""
        notebook = self._oriented_notebook()
        self.assertFalse(notebook.action_ids)
        line = {"date_start": self.today, "date_deadline": self._shift(self.today, months=2)}
        contract = self.env["cer.contract"].sudo(self.referent).create({
            "notebook_id": notebook.id, "pap_line_ids": [
                (0, 0, dict(line, action_code_id=self._code("A.2").id)),
                (0, 0, dict(line, action_code_id=self._code("A.1.1").id))]})
        self.assertEqual(contract.pap_line_ids.mapped("action_code_id.code"), ["A.2", "A.1.1"])

    def test_another_action_of_the_carnet_does_not_make_the_plan(self):
        notebook = self._oriented_notebook()
        self._action(notebook, "B.2")
        contract = self._contract(notebook)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(contract, "A.2"))
        self.assertFalse(contract.pap_line_ids)


class TestConditions(ContractCase):

    def test_h3_belongs_to_the_exchange_with_france_travail(self):
        """H.3: "Ses actions ne sont réservées que dans le cadre d'un échange
        informatique avec Pôle Emploi"."""
        cer = self._contract(self._oriented_notebook("professional_other"), duration_months=6)
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(cer, "H.3.2"))
        ppae = self._contract(self._oriented_notebook("professional_ft"))
        self._pap_line(ppae, "H.3.2")
        self.assertEqual(ppae.pap_line_ids.mapped("action_code_id.code"), ["H.3.2"])

    def test_j1_is_for_the_end_of_the_accompaniment(self):
        """J.1 "est à utiliser pour des bénéficiaires en fin d'accompagnement
        dans le dispositif": "le bénéficiaire passe au dessus du seuil de
        500€ de revenu d'activité mensuel", or his retirement rights."""
        notebook = self._oriented_notebook()
        contract = self._contract(notebook)
        self._pap_line(contract, "A.1.1")
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(contract, "J.1"))
        self.assertRefusedWith(ValidationError, lambda: self._pap_line(
            contract, "J.1", end_of_accompaniment_case="income"))
        notebook.beneficiary_id.write({"rsa_has_activity": True,
                                       "rsa_activity_income": 620.0})
        self._pap_line(contract, "J.1", end_of_accompaniment_case="income")
        self._pap_line(contract, "J.1", end_of_accompaniment_case="retirement")
        self.assertEqual(len(contract.pap_line_ids), 3)

    def test_reprise_d_etude_needs_the_derogation_of_the_president(self):
        """G.4.5: "la loi sur le Rsa ne permet pas au bénéficiaire de reprendre
        des études. Cependant, il est possible d'interpeller le Président du
        Conseil Général pour demander une dérogation"."""
        notebook = self._oriented_notebook()
        contract = self._contract(notebook)
        self._pap_line(contract, "A.1.1")
        studies = self._pap_line(contract, "G.4.5")
        self.assertTrue(studies.needs_derogation)
        self._sign(contract)
        contract.sudo(self.referent).action_submit()
        self.assertRefusedWith(UserError, contract.sudo(self.correspondant).action_validate)
        self.assertEqual(contract.state, "submitted")
        self.assertRefusedWith(AccessError, studies.sudo(self.referent).action_grant_derogation)
        self.assertRefusedWith(AccessError, lambda: studies.sudo(self.referent).write(
            {"derogation_date": self.today}))
        studies.sudo(self.correspondant).action_grant_derogation()
        self.assertEqual(studies.derogation_user_id, self.correspondant)
        contract.sudo(self.correspondant).action_validate()
        self.assertEqual(contract.state, "running")

    def test_an_applied_avenant_carries_the_presidents_decision(self):
        contract = self._running(self._oriented_notebook())
        amendment, line = self._amendment(contract, code="G.4.5",
                                          beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertEqual(line.pap_line_id.derogation_user_id, self.correspondant)

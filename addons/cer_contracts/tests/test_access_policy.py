"""The contracts' permissions in the carnet's access policy (carnet_de_bord,
models/cdb_notebook_policy.py): who signs, who decides, who sends and answers
a fiche de liaison. The decisions are the President's delegates' for the
carnet's territory, not any user of the correspondant group; the checks run
as the real user before anything runs as superuser."""
import json

from lxml import etree

from odoo.exceptions import AccessError, UserError

from odoo.addons.carnet_de_bord.models.cdb_notebook_policy import (
    DELEGATES, ROLE_CORRESPONDANT, ROLE_MANAGER, ROLE_REFERENT)

from .common import LiaisonCase

PERMISSIONS = ("sign", "decide_contract", "send_liaison", "answer_liaison",
               "forward_liaison", "decide_liaison")


class TestAccessPolicy(LiaisonCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A correspondant of another territory who is a member of the carnet
        # (e.g. designated by an earlier orientation): he reads and writes
        # the carnet, he holds the correspondant group, but he is no delegate
        # of the President for this carnet's territory.
        cls._member(cls.notebook, cls.foreign_correspondant, role="other")
        cls._member(cls.notebook, cls.accompagnateur)

    def test_permissions_are_in_the_policy(self):
        permissions = self.env["cdb.notebook"]._cdb_permissions()
        for name in PERMISSIONS:
            self.assertIn(name, permissions)
        self.assertEqual(permissions["sign"][1], frozenset([ROLE_REFERENT]) | DELEGATES)
        self.assertEqual(permissions["decide_contract"][1], DELEGATES)
        self.assertIn(ROLE_CORRESPONDANT, permissions["answer_liaison"][1])
        self.assertNotIn(ROLE_REFERENT, permissions["decide_liaison"][1])
        self.assertIn(ROLE_MANAGER, permissions["forward_liaison"][1])
        table = dict((name, roles) for name, _label, roles
                     in self.env["cdb.notebook"]._cdb_policy_table())
        self.assertEqual(table["sign"], sorted(permissions["sign"][1]))

    def test_who_may_what_in_the_carnet(self):
        may = self.notebook._cdb_may
        expected = {
            self.referent: {"sign", "send_liaison"},
            self.accompagnateur: set(),
            self.correspondant: {"sign", "decide_contract", "answer_liaison", "decide_liaison"},
            self.foreign_correspondant: set(),
            self.manager: set(PERMISSIONS),
        }
        for user, allowed in expected.items():
            for permission in PERMISSIONS:
                with self.subTest(user=user.login, permission=permission):
                    self.assertEqual(may(permission, user=user), permission in allowed)

    def test_accompagnateur_does_not_draw_up_a_contract(self):
        """Guide: "Le contrat est à compléter par le référent … nommé"."""
        notebook = self._oriented_notebook()
        self._member(notebook, self.accompagnateur)
        self.assertRefusedWith(AccessError, lambda: self.env["cer.contract"].sudo(
            self.accompagnateur).create({"notebook_id": notebook.id}))
        self.assertRefusedWith(AccessError,
                               notebook.sudo(self.accompagnateur).action_new_contract)
        contract = self._contract(notebook)
        self._pap_line(contract)
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": self.today, "referent_signed_date": self.today,
            "reciprocity_answer": "declined"})
        self.assertRefusedWith(AccessError, contract.sudo(self.accompagnateur).action_sign)
        self.assertEqual(contract.state, "draft")

    def test_only_the_referent_or_a_delegate_draws_up_the_contract(self):
        """Guide: "Le contrat est à compléter par le référent … nommé"; seed
        000: "L'accompagnateur remplit la partie qui le concerne". On every
        path a client has: the contract's fields and signature dates, its
        plan, jobs sought, experiences, job offers, avenants; the renewal
        and the signature (above) ask the same permission."""
        notebook = self._oriented_notebook("professional_other")
        self._member(notebook, self.accompagnateur)
        contract = self._contract(notebook, duration_months=6)
        line = self._pap_line(contract)
        rome = self.env["cdb.rome.code"].search([], limit=1)
        as_helper = self.accompagnateur
        attempts = {
            "objectives": lambda: contract.sudo(as_helper).write({"objectives": "Autres"}),
            "signature": lambda: contract.sudo(as_helper).write(
                {"beneficiary_signed_date": self.today, "referent_signed_date": self.today}),
            "plan line": lambda: self.env["cer.pap.line"].sudo(as_helper).create({
                "contract_id": contract.id, "action_code_id": self._code("H.1.1").id,
                "date_start": self.today, "date_deadline": self._shift(self.today, months=1)}),
            "line of the référent": lambda: line.sudo(as_helper).write(
                {"bilan_comment": "Fait"}),
            "line deleted": lambda: line.sudo(as_helper).unlink(),
            "job sought": lambda: self.env["cer.contract.job"].sudo(as_helper).create(
                {"contract_id": contract.id, "rome_code_id": rome.id}),
            "experience": lambda: self.env["cer.contract.experience"].sudo(as_helper).create(
                {"contract_id": contract.id, "job": "Vendeur"}),
            "job offer": lambda: self.env["cer.job.offer"].sudo(as_helper).create(
                {"contract_id": contract.id, "offer": "Vendeur"}),
            "avenant": lambda: self.env["cer.amendment"].sudo(as_helper).create(
                {"contract_id": contract.id, "reason": "Changement"}),
        }
        for name, attempt in attempts.items():
            with self.subTest(attempt=name):
                self.assertRefusedWith(AccessError, attempt)
        self.assertFalse(contract.beneficiary_signed_date)
        self.assertEqual(contract.pap_line_ids, line)
        # the President's delegate may draw it up, as the référent
        contract.sudo(self.correspondant).write({"objectives": "Objectifs revus"})
        self.env["cer.job.offer"].sudo(self.correspondant).create(
            {"contract_id": contract.id, "offer": "Vendeur"})
        self.assertEqual(contract.objectives, "Objectifs revus")

    def test_accompagnateur_fills_the_lines_of_his_actions(self):
        """Seed 000: "L'accompagnateur remplit la partie qui le concerne":
        the status, result and bilan of the lines of the actions he is in
        charge of."""
        notebook = self._oriented_notebook()
        self._member(notebook, self.accompagnateur)
        contract = self._contract(notebook)
        line = self._pap_line(contract, user_id=self.accompagnateur.id)
        line.sudo(self.accompagnateur).write({
            "state": "in_progress", "result": "Dossier déposé.",
            "bilan_comment": "En attente de la commission."})
        self.assertEqual(line.bilan_comment, "En attente de la commission.")
        self.assertEqual(line.state, "in_progress")
        for values in ({"beneficiary_engagement": "Autre"},
                       {"date_deadline": self._shift(self.today, months=5)}):
            with self.subTest(values=values):
                self.assertRefusedWith(AccessError, lambda: line.sudo(
                    self.accompagnateur).write(values))

    def test_correspondant_of_another_territory_does_not_decide(self):
        """A member of the carnet in the correspondant group, of another
        territory: the old group test let him validate."""
        contract = self._submitted(self._oriented_notebook())
        self._member(contract.notebook_id, self.foreign_correspondant, role="other")
        self.assertRefusedWith(AccessError,
                               contract.sudo(self.foreign_correspondant).action_validate)
        self.assertEqual(contract.state, "submitted")

    def test_granting_an_amendment_checks_the_real_user(self):
        """Applying an avenant runs partly as superuser; its check
        (_check_can_apply) used to run as superuser too, so that its group
        test could not fail. The check runs as the deciding user."""
        amendment, new_line = self._amendment(
            self.contract, cancel=self.contract.pap_line_ids.action_id)
        liaison = self._sent("amendment", amendment_id=amendment.id,
                             beneficiary_signed_date=self.today)
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Favorable."
        as_correspondant.action_opinion_favourable()
        self.assertRefusedWith(AccessError, liaison.sudo(self.foreign_correspondant).action_grant)
        self.assertEqual(amendment.state, "draft")
        self.assertFalse(new_line.pap_line_id)
        self.assertRefusedWith(AccessError, amendment.sudo(self.foreign_correspondant).action_apply)
        as_correspondant.action_grant()
        self.assertEqual(amendment.state, "applied")

    def test_fiche_goes_to_a_correspondant_of_the_territory(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today,
                                correspondant_id=self.foreign_correspondant.id)
        self.assertRefusedWith(UserError, liaison.sudo(self.referent).action_send)
        self.assertEqual(liaison.state, "draft")

    def test_only_the_addressee_or_a_manager_answers(self):
        liaison = self._sent("support", support_request="Question")
        liaison.sudo(self.correspondant).correspondant_comment = "Réponse"
        for user in (self.territory_correspondant, self.accompagnateur, self.referent):
            with self.subTest(user=user.login):
                self.assertRefusedWith(AccessError, liaison.sudo(user).action_answer)
        liaison.sudo(self.manager).action_answer()
        self.assertEqual(liaison.state, "closed")

    def test_accompagnateur_does_not_send_nor_withdraw(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today)
        self.assertRefusedWith(AccessError, liaison.sudo(self.accompagnateur).action_send)
        liaison.sudo(self.referent).action_send()
        self.assertRefusedWith(AccessError, liaison.sudo(self.accompagnateur).action_cancel)
        self.assertEqual(liaison.state, "sent")

    def test_buttons_follow_the_policy(self):
        """The buttons of the policy's actions carry the groups of the roles
        that may use them: a professional does not see the decisions."""
        for model, buttons in (
                ("cer.contract", ("action_open_decision_wizard",)),
                ("cer.liaison", ("action_open_opinion_wizard", "action_open_decision_wizard")),
                ("cer.amendment", ("action_apply",))):
            for user, hidden in ((self.referent, True), (self.correspondant, False)):
                arch = etree.fromstring(self.env[model].sudo(user).fields_view_get(
                    view_type="form")["arch"])
                for button in buttons:
                    with self.subTest(model=model, button=button, user=user.login):
                        node = arch.xpath("//button[@name='%s']" % button)[0]
                        modifiers = json.loads(node.get("modifiers"))
                        self.assertEqual(modifiers.get("invisible") is True, hidden)

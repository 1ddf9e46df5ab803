"""The référent unique changes only through an orientation decision or a
delegate of the Président du Conseil départemental (the correspondant of the
carnet's territory, a manager): issue 10, "Référent takeover" — a member who
may write the carnet set ``referent_id`` to himself and got the référent's
forced shares, health included, against the beneficiary's choice."""
from odoo.exceptions import AccessError

from .common import CdbCase


class TestReferentChange(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.territory = cls.env["cdb.territory"].create({"name": "UT Territoire référent"})
        cls.other_territory = cls.env["cdb.territory"].create({"name": "UT Territoire autre"})
        cls.correspondant = cls._user("ut.correspondant", "group_cdb_correspondant")
        cls.correspondant.cdb_territory_ids = cls.territory
        cls.far_correspondant = cls._user("ut.correspondant.far", "group_cdb_correspondant")
        cls.far_correspondant.cdb_territory_ids = cls.other_territory
        cls.manager = cls._user("ut.manager", "group_cdb_manager")
        cls.notebook = cls._notebook("Utreferent", cls.referent, territory_id=cls.territory.id)
        cls.member = cls._member(cls.notebook, cls.accompagnateur)
        cls.health = cls.env["cdb.health"].create({
            "notebook_id": cls.notebook.id, "description": "Suivi psychiatrique"})

    def _unchanged(self):
        return [("id", "=", self.notebook.id), ("referent_id", "=", self.referent.id)]

    def _wizard(self, user, new_referent, reason="Départ en congé du référent"):
        action = self.notebook.sudo(user).action_change_referent()
        return self.env[action["res_model"]].sudo(user).with_context(
            action["context"]).create({"referent_id": new_referent.id, "reason": reason})

    # ----------------------------------------------------------- the hole
    def test_member_cannot_make_himself_referent(self):
        self.assertRefused(
            AccessError, "cdb.notebook", self._unchanged(),
            lambda: self.notebook.sudo(self.accompagnateur).write(
                {"referent_id": self.accompagnateur.id}))
        self.assertFalse(self.member.share_health)
        self.assertFalse(self.env["cdb.health"].sudo(self.accompagnateur).search(
            [("notebook_id", "=", self.notebook.id)]))

    def test_referent_cannot_hand_over_by_a_write(self):
        self.assertRefused(
            AccessError, "cdb.notebook", self._unchanged(),
            lambda: self.notebook.sudo(self.referent).write(
                {"referent_id": self.referent2.id}))

    def test_member_cannot_end_the_referent_membership(self):
        referent_member = self.notebook.member_ids.filtered(lambda m: m.role == "referent")
        self.assertRefused(
            AccessError, "cdb.notebook.member",
            [("id", "=", referent_member.id), ("active", "=", True)],
            lambda: referent_member.sudo(self.accompagnateur).write({"active": False}))

    def test_member_cannot_give_himself_the_referent_role(self):
        self.assertRefused(
            AccessError, "cdb.notebook.member",
            [("id", "=", self.member.id), ("role", "=", "accompagnateur")],
            lambda: self.member.sudo(self.accompagnateur).write({"role": "referent"}))

    def test_correspondant_writes_no_referent_directly(self):
        """The correspondant of the territory, who is no member, changes the
        référent through "Change the référent" only (with a reason in the
        history), not by a write over RPC."""
        self.assertRefused(
            AccessError, "cdb.notebook", self._unchanged(),
            lambda: self.notebook.sudo(self.correspondant).write(
                {"referent_id": self.correspondant.id}))

    def test_member_cannot_move_the_carnet_to_another_structure(self):
        """The carnet's structure opens it to that structure's
        administrators: it goes with the référent."""
        self.assertRefused(
            AccessError, "cdb.notebook",
            [("id", "=", self.notebook.id), ("structure_id", "=", False)],
            lambda: self.notebook.sudo(self.accompagnateur).write(
                {"structure_id": self.structure_b.id}))
        self.notebook.sudo(self.manager).write({"structure_id": self.structure_b.id})
        self.assertEqual(self.notebook.member_ids.filtered(
            lambda m: m.role == "referent").structure_id, self.structure_b)

    def test_even_the_superuser_writes_no_referent_directly(self):
        """A workflow field: the ORM write is refused to everyone; the
        server's own code goes through _set_referent."""
        self.assertRefused(
            AccessError, "cdb.notebook", self._unchanged(),
            lambda: self.notebook.write({"referent_id": self.referent2.id}))

    # ------------------------------------------------------ the delegates
    def test_correspondant_of_the_territory_changes_the_referent(self):
        self._wizard(self.correspondant, self.referent2).action_confirm()
        self.notebook.invalidate_cache()
        self.assertEqual(self.notebook.referent_id, self.referent2)
        former = self.notebook.with_context(active_test=False).member_ids.filtered(
            lambda m: m.user_id == self.referent)
        self.assertFalse(former.active)
        self.assertIn("Départ en congé du référent",
                      " ".join(self.notebook.sudo().message_ids.mapped("body")))

    def test_manager_changes_the_referent(self):
        self._wizard(self.manager, self.accompagnateur).action_confirm()
        self.member.invalidate_cache()
        self.assertEqual((self.member.role, self.member.share_health), ("referent", True))

    def test_member_cannot_open_the_change(self):
        for user in (self.referent, self.accompagnateur):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.notebook.sudo(user).action_change_referent()

    def test_wizard_refused_to_a_non_delegate(self):
        wizard = self.env["cdb.referent.change.wizard"].sudo(self.accompagnateur).create({
            "notebook_id": self.notebook.id, "referent_id": self.accompagnateur.id,
            "reason": "Je prends la main"})
        self.assertRefused(AccessError, "cdb.notebook", self._unchanged(),
                           wizard.action_confirm)

    def test_correspondant_of_another_territory_cannot(self):
        wizard = self.env["cdb.referent.change.wizard"].sudo(self.far_correspondant).create({
            "notebook_id": self.notebook.id, "referent_id": self.referent2.id,
            "reason": "Réorientation"})
        self.assertRefused(AccessError, "cdb.notebook", self._unchanged(),
                           wizard.action_confirm)

    def test_a_default_in_the_context_is_no_default(self):
        """cdb.workflow.mixin accepts a workflow field at creation only at
        its default: the model's, not one the client puts in its context
        (default_referent_id=…)."""
        Notebook = self.env["cdb.notebook"].sudo(self.accompagnateur).with_context(
            default_referent_id=self.accompagnateur.id)
        with self.assertRaises(AccessError):
            Notebook._check_workflow_create({"referent_id": self.accompagnateur.id})
        Notebook._check_workflow_create({"referent_id": False})

    # ------------------------------------------------------- the creation
    def test_professional_creates_a_carnet_as_its_referent(self):
        beneficiary = self.env["res.partner"].sudo(self.outsider).create({
            "lastname": "Utcreation", "firstname": "Léa", "is_rsa_beneficiary": True,
            "caf_number": self._next_caf(), "zip": "62000"})
        action = beneficiary.action_open_notebook()
        notebook = self.env["cdb.notebook"].browse(action["res_id"])
        self.assertEqual(notebook.referent_id, self.outsider)

    def test_manager_creates_a_carnet_for_a_referent(self):
        beneficiary = self._beneficiary("Utcreationmanager")
        notebook = self.env["cdb.notebook"].sudo(self.manager).create({
            "beneficiary_id": beneficiary.id, "referent_id": self.referent.id})
        self.assertEqual(notebook.member_ids.user_id, self.referent)

    def test_set_referent_is_the_server_path(self):
        """What an orientation decision calls after its own check."""
        self.notebook._set_referent(self.referent2, self.structure_b)
        self.assertEqual((self.notebook.referent_id, self.notebook.structure_id),
                         (self.referent2, self.structure_b))
        self.assertEqual(self.notebook.member_ids.filtered(
            lambda m: m.role == "referent").user_id, self.referent2)

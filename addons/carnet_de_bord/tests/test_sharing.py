"""The beneficiary's sharing choices (seed 000, "Qui le remplit et quand ?
Qui y a accès ?": "il choisit quelles informations sont accessibles et à
qui"): what a member reads changes as soon as the choice changes, the
référent keeps what the contract needs, health is the référent's alone
unless shared, and who is not a member loses nothing."""
import base64

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CdbCase


class TestSharing(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._user("ut.manager", "group_cdb_manager", cls.structure_a)
        cls.notebook = cls._notebook("Utpartage", cls.referent)
        cls.other_notebook = cls._notebook("Utautre", cls.referent)
        cls.member = cls._member(cls.notebook, cls.accompagnateur)
        cls.member2 = cls._member(cls.notebook, cls.accompagnateur2)
        cls._member(cls.other_notebook, cls.accompagnateur)
        cls.referent_member = cls.notebook.member_ids.filtered(lambda m: m.role == "referent")
        for notebook in (cls.notebook, cls.other_notebook):
            cls.env["cdb.situation"].create({"notebook_id": notebook.id, "housing": "Hébergé"})
            cls.env["cdb.health"].create({"notebook_id": notebook.id,
                                          "description": "Traitement au long cours"})
            objective = cls.env["cdb.objective"].create({
                "notebook_id": notebook.id, "name": "Se soigner"})
            cls._action(notebook, objective_id=objective.id)
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "bulletin.txt", "datas_fname": "bulletin.txt",
            "datas": base64.b64encode(b"bulletin"),
            "res_model": "cdb.notebook", "res_id": cls.notebook.id})

    def _as(self, model, user):
        return self.env[model].sudo(user)

    def _visible(self, model, user, notebook=None):
        """The ``model`` records of the carnet ``user`` finds."""
        notebook = notebook or self.notebook
        return self._as(model, user).search([("notebook_id", "=", notebook.id)])

    def _share(self, member, **flags):
        """The référent records the beneficiary's choice."""
        member.sudo(self.referent).write(
            {"share_" + section: value for section, value in flags.items()})

    # ---------------------------------------------------------------- defaults
    def test_new_member_reads_all_but_health(self):
        self.assertTrue(self.member.share_situation and self.member.share_plan
                        and self.member.share_contracts and self.member.share_documents)
        self.assertFalse(self.member.share_health)
        self.assertTrue(self.referent_member.share_health)

    def test_health_hidden_from_accompagnateur_by_default(self):
        self.assertFalse(self._visible("cdb.health", self.accompagnateur))
        health = self._visible("cdb.health", self.referent)
        self.assertEqual(len(health), 1)
        with self.assertRaises(AccessError):
            self._as("cdb.health", self.accompagnateur).browse(health.id).read(["description"])

    def test_health_hidden_from_non_members_too(self):
        """Allow-list: even a département manager does not read it."""
        self.assertFalse(self._visible("cdb.health", self.manager))
        self.assertTrue(self._visible("cdb.situation", self.manager))

    def test_carnet_form_reads_without_hidden_health(self):
        notebook = self._as("cdb.notebook", self.accompagnateur).browse(self.notebook.id)
        self.assertFalse(notebook.health_id)
        self.assertFalse(notebook.health_ids)
        self.assertTrue(notebook.situation_id)

    # ------------------------------------------------------- choices apply
    def test_sharing_health_applies_immediately(self):
        self._visible("cdb.health", self.accompagnateur)  # rules now cached
        self._share(self.member, health=True)
        self.assertEqual(len(self._visible("cdb.health", self.accompagnateur)), 1)
        self.assertFalse(self._visible("cdb.health", self.accompagnateur2))
        self._share(self.member, health=False)
        self.assertFalse(self._visible("cdb.health", self.accompagnateur))

    def test_hiding_situation_applies_immediately_to_that_member_only(self):
        self.assertTrue(self._visible("cdb.situation", self.accompagnateur))
        self._share(self.member, situation=False)
        self.assertFalse(self._visible("cdb.situation", self.accompagnateur))
        situation = self._visible("cdb.situation", self.accompagnateur2)
        self.assertTrue(situation, "another member still reads it")
        self.assertTrue(self._visible("cdb.situation", self.manager),
                        "who is not a member loses nothing")
        with self.assertRaises(AccessError):
            self._as("cdb.situation", self.accompagnateur).browse(situation.id).read(["housing"])
        self.assertTrue(self._visible("cdb.situation", self.accompagnateur, self.other_notebook),
                        "the choice is for this carnet only")
        self._share(self.member, situation=True)
        self.assertTrue(self._visible("cdb.situation", self.accompagnateur))

    def test_hidden_situation_is_hidden_on_the_carnet_form_too(self):
        """The carnet shows its current situation (situation_housing, the
        items said once…): a member the situation is hidden from reads
        them empty, as the situation itself."""
        fields = ["situation_housing", "situation_rqth", "situation_diploma_level_id"]
        notebook = self._as("cdb.notebook", self.accompagnateur).browse(self.notebook.id)
        self.assertEqual(notebook.read(fields)[0]["situation_housing"], "Hébergé")
        self._share(self.member, situation=False)
        notebook.invalidate_cache()
        values = notebook.read(fields)[0]
        self.assertEqual((values["situation_housing"], values["situation_diploma_level_id"]),
                         (False, False))

    def test_hiding_plan_hides_objectives_and_actions(self):
        self._share(self.member, plan=False)
        self.assertFalse(self._visible("cdb.objective", self.accompagnateur))
        self.assertFalse(self._visible("cdb.action", self.accompagnateur))
        self.assertTrue(self._visible("cdb.action", self.accompagnateur, self.other_notebook))
        notebook = self._as("cdb.notebook", self.accompagnateur).browse(self.notebook.id)
        self.assertEqual(notebook.late_action_count, 0)
        self.assertFalse(notebook.action_ids)

    def test_hiding_documents_hides_the_carnet_attachments(self):
        Attachment = self._as("ir.attachment", self.accompagnateur)
        domain = [("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)]
        self.assertIn(self.attachment, Attachment.search(domain))
        self._share(self.member, documents=False)
        self.assertNotIn(self.attachment, Attachment.search(domain))
        with self.assertRaises(AccessError):
            Attachment.browse(self.attachment.id).read(["datas"])
        self.assertIn(self.attachment,
                      self._as("ir.attachment", self.accompagnateur2).search(domain))

    # ----------------------------------------------------------- who decides
    def test_member_cannot_share_with_themself(self):
        with self.assertRaises(AccessError):
            self.member.sudo(self.accompagnateur).write({"share_health": True})
        self.assertFalse(self.member.share_health)

    def test_manager_records_a_choice(self):
        self.member.sudo(self.manager).write({"share_plan": False})
        self.assertFalse(self.member.share_plan)

    # ------------------------------------------------------- legal minimum
    def test_referent_keeps_the_legal_minimum(self):
        for section in ("situation", "health", "plan", "contracts"):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self._share(self.referent_member, **{section: False})
        self._share(self.referent_member, documents=False)
        self.assertFalse(self.referent_member.share_documents)

    def test_minimum_is_configurable(self):
        self.env["ir.config_parameter"].set_param(
            "carnet_de_bord.referent_minimum_sections", "situation,plan,contracts")
        self._share(self.referent_member, health=False)
        self.assertFalse(self._visible("cdb.health", self.referent))

    def test_new_referent_reads_minimum_and_health(self):
        self.notebook._set_referent(self.accompagnateur)
        self.member.invalidate_cache()
        self.assertEqual(self.member.role, "referent")
        self.assertTrue(self.member.share_health)
        self.assertTrue(self._visible("cdb.health", self.accompagnateur))
        self.assertFalse(self._visible("cdb.health", self.referent),
                         "the former référent's membership ended")

    # ------------------------------------------------------------ structures
    def test_structure_choice_sets_its_members_and_future_ones(self):
        self.env["cdb.notebook.share"].sudo(self.referent).create({
            "notebook_id": self.notebook.id, "structure_id": self.structure_b.id,
            "section": "health", "visible": True})
        self.assertTrue(self.member.share_health and self.member2.share_health)
        self.assertTrue(self._visible("cdb.health", self.accompagnateur2))
        newcomer = self._member(self.notebook, self.outsider)
        self.assertTrue(newcomer.share_health)
        self.assertTrue(self._visible("cdb.health", self.outsider))

    def test_structure_choice_spares_the_referent_minimum(self):
        self.env["cdb.notebook.share"].create({
            "notebook_id": self.notebook.id, "structure_id": self.structure_a.id,
            "section": "plan", "visible": False})
        self.assertTrue(self.referent_member.share_plan)
        self.assertTrue(self._visible("cdb.objective", self.referent))

    def test_structure_choice_refused_to_a_member(self):
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env["cdb.notebook.share"].sudo(self.accompagnateur).create({
                "notebook_id": self.notebook.id, "structure_id": self.structure_b.id,
                "section": "health", "visible": True})
        self.assertFalse(self.member.share_health)

    # --------------------------------------------------------- beneficiary
    def test_beneficiary_sets_a_member_choice_with_a_trace(self):
        self.notebook._beneficiary_set_shares(self.member, {"health": True, "plan": False})
        self.assertTrue(self.member.share_health)
        self.assertFalse(self.member.share_plan)
        self.assertIn("Ut Accompagnateur", self.notebook.message_ids[0].body)
        with self.assertRaises(UserError):
            self.other_notebook._beneficiary_set_shares(self.member, {"health": True})

    def test_beneficiary_declares_a_change_for_the_referent(self):
        activity = self.notebook._beneficiary_declare_change("J'ai déménagé à Lens.")
        self.assertEqual(activity.user_id, self.referent)
        self.assertEqual(activity.activity_type_id, self.env.ref(
            "carnet_de_bord.mail_activity_type_situation_change"))
        self.assertIn("Lens", activity.note)
        with self.assertRaises(UserError):
            self.notebook._beneficiary_declare_change("  ")

    def test_beneficiary_validates_and_comments_an_objective(self):
        objective = self.notebook.objective_ids
        objective._beneficiary_validate()
        self.assertTrue(objective.beneficiary_validated)
        self.assertEqual(objective.state, "validated")
        message = objective._beneficiary_comment("D'accord, mais pas le mercredi.")
        self.assertEqual(message.author_id, self.notebook.beneficiary_id)
        self.assertIn(self.referent.partner_id, message.partner_ids)
        with self.assertRaises(UserError):
            objective._beneficiary_comment("")

"""The conditions of access to the carnets (seed 003, "ACCESSIBILITE A
L'INTERFACE": "L'accès au D.U.I. est conditionné par : La signature d'une
charte utilisateur […] La demande d'accès individuelle : document cosigné
par le référent et son responsable"): a professional reads no carnet until
the current charter is signed and the access request recorded — by any
channel — and both are listed for the managers."""
import base64

from odoo.exceptions import AccessError

from .common import CdbCase

VERSION = "carnet_de_bord.dui_charter_version"

# The text of a message (test data, not a message of the code).
NOTE = "Compte rendu Utcharte"


class TestDuiAccess(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomer = cls._user("ut.newcomer", "group_cdb_professional", cls.structure_a,
                                 dui=False)
        cls.manager = cls._user("ut.dui.manager", "group_cdb_manager")
        cls.notebook = cls._notebook("Utcharte", cls.referent)
        cls._member(cls.notebook, cls.newcomer)
        cls.situation = cls.env["cdb.situation"].create({
            "notebook_id": cls.notebook.id, "housing": "Hébergée chez sa sœur"})
        cls.objective = cls.env["cdb.objective"].create({
            "notebook_id": cls.notebook.id, "name": "Trouver un logement"})
        cls.action = cls._action(cls.notebook, objective_id=cls.objective.id)
        cls.review = cls._validated_review(cls.notebook, cls.today)
        cls.event = cls.env["calendar.event"].create({
            "name": "Entretien Utcharte", "cdb_notebook_id": cls.notebook.id,
            "start": cls.today + " 09:00:00", "stop": cls.today + " 10:00:00"})
        cls.message = cls.notebook.message_post(body=NOTE,
                                                message_type="comment")
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "utcharte.txt", "datas_fname": "utcharte.txt",
            "datas": base64.b64encode(b"bilan"),
            "res_model": "cdb.notebook", "res_id": cls.notebook.id})
        cls.parts = {"cdb.notebook": cls.notebook, "cdb.notebook.member": cls.notebook.member_ids,
                     "cdb.situation": cls.situation, "cdb.objective": cls.objective,
                     "cdb.action": cls.action, "cdb.review": cls.review}

    def _as(self, model, user=None):
        return self.env[model].sudo(user or self.newcomer)

    def _assert_reads_nothing(self, user=None):
        for model, records in self.parts.items():
            with self.subTest(model=model):
                Model = self._as(model, user)
                self.assertFalse(Model.search([("id", "in", records.ids)]))
                self.assertEqual(Model.search_count([("id", "in", records.ids)]), 0)
                groups = Model.read_group([("id", "in", records.ids)], ["id"], [])
                self.assertFalse(groups and groups[0]["__count"])
                with self.assertRaises(AccessError):
                    Model.browse(records.ids).read(["display_name"])
                with self.assertRaises(AccessError):
                    Model.browse(records.ids).export_data(["create_date"])
        Notebook = self._as("cdb.notebook", user)
        self.assertFalse(Notebook.name_search(self.notebook.beneficiary_id.lastname))
        with self.assertRaises(AccessError):
            Notebook.browse(self.notebook.id).beneficiary_id.name
        # the beneficiary, the appointments, messages and documents of the carnet
        self.assertFalse(self._as("res.partner", user).search(
            [("id", "=", self.notebook.beneficiary_id.id)]))
        self.assertFalse(self._as("calendar.event", user).search([("id", "=", self.event.id)]))
        self.assertFalse(self._as("mail.message", user).search([("id", "=", self.message.id)]))
        self.assertFalse(self._as("ir.attachment", user).search(
            [("id", "=", self.attachment.id)]))

    def test_no_carnet_before_the_charter_and_the_request(self):
        self.assertEqual(self.newcomer.cdb_dui_status, "charter")
        self._assert_reads_nothing()
        with self.assertRaises(AccessError):
            self._as("cdb.notebook").create({
                "beneficiary_id": self._beneficiary("Utnouveau").id,
                "referent_id": self.newcomer.id})

    def test_charter_alone_does_not_open(self):
        self.newcomer.sudo(self.newcomer).action_cdb_sign_charter()
        self.assertEqual((self.newcomer.cdb_charter_version, self.newcomer.cdb_charter_date),
                         ("1", self.today))
        self.assertEqual(self.newcomer.cdb_dui_status, "request")
        self._assert_reads_nothing()

    def test_both_recorded_open_the_carnets(self):
        self.newcomer.sudo(self.newcomer).action_cdb_sign_charter()
        self._record_request(self.manager)
        self.assertEqual(self.newcomer.cdb_dui_status, "open")
        self.assertEqual(self.newcomer.cdb_access_request_cosigner, "M. Leroy, chef de service")
        self.assertEqual(self.newcomer.cdb_access_request_recorded_by, self.manager)
        for model, records in self.parts.items():
            with self.subTest(model=model):
                self.assertEqual(self._as(model).search([("id", "in", records.ids)]), records)
        self.assertTrue(self._as("calendar.event").search([("id", "=", self.event.id)]))

    def test_a_new_version_of_the_charter_is_signed_again(self):
        self.newcomer._cdb_record_dui_access()
        self.assertTrue(self._as("cdb.notebook").search([("id", "=", self.notebook.id)]))
        self.env["ir.config_parameter"].set_param(VERSION, "2")
        self.assertEqual(self.newcomer.cdb_dui_status, "new_charter")
        self._assert_reads_nothing()
        self.newcomer.sudo(self.newcomer).action_cdb_sign_charter()
        self.assertEqual(self.newcomer.cdb_charter_version, "2")
        self.assertTrue(self._as("cdb.notebook").search([("id", "=", self.notebook.id)]))

    def _record_request(self, user):
        action = self.newcomer.sudo(user).action_cdb_record_access_request()
        wizard = self.env[action["res_model"]].sudo(user).with_context(
            action["context"]).create({"cosigner": "M. Leroy, chef de service"})
        return wizard.action_confirm()

    def test_only_a_manager_records_a_request_and_not_their_own(self):
        for user in (self.newcomer, self.referent):
            with self.assertRaises(AccessError):
                self._record_request(user)
        self.assertFalse(self.newcomer.cdb_access_request_date)
        manager = self._user("ut.dui.manager2", "group_cdb_manager", dui=False)
        with self.assertRaises(AccessError):
            manager.sudo(manager).action_cdb_record_access_request()

    def test_the_conditions_change_only_through_their_actions(self):
        """Nobody writes the charter's date or the request directly, not even
        an administrator of the users; each signs for themselves."""
        for user, target in ((self.newcomer, self.newcomer), (self.manager, self.newcomer)):
            with self.assertRaises(AccessError):
                target.sudo(user).write({"cdb_charter_version": "1",
                                         "cdb_access_request_date": self.today})
        with self.assertRaises(AccessError):
            self.newcomer.write({"cdb_access_request_date": self.today})
        with self.assertRaises(AccessError):
            self.newcomer.sudo(self.referent).action_cdb_sign_charter()
        self.assertEqual(self.newcomer.cdb_dui_status, "charter")

    def test_listed_for_the_managers(self):
        """Every professional with their charter and request for the
        département's manager; those of their structure for a structure
        administrator."""
        action = self.env["res.users"].sudo(self.manager)._cdb_open_dui_access_list()
        Users = self.env["res.users"].sudo(self.manager)
        listed = Users.search(action["domain"])
        self.assertIn(self.newcomer, listed)
        self.assertIn(self.referent, listed)
        charter = Users.search(action["domain"] + [("cdb_dui_status", "=", "charter")])
        self.assertIn(self.newcomer, charter)
        self.assertNotIn(self.referent, charter)
        self.assertNotIn(self.referent, Users.search(
            action["domain"] + [("cdb_dui_status", "!=", "open")]))
        admin = self._user("ut.dui.structure.admin", "group_cdb_structure_admin",
                           self.structure_b)
        listed = Users.sudo(admin).search(
            self.env["res.users"].sudo(admin)._cdb_open_dui_access_list()["domain"])
        self.assertIn(self.accompagnateur, listed)
        self.assertNotIn(self.newcomer, listed)

    def test_who_is_not_concerned(self):
        admin = self._user("ut.dui.admin", "group_cdb_admin", dui=False)
        self.assertEqual(admin.cdb_dui_status, "not_concerned")
        self.assertTrue(self._as("cdb.notebook", admin).search([("id", "=", self.notebook.id)]))
        employee = self._user("ut.dui.employee", "base.group_user", dui=False)
        self.assertEqual(employee.cdb_dui_status, "not_concerned")

    def test_demo_professionals_have_both(self):
        for xmlid in ("demo_user_referent_social", "demo_user_accompagnateur",
                      "demo_user_correspondant", "demo_user_manager"):
            user = self.env.ref("carnet_de_bord." + xmlid)
            self.assertEqual(user.cdb_dui_status, "open", xmlid)

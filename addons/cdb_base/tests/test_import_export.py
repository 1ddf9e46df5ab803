"""Odoo's generic import and the import-compatible export are reserved to
``group_import_export`` (issue 14, "No generic Odoo where a user looks"):
refused on the server to the others, and the web client told to hide them."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestImportExport(TransactionCase):

    def setUp(self):
        super().setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.employee = Users.create({
            "name": "UT Employé", "login": "ut.import.employee",
            "groups_id": [(6, 0, self.env.ref("base.group_user").ids)]})
        self.allowed = Users.create({
            "name": "UT Gestionnaire", "login": "ut.import.allowed",
            "groups_id": [(6, 0, (self.env.ref("base.group_user")
                                  | self.env.ref("cdb_base.group_import_export")).ids)]})

    def _import(self, user):
        return self.env["base_import.import"].sudo(user).create({
            "res_model": "res.partner", "file": "name\nUT Importé\n".encode(),
            "file_name": "partners.csv", "file_type": "text/csv"})

    def test_the_generic_import_is_refused(self):
        wizard = self._import(self.employee)
        with self.assertRaises(AccessError):
            wizard.parse_preview({"quoting": '"', "separator": ",", "headers": True})
        with self.assertRaises(AccessError):
            wizard.do(["name"], {"quoting": '"', "separator": ",", "headers": True})
        self.assertFalse(self.env["res.partner"].search([("name", "=", "UT Importé")]))

    def test_the_group_imports(self):
        wizard = self._import(self.allowed)
        preview = wizard.parse_preview({"quoting": '"', "separator": ",", "headers": True,
                                        "encoding": "utf-8"})
        self.assertNotIn("error", preview)

    def test_the_administrator_imports(self):
        self.assertTrue(self.env.ref("base.user_root").has_group(
            "cdb_base.group_import_export"))

    def test_the_web_client_is_told(self):
        """What ir.http.session_info gives the web client to hide them."""
        Users = self.env["res.users"]
        self.assertFalse(Users.sudo(self.employee)._cdb_may_import_export())
        self.assertTrue(Users.sudo(self.allowed)._cdb_may_import_export())

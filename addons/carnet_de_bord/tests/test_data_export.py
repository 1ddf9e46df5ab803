"""Right of access: one ZIP file with all the data of one beneficiary, for
who can read their carnet, and nothing about anyone else."""
import base64
import io
import json
import zipfile

from odoo.exceptions import AccessError

from .common import CdbCase

# The text of a message (test data, not a message of the code).
NOTE = "Entretien du lundi"


class TestDataExport(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._user("ut.manager", "group_cdb_manager", cls.structure_a)
        cls.notebook = cls._notebook("Utexportmoi", cls.referent)
        cls.partner = cls.notebook.beneficiary_id
        cls.env["cdb.situation"].create({"notebook_id": cls.notebook.id,
                                         "housing": "Logement insalubre"})
        cls.env["cdb.objective"].create({"notebook_id": cls.notebook.id,
                                         "name": "Accéder au logement social"})
        cls.notebook.message_post(body=NOTE)
        cls.env["ir.attachment"].create({
            "name": "attestation caf.pdf", "datas": base64.b64encode(b"ATTESTATION"),
            "res_model": "cdb.notebook", "res_id": cls.notebook.id})
        cls.other = cls._notebook("Utexportautre", cls.referent)
        cls.env["cdb.situation"].create({"notebook_id": cls.other.id,
                                         "housing": "Propriétaire secret"})

    def _export(self, user, partner=None):
        action = (partner or self.partner).sudo(user).action_cdb_export_personal_data()
        wizard = self.env[action["res_model"]].sudo(user).browse(action["res_id"])
        wizard.action_export()
        return zipfile.ZipFile(io.BytesIO(base64.b64decode(wizard.data)))

    def test_zip_holds_the_beneficiary_data(self):
        archive = self._export(self.referent)
        self.assertIn("README.txt", archive.namelist())
        data = json.loads(archive.read("data.json").decode())
        records = data["records"]
        self.assertEqual(records["res.partner"]["records"][0]["caf_number"],
                         self.partner.caf_number)
        self.assertEqual(records["cdb.notebook"]["records"][0]["id"], self.notebook.id)
        self.assertEqual(records["cdb.situation"]["records"][0]["housing"], "Logement insalubre")
        self.assertEqual(records["cdb.objective"]["records"][0]["name"],
                         "Accéder au logement social")
        self.assertIn("cdb.notebook.member", records)
        self.assertTrue(any("Entretien du lundi" in (m["body"] or "")
                            for m in data["messages"]))
        files = [a["file"] for a in data["attachments"]]
        self.assertEqual(len(files), 1)
        self.assertEqual(archive.read(files[0]), b"ATTESTATION")

    def test_nothing_about_another_beneficiary(self):
        archive = self._export(self.referent)
        content = b"".join(archive.read(name) for name in archive.namelist()).decode()
        self.assertNotIn("Propriétaire secret", content)
        self.assertNotIn(self.other.beneficiary_id.caf_number, content)
        self.assertNotIn("Utexportautre", content)

    def test_who_cannot_read_the_carnet_cannot_export(self):
        with self.assertRaises(AccessError):
            self._export(self.outsider)

    def _data(self, archive):
        return json.loads(archive.read("data.json").decode())

    def test_export_follows_the_sharing_choices(self):
        """A member the beneficiary keeps from a section does not get it in
        the file (issue 10: the export ignored the sharing choices)."""
        member = self._member(self.notebook, self.accompagnateur)
        self.env["cdb.health"].create({"notebook_id": self.notebook.id,
                                       "description": "Diabète de type 1"})
        member.write({"share_situation": False, "share_documents": False})
        archive = self._export(self.accompagnateur)
        content = b"".join(archive.read(name) for name in archive.namelist()).decode()
        records = self._data(archive)["records"]
        self.assertNotIn("cdb.situation", records)
        self.assertNotIn("Logement insalubre", content)
        self.assertNotIn("Diabète", content, "health is the référent's unless shared")
        self.assertFalse(self._data(archive)["attachments"])
        self.assertEqual(records["cdb.objective"]["records"][0]["name"],
                         "Accéder au logement social")

    def test_referent_export_holds_health(self):
        self.env["cdb.health"].create({"notebook_id": self.notebook.id,
                                       "description": "Diabète de type 1"})
        records = self._data(self._export(self.referent))["records"]
        self.assertEqual(records["cdb.health"]["records"][0]["description"],
                         "Diabète de type 1")

    def test_manager_export_has_no_health(self):
        self.env["cdb.health"].create({"notebook_id": self.notebook.id,
                                       "description": "Diabète de type 1"})
        self.assertNotIn("cdb.health", self._data(self._export(self.manager))["records"])

    def test_beneficiary_own_export_holds_health(self):
        """The beneficiary's own export (their portal) holds their health
        details and the journal of accesses of their carnet."""
        self.env["cdb.health"].create({"notebook_id": self.notebook.id,
                                       "description": "Diabète de type 1"})
        self.env["cdb.access.log"].sudo()._log_accesses(
            self.notebook.ids, "Contrôle", user=self.manager)
        self.partner.email = "utexportmoi@ut.example"
        beneficiary = self.env["res.users"].with_context(no_reset_password=True).create({
            "login": "utexportmoi", "partner_id": self.partner.id,
            "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]})
        wizard = self.env["cdb.data.export.wizard"].sudo(beneficiary).create(
            {"partner_id": self.partner.id})
        archive = zipfile.ZipFile(io.BytesIO(wizard._export_content()))
        records = self._data(archive)["records"]
        self.assertEqual(records["cdb.health"]["records"][0]["description"],
                         "Diabète de type 1")
        self.assertEqual(records["cdb.access.log"]["records"][0]["reason"], "Contrôle")
        self.assertNotIn("Propriétaire secret", archive.read("data.json").decode())
        self.assertFalse(self.env["cdb.access.log"].sudo().search(
            [("notebook_id", "=", self.notebook.id), ("user_id", "=", beneficiary.id)]),
            "the beneficiary's own export is not a consultation by a non-member")

    def test_manager_export_is_logged(self):
        self._export(self.manager)
        log = self.env["cdb.access.log"].sudo().search([("notebook_id", "=", self.notebook.id)])
        self.assertEqual(log.user_id, self.manager)
        self.assertIn("export", log.reason.lower())

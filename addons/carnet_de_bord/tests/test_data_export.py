"""Right of access: one ZIP file with all the data of one beneficiary, for
who can read their carnet, and nothing about anyone else."""
import base64
import io
import json
import zipfile

from odoo.exceptions import AccessError

from .common import CdbCase


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
        cls.notebook.message_post(body="Entretien du lundi")
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

    def test_manager_export_is_logged(self):
        self._export(self.manager)
        log = self.env["cdb.access.log"].sudo().search([("notebook_id", "=", self.notebook.id)])
        self.assertEqual(log.user_id, self.manager)
        self.assertIn("export", log.reason.lower())

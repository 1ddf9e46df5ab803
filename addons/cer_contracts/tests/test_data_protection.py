"""Retention and right of access cover the orientation and contract records
of a carnet (carnet_de_bord, models/cdb_notebook_data_protection.py)."""
import base64
import io
import json
import zipfile

from .common import ContractCase


class TestDataProtection(ContractCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._running(self.notebook)
        self.assessment = self.contract.assessment_id
        self.assertTrue(self.assessment, "signed with its employment-distance scale")

    def _records(self, model):
        return self.env[model].sudo().with_context(active_test=False).search(
            [("notebook_id", "=", self.notebook.id)])

    def test_export_holds_orientations_and_contracts(self):
        action = self.notebook.beneficiary_id.sudo(
            self.referent).action_cdb_export_personal_data()
        wizard = self.env[action["res_model"]].sudo(self.referent).browse(action["res_id"])
        wizard.action_export()
        archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(wizard.data)))
        records = json.loads(archive.read("data.json").decode())["records"]
        self.assertEqual([r["id"] for r in records["cer.contract"]["records"]],
                         self.contract.ids)
        self.assertEqual(len(records["cer.pap.line"]["records"]), 1)
        self.assertEqual(len(records["rsa.orientation"]["records"]), 1)
        self.assertEqual(len(records["rsa.ede.assessment"]["records"]), 1)

    def test_purge_deletes_signed_contracts_and_agreed_assessments(self):
        """What users may not delete (a signed contract's actions, an agreed
        assessment, a fiche de liaison sent) goes at the end of the retention
        period."""
        liaison = self.env["cer.liaison"].sudo(self.referent).create({
            "notebook_id": self.notebook.id, "request_support": True,
            "support_request": "Aide pour la garde d'enfant",
            "referent_signed_date": self.today})
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.contract_id, self.contract)
        self.notebook._close(self.env.ref("carnet_de_bord.end_reason_rights"),
                             self._shift(self.today, years=-6))
        log = self.env["cdb.retention.log"]._cron_apply_retention()
        self.assertEqual(log.notebook_count, 1)
        for model in ("cer.liaison", "cer.contract", "rsa.orientation",
                      "rsa.ede.assessment", "cdb.action", "rsa.dsp"):
            self.assertFalse(self._records(model), model)
        self.assertFalse(self.env["cer.pap.line"].sudo().search(
            [("contract_id", "=", self.contract.id)]))
        self.assertFalse(self.notebook.beneficiary_id.caf_number)
        self.assertIn("Reciprocal engagement contract", log.details)

import json

from .common import FluxCase, samples, shared


class TestMigration(FluxCase):
    """The files of the public Carnet de bord service."""

    def test_shared_templates(self):
        self.env["res.partner"].create({"name": "CD 26", "is_company": True,
                                        "cdb_is_structure": True})
        professionals = self._job(shared("carnet-de-bord/import_professionnels.csv"),
                                  "cdb_professional", "import_professionnels.csv")
        professionals.action_import()
        self.assertEqual((professionals.state, professionals.created_count), ("done", 2))
        beneficiaries = self._job(shared("carnet-de-bord/import_beneficiaires.csv"),
                                  "cdb_beneficiary", "import_beneficiaires.csv", partial=True)
        beneficiaries.action_import()
        self.assertFalse(beneficiaries.ignored_columns, "every header recognised")
        self.assertEqual(beneficiaries.state, "done", beneficiaries.line_ids.mapped("reason"))
        charlotte = self.env["res.partner"].search([("firstname", "=", "Charlotte"),
                                                    ("lastname", "=", "Fondue")])
        self.assertEqual(charlotte.phone, "0601234567")
        self.assertEqual(charlotte.mobile, "071234567")
        situation = charlotte.cdb_notebook_ids.situation_ids[:1]
        self.assertEqual(situation.diploma_level_id.code, "V")
        self.assertEqual(situation.rome_code_ids.mapped("code"), ["N1104"])
        self.assertIn("RSA", situation.resources)
        charlie = self.env["res.partner"].search([("firstname", "=", "Charlie")])
        self.assertIn("sofia@cd26.fr", charlie.cdb_notebook_ids.member_ids.mapped(
            "user_id.login"))
        # line 4: the same person as line 3 (name and birth date); the CAF
        # number of the household stays on its first beneficiary
        self.assertEqual(beneficiaries.rejected_count, 1)
        self.assertEqual(charlotte.caf_number, "2055990")
        self.assertFalse(charlie.caf_number)
        structures = self._job(shared("carnet-de-bord/import_structures.csv"),
                               "cdb_structure", "import_structures.csv")
        structures.action_import()
        self.assertEqual(structures.state, "done", structures.line_ids.mapped("reason"))
        cd93 = self.env["res.partner"].search([("name", "=", "CD 93")])
        self.assertEqual(len(cd93), 1)
        admins = self.env["res.users"].search([("cdb_structure_id", "=", cd93.id)])
        self.assertEqual(len(admins), 2)
        reorientation = self._job(shared("carnet-de-bord/import_reorientation.csv"),
                                  "cdb_reorientation", "import_reorientation.csv")
        reorientation.action_import()
        self.assertFalse(reorientation.ignored_columns)

    def test_shared_export(self):
        job = self._job(shared("carnet-de-bord/export_notebook.json"), "cdb_export",
                        "export_notebook.json")
        job.action_import()
        self.assertEqual((job.state, job.created_count), ("done", 2), job.error_message)
        sophie = self.env["res.partner"].search([("lastname", "=", "Tifour")])
        notebook = sophie.cdb_notebook_ids
        self.assertEqual(len(notebook.objective_ids), 4)
        self.assertIn("Demande SIAO", notebook.objective_ids.mapped("description")[0] or "")
        report = job.message_ids.mapped("body")
        self.assertTrue(any("Demande SIAO" in body for body in report))

    def test_unknown_theme_is_listed(self):
        content = samples.carnet_export_bytes([
            samples.carnet_export("Lambertin", "Zoé", "1991-04-05", theme="theme_inconnu",
                                  caf_number="9876501")])
        job = self._job(content, "cdb_export", "export.json")
        job.action_import()
        self.assertEqual(job.state, "done")
        notebook = self.env["res.partner"].search([("lastname", "=", "Lambertin")]).cdb_notebook_ids
        self.assertEqual(notebook.objective_ids.name, "Accéder à un logement")
        self.assertFalse(notebook.action_ids)
        self.assertTrue(any("theme_inconnu" in body for body in job.message_ids.mapped("body")))
        again = self._job(content, "cdb_export", "export.json")
        again.action_import()
        self.assertEqual(again.unchanged_count, 1)
        self.assertEqual(len(notebook.objective_ids), 1)

    def test_not_an_export(self):
        job = self._job(json.dumps({"a": 1}).encode(), "cdb_export", "x.json")
        job.action_import()
        self.assertEqual(job.state, "failed")

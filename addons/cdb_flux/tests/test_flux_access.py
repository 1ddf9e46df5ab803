from odoo.exceptions import AccessError

from .common import FluxCase, samples


class TestFluxAccess(FluxCase):
    """Who may import the flux, read the NIR, read the journal and the
    households."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.professional = cls._user("flux.pro", "group_cdb_professional")
        cls.values = samples.household(30)

    def _imported(self):
        self._run_flux([self.values])
        return self._partner_by_nir(self.values["persons"][0]["nir"])

    def test_professional_may_not_import_nor_read_the_journal(self):
        with self.assertRaises(AccessError):
            self.env["cdb.import.job"].sudo(self.professional).create({
                "import_type": "caf_flux", "filename": "x.xml"})
        self._imported()
        with self.assertRaises(AccessError):
            self.env["cdb.import.job"].sudo(self.professional).search([])

    def test_nir_read_by_its_group_only(self):
        partner = self._imported()
        nir = partner.nir
        as_manager = partner.sudo(self.manager)
        self.assertEqual(as_manager.read(["nir"])[0]["nir"], nir)
        self.assertEqual(self.env["res.partner"].sudo(self.manager).search(
            [("nir", "=", nir)]), partner)
        notebook = partner.cdb_notebook_ids
        notebook._add_member(self.professional, "accompagnateur")
        as_pro = partner.sudo(self.professional)
        self.assertEqual(as_pro.nir_masked, "*" * 11 + nir[-4:])
        Partner = self.env["res.partner"].sudo(self.professional)
        for call in (lambda: as_pro.read(["nir"]),
                     lambda: Partner.search([("nir", "=", nir)]),
                     lambda: Partner.search([], order="nir"),
                     lambda: Partner.read_group([], ["nir"], ["nir"]),
                     lambda: as_pro.export_data(["nir"]),
                     lambda: notebook.sudo(self.professional).export_data(
                         ["beneficiary_id/nir"]),
                     lambda: as_pro.write({"nir": False})):
            with self.assertRaises(AccessError):
                call()

    def test_household_read_by_who_reads_a_member_carnet(self):
        partner = self._imported()
        household = partner.rsa_household_id
        Household = self.env["rsa.household"].sudo(self.professional)
        self.assertFalse(Household.search([("id", "=", household.id)]))
        partner.cdb_notebook_ids._add_member(self.professional, "accompagnateur")
        self.assertEqual(Household.search([("id", "=", household.id)]), household)
        with self.assertRaises(AccessError):
            household.sudo(self.professional).write({"matricule": "1"})

    def test_right_of_access_export_keeps_the_nir_from_who_may_not_read_it(self):
        import io
        import json
        import zipfile
        partner = self._imported()
        partner.cdb_notebook_ids._add_member(self.professional, "accompagnateur")
        for user, shown in ((self.manager, True), (self.professional, False)):
            wizard = self.env["cdb.data.export.wizard"].sudo(user).create(
                {"partner_id": partner.id})
            content = wizard.with_context(cdb_access_reason="test")._export_content()
            data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("data.json"))
            record = data["records"]["res.partner"]["records"][0]
            self.assertEqual("nir" in record, shown, user.login)

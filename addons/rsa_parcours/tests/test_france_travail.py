"""The automatic registration with France Travail, recorded on the
beneficiary and shown with the spouse's."""
from odoo.exceptions import ValidationError

from odoo.addons.cdb_flux import flux_samples
from odoo.addons.cdb_flux.tests.common import FluxCase

from .common import ParcoursCase


class TestFranceTravail(ParcoursCase):

    def test_registration_of_the_beneficiary_and_the_spouse(self):
        spouse = self._beneficiary("Utftspouse")
        spouse.write({"ft_registration_status": "registered",
                      "ft_registration_date": "2026-02-03", "france_travail_id": "1234567A"})
        beneficiary = self._beneficiary("Utftmain", rsa_spouse_id=spouse.id,
                                        ft_registration_status="pending")
        self.assertEqual(beneficiary.spouse_ft_registration_status, "registered")
        self.assertEqual(beneficiary.spouse_ft_registration_date, "2026-02-03")
        self.assertEqual(beneficiary.spouse_france_travail_id, "1234567A")
        self.assertEqual(beneficiary.ft_registration_status, "pending")

    def test_registered_needs_its_date(self):
        beneficiary = self._beneficiary("Utftdate")
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                beneficiary.write({"ft_registration_status": "registered"})
        self.assertFalse(beneficiary.ft_registration_status)

    def test_extract_line_records_the_registration(self):
        beneficiary = self._beneficiary("Utftextract")
        Record = self.env["cdb.france.travail.record"]
        Record.create({"partner_id": beneficiary.id, "registration_date": "2026-03-02",
                       "france_travail_uid": "uid-77", "line_hash": "ut-hash-1"})
        self.assertEqual((beneficiary.ft_registration_status, beneficiary.ft_registration_date,
                          beneficiary.france_travail_id), ("registered", "2026-03-02", "uid-77"))
        # an older line says nothing new; a known identifier is kept
        Record.create({"partner_id": beneficiary.id, "registration_date": "2025-11-02",
                       "france_travail_uid": "uid-78", "line_hash": "ut-hash-2"})
        self.assertEqual((beneficiary.ft_registration_date, beneficiary.france_travail_id),
                         ("2026-03-02", "uid-77"))
        Record.create({"partner_id": beneficiary.id, "registration_date": "2026-06-01",
                       "france_travail_uid": "uid-79", "line_hash": "ut-hash-3"})
        self.assertEqual((beneficiary.ft_registration_date, beneficiary.france_travail_id),
                         ("2026-06-01", "uid-77"))


class TestFranceTravailExtract(FluxCase):
    """cdb_flux's import of the France Travail extract fills the
    registration."""

    def test_import_fills_the_registration(self):
        beneficiary = self.env["res.partner"].create({
            "lastname": "Bernard", "firstname": "Inès", "birthdate_date": "1984-02-03",
            "is_rsa_beneficiary": True})
        self.env["cdb.notebook"].create({"beneficiary_id": beneficiary.id})
        line = flux_samples.france_travail_line("uid-1", "BERNARD", "INES", "1984-02-03",
                                                "alice.referente@francetravail.test")
        job = self._job(flux_samples.france_travail_bytes([line]), "france_travail", "ft.csv",
                        partial=True)
        job.action_import()
        self.assertEqual(job.state, "done")
        self.assertEqual((beneficiary.ft_registration_status, beneficiary.ft_registration_date),
                         ("registered", "2026-03-02"))

"""The automatic registration with France Travail, recorded on the
beneficiary and shown with the spouse's."""
from odoo.exceptions import ValidationError

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

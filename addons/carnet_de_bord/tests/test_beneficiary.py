from odoo.exceptions import ValidationError

from odoo.addons.cdb_base.tools import identity_key

from .common import CdbCase

BENEFICIARIES = [("is_rsa_beneficiary", "=", True)]


class TestBeneficiary(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls._beneficiary(
            "Utduplicat", "Josiane", zip_code="62100", birthdate="1975-03-02",
            caf_number="1234567890")

    def _create(self, **vals):
        values = {"lastname": "Utautre", "firstname": "Paul", "is_rsa_beneficiary": True,
                  "zip": "62000", "birthdate_date": "1990-01-01"}
        values.update(vals)
        return self.env["res.partner"].create(values)

    def test_duplicate_caf_number_refused(self):
        error = self.assertRefused(
            ValidationError, "res.partner", BENEFICIARIES,
            lambda: self._create(caf_number="1234567890"))
        self.assertIn("1234567890", error.name)

    def test_duplicate_name_and_birthdate_same_departement_refused(self):
        # Same person typed in another town of the same département (62),
        # different case and no CAF number.
        self.assertRefused(
            ValidationError, "res.partner", BENEFICIARIES,
            lambda: self._create(lastname="UTDUPLICAT", firstname="josiane",
                                 birthdate_date="1975-03-02", zip="62300"))

    def test_duplicate_despite_accents_spaces_and_hyphens_refused(self):
        """"Elodie" and "Élodie", "Marie-Claire" and "Marie  Claire" are the
        same person for the duplicate rule (issue 10; cdb_base.tools.identity_key,
        the imports use it too)."""
        self._beneficiary("Dupont-Martin", "Élodie", zip_code="62100", birthdate="1988-11-03")
        for lastname, firstname in (("DUPONT MARTIN", "Elodie"), ("dupont  martin", "élodie"),
                                    ("Dupont – Martin", " ELODIE ")):
            with self.subTest(lastname=lastname, firstname=firstname):
                self.assertRefused(
                    ValidationError, "res.partner", BENEFICIARIES,
                    lambda lastname=lastname, firstname=firstname: self._create(
                        lastname=lastname, firstname=firstname,
                        birthdate_date="1988-11-03", zip="62300"))

    def test_identity_key_is_stored_for_the_imports(self):
        partner = self._create(lastname="Lefèvre-Dubois", firstname="Anaïs")
        self.assertEqual(partner.cdb_identity_key, identity_key("LEFEVRE DUBOIS", "anais"))
        self.assertEqual(self.env["res.partner"].search(
            [("cdb_identity_key", "=", identity_key("lefevre  dubois", "Anais"))]), partner)

    def test_birth_date_in_the_future_refused(self):
        tomorrow = self._shift(self.today, days=1)
        self.assertRefused(
            ValidationError, "res.partner", BENEFICIARIES,
            lambda: self._create(birthdate_date=tomorrow))
        self.assertRefused(
            ValidationError, "res.partner",
            [("id", "=", self.existing.id), ("birthdate_date", "=", "1975-03-02")],
            lambda: self.existing.write({"birthdate_date": tomorrow}))

    def test_same_name_and_birthdate_other_departement_accepted(self):
        partner = self._create(lastname="Utduplicat", firstname="Josiane",
                               birthdate_date="1975-03-02", zip="59000",
                               caf_number=self._next_caf())
        self.assertEqual(partner.department_code, "59")
        self.assertEqual(self.existing.department_code, "62")

    def test_same_name_other_birthdate_accepted(self):
        partner = self._create(lastname="Utduplicat", firstname="Josiane",
                               birthdate_date="1975-03-03", zip="62100")
        self.assertTrue(partner.exists())

    def test_invalid_caf_number_refused(self):
        for number in ("12AB567", "123456", "12345678901234"):
            with self.subTest(number=number):
                error = self.assertRefused(
                    ValidationError, "res.partner", BENEFICIARIES,
                    lambda: self._create(caf_number=number))
                self.assertIn(number, error.name)

    def test_invalid_caf_number_refused_on_write(self):
        self.assertRefused(
            ValidationError, "res.partner",
            [("id", "=", self.existing.id), ("caf_number", "=", "1234567890")],
            lambda: self.existing.write({"caf_number": "CAF-1"}))

    def test_duplicate_caf_number_refused_on_write(self):
        other = self._beneficiary("Utautre", "Luc")
        self.assertRefused(
            ValidationError, "res.partner", [("caf_number", "=", "1234567890")],
            lambda: other.write({"caf_number": "1234567890"}))

    def test_department_code_from_zip(self):
        self.assertEqual(self._create(zip="97411", caf_number=self._next_caf())
                         .department_code, "974")
        self.assertFalse(self._create(zip="", lastname="Utsanszip",
                                      caf_number=self._next_caf()).department_code)

    def test_open_notebook_creates_it_once(self):
        beneficiary = self._beneficiary("Utouverture")
        first = beneficiary.action_open_notebook()
        second = beneficiary.action_open_notebook()
        self.assertEqual(first["res_model"], "cdb.notebook")
        self.assertEqual(first["res_id"], second["res_id"])
        self.assertEqual(beneficiary.cdb_notebook_ids.ids, [first["res_id"]])

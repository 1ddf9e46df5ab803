"""Droits et devoirs (seed 003, "L'ORIENTATION"): "Une double condition est
instaurée pour savoir si l'accompagnement est obligatoire : les ressources
du foyer … inférieures au montant forfaitaire (=RSA socle), être BRSA …
sans activité professionnelle ou avoir des ressources professionnelles
inférieures à 500 euros nets par mois." — "l'orientation et, donc,
l'accompagnement sont des mesures individuelles"."""
from ..settings import ACTIVITY_INCOME_THRESHOLD, LUMP_SUM_AMOUNT

from .common import OrientationCase

LUMP_SUM = LUMP_SUM_AMOUNT.key
THRESHOLD = ACTIVITY_INCOME_THRESHOLD.key


class TestAccompanimentRequired(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._param(LUMP_SUM, "600")

    def _person(self, resources=300.0, activity_income=None, **extra):
        vals = {"rsa_household_resources": resources}
        if activity_income is not None:
            vals.update({"rsa_has_activity": True, "rsa_activity_income": activity_income})
        vals.update(extra)
        return self._beneficiary("Utdroits", **vals)

    def test_lump_sum_defaults_to_the_setting(self):
        self.assertEqual(self._person().rsa_lump_sum, 600.0)

    def test_required_without_activity_under_the_lump_sum(self):
        person = self._person(resources=300.0)
        self.assertTrue(person.rsa_accompaniment_required)
        self.assertTrue(person.rsa_accompaniment_reason)

    def test_required_with_activity_income_499(self):
        self.assertTrue(self._person(resources=580.0, activity_income=499.0)
                        .rsa_accompaniment_required)

    def test_not_required_with_activity_income_500(self):
        person = self._person(resources=580.0, activity_income=500.0)
        self.assertFalse(person.rsa_accompaniment_required)
        self.assertIn("500", person.rsa_accompaniment_reason)

    def test_threshold_from_the_settings(self):
        self._param(THRESHOLD, "450")
        self.assertFalse(self._person(resources=580.0, activity_income=460.0)
                         .rsa_accompaniment_required)
        self.assertTrue(self._person(resources=580.0, activity_income=449.0)
                        .rsa_accompaniment_required)

    def test_not_required_at_the_lump_sum(self):
        self.assertFalse(self._person(resources=600.0).rsa_accompaniment_required)
        self.assertFalse(self._person(resources=750.0).rsa_accompaniment_required)

    def test_household_lump_sum_used_when_set(self):
        """The montant forfaitaire is the household's: a couple's is higher."""
        self.assertTrue(self._person(resources=750.0, rsa_lump_sum=900.0)
                        .rsa_accompaniment_required)

    def test_follows_the_changes_of_the_situation(self):
        person = self._person(resources=300.0)
        person.write({"rsa_has_activity": True, "rsa_activity_income": 520.0})
        self.assertFalse(person.rsa_accompaniment_required)
        person.rsa_activity_income = 200.0
        self.assertTrue(person.rsa_accompaniment_required)
        person.rsa_household_resources = 650.0
        self.assertFalse(person.rsa_accompaniment_required)

    def test_stored_for_searching(self):
        required = self._person(resources=300.0)
        not_required = self._person(resources=700.0)
        found = self.env["res.partner"].search([("rsa_accompaniment_required", "=", True)])
        self.assertIn(required, found)
        self.assertNotIn(not_required, found)

    def test_not_a_beneficiary(self):
        partner = self.env["res.partner"].create({
            "name": "UT Not beneficiary", "rsa_household_resources": 0.0})
        self.assertFalse(partner.rsa_accompaniment_required)


class TestIndividualMeasure(OrientationCase):
    """Each spouse has their own record, carnet and orientation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._param(LUMP_SUM, "900")
        cls.first = cls._beneficiary("Utcouple", "Anne", rsa_household_resources=400.0)
        cls.spouse = cls._beneficiary(
            "Utcouple", "Marc", rsa_household_resources=400.0, rsa_spouse_id=cls.first.id,
            rsa_has_activity=True, rsa_activity_income=300.0)
        cls.first.rsa_spouse_id = cls.spouse

    def test_each_spouse_is_assessed_on_their_own_activity(self):
        self.assertTrue(self.first.rsa_accompaniment_required)
        self.spouse.rsa_activity_income = 600.0
        self.assertFalse(self.spouse.rsa_accompaniment_required)
        self.assertTrue(self.first.rsa_accompaniment_required)

    def test_each_spouse_gets_their_own_orientation(self):
        Notebook = self.env["cdb.notebook"]
        first_notebook = Notebook.create({"beneficiary_id": self.first.id,
                                          "referent_id": self.referent.id})
        spouse_notebook = Notebook.create({"beneficiary_id": self.spouse.id,
                                           "referent_id": self.accompagnateur.id})
        self.assertNotEqual(first_notebook, spouse_notebook)
        solidarity = self._orientation(first_notebook, "solidarity", decide=True)
        professional = self._orientation(spouse_notebook, "professional_ft", decide=True)
        self.assertEqual(self.first.rsa_orientation_ids, solidarity)
        self.assertEqual(self.spouse.rsa_orientation_ids, professional)
        self.assertEqual(first_notebook.orientation_type, "solidarity")
        self.assertEqual(spouse_notebook.orientation_type, "professional_ft")
        # deciding for one spouse does not replace the other's orientation
        self.assertEqual(solidarity.state, "decided")
        self.assertEqual(first_notebook.referent_id, self.referent)
        self.assertEqual(spouse_notebook.referent_id, self.accompagnateur)

"""Parcours and organismes référents as data; an orientation under the law
chooses a parcours and an organism offering it (server checks); the guide's
orientation is unchanged."""
from odoo.exceptions import UserError, ValidationError

from .common import ParcoursCase


class TestParcours(ParcoursCase):

    def test_three_national_parcours_with_their_sphere(self):
        self.assertEqual(self.employment.sphere, "professional")
        self.assertEqual(self.socio.sphere, "professional")
        self.assertEqual(self.social.sphere, "solidarity")
        self.assertTrue(self.social.joint_diagnostic)
        self.assertFalse(self.employment.joint_diagnostic)
        self.assertEqual(self.employment.organism_ids & (self.ft | self.cd), self.ft)

    def test_organisme_referent_must_be_a_structure_with_a_kind(self):
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.env["res.partner"].create({
                    "name": "UT Not a structure", "is_company": True,
                    "cdb_is_organisme_referent": True, "cdb_organism_kind": "association"})
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.env["res.partner"].create({
                    "name": "UT No kind", "is_company": True, "cdb_is_structure": True,
                    "cdb_is_organisme_referent": True})

    def test_orientation_type_follows_parcours_and_organism(self):
        notebook = self._law_notebook("Utptype")
        self.assertEqual(self._law_orientation(notebook, self.employment, self.ft)
                         .orientation_type, "professional_ft")
        self.assertEqual(self._law_orientation(notebook, self.socio, self.cd)
                         .orientation_type, "professional_other")
        social = self._law_orientation(notebook, self.social, self.asso)
        self.assertEqual(social.orientation_type, "solidarity")
        self.assertEqual(social.regime, "law")
        social.organism_id = self.cd
        self.assertEqual(social.orientation_type, "solidarity")
        self.assertEqual(social.name_get()[0][1], "%s – draft" % self.social.name)

    def test_organism_must_offer_the_parcours(self):
        notebook = self._law_notebook("Utpoffer")
        self.assertRefused(ValidationError, "rsa.orientation", [("notebook_id", "=", notebook.id)],
                           lambda: self._law_orientation(notebook, self.employment, self.asso))
        orientation = self._law_orientation(notebook, self.social, self.asso)
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                orientation.parcours_id = self.employment

    def test_decide_needs_the_organism(self):
        notebook = self._law_notebook("Utpneedorg")
        orientation = self._law_orientation(notebook, self.social, self.env["res.partner"])
        with self.assertRaises(UserError):
            orientation.sudo(self.delegate).action_decide()
        self.assertEqual(orientation.state, "draft")
        orientation.organism_id = self.asso
        orientation.sudo(self.delegate).action_decide()
        self.assertEqual(orientation.state, "decided")
        self.assertEqual(notebook.structure_id, self.asso)

    def test_parcours_refused_before_the_new_regime(self):
        notebook = self._law_notebook("Utpbefore")
        self._param("rsa_orientation.new_regime_date", "2025-01-01")
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self._law_orientation(notebook, date_decision="2024-12-31")
        orientation = self._law_orientation(notebook, date_decision="2025-01-01")
        self.assertEqual(orientation.regime, "law")

    def test_guide_orientation_unchanged(self):
        """Decided before the new regime the guide's rules apply: deadline 2
        months from the decision in the solidarity sphere, no criteria
        record, no parcours needed."""
        notebook = self._law_notebook("Utpguide")
        orientation = self._orientation(notebook, "solidarity", decide=True,
                                        date_decision="2024-03-10")
        self.assertEqual(orientation.regime, "guide")
        self.assertEqual(orientation.contract_deadline, "2024-05-10")
        self.assertFalse(orientation.criteria_id)
        self.assertEqual(orientation.name_get()[0][1], "Solidarity – 10/03/2024")

    def test_decision_under_the_law_needs_the_parcours(self):
        """From the regime's date on, every decision follows the law: the
        guide's orientation without a parcours is refused on the server, the
        day before it is the guide's; moving the setting keeps a
        département on the guide."""
        notebook = self._law_notebook("Utpneedparcours")
        on_date = self._orientation(notebook, "solidarity", date_decision="2025-01-01")
        self.assertEqual(on_date.regime, "law")
        with self.assertRaises(UserError):
            on_date.sudo(self.delegate).action_decide()
        self.assertEqual(on_date.state, "draft")
        day_before = self._orientation(notebook, "solidarity", date_decision="2024-12-31")
        self.assertEqual(day_before.regime, "guide")
        day_before.sudo(self.delegate).action_decide()
        self.assertEqual(day_before.state, "decided")
        today = self._orientation(notebook, "solidarity")
        self.assertEqual(today.regime, "law")
        with self.assertRaises(UserError):
            today.sudo(self.delegate).action_decide()
        self._param("rsa_orientation.new_regime_date", "2100-01-01")
        self.env["rsa.orientation"]._recompute_after_settings(
            ["rsa_orientation.new_regime_date"])
        self.assertEqual(today.regime, "guide")
        today.sudo(self.delegate).action_decide()
        self.assertEqual((today.state, today.regime), ("decided", "guide"))

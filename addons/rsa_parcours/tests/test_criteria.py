"""The national orientation criteria (arrêté du 21 novembre 2024): a record
per orientation, the proposed parcours (rule of rsa.orientation.criteria),
the reason required when the decision differs, frozen by the decision."""
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import ParcoursCase


class TestCriteria(ParcoursCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._law_notebook("Utcrit")

    def _proposal(self, **criteria):
        orientation = self._law_orientation(self.notebook, **self._criteria(**criteria))
        return orientation.proposed_parcours_id

    # ------------------------------------------------------------ the rule
    def test_close_to_employment_proposes_emploi(self):
        self.assertEqual(self._proposal(), self.employment)
        self.assertEqual(self._proposal(situation="long_term", qualification="bac"),
                         self.employment)
        self.assertEqual(self._proposal(situation="in_employment", qualification="none"),
                         self.employment)

    def test_one_medium_barrier_still_emploi_two_socio(self):
        self.assertEqual(self._proposal(mobility="medium"), self.employment)
        self.assertEqual(self._proposal(mobility="medium", housing="medium"), self.socio)

    def test_one_strong_barrier_socio_two_social(self):
        self.assertEqual(self._proposal(health="strong"), self.socio)
        self.assertEqual(self._proposal(health="strong", housing="strong"), self.social)

    def test_projection(self):
        self.assertEqual(self._proposal(projection="partly"), self.socio)
        self.assertEqual(self._proposal(projection="no"), self.social)

    def test_far_from_employment_without_qualification_socio(self):
        self.assertEqual(self._proposal(situation="never", qualification="cap_bep"), self.socio)

    def test_new_proposal_shows_no_barrier(self):
        orientation = self.env["rsa.orientation"].new({"notebook_id": self.notebook.id})
        self.assertEqual(orientation.criteria_health_impact, "none")
        self.assertFalse(orientation.criteria_projection)

    def test_no_proposal_until_filled(self):
        orientation = self._law_orientation(self.notebook, criteria_projection="yes")
        self.assertFalse(orientation.proposed_parcours_id)
        self.assertFalse(orientation.criteria_id.proposed_parcours_id)

    def test_one_record_per_orientation_stored(self):
        orientation = self._law_orientation(self.notebook, **self._criteria(health="strong"))
        criteria = orientation.criteria_id
        self.assertEqual(criteria.orientation_id, orientation)
        self.assertEqual(criteria.notebook_id, self.notebook)
        self.assertEqual(criteria.health_impact, "strong")
        self.assertEqual(criteria.proposed_parcours_id, self.socio)
        self.assertEqual(orientation.basis, "criteria")
        orientation.write({"criteria_health_impact": "none"})
        self.assertEqual(criteria.proposed_parcours_id, self.employment)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["rsa.orientation.criteria"].create({
                    "notebook_id": self.notebook.id, "orientation_id": orientation.id})

    # ---------------------------------------------------------- the reason
    def test_other_parcours_than_proposed_needs_a_reason(self):
        orientation = self._law_orientation(self.notebook, self.social, self.asso,
                                            **self._criteria())
        self.assertTrue(orientation.parcours_differs)
        with self.assertRaises(UserError):
            orientation.sudo(self.delegate).action_decide()
        self.assertEqual(orientation.state, "draft")
        orientation.parcours_reason = "   "
        with self.assertRaises(UserError):
            orientation.sudo(self.delegate).action_decide()
        orientation.parcours_reason = "Situation de logement très dégradée depuis l'entretien"
        orientation.sudo(self.delegate).action_decide()
        self.assertEqual(orientation.state, "decided")

    def test_same_parcours_as_proposed_needs_no_reason(self):
        orientation = self._law_orientation(self.notebook, self.employment, self.ft,
                                            **self._criteria())
        orientation.sudo(self.delegate).action_decide()
        self.assertEqual(orientation.state, "decided")

    def test_reason_cannot_be_removed_after_the_decision(self):
        orientation = self._law_orientation(self.notebook, self.social, self.asso,
                                            parcours_reason="Motif", **self._criteria())
        orientation.sudo(self.delegate).action_decide()
        with self.assertRaises((AccessError, ValidationError)):
            with self.cr.savepoint():
                orientation.write({"parcours_reason": False})

    # ------------------------------------------------------------ frozen
    def test_criteria_frozen_by_the_decision(self):
        orientation = self._law_orientation(self.notebook, **self._criteria(), decide=True)
        with self.assertRaises(AccessError):
            with self.cr.savepoint():
                orientation.write({"criteria_health_impact": "strong"})
        with self.assertRaises(UserError):
            with self.cr.savepoint():
                orientation.criteria_id.write({"health_impact": "strong"})
        with self.assertRaises(UserError):
            with self.cr.savepoint():
                orientation.criteria_id.unlink()
        self.assertEqual(orientation.criteria_id.health_impact, "none")

    def test_referent_types_the_criteria(self):
        orientation = self._law_orientation(self.notebook).sudo(self.referent)
        orientation.write(self._criteria(projection="no"))
        self.assertEqual(orientation.proposed_parcours_id, self.social)
        self.assertEqual(orientation.criteria_id.projection, "no")

    def test_criteria_stay_in_their_carnet(self):
        orientation = self._law_orientation(self.notebook, **self._criteria())
        other = self._law_notebook("Utcritother")
        with self.assertRaises(ValidationError):
            orientation.criteria_id.write({"notebook_id": other.id})
        with self.assertRaises(UserError):
            self.env["rsa.orientation.criteria"].create({
                "notebook_id": other.id, "orientation_id": orientation.id})

    def test_form_shows_criteria_and_ede(self):
        assessment = self._agreed_assessment(self.notebook)
        orientation = self._law_orientation(self.notebook, assessment_id=assessment.id,
                                            **self._criteria())
        self.assertEqual(orientation.ede_total_points, assessment.total_points)
        self.assertTrue(orientation.ede_proposed_orientation)
        self.assertEqual(orientation.proposed_parcours_id, self.employment)

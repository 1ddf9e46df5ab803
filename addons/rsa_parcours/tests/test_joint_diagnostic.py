"""The joint diagnostic of the social parcours (décret n° 2024-1244): due 6
months (a setting) after the decision, extendable up to 12 months with a
typed reason by a delegate; under the law it replaces the guide's automatic
EP referral at 12 months, which stays for the guide's orientations."""
from odoo.exceptions import AccessError, ValidationError

from .common import ParcoursCase


class TestJointDiagnostic(ParcoursCase):

    def _social(self, lastname, date_decision="2026-01-15"):
        return self._law_orientation(self._law_notebook(lastname), self.social, self.asso,
                                     decide=True, date_decision=date_decision)

    def test_due_six_months_after_the_decision(self):
        orientation = self._social("Utjdsix")
        self.assertTrue(orientation.joint_diagnostic_required)
        self.assertEqual(orientation.joint_diagnostic_due_date, "2026-07-15")

    def test_not_due_in_the_other_parcours(self):
        orientation = self._law_orientation(self._law_notebook("Utjdemp"), decide=True)
        self.assertFalse(orientation.joint_diagnostic_due_date)
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                orientation.write({"joint_diagnostic_extension_months": 2,
                                   "joint_diagnostic_extension_reason": "health",
                                   "joint_diagnostic_extension_note": "Soins en cours"})

    def test_delay_is_a_setting(self):
        self._param("rsa_parcours.joint_diagnostic_months", "4")
        self.assertEqual(self._social("Utjdset").joint_diagnostic_due_date, "2026-05-15")

    def test_due_dates_follow_the_settings_screen(self):
        """The due dates are stored: a later change of their delays on the
        settings screen recomputes them (joint diagnostic, the contract's
        month after the notification)."""
        orientation = self._social("Utjdscreen")
        orientation._workflow_write({"notification_date": "2026-01-20"})
        self.assertEqual((orientation.joint_diagnostic_due_date,
                          orientation.law_contract_due_date, orientation.contract_deadline),
                         ("2026-07-15", "2026-02-20", "2026-02-20"))
        # saved as the settings screen does (its execute() would also reset
        # the environments of the test), then read again as a new request
        self.env["res.config.settings"].create({
            "rsa_joint_diagnostic_months": 9, "rsa_contract_delay_months": 2}).set_values()
        orientation.invalidate_cache()
        self.assertEqual((orientation.joint_diagnostic_due_date,
                          orientation.law_contract_due_date, orientation.contract_deadline),
                         ("2026-10-15", "2026-03-20", "2026-03-20"))
        self.env.cr.execute(
            "SELECT joint_diagnostic_due_date, law_contract_due_date FROM rsa_orientation "
            "WHERE id = %s", orientation.ids)
        self.assertEqual([str(day) for day in self.env.cr.fetchone()],
                         ["2026-10-15", "2026-03-20"])

    def test_extension_up_to_twelve_months_with_a_reason(self):
        orientation = self._social("Utjdext").sudo(self.delegate)
        orientation.write({"joint_diagnostic_extension_months": 6,
                           "joint_diagnostic_extension_reason": "health",
                           "joint_diagnostic_extension_note": "Hospitalisation en cours"})
        self.assertEqual(orientation.joint_diagnostic_due_date, "2027-01-15")

    def test_extension_beyond_twelve_months_refused(self):
        orientation = self._social("Utjdmax").sudo(self.delegate)
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                orientation.write({"joint_diagnostic_extension_months": 7,
                                   "joint_diagnostic_extension_reason": "health",
                                   "joint_diagnostic_extension_note": "Soins"})
        self.assertEqual(orientation.joint_diagnostic_due_date, "2026-07-15")

    def test_extension_needs_a_typed_reason(self):
        orientation = self._social("Utjdreason").sudo(self.delegate)
        for vals in ({"joint_diagnostic_extension_months": 2},
                     {"joint_diagnostic_extension_months": 2,
                      "joint_diagnostic_extension_reason": "other"},
                     {"joint_diagnostic_extension_months": 2,
                      "joint_diagnostic_extension_reason": "other",
                      "joint_diagnostic_extension_note": "  "}):
            with self.assertRaises(ValidationError):
                with self.cr.savepoint():
                    orientation.write(vals)
        self.assertEqual(orientation.joint_diagnostic_extension_months, 0)

    def test_referent_may_not_extend(self):
        orientation = self._social("Utjdref")
        with self.assertRaises(AccessError):
            orientation.sudo(self.referent).write({
                "joint_diagnostic_extension_months": 2,
                "joint_diagnostic_extension_reason": "health",
                "joint_diagnostic_extension_note": "Soins"})
        self.assertEqual(orientation.joint_diagnostic_extension_months, 0)

    def test_twelve_month_ep_referral_only_for_the_guide(self):
        """The guide's daily job opens the EP case of a guide's solidarity
        orientation at 12 months, not of the law's social parcours."""
        decided = self._shift(self.today, months=-13)
        law = self._social("Utjdeplaw", date_decision=decided)
        # the guide's: decided before the new regime
        guide = self._orientation(self._law_notebook("Utjdepguide"), "solidarity",
                                  decide=True, date_decision="2024-06-03")
        cases = self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        self.assertIn(guide, cases.mapped("origin_orientation_id"))
        self.assertNotIn(law, cases.mapped("origin_orientation_id"))
        self.assertFalse(self.env["rsa.ep.case"].search([("origin_orientation_id", "=", law.id)]))

    def test_daily_job_reminds_the_referent_once(self):
        due = self._social("Utjdjob", date_decision=self._shift(self.today, months=-6))
        later = self._social("Utjdjoblater",
                             date_decision=self._shift(self.today, months=-6, days=1))
        done = self._social("Utjdjobdone", date_decision=self._shift(self.today, months=-7))
        done.joint_diagnostic_date = self.today
        found = self.env["rsa.orientation"]._cron_joint_diagnostic_due()
        self.assertIn(due, found)
        self.assertNotIn(later, found)
        self.assertNotIn(done, found)
        activity = due.activity_ids
        self.assertEqual((len(activity), activity.user_id), (1, self.referent))
        self.assertEqual(activity.date_deadline, due.joint_diagnostic_due_date)
        self.assertNotIn(due, self.env["rsa.orientation"]._cron_joint_diagnostic_due())
        self.assertEqual(len(due.activity_ids), 1)

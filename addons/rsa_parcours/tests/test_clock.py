"""The 6-week clock (décret n° 2024-1244 du 30 décembre 2024): orientation
due at the rights-and-duties date (else the RSA entry date) + 6 weeks; the
overdue list; the daily job giving the delegate one activity."""
from .common import ParcoursCase


class TestClock(ParcoursCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Notebook = cls.env["cdb.notebook"]
        cls._param("rsa_orientation.new_regime_date", "2025-01-01")

    def _subject_since(self, lastname, days_ago, **extra):
        """A carnet whose beneficiary is subject to rights and duties since
        ``days_ago`` days (entry date; the guide's rule sets the status)."""
        start = self._shift(self.today, days=-days_ago)
        vals = {"rsa_entry_date": start, "rsa_flux_rights_duties": "subject",
                "rsa_flux_rights_duties_date": start}
        vals.update(extra)
        return self._law_notebook(lastname, **vals)

    def _overdue(self, notebook):
        notebook.invalidate_cache()
        found = bool(self.Notebook.search([("id", "=", notebook.id),
                                           ("orientation_overdue", "=", True)]))
        self.assertEqual(found, notebook.orientation_overdue, "search and compute agree")
        return found

    def test_due_six_weeks_after_the_start(self):
        notebook = self._subject_since("Utclockdue", 10)
        self.assertEqual(notebook.orientation_clock_start, self._shift(self.today, days=-10))
        self.assertEqual(notebook.orientation_due_date, self._shift(self.today, days=32))

    def test_boundary_due_today_is_not_overdue(self):
        self.assertFalse(self._overdue(self._subject_since("Utclockday", 42)))

    def test_boundary_due_yesterday_is_overdue(self):
        self.assertTrue(self._overdue(self._subject_since("Utclocklate", 43)))

    def test_rights_duties_date_before_entry_date(self):
        notebook = self._subject_since("Utclockrd", 60)
        notebook.beneficiary_id.write({
            "rsa_entry_date": self._shift(self.today, days=-200),
            "rsa_flux_rights_duties_date": self._shift(self.today, days=-10)})
        self.assertEqual(notebook.beneficiary_id.rsa_rights_duties_date,
                         self._shift(self.today, days=-10))
        self.assertFalse(self._overdue(notebook))

    def test_entry_date_when_no_rights_duties_date(self):
        notebook = self._law_notebook("Utclockentry")
        notebook.beneficiary_id.write({"rsa_entry_date": self._shift(self.today, days=-50),
                                       "rsa_flux_rights_duties": "subject"})
        partner = notebook.beneficiary_id
        if not partner.rsa_rights_duties_date:
            self.assertEqual(notebook.orientation_clock_start, partner.rsa_entry_date)
        self.assertTrue(self._overdue(notebook))

    def test_not_subject_no_clock(self):
        notebook = self._subject_since("Utclocknot", 60, rsa_flux_rights_duties="not_subject")
        self.assertFalse(notebook.orientation_due_date)
        self.assertFalse(self._overdue(notebook))

    def test_before_the_new_regime_no_clock(self):
        self._param("rsa_orientation.new_regime_date", self._shift(self.today, days=-30))
        notebook = self._subject_since("Utclockold", 60)
        self.assertFalse(notebook.orientation_due_date)
        self.assertFalse(self._overdue(notebook))

    def test_decided_orientation_stops_the_clock(self):
        notebook = self._subject_since("Utclockstop", 60)
        self.assertTrue(self._overdue(notebook))
        orientation = self._law_orientation(notebook)
        self.assertTrue(self._overdue(notebook), "a draft does not stop it")
        orientation.action_decide()
        self.assertFalse(self._overdue(notebook))

    def test_orientation_before_the_start_does_not_stop_it(self):
        notebook = self._subject_since("Utclockprev", 60)
        self._law_orientation(notebook, decide=True,
                              date_decision=self._shift(self.today, days=-61))
        self.assertTrue(self._overdue(notebook))

    def test_delay_is_a_setting(self):
        notebook = self._subject_since("Utclocksetting", 50)
        self.assertTrue(self._overdue(notebook))
        self._param("rsa_parcours.orientation_delay_weeks", "8")
        self.assertFalse(self._overdue(notebook))

    # ---------------------------------------------------------- daily job
    def test_daily_job_gives_the_delegate_one_activity(self):
        activity_type = self.env.ref("rsa_parcours.mail_activity_type_orientation_due")
        late = self._subject_since("Utclockjob", 43)
        in_time = self._subject_since("Utclockjobok", 42)
        done = self.Notebook._cron_orientation_overdue()
        self.assertIn(late, done)
        self.assertNotIn(in_time, done)
        activity = late.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.delegate)
        self.assertEqual(activity.date_deadline, late.orientation_due_date)
        # idempotent: a second run adds nothing
        self.assertFalse(self.Notebook._cron_orientation_overdue() & late)
        self.assertEqual(len(late.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type)), 1)

    def test_daily_job_batches(self):
        notebooks = self.Notebook.browse()
        for index in range(3):
            notebooks |= self._subject_since("Utclockbatch%d" % index, 50)
        done = self.Notebook._cron_orientation_overdue(batch=1)
        self.assertEqual(done & notebooks, notebooks)

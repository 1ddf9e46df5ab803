from .common import CdbCase

PARAM = "carnet_de_bord.review_interval_months"


class TestReviews(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("carnet_de_bord.mail_activity_type_review")
        cls.due = cls._notebook("Utrevuedue", cls.referent,
                                date_start=cls._shift(cls.today, months=-7))
        cls.not_due = cls._notebook("Utrevuepasdue", cls.referent,
                                    date_start=cls._shift(cls.today, months=-2))

    def _reviews(self, notebook):
        return self.env["mail.activity"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id),
            ("activity_type_id", "=", self.review_type.id)])

    def _cron(self):
        self.env["cdb.notebook"]._cron_schedule_reviews()

    def test_next_review_six_months_after_start(self):
        self.assertEqual(self.due.next_review_date,
                         self._shift(self.due.date_start, months=6))
        self.assertTrue(self.due.review_due)
        self.assertFalse(self.not_due.review_due)
        due = self.env["cdb.notebook"].search([("review_due", "=", True)])
        self.assertIn(self.due, due)
        self.assertNotIn(self.not_due, due)

    def test_cron_creates_one_review_for_the_referent(self):
        self._cron()
        reviews = self._reviews(self.due)
        self.assertEqual(len(reviews), 1)
        self.assertEqual(reviews.user_id, self.referent)
        self.assertEqual(reviews.date_deadline, self.due.next_review_date)
        self.assertFalse(self._reviews(self.not_due))

    def test_cron_twice_creates_no_duplicate(self):
        self._cron()
        self._cron()
        self.assertEqual(len(self._reviews(self.due)), 1)

    def test_cron_ignores_closed_notebook(self):
        self.due.action_close()
        self._cron()
        self.assertFalse(self._reviews(self.due))

    def test_mark_reviewed_closes_review_and_moves_next_date(self):
        self._cron()
        self.due.sudo(self.referent).action_mark_reviewed()
        self.assertFalse(self._reviews(self.due))
        self.assertEqual(self.due.last_review_date, self.today)
        self.assertEqual(self.due.next_review_date, self._shift(self.today, months=6))
        self.assertFalse(self.due.review_due)

    def test_review_interval_from_parameter(self):
        self.env["ir.config_parameter"].set_param(PARAM, "3")
        self.due.action_mark_reviewed()
        self.assertEqual(self.due.next_review_date, self._shift(self.today, months=3))

    def test_review_not_due_again_after_mark_reviewed(self):
        self._cron()
        self.due.action_mark_reviewed()
        self._cron()
        self.assertFalse(self._reviews(self.due))


class TestEndOfActionReviews(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("carnet_de_bord.mail_activity_type_review")
        cls.notebook = cls._notebook("Utfinaction", cls.referent)
        cls.ended = cls._action(cls.notebook, code="A.1.1",
                                date_start=cls._shift(cls.today, months=-3),
                                date_deadline=cls._shift(cls.today, days=-1))
        cls.running = cls._action(cls.notebook, code="B.1")

    def _reviews(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id),
            ("activity_type_id", "=", self.review_type.id)])

    def test_ended_action_gets_one_review(self):
        self.assertFalse(self.notebook.review_due)
        self.env["cdb.notebook"]._cron_schedule_reviews()
        reviews = self._reviews()
        self.assertEqual(len(reviews), 1)
        self.assertIn(self.ended.action_code_id.code, reviews.summary)
        self.assertEqual(reviews.user_id, self.referent)
        self.assertEqual(reviews.date_deadline, self.ended.date_deadline)
        self.assertTrue(self.ended.end_review_scheduled)
        self.assertFalse(self.running.end_review_scheduled)

    def test_ended_action_review_only_once(self):
        self.env["cdb.notebook"]._cron_schedule_reviews()
        self._reviews().action_done()
        self.env["cdb.notebook"]._cron_schedule_reviews()
        self.assertFalse(self._reviews())

    def test_abandoned_action_gets_no_review(self):
        self.ended.write({"state": "abandoned"})
        self.env["cdb.notebook"]._cron_schedule_reviews()
        self.assertFalse(self._reviews())

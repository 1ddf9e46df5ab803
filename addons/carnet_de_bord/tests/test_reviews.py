"""Reviews (bilans) are records (seed 000, "Suivi": "Quoi ? Revue des
objectifs définis par l'allocataire, des résultats obtenus, évaluation de
la progression dans le parcours et de l'évolution de la situation de
l'allocataire. […] Par qui ? L'allocataire RSA et son référent."), written
and validated by the référent (or a delegate), validated by the
beneficiary; due periodically, at the end of an action, at a
reorientation and at the end of the path."""
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from odoo.addons.cdb_base import tools

from .common import CdbCase

PARAM = "carnet_de_bord.review_interval_months"


class ReviewCase(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("carnet_de_bord.mail_activity_type_review")

    def _activities(self, notebook):
        return self.env["mail.activity"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id),
            ("activity_type_id", "=", self.review_type.id)])

    def _cron(self):
        self.env["cdb.notebook"]._cron_schedule_reviews()

    def _write_review(self, notebook, user=None, **values):
        """The référent opens the review of the carnet ("Bilan") and writes it."""
        action = notebook.sudo(user or self.referent).action_new_review()
        review = self.env["cdb.review"].sudo(user or self.referent).browse(action["res_id"])
        review.write(dict({"results": "CV à jour, deux candidatures envoyées.",
                           "progression": "progress"}, **values))
        return review

    def _validated_review(self, notebook, **values):
        review = self._write_review(notebook, **values)
        review.action_validate()
        review.action_record_beneficiary_agreement()
        return review


class TestPeriodicReviews(ReviewCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.due = cls._notebook("Utrevuedue", cls.referent,
                                date_start=cls._shift(cls.today, months=-7))
        cls.not_due = cls._notebook("Utrevuepasdue", cls.referent,
                                    date_start=cls._shift(cls.today, months=-2))

    def test_next_review_six_months_after_start(self):
        self.assertEqual(self.due.next_review_date,
                         self._shift(self.due.date_start, months=6))
        self.assertTrue(self.due.review_due)
        self.assertFalse(self.not_due.review_due)
        due = self.env["cdb.notebook"].search([("review_due", "=", True)])
        self.assertIn(self.due, due)
        self.assertNotIn(self.not_due, due)

    def test_cron_opens_one_review_for_the_referent(self):
        self._cron()
        activities = self._activities(self.due)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.referent)
        self.assertEqual(activities.date_deadline, self.due.next_review_date)
        review = self.due.review_ids
        self.assertEqual((review.state, review.reason, review.deadline),
                         ("draft", "periodic", self.due.next_review_date))
        self.assertFalse(self._activities(self.not_due))
        self.assertFalse(self.not_due.review_ids)

    def test_cron_twice_creates_no_duplicate(self):
        self._cron()
        self._cron()
        self.assertEqual(len(self._activities(self.due)), 1)
        self.assertEqual(len(self.due.review_ids), 1)

    def test_cron_ignores_closed_notebook(self):
        self.due._close(self.env.ref("carnet_de_bord.end_reason_rights"))
        self._cron()
        self.assertFalse(self._activities(self.due))

    def test_the_review_written_is_the_one_scheduled(self):
        self._cron()
        review = self._write_review(self.due)
        self.assertEqual(self.due.review_ids, review)
        self.assertEqual(review.reason, "periodic")

    def test_validated_review_closes_the_activity_and_moves_next_date(self):
        self._cron()
        self._validated_review(self.due)
        self.assertFalse(self._activities(self.due))
        self.assertEqual(self.due.last_review_date, self.today)
        self.assertEqual(self.due.next_review_date, self._shift(self.today, months=6))
        self.assertFalse(self.due.review_due)

    def test_review_interval_from_parameter(self):
        self.env["ir.config_parameter"].set_param(PARAM, "3")
        self._validated_review(self.due)
        self.assertEqual(self.due.next_review_date, self._shift(self.today, months=3))

    def test_review_not_due_again_after_validation(self):
        self._cron()
        self._validated_review(self.due)
        self._cron()
        self.assertFalse(self._activities(self.due))


class TestReviewRecords(ReviewCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utbilan", cls.referent,
                                     date_start=cls._shift(cls.today, months=-4))
        cls._member(cls.notebook, cls.accompagnateur)
        cls.objective = cls.env["cdb.objective"].create({
            "notebook_id": cls.notebook.id, "name": "Retrouver un emploi"})

    def test_a_review_holds_what_the_seed_lists(self):
        """Objectives reviewed, results, progression, evolution of the
        situation, the beneficiary's view, next steps."""
        review = self._write_review(self.notebook, situation_evolution="Logement trouvé.",
                                    beneficiary_opinion="Je suis satisfaite.",
                                    next_steps="Préparer les entretiens.")
        self.assertEqual(review.objective_ids, self.objective)
        self.assertEqual((review.progression, review.situation_evolution,
                          review.beneficiary_opinion),
                         ("progress", "Logement trouvé.", "Je suis satisfaite."))

    def test_last_review_comes_from_reviews_validated_by_both(self):
        review = self._write_review(self.notebook)
        self.assertFalse(self.notebook.last_review_date)
        review.action_validate()
        self.assertEqual(review.state, "submitted")
        self.assertFalse(self.notebook.last_review_date,
                         "the beneficiary has not validated it yet")
        review.sudo()._beneficiary_validate("D'accord, merci.")
        self.assertEqual(review.state, "validated")
        self.assertEqual(review.beneficiary_validation_channel, "portal")
        self.assertIn("D'accord, merci.", review.beneficiary_opinion)
        self.assertEqual(self.notebook.last_review_date, self.today)

    def test_the_beneficiary_validates_what_the_referent_validated(self):
        review = self._write_review(self.notebook)
        with self.assertRaises(UserError):
            review.sudo()._beneficiary_validate("Trop tôt")
        review.action_validate()
        self.assertRefused(AccessError, "cdb.review",
                           [("id", "=", review.id), ("results", "=", review.results)],
                           lambda: review.write({"results": "Autre chose"}))

    def test_results_are_needed_to_validate(self):
        review = self._write_review(self.notebook, results=False)
        with self.assertRaises(UserError):
            review.action_validate()

    def test_accompagnateur_records_no_review(self):
        """Seed 000: "L'accompagnateur remplit la partie qui le concerne";
        the review is the référent's (or a delegate's)."""
        notebook = self.notebook.sudo(self.accompagnateur)
        with self.assertRaises(AccessError):
            notebook.action_new_review()
        Review = self.env["cdb.review"].sudo(self.accompagnateur)
        self.assertRefused(AccessError, "cdb.review", [("notebook_id", "=", self.notebook.id)],
                           lambda: Review.create({"notebook_id": self.notebook.id,
                                                  "results": "Bilan de l'accompagnateur"}))
        review = self._write_review(self.notebook)
        for attempt in (lambda: review.sudo(self.accompagnateur).write({"results": "Modifié"}),
                        lambda: review.sudo(self.accompagnateur).action_validate()):
            self.assertRefused(AccessError, "cdb.review",
                               [("id", "=", review.id), ("state", "=", "draft"),
                                ("results", "=", review.results)], attempt)
        # he reads it, as the rest of the carnet
        self.assertEqual(review.sudo(self.accompagnateur).read(["results"])[0]["results"],
                         review.results)

    def test_review_dates_change_only_through_reviews(self):
        """Today any member marked a review done in one click; the dates are
        workflow fields now, whoever writes them."""
        before = (self.notebook.last_review_date, self.notebook.next_review_date)
        yesterday = self._shift(self.today, days=-1)
        for user in (self.accompagnateur, self.referent):
            for field in ("last_review_date", "next_review_date"):
                with self.subTest(user=user.login, field=field):
                    with self.assertRaises(AccessError):
                        self.notebook.sudo(user).write({field: yesterday})
        self.notebook.invalidate_cache()
        self.assertEqual((self.notebook.last_review_date, self.notebook.next_review_date),
                         before)
        self.assertFalse(hasattr(self.notebook, "action_mark_reviewed"))

    def test_delegate_records_a_review(self):
        manager = self._user("ut.review.manager", "group_cdb_manager")
        review = self._write_review(self.notebook, user=manager)
        review.sudo(manager).action_validate()
        self.assertEqual(review.referent_validated_by, manager)

    def test_reorientation_schedules_a_review(self):
        """Seed 000: "en cas de réorientation" (rsa_orientation calls
        ``_schedule_review`` when a reorientation is decided)."""
        deadline = self._shift(self.today, days=15)
        review = self.notebook._schedule_review("reorientation", deadline)
        self.assertEqual((review.state, review.reason, review.deadline),
                         ("draft", "reorientation", deadline))
        self.assertEqual(self.notebook.next_review_date, deadline)
        activity = self._activities(self.notebook)
        self.assertEqual((activity.user_id, activity.date_deadline), (self.referent, deadline))
        # one review to write at a time: an earlier due date wins
        sooner = self._shift(self.today, days=5)
        self.assertEqual(self.notebook._schedule_review("end_of_action", sooner), review)
        self.assertEqual(review.deadline, sooner)
        self.assertEqual(len(self.notebook.review_ids), 1)

    def test_validated_review_is_history(self):
        review = self._validated_review(self.notebook)
        with self.assertRaises(AccessError):
            review.sudo(self.referent).unlink()
        draft = self._write_review(self.notebook)
        draft.sudo(self.referent).unlink()
        self.assertFalse(draft.exists())

    def test_hidden_plan_hides_the_reviews(self):
        """A review tells the objectives and their results: the beneficiary's
        choice for the plan applies to it."""
        review = self._validated_review(self.notebook)
        member = self.notebook.member_ids.filtered(lambda m: m.user_id == self.accompagnateur)
        self.notebook._beneficiary_set_shares(member, {"plan": False})
        self.assertFalse(self.env["cdb.review"].sudo(self.accompagnateur).search(
            [("id", "=", review.id)]))


class TestEndOfActionReviews(ReviewCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utfinaction", cls.referent)
        cls.ended = cls._action(cls.notebook, code="A.1.1",
                                date_start=cls._shift(cls.today, months=-3),
                                date_deadline=cls._shift(cls.today, days=-1))
        cls.running = cls._action(cls.notebook, code="B.1")

    def test_ended_action_gets_one_review(self):
        self.assertFalse(self.notebook.review_due)
        self._cron()
        activities = self._activities(self.notebook)
        self.assertEqual(len(activities), 1)
        self.assertIn(self.ended.action_code_id.code, activities.summary)
        self.assertEqual(activities.user_id, self.referent)
        self.assertEqual(activities.date_deadline, self.ended.date_deadline)
        self.assertTrue(self.ended.end_review_scheduled)
        self.assertFalse(self.running.end_review_scheduled)
        self.assertEqual(self.notebook.review_ids.reason, "end_of_action")
        self.assertTrue(self.notebook.review_due, "a review is due at the end of an action")

    def test_ended_action_review_only_once(self):
        self._cron()
        review = self.notebook.review_ids
        self._cron()
        self.assertEqual(len(self._activities(self.notebook)), 1)
        self.assertEqual(self.notebook.review_ids, review)
        # the reminder is done when the review is: validated, it is no longer due
        review.sudo(self.referent).write({"results": "Atelier CV suivi jusqu'au bout."})
        review.sudo(self.referent).action_validate()
        review.sudo(self.referent).action_record_beneficiary_agreement()
        self.assertFalse(self._activities(self.notebook))
        self._cron()
        self.assertFalse(self._activities(self.notebook))
        self.assertFalse(self.notebook.review_due)

    def test_abandoned_action_gets_no_review(self):
        self.ended.write({"state": "abandoned"})
        self._cron()
        self.assertFalse(self._activities(self.notebook))


class TestEndOfPath(ReviewCase):
    """Closing asks why (cdb.end.reason) and records the final review (seed
    000: "et à la fin du parcours"); only the référent or a delegate closes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utfinparcours", cls.referent,
                                     date_start=cls._shift(cls.today, months=-5))
        cls._member(cls.notebook, cls.accompagnateur)
        cls.employment = cls.env.ref("carnet_de_bord.end_reason_employment")
        cls.death = cls.env.ref("carnet_de_bord.end_reason_death")

    def _dialog(self, user=None, **values):
        action = self.notebook.sudo(user or self.referent).action_close()
        Wizard = self.env[action["res_model"]].sudo(user or self.referent).with_context(
            action["context"])
        return Wizard.create(dict({"end_reason_id": self.employment.id}, **values))

    def test_accompagnateur_cannot_close(self):
        """Today any member closed a carnet in one click."""
        notebook = self.notebook.sudo(self.accompagnateur)
        with self.assertRaises(AccessError):
            notebook.action_close()
        for attempt in (lambda: notebook.write({"state": "closed"}),
                        lambda: notebook._close(self.death),
                        lambda: notebook.write({"date_end": self.today})):
            self.assertRefused(AccessError, "cdb.notebook",
                               [("id", "=", self.notebook.id), ("state", "=", "in_progress"),
                                ("date_end", "=", False)], attempt)

    def test_referent_cannot_write_the_state_either(self):
        self.assertRefused(AccessError, "cdb.notebook",
                           [("id", "=", self.notebook.id), ("state", "=", "in_progress")],
                           lambda: self.notebook.sudo(self.referent).write({"state": "closed"}))

    def test_closing_asks_why_and_records_the_final_review(self):
        with self.assertRaises(UserError):
            self._dialog().action_confirm()
        self.assertEqual(self.notebook.state, "in_progress")
        self._dialog(results="Embauchée en CDI à mi-temps.", progression="reached",
                     beneficiary_opinion="Très contente.").action_confirm()
        self.assertEqual((self.notebook.state, self.notebook.end_reason_id,
                          self.notebook.date_end), ("closed", self.employment, self.today))
        final = self.notebook.review_ids
        self.assertEqual((final.reason, final.state, final.results),
                         ("end_of_path", "submitted", "Embauchée en CDI à mi-temps."))
        self.assertEqual(final.referent_validated_by, self.referent)
        self.assertFalse(self.notebook.next_review_date)
        self.assertFalse(self._activities(self.notebook))

    def test_the_dialog_completes_the_review_to_write(self):
        review = self.notebook._schedule_review("periodic", self.today)
        self._dialog(results="Formation qualifiante obtenue.").action_confirm()
        self.assertEqual(self.notebook.review_ids, review)
        self.assertEqual((review.reason, review.state), ("end_of_path", "submitted"))

    def test_the_dialog_over_rpc_takes_the_carnet_from_its_values(self):
        """Over RPC the dialog is created with its carnet in the values, no
        context default (its defaults crashed without a carnet)."""
        self.env["cdb.notebook.close.wizard"].sudo(self.referent).create({
            "notebook_id": self.notebook.id, "end_reason_id": self.death.id,
        }).action_confirm()
        self.assertEqual(self.notebook.state, "closed")

    def test_a_death_takes_no_final_review(self):
        self._dialog(end_reason_id=self.death.id).action_confirm()
        self.assertEqual(self.notebook.end_reason_id, self.death)
        self.assertFalse(self.notebook.review_ids)

    def test_delegate_closes_and_reopens(self):
        manager = self._user("ut.close.manager", "group_cdb_manager")
        self._dialog(user=manager, end_reason_id=self.death.id).action_confirm()
        self.assertEqual(self.notebook.state, "closed")
        with self.assertRaises(AccessError):
            self.notebook.sudo(self.accompagnateur).action_reopen()
        self.notebook.sudo(manager).action_reopen()
        self.assertEqual((self.notebook.state, self.notebook.end_reason_id),
                         ("in_progress", self.env["cdb.end.reason"]))

    def test_the_policy_says_who_closes_and_reviews(self):
        for user, allowed in ((self.referent, True), (self.accompagnateur, False),
                              (self.outsider, False)):
            for permission in ("close", "review"):
                with self.subTest(user=user.login, permission=permission):
                    self.assertEqual(self.notebook._cdb_may(permission, user), allowed)


class TestPeriodicReviewsAtScale(ReviewCase):
    """The daily job on a few hundred carnets: one review each, in batches
    (a commit per batch outside tests), a bounded number of queries per
    carnet, nothing twice when it runs again (issue 15)."""

    COUNT = 120

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebooks = cls.env["cdb.notebook"]
        for index in range(cls.COUNT):
            cls.notebooks |= cls._notebook("Utrevuelot%03d" % index, cls.referent,
                                           date_start=cls._shift(cls.today, months=-7))

    def test_cron_in_batches_with_bounded_queries(self):
        before = self.cr.sql_log_count
        with patch.object(tools, "CRON_BATCH", 50):
            created = self.env["cdb.notebook"]._schedule_periodic_reviews()
        queries = self.cr.sql_log_count - before
        self.assertGreaterEqual(created, self.COUNT)
        for notebook in self.notebooks:
            self.assertEqual(len(self._activities(notebook)), 1)
            self.assertEqual(notebook.review_ids.mapped("reason"), ["periodic"])
        # about 49 a review on 2026-12-02 (the review, its activity, their
        # messages): a ceiling, not a goal
        self.assertLessEqual(queries / created, 60,
                             "%d queries for %d reviews" % (queries, created))
        self.assertEqual(self.env["cdb.notebook"]._schedule_periodic_reviews(), 0)

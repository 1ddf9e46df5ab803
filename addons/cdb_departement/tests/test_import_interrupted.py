"""A background import whose process dies (kill -9 of the cron worker, a
node lost, PostgreSQL restarted) is found by the cron of any node, said in
its chatter and started again; a job another process runs is left to it
(readme/IMPORTS.rst, "Background jobs"; the kill -9 run itself:
bench/fault_kill_import.py, docs/benchmarks.md)."""
from unittest.mock import patch

from odoo.sql_db import db_connect

from ..models.cdb_import_job import JOB_LOCK_SPACE
from .common import BENEFICIARY_HEADER, ImportCase, beneficiary_row, csv_bytes

DEAD_WORKER = "node-b:4242"


class TestInterruptedImport(ImportCase):

    def _interrupted(self, rows, state, rows_done):
        """A queued job of ``rows`` as a killed process leaves it: busy,
        with its worker and last sign of life."""
        job = self._job(csv_bytes(BENEFICIARY_HEADER, rows))
        job.action_queue()
        job.sudo()._workflow_write({
            "state": state, "worker": DEAD_WORKER, "heartbeat": "2026-11-30 09:15:00",
            "date_start": "2026-11-30 09:14:00", "rows_total": len(rows),
            "rows_done": rows_done})
        return job

    def _messages(self, job):
        return job.message_ids.mapped("body")

    def test_job_killed_while_importing_is_resumed_without_duplicate(self):
        # the first chunk was committed before the process died
        self._import(BENEFICIARY_HEADER, [beneficiary_row(i) for i in range(5)])
        rows = [beneficiary_row(i) for i in range(10)]
        job = self._interrupted(rows, "running", 5)
        self.env["cdb.import.job"]._cron_process_jobs()
        self.assertEqual((job.state, job.created_count, job.unchanged_count, job.rows_done),
                         ("done", 5, 5, 10))
        beneficiaries = self._beneficiaries()
        self.assertEqual(len(beneficiaries), 10, "no duplicate")
        self.assertEqual(len(beneficiaries.mapped("caf_number")), 10)
        notebooks = self.env["cdb.notebook"].search([("beneficiary_id", "in", beneficiaries.ids)])
        self.assertEqual(len(notebooks), 10, "one carnet each")
        said = [body for body in self._messages(job) if DEAD_WORKER in body]
        self.assertEqual(len(said), 1, "the chatter names the process that died")
        self.assertIn("5", said[0])

    def test_job_killed_while_validating_is_taken_again(self):
        job = self._interrupted([beneficiary_row(i) for i in range(3)], "validating", 0)
        self.env["cdb.import.job"]._cron_process_jobs()
        self.assertEqual((job.state, job.created_count), ("done", 3))
        self.assertTrue([body for body in self._messages(job) if DEAD_WORKER in body])

    def test_job_run_by_another_process_is_left_to_it(self):
        job = self._interrupted([beneficiary_row(i) for i in range(3)], "running", 1)
        queued = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(7)]))
        queued.action_queue()
        # another node's process holds the lock of the running job
        with self._other_session() as other:
            other.execute("SELECT pg_advisory_lock(%s, %s)", (JOB_LOCK_SPACE, job.id))
            try:
                self.env["cdb.import.job"]._cron_process_jobs()
            finally:
                other.execute("SELECT pg_advisory_unlock(%s, %s)", (JOB_LOCK_SPACE, job.id))
        self.assertEqual((job.state, job.rows_done), ("running", 1), "left to its process")
        self.assertFalse([body for body in self._messages(job) if DEAD_WORKER in body])
        self.assertEqual((queued.state, queued.created_count), ("done", 1),
                         "the next job is processed meanwhile")

    def test_background_job_leaves_its_process_and_sign_of_life(self):
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1)]))
        job.action_queue()
        job.sudo(job.user_id)._process(commit=False)
        self.assertFalse(job.worker, "a job run in the user's request names no process")
        self._fake_background(job)
        self.assertRegex(job.worker, r"^.+:\d+$")
        self.assertTrue(job.heartbeat)

    def test_lock_is_released_after_the_run(self):
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1)]))
        job.action_queue()
        self.env["cdb.import.job"]._cron_process_jobs()
        self.assertEqual(job.state, "done")
        with self._other_session() as other:
            other.execute("SELECT pg_try_advisory_lock(%s, %s)", (JOB_LOCK_SPACE, job.id))
            self.assertTrue(other.fetchone()[0], "no lock left in the pooled connection")
            other.execute("SELECT pg_advisory_unlock(%s, %s)", (JOB_LOCK_SPACE, job.id))

    def _other_session(self):
        """A cursor on another connection: another process's session."""
        return db_connect(self.env.cr.dbname).cursor()

    def _fake_background(self, job):
        """Run ``job`` as the background does, without committing the
        test's transaction."""
        job.sudo(job.user_id)._workflow_write({"state": "queued"})
        with patch.object(type(job), "_commit", lambda self, commit: None):
            job.sudo(job.user_id)._process(commit=True)

import base64
import logging
import os
import socket
import threading

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

from ..settings import IMPORT_CHUNK_SIZE, IMPORT_SYNC_MAX_ROWS
from .cdb_import_column import IMPORT_TYPES
from .cdb_import_reader import FileFormatError, normalize

_logger = logging.getLogger(__name__)

# The states of a job that is being processed (by a user or the cron).
BUSY_STATES = ("validating", "queued", "running")
# The states a background job may be found in when its process died.
INTERRUPTIBLE_STATES = ("validating", "running")
# A background job is being processed exactly while a PostgreSQL session
# holds the advisory lock (JOB_LOCK_SPACE, job id): PostgreSQL releases it
# when that session ends, also when its process is killed or its node lost,
# so the cron of any node sees which busy jobs nobody runs any more.
JOB_LOCK_SPACE = 0x43444249  # "CDBI", an int4 of its own among the advisory locks
# Errors of a line the validation did not foresee, reported on the line.
WRITE_ERRORS = (psycopg2.Error, UserError, ValidationError, AccessError, MissingError)


class CdbImportJob(models.Model):
    """An imported file (issue 6, "dites-le nous une fois"): the whole file
    is validated first and every rejected line reported (line, column,
    value, reason); by default nothing is written when a line is wrong, the
    "partial" option imports the valid lines. Large files run in the
    background: the cron "Process the queued imports" commits after each
    chunk, so the progress shows on the form. See readme/IMPORTS.rst.

    The job, its state and its results; the validation
    (``cdb.import.validation``), the templates (``cdb.import.template``)
    and the report (``cdb.import.report``) are its parts. The state, the
    counters, the results and who ran it change only through its actions
    (``cdb.workflow.mixin``)."""

    _name = "cdb.import.job"
    _description = "Import of a file"
    _inherit = ["mail.thread", "cdb.workflow.mixin", "cdb.import.validation",
                "cdb.import.template", "cdb.import.report"]
    _order = "id desc"
    _workflow_fields = (
        "state", "validate_only", "user_id", "rows_total", "rows_done", "created_count",
        "updated_count", "unchanged_count", "rejected_count", "line_ids", "ignored_columns",
        "error_message", "date_start", "date_end", "download_file", "download_filename",
        "worker", "heartbeat",
    )
    # The file and how to import it, frozen while the job runs or once done.
    _workflow_locked_fields = ("import_type", "file", "filename", "partial")

    name = fields.Char(compute="_compute_name", store=True)
    import_type = fields.Selection(IMPORT_TYPES, "Import", required=True,
                                   default="beneficiary", track_visibility="onchange")
    file = fields.Binary(attachment=True)
    filename = fields.Char("File name")
    partial = fields.Boolean(
        "Import the valid lines",
        help="Without this option nothing is written when a line is wrong. With it, "
             "the valid lines are imported and every rejected line is reported.")
    state = fields.Selection([
        ("draft", "Draft"),
        ("validating", "Validating"),
        ("ready", "Valid"),
        ("invalid", "Invalid"),
        ("queued", "Queued"),
        ("running", "Importing"),
        ("done", "Done"),
        ("failed", "Failed"),
    ], default="draft", required=True, index=True, readonly=True, copy=False,
        track_visibility="onchange")
    validate_only = fields.Boolean(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", "Run by", readonly=True, copy=False,
        help="Who started the last run: a job in the background runs as them.")
    rows_total = fields.Integer("Lines", readonly=True, copy=False)
    rows_done = fields.Integer("Lines processed", readonly=True, copy=False)
    progress = fields.Float(compute="_compute_progress")
    created_count = fields.Integer("Created", readonly=True, copy=False)
    updated_count = fields.Integer("Updated", readonly=True, copy=False)
    unchanged_count = fields.Integer("Unchanged", readonly=True, copy=False)
    rejected_count = fields.Integer("Rejected lines", readonly=True, copy=False)
    line_ids = fields.One2many("cdb.import.job.line", "job_id", "Report", readonly=True,
                               copy=False)
    ignored_columns = fields.Char(readonly=True, copy=False)
    error_message = fields.Text("Error", readonly=True, copy=False)
    date_start = fields.Datetime("Started", readonly=True, copy=False)
    date_end = fields.Datetime("Finished", readonly=True, copy=False)
    worker = fields.Char(
        "Process", readonly=True, copy=False,
        help="The server and process (host:pid) that runs or last ran the job in the "
             "background.")
    heartbeat = fields.Datetime(
        "Last sign of life", readonly=True, copy=False,
        help="Written by the process that runs the job in the background after the "
             "validation of each chunk and after each chunk written.")
    download_file = fields.Binary(attachment=True, readonly=True, copy=False)
    download_filename = fields.Char(readonly=True, copy=False)

    @api.depends("import_type", "filename")
    def _compute_name(self):
        labels = dict(self._fields["import_type"]._description_selection(self.env))
        for job in self:
            job.name = "%s – %s" % (labels.get(job.import_type, ""), job.filename or "")

    @api.depends("rows_done", "rows_total")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * job.rows_done / job.rows_total if job.rows_total else 0.0

    def _workflow_is_locked(self):
        return self.state in BUSY_STATES + ("done",)

    # ----------------------------------------------------------- buttons
    @api.multi
    def action_validate(self):
        """Check the whole file without writing anything."""
        return self._start(validate_only=True)

    @api.multi
    def action_import(self):
        """Import the file: at once when it is small, else in the background."""
        return self._start(validate_only=False)

    @api.multi
    def action_run_now(self):
        """Import a small file at once, in this transaction (button "Run now")."""
        self.ensure_one()
        self._check_can_start()
        count, maximum = self._count_rows(), IMPORT_SYNC_MAX_ROWS.get(self.env)
        if count > maximum:
            raise UserError(_("This file has %d lines, more than %d: import it in the "
                              "background.") % (count, maximum))
        self._process()
        return True

    @api.multi
    def action_queue(self):
        """Import in the background, whatever the size of the file."""
        for job in self:
            job._check_can_start()
        self._workflow_write({"state": "queued", "validate_only": False,
                              "user_id": self.env.uid, "error_message": False})
        self._wake_up_cron()
        return True

    @api.multi
    def action_reset(self):
        self.filtered(lambda j: j.state not in BUSY_STATES)._workflow_write({
            "state": "draft", "error_message": False})
        return True

    def _start(self, validate_only):
        self.ensure_one()
        self._check_can_start()
        count = self._count_rows()
        if count > IMPORT_SYNC_MAX_ROWS.get(self.env):
            self._workflow_write({
                "state": "queued", "validate_only": validate_only, "user_id": self.env.uid,
                "rows_total": count, "rows_done": 0, "error_message": False})
            self._wake_up_cron()
        else:
            self._process(validate_only=validate_only)
        return True

    def _check_can_start(self):
        if not self.file:
            raise UserError(_("Choose the file to import."))
        if self.state in BUSY_STATES:
            raise UserError(_("This import is already in progress."))

    # ------------------------------------------------------------ running
    @api.model
    def _cron_process_jobs(self):
        """Cron "Process the queued imports": every queued job, as the user
        who started it, committing after each chunk. A job is processed
        while its process holds the job's advisory lock (``JOB_LOCK_SPACE``),
        whichever node it runs on; a job found validating or importing whose
        lock is free was interrupted (its process was killed, its server or
        PostgreSQL restarted): its chatter says so and it starts again (the
        import is idempotent: the lines already written are found unchanged).
        A job whose lock another process holds is left to it."""
        commit = not getattr(threading.currentThread(), "testing", False)
        others = []  # jobs another process runs
        while True:
            job = self.search([("state", "in", BUSY_STATES), ("id", "not in", others)],
                              order="id", limit=1)
            if not job:
                return True
            if not job._try_lock():
                others.append(job.id)
                continue
            try:
                if commit:
                    # a new snapshot: the job as the former holder of its lock left it
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                    job.invalidate_cache()
                if job.state in BUSY_STATES:
                    job._run_in_background(commit)
            finally:
                job._unlock()

    def _run_in_background(self, commit):
        """Process this job (its lock held) as the user who started it."""
        user = self.user_id or self.create_uid
        job = self.sudo(user).with_context(lang=user.lang, tz=user.tz)
        if self.state in INTERRUPTIBLE_STATES:
            job._report_interruption()
            self._commit(commit)
        try:
            job._process(validate_only=self.validate_only, commit=commit)
        except Exception:
            if not commit:
                raise
            _logger.exception("Import %s failed", self.id)
            self.env.cr.rollback()
            self.invalidate_cache()
            self.with_context(lang=user.lang)._fail(self._unexpected_error_message())
            # the background job keeps its failure (readme/IMPORTS.rst)
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _try_lock(self):
        """Take the job's advisory lock for this database session; False
        when another session (a process of any node) holds it."""
        self.env.cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (JOB_LOCK_SPACE, self.id))
        return self.env.cr.fetchone()[0]

    def _unlock(self):
        try:
            self.env.cr.execute("SELECT pg_advisory_unlock(%s, %s)", (JOB_LOCK_SPACE, self.id))
        except psycopg2.Error:
            # the connection is lost (PostgreSQL restarted): so is its lock
            _logger.warning("Import %s: its lock could not be released", self.id)

    def _report_interruption(self):
        """Say in the chatter that the process running this job stopped
        without finishing it (found by ``_cron_process_jobs``)."""
        heartbeat = self.heartbeat or self.date_start
        when = heartbeat and fields.Datetime.to_string(fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(heartbeat)))
        body = _("Interrupted: the process that ran this import (%s) stopped without "
                 "finishing it; last sign of life %s, %d of %d lines processed. The import "
                 "starts again in %s: the lines already written are found again and "
                 "counted as unchanged.") % (
            self.worker or "?", when or "?", self.rows_done, self.rows_total, _worker_name())
        _logger.warning("Import %s: interrupted (process %s, last sign of life %s), "
                        "started again", self.id, self.worker, heartbeat)
        (self if self.env.user.email else self.sudo()).message_post(body=body)

    def _unexpected_error_message(self):
        return _("The import stopped on an unexpected error: the administrator finds "
                 "its details in the server log.")

    def _wake_up_cron(self):
        """Run the cron at its next check (within a minute), unless it is
        running now (it then processes this job after the current one)."""
        cron = self.env.ref("cdb_departement.ir_cron_import_jobs")
        self.env.cr.execute("""
            UPDATE ir_cron SET nextcall = (now() at time zone 'UTC')
            WHERE id IN (SELECT id FROM ir_cron WHERE id = %s FOR UPDATE SKIP LOCKED)""",
                            (cron.id,))

    def _process(self, validate_only=False, commit=False):
        """Validate the whole file, then (unless ``validate_only``) write the
        valid lines when allowed. With ``commit`` (background), the progress
        is committed after each chunk."""
        self.ensure_one()
        self._reset_results()
        self._workflow_write({"state": "validating", "date_start": fields.Datetime.now(),
                              "user_id": self.env.uid, "worker": commit and _worker_name(),
                              "heartbeat": commit and fields.Datetime.now()})
        self._commit(commit)
        try:
            header, rows = self._read_rows()
        except FileFormatError as error:
            return self._fail(self._file_error_message(error.args[0]))
        handler = self.env["cdb.import.handler." + self.import_type]
        state = handler._prepare()
        valid, errors = self._validate_lines(handler, state, header, rows, commit)
        self._store_errors(errors)
        blocked = bool(errors) and (not self.partial or not valid)
        if validate_only or blocked:
            self._workflow_write({"state": "invalid" if errors else "ready",
                                  "date_end": fields.Datetime.now()})
            self._post_summary()
            return False
        return self._write_valid_lines(handler, state, valid, commit)

    def _reset_results(self):
        self.env.cr.execute("DELETE FROM cdb_import_job_line WHERE job_id = %s", (self.id,))
        self.invalidate_cache()
        self._workflow_write({
            "rows_done": 0, "created_count": 0, "updated_count": 0, "unchanged_count": 0,
            "rejected_count": 0, "error_message": False, "ignored_columns": False,
            "date_end": False})

    def _commit(self, commit):
        """In the background, the progress and each chunk are kept as they
        come (readme/IMPORTS.rst, "Background jobs"), with a sign of life."""
        if commit:
            self._workflow_write({"heartbeat": fields.Datetime.now()})
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _write_valid_lines(self, handler, state, valid, commit):
        """Write the valid lines chunk by chunk. In one transaction when
        running at once (nothing written on failure); in the background each
        chunk is committed."""
        self._workflow_write({"state": "running", "rows_done": self.rows_total - len(valid)})
        self._commit(commit)
        if commit:
            errors = self._write_chunks(handler, state, valid, commit)
        else:
            try:
                with self.env.cr.savepoint():
                    errors = self._write_chunks(handler, state, valid, commit)
                    if errors and not self.partial:
                        raise _LinesRefused(errors)
            except _LinesRefused as refused:
                self.invalidate_cache()
                self._store_errors(refused.errors)
                return self._fail(_("Some lines could not be written (see the report): "
                                    "nothing was imported."))
        self._store_errors(errors)
        if errors and not self.partial:
            return self._fail(_("Some lines could not be written (see the report); the "
                                "lines of the previous chunks are imported."))
        self._workflow_write({"state": "done", "date_end": fields.Datetime.now()})
        self._post_summary()
        self._commit(commit)
        return True

    def _write_chunks(self, handler, state, valid, commit):
        """Write ``valid`` chunk by chunk; answers the errors of the lines
        refused when written. Without the "partial" option the first chunk
        with a refused line is not written and is the last one."""
        chunk = IMPORT_CHUNK_SIZE.get(self.env)
        rejected = self.rows_total - len(valid)
        errors = []
        for start in range(0, len(valid), chunk):
            counts, chunk_errors = self._write_chunk(handler, state, valid[start:start + chunk])
            errors += chunk_errors
            self._workflow_write({
                "rows_done": rejected + min(start + chunk, len(valid)),
                "created_count": self.created_count + counts["created"],
                "updated_count": self.updated_count + counts["updated"],
                "unchanged_count": self.unchanged_count + counts["unchanged"],
            })
            self._commit(commit)
            if errors and not self.partial:
                break
        return errors

    def _write_chunk(self, handler, state, rows):
        """(counts, errors) of writing ``rows``: at once, or line by line
        when a line is refused, so that the report names it (without the
        "partial" option, the chunk is then rolled back)."""
        try:
            with self.env.cr.savepoint():
                return handler._write_rows(state, rows), []
        except WRITE_ERRORS:
            _logger.info("Import %s: a chunk was refused, written line by line", self.id)
            self.invalidate_cache()
        try:
            with self.env.cr.savepoint():
                counts, errors = self._write_line_by_line(handler, state, rows)
                if errors and not self.partial:
                    raise _LinesRefused(errors)
        except _LinesRefused as refused:
            self.invalidate_cache()
            return handler._counts(), refused.errors
        return counts, errors

    def _write_line_by_line(self, handler, state, rows):
        counts, errors = handler._counts(), []
        for line, values in rows:
            try:
                with self.env.cr.savepoint():
                    written = handler._write_rows(state, [(line, values)])
            except WRITE_ERRORS as error:
                self.invalidate_cache()
                errors.append((line, "", "", self._write_error_reason(error)))
                continue
            for key in counts:
                counts[key] += written[key]
        return counts, errors

    def _fail(self, message):
        self._workflow_write({"state": "failed", "error_message": message,
                              "date_end": fields.Datetime.now()})
        self._post_summary()
        return False

    def _post_summary(self):
        labels = dict(self._fields["state"]._description_selection(self.env))
        body = _("%s: %d lines, %d created, %d updated, %d unchanged, %d rejected lines.") % (
            labels[self.state], self.rows_total, self.created_count, self.updated_count,
            self.unchanged_count, self.rejected_count)
        if self.error_message:
            body += " " + self.error_message
        # the cron may run for a user without e-mail, whom mail refuses as author
        (self if self.env.user.email else self.sudo()).message_post(body=body)

    def _download(self, content, extension, kind):
        """Offer ``content`` (a template, a report) for download."""
        labels = dict(self._fields["import_type"]._description_selection(self.env))
        filename = "%s_%s.%s" % (normalize(kind), normalize(labels[self.import_type]), extension)
        self._workflow_write({"download_file": base64.b64encode(content),
                              "download_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": "/web/content/?model=%s&id=%d&field=download_file"
                   "&filename_field=download_filename&download=true" % (self._name, self.id),
        }


def _worker_name():
    """This server process, as the job's ``worker`` names it: host:pid."""
    return "%s:%d" % (socket.gethostname(), os.getpid())


class _LinesRefused(Exception):
    """Rolls back the lines written when one is refused (without the
    "partial" option)."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors

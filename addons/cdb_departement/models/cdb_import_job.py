import base64
import csv
import io
import logging
import threading

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .cdb_import_column import IMPORT_TYPES
from .cdb_import_reader import FileFormatError, normalize, read_table

_logger = logging.getLogger(__name__)

SYNC_MAX_ROWS_PARAM = "cdb_departement.import_sync_max_rows"
CHUNK_SIZE_PARAM = "cdb_departement.import_chunk_size"
HEADER_LINE = 1


class CdbImportJob(models.Model):
    """An imported file (issue 6, "dites-le nous une fois"): the whole file
    is validated first and every rejected line reported (line, column,
    value, reason); by default nothing is written when a line is wrong, the
    "partial" option imports the valid lines. Large files run in the
    background: the cron "Process the queued imports" commits after each
    chunk, so the progress shows on the form. See readme/IMPORTS.rst."""

    _name = "cdb.import.job"
    _description = "Import of a file"
    _inherit = ["mail.thread"]
    _order = "id desc"

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
    ], default="draft", required=True, index=True, readonly=True, track_visibility="onchange")
    validate_only = fields.Boolean(readonly=True)
    rows_total = fields.Integer("Lines", readonly=True)
    rows_done = fields.Integer("Lines processed", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    created_count = fields.Integer("Created", readonly=True)
    updated_count = fields.Integer("Updated", readonly=True)
    unchanged_count = fields.Integer("Unchanged", readonly=True)
    rejected_count = fields.Integer("Rejected lines", readonly=True)
    line_ids = fields.One2many("cdb.import.job.line", "job_id", "Report", readonly=True)
    ignored_columns = fields.Char(readonly=True)
    error_message = fields.Text("Error", readonly=True)
    date_start = fields.Datetime("Started", readonly=True)
    date_end = fields.Datetime("Finished", readonly=True)
    download_file = fields.Binary(attachment=True, readonly=True)
    download_filename = fields.Char(readonly=True)

    @api.depends("import_type", "filename")
    def _compute_name(self):
        labels = dict(self._fields["import_type"]._description_selection(self.env))
        for job in self:
            job.name = "%s – %s" % (labels.get(job.import_type, ""), job.filename or "")

    @api.depends("rows_done", "rows_total")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * job.rows_done / job.rows_total if job.rows_total else 0.0

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
        count, maximum = self._count_rows(), self._sync_max_rows()
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
        self.write({"state": "queued", "validate_only": False, "error_message": False})
        self._wake_up_cron()
        return True

    @api.multi
    def action_reset(self):
        self.filtered(lambda j: j.state not in ("queued", "running", "validating")).write({
            "state": "draft", "error_message": False})
        return True

    def _start(self, validate_only):
        self.ensure_one()
        self._check_can_start()
        count = self._count_rows()
        if count > self._sync_max_rows():
            self.write({"state": "queued", "validate_only": validate_only,
                        "rows_total": count, "rows_done": 0, "error_message": False})
            self._wake_up_cron()
        else:
            self._process(validate_only=validate_only)
        return True

    def _count_rows(self):
        """Lines of the file; 0 when it cannot be read (processing it then
        reports why)."""
        try:
            return len(self._read_rows()[1])
        except FileFormatError:
            return 0

    def _check_can_start(self):
        self._check_file()
        if self.state in ("queued", "running", "validating"):
            raise UserError(_("This import is already in progress."))

    def _check_file(self):
        if not all(self.mapped("file")):
            raise UserError(_("Choose the file to import."))

    @api.model
    def _param(self, key, default):
        return int(self.env["ir.config_parameter"].sudo().get_param(key, default))

    @api.model
    def _sync_max_rows(self):
        return self._param(SYNC_MAX_ROWS_PARAM, 2000)

    # ------------------------------------------------------------ running
    @api.model
    def _cron_process_jobs(self):
        """Cron "Process the queued imports": every queued job, as the user
        who created it, committing after each chunk (a job found
        "importing", interrupted by a restart, starts again: the import is
        idempotent)."""
        commit = not getattr(threading.currentThread(), "testing", False)
        while True:
            job = self.search([("state", "in", ("queued", "running"))], order="id", limit=1)
            if not job:
                return True
            user = job.create_uid
            try:
                job.sudo(user).with_context(lang=user.lang, tz=user.tz)._process(
                    validate_only=job.validate_only, commit=commit)
            except Exception as error:
                if not commit:
                    raise
                _logger.exception("Import %s failed", job.id)
                self.env.cr.rollback()
                job.invalidate_cache()
                job._fail(str(error))
                self.env.cr.commit()

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
        self.write({"state": "validating", "date_start": fields.Datetime.now()})
        self._commit(commit)
        try:
            header, rows = self._read_rows()
        except FileFormatError as error:
            return self._fail(self._file_error_message(str(error)))
        handler = self.env["cdb.import.handler." + self.import_type]
        state = handler._prepare()
        valid, errors = self._validate_lines(handler, state, header, rows, commit)
        self._store_errors(errors)
        blocked = bool(errors) and (not self.partial or not valid)
        if validate_only or blocked:
            self.write({"state": "invalid" if errors else "ready",
                        "date_end": fields.Datetime.now()})
            self._post_summary()
            return False
        return self._write_valid_lines(handler, state, valid, commit)

    @staticmethod
    def _file_error_message(kind):
        return {
            "empty": _("The file is empty."),
            "encoding": _("The file is neither UTF-8 nor Windows-1252 text."),
            "excel": _("The file is not a readable XLSX workbook."),
        }[kind]

    def _reset_results(self):
        self.env.cr.execute("DELETE FROM cdb_import_job_line WHERE job_id = %s", (self.id,))
        self.invalidate_cache()
        self.write({"rows_done": 0, "created_count": 0, "updated_count": 0,
                    "unchanged_count": 0, "rejected_count": 0, "error_message": False,
                    "ignored_columns": False, "date_end": False})

    def _commit(self, commit):
        if commit:
            self.env.cr.commit()

    def _read_rows(self):
        return read_table(base64.b64decode(self.file), self.filename)

    def _validate_lines(self, handler, state, header, rows, commit):
        """([(line, values)] of the valid lines, [(line, column, value,
        reason)] of every error)."""
        columns = self.env["cdb.import.column"].search([("import_type", "=", self.import_type)])
        by_key = {c.key: c for c in columns}
        positions, errors = self._map_header(header, columns)
        if errors:  # a required column is missing: no line can be imported
            return [], errors
        lookups = columns._lookups(columns)
        # plain tuples: reading the columns' fields for each cell is too slow
        specs = [(position, column.name, column.key, column.required,
                  column._converter(lookups)) for position, column in positions]
        missing = _("Required value missing.")
        valid = []
        chunk = self._param(CHUNK_SIZE_PARAM, 2000)
        self.write({"rows_total": len(rows)})
        for index, (line, cells) in enumerate(rows, 1):
            values, line_errors = {}, []
            for position, name, key, required, convert in specs:
                text = cells[position] if position < len(cells) else ""
                if not text:
                    if required:
                        line_errors.append((line, name, "", missing))
                    continue
                value, reason = convert(text)
                if reason:
                    line_errors.append((line, name, text, reason))
                else:
                    values[key] = value
            if not line_errors:
                line_errors = [(line, by_key[key].name if key in by_key else key,
                                "" if value is None else str(value), reason)
                               for key, value, reason in handler._check_row(state, line, values)]
            if line_errors:
                errors.extend(line_errors)
            else:
                valid.append((line, values))
            if index % chunk == 0:
                self.write({"rows_done": index})
                self._commit(commit)
        self.write({"rows_done": len(rows)})
        return valid, errors

    def _map_header(self, header, columns):
        """[(position in the file, column)] and the errors of missing
        required columns; unknown columns are ignored (and listed)."""
        by_name = {}
        for column in columns:
            by_name[normalize(column.name)] = by_name[normalize(column.key)] = column
        positions, ignored = [], []
        for position, title in enumerate(header):
            column = by_name.get(normalize(title))
            if column and column not in [c for _p, c in positions]:
                positions.append((position, column))
            elif title:
                ignored.append(title)
        found = [c for _p, c in positions]
        errors = [(HEADER_LINE, column.name, "", _("Required column missing from the file."))
                  for column in columns if column.required and column not in found]
        self.ignored_columns = ", ".join(ignored) or False
        return positions, errors

    def _store_errors(self, errors):
        if not errors:
            return
        fast = self.env["cdb.import.fast.create"]
        ids = fast._reserve_ids("cdb.import.job.line", len(errors))
        fast._create("cdb.import.job.line", [
            {"id": line_id, "job_id": self.id, "line": line, "column": column,
             "value": (value or "")[:500], "reason": reason}
            for line_id, (line, column, value, reason) in zip(ids, errors)])
        self.rejected_count = len({error[0] for error in errors})
        self.invalidate_cache()

    def _write_valid_lines(self, handler, state, valid, commit):
        """Write the valid lines chunk by chunk. In one transaction when
        running at once (nothing written on failure); in the background each
        chunk is committed."""
        self.write({"state": "running", "rows_done": self.rows_total - len(valid)})
        self._commit(commit)
        try:
            if commit:
                self._write_chunks(handler, state, valid, commit)
            else:
                with self.env.cr.savepoint():
                    self._write_chunks(handler, state, valid, commit)
        except Exception as error:
            _logger.exception("Import %s failed", self.id)
            self.invalidate_cache()
            return self._fail(str(error.args[0] if getattr(error, "args", None) else error))
        self.write({"state": "done", "date_end": fields.Datetime.now()})
        self._post_summary()
        self._commit(commit)
        return True

    def _write_chunks(self, handler, state, valid, commit):
        chunk = self._param(CHUNK_SIZE_PARAM, 2000)
        rejected = self.rows_total - len(valid)
        for start in range(0, len(valid), chunk):
            with self.env.cr.savepoint():
                counts = handler._write_rows(state, valid[start:start + chunk])
            self.write({
                "rows_done": rejected + min(start + chunk, len(valid)),
                "created_count": self.created_count + counts["created"],
                "updated_count": self.updated_count + counts["updated"],
                "unchanged_count": self.unchanged_count + counts["unchanged"],
            })
            self._commit(commit)

    def _fail(self, message):
        self.write({"state": "failed", "error_message": message,
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

    # --------------------------------------------------------- downloads
    @api.multi
    def action_download_template_xlsx(self):
        self.ensure_one()
        return self._download(self._template_xlsx(), "xlsx", _("template"))

    @api.multi
    def action_download_template_csv(self):
        self.ensure_one()
        columns = self._template_columns()
        return self._download(self._csv([columns.mapped("name"),
                                         [c.example or "" for c in columns]]),
                              "csv", _("template"))

    @api.multi
    def action_download_report_xlsx(self):
        self.ensure_one()
        return self._download(self._xlsx([(_("Report"), self._report_rows())]), "xlsx",
                              _("report"))

    @api.multi
    def action_download_report_csv(self):
        self.ensure_one()
        return self._download(self._csv(self._report_rows()), "csv", _("report"))

    def _template_columns(self):
        return self.env["cdb.import.column"].search([("import_type", "=", self.import_type)])

    def _report_rows(self):
        self.env.cr.execute("""
            SELECT line, "column", value, reason FROM cdb_import_job_line
            WHERE job_id = %s ORDER BY line, id""", (self.id,))
        rows = [list(row) for row in self.env.cr.fetchall()]
        return [[_("Line"), _("Column"), _("Value"), _("Reason")]] + rows

    def _template_xlsx(self):
        """The template: the header row and an example line, then a sheet
        describing every column in French."""
        columns = self._template_columns()
        documentation = [[_("Column"), _("Required"), _("Format"), _("Example"),
                          _("Description")]] + [
            [c.name, _("Yes") if c.required else _("No"), c._format_label(),
             c.example or "", c.description] for c in columns]
        return self._xlsx([
            (_("Template"), [columns.mapped("name"), [c.example or "" for c in columns]]),
            (_("Columns"), documentation),
        ])

    @staticmethod
    def _xlsx(sheets):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        for title, rows in sheets:
            sheet = workbook.add_worksheet(title[:31])
            for row_index, row in enumerate(rows):
                sheet.write_row(row_index, 0, row, bold if row_index == 0 else None)
            sheet.set_column(0, max(len(r) for r in rows), 22)
        workbook.close()
        return output.getvalue()

    @staticmethod
    def _csv(rows):
        output = io.StringIO()
        csv.writer(output, delimiter=";").writerows(rows)
        return output.getvalue().encode("utf-8-sig")

    def _download(self, content, extension, kind):
        labels = dict(self._fields["import_type"]._description_selection(self.env))
        filename = "%s_%s.%s" % (normalize(kind), normalize(labels[self.import_type]), extension)
        self.write({"download_file": base64.b64encode(content),
                    "download_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": "/web/content/?model=%s&id=%d&field=download_file"
                   "&filename_field=download_filename&download=true" % (self._name, self.id),
        }

import base64
import contextlib
import hashlib
import logging
import os
import tempfile

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config

from odoo.addons.cdb_departement.models.cdb_import_job import CdbImportJob as BaseJob
from odoo.addons.cdb_departement.models.cdb_import_reader import FileFormatError, read_table

from ..settings import FLUX_FOLDER

_logger = logging.getLogger(__name__)

# The imports of this module; the streamed ones (``_streamed`` handlers)
# read their file themselves: an XML flux, a JSON export.
FLUX_TYPES = [
    ("caf_flux", "CAF/MSA flux (VRSB0801)"),
    ("france_travail", "France Travail extract (principal)"),
    ("cdb_export", "Public Carnet de bord: carnets (JSON export)"),
    ("cdb_beneficiary", "Public Carnet de bord: beneficiaries"),
    ("cdb_structure", "Public Carnet de bord: structures"),
    ("cdb_professional", "Public Carnet de bord: professionals"),
    ("cdb_reorientation", "Public Carnet de bord: reorientations"),
]
# Imports whose file lists people the département may not follow: the
# matched lines are imported and the others listed (readme/FLUX.rst).
PARTIAL_TYPES = ("france_travail",)
READ_BLOCK = 1 << 20


class CdbImportJob(models.Model):
    """The imports of the flux (readme/FLUX.rst) on the département's import
    engine (cdb_departement's ``cdb.import.job``: validation first, report,
    all or nothing, background chunks). A streamed import (the CAF/MSA XML
    flux, the carnet export in JSON) validates its whole file with its
    handler (``_stream_validate``), then the engine writes the valid entries
    chunk by chunk, the handler reading them again from the file (memory
    bounded by a chunk). The job is also the journal of the files read: the
    file's SHA-256, the flux date, whether it came from the screen or from
    the folder read by the scheduled job."""

    _inherit = "cdb.import.job"
    _workflow_fields = BaseJob._workflow_fields + (
        "file_sha256", "flux_stamp", "flux_reference_date", "source", "source_path",
        "file_size")

    import_type = fields.Selection(selection_add=FLUX_TYPES)
    source = fields.Selection([("upload", "Uploaded"), ("folder", "Folder")],
                              default="upload", readonly=True, copy=False)
    source_path = fields.Char("Path on the server", readonly=True, copy=False)
    file_sha256 = fields.Char("SHA-256", readonly=True, copy=False, index=True)
    file_size = fields.Integer("Size (bytes)", readonly=True, copy=False)
    flux_stamp = fields.Char("Flux created on", readonly=True, copy=False,
                             help="DTCREAFLUX and HEUCREAFLUX of a CAF/MSA flux.")
    flux_reference_date = fields.Date("Reference date", readonly=True, copy=False,
                                      help="DTREF of a CAF/MSA flux.")

    @api.onchange("import_type")
    def _onchange_import_type_partial(self):
        if self.import_type in PARTIAL_TYPES:
            self.partial = True

    # ------------------------------------------------------------ the file
    @contextlib.contextmanager
    def _flux_path(self):
        """The path of the job's file on the server: the folder's file, the
        attachment in the filestore, else a temporary copy."""
        self.ensure_one()
        if self.source_path:
            yield self.source_path
            return
        # sudo: the file of this job, which the user reads
        attachment = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("res_field", "=", "file")], limit=1)
        if attachment.store_fname:
            yield attachment._full_path(attachment.store_fname)
            return
        with tempfile.NamedTemporaryFile(suffix=".flux") as handle:
            handle.write(base64.b64decode(self.file or b""))
            handle.flush()
            yield handle.name

    def _check_can_start(self):
        if self.source_path:
            if self.state in ("validating", "queued", "running"):
                raise UserError(_("This import is already in progress."))
            return
        super()._check_can_start()

    def _read_rows(self):
        """A table of the folder is read where it lies."""
        if not self.source_path:
            return super()._read_rows()
        try:
            with open(self.source_path, "rb") as source:
                content = source.read()
        except OSError:
            raise FileFormatError("empty")
        return read_table(content, self.filename)

    def _count_rows(self):
        handler = self._handler()
        if not getattr(handler, "_streamed", False):
            return super()._count_rows()
        try:
            with self._flux_path() as path:
                return handler._stream_count(path)
        except (OSError, FileFormatError):
            return 0

    def _handler(self):
        return self.env["cdb.import.handler." + self.import_type]

    def _journal_file(self, path):
        """Record the SHA-256 and size of the file (the journal)."""
        digest = hashlib.sha256()
        with open(path, "rb") as source:
            for block in iter(lambda: source.read(READ_BLOCK), b""):
                digest.update(block)
        self._workflow_write({"file_sha256": digest.hexdigest(),
                              "file_size": os.path.getsize(path)})

    # ------------------------------------------------------------ running
    def _process(self, validate_only=False, commit=False):
        """A streamed import: its handler validates the whole file, then the
        engine writes the valid entries (``_write_valid_lines``)."""
        handler = self._handler()
        if not getattr(handler, "_streamed", False):
            return super()._process(validate_only=validate_only, commit=commit)
        self.ensure_one()
        self._reset_results()
        self._workflow_write({"state": "validating", "date_start": fields.Datetime.now(),
                              "user_id": self.env.uid})
        self._commit(commit)
        with self._flux_path() as path:
            self._journal_file(path)
            try:
                state = handler._stream_prepare(self, path)
                valid, errors = handler._stream_validate(self, state, path, commit)
            except FileFormatError as error:
                self._store_errors(getattr(error, "errors", None) or [])
                return self._fail(error.args[0] if isinstance(error.args[0], str)
                                  else self._file_error_message("empty"))
            self._store_errors(errors)
            blocked = bool(errors) and (not self.partial or not valid)
            if validate_only or blocked or not valid:
                self._workflow_write({"state": "invalid" if errors else "ready",
                                      "date_end": fields.Datetime.now()})
                self._post_summary()
                return False
            handler._stream_start_writing(self, state, path)
            try:
                return self._write_valid_lines(handler, state, valid, commit)
            finally:
                handler._stream_stop(state)

    # ------------------------------------------------------ the folder
    @api.model
    def _flux_folder(self):
        return FLUX_FOLDER.get(self.env) or config.get("cdb_flux_folder") or ""

    @api.model
    def _cron_read_folder(self):
        """Scheduled job "Read the flux folder": each new file of the folder
        (a CAF/MSA flux, a France Travail extract, a carnet export) becomes
        an import in the background, once (the journal keeps its path and
        SHA-256)."""
        folder = self._flux_folder()
        if not folder or not os.path.isdir(folder):
            return 0
        created = 0
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or name.startswith("."):
                continue
            import_type = self._guess_import_type(path)
            if not import_type or self._already_read(path):
                continue
            job = self.create({"import_type": import_type, "filename": name,
                               "partial": import_type in PARTIAL_TYPES})
            job._workflow_write({"source": "folder", "source_path": path})
            job._journal_file(path)
            job.action_queue()
            created += 1
        return created

    def _already_read(self, path):
        """A job already has this file (the same path, or the same content)."""
        if self.search_count([("source_path", "=", path)]):
            return True
        digest = hashlib.sha256()
        with open(path, "rb") as source:
            for block in iter(lambda: source.read(READ_BLOCK), b""):
                digest.update(block)
        return bool(self.search_count([("file_sha256", "=", digest.hexdigest())]))

    @staticmethod
    def _guess_import_type(path):
        """The import of a file of the folder, from its first bytes."""
        with open(path, "rb") as source:
            head = source.read(4096)
        if b"<Racine" in head or b"InfosFoyerRSA" in head:
            return "caf_flux"
        if head.lstrip(b"\xef\xbb\xbf").lower().startswith(b"identifiant_unique_de"):
            return "france_travail"
        if head.lstrip().startswith(b"["):
            return "cdb_export"
        return None

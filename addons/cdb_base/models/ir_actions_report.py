import io

from PyPDF2 import PdfFileMerger

from odoo import api, models

from ..tools import readable

# Put in the context while a report is rendered: the records were audited
# once (a PDF renders its HTML first). A Python object, not a value a client
# could send.
_AUDITED_KEY = "cdb_report_audited"
_AUDITED = object()


class IrActionsReport(models.Model):
    """Two Odoo 11 gaps of the reports.

    **A print is a read.** A QWeb report reads the records it prints through
    the ORM's cache (``record.field``), which the read audit does not see
    (``models/cdb_read_audit_mixin.py``): printing a record is made a read of
    its whole content (``_cdb_audit_print``) before anything is rendered,
    for the printed records that inherit ``cdb.read.audit.mixin`` and, for a
    printed part of such a record (a contract of a carnet), the records it
    points to through a many2one field that the user may read. Spreadsheet
    exports (``report_type`` xlsx) are statistics over many records, not a
    print of one: not concerned.

    **Several PDFs at once.** Debian's wkhtmltopdf (0.12.6, without the
    patched Qt) renders only one HTML document per run: given several, it
    exits with an error that Odoo 11 accepts and returns an empty PDF.
    Printing several records at once (a list selection, a contract in two
    originals) then gives a blank file. Render each document on its own and
    merge the PDFs: the same result with either build of wkhtmltopdf.
    """

    _inherit = "ir.actions.report"

    # ------------------------------------------------------------ the audit
    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        self._cdb_audit_rendering(res_ids)
        return super(IrActionsReport, self._cdb_audited()).render_qweb_pdf(res_ids, data=data)

    @api.model
    def render_qweb_html(self, docids, data=None):
        self._cdb_audit_rendering(docids)
        return super(IrActionsReport, self._cdb_audited()).render_qweb_html(docids, data=data)

    def _cdb_audited(self):
        return self.with_context(**{_AUDITED_KEY: _AUDITED})

    def _cdb_audit_rendering(self, res_ids):
        """The printed records are read: through the audit hook first."""
        if not res_ids or self.env.context.get(_AUDITED_KEY) is _AUDITED:
            return
        for report in self:
            if report.model not in self.env:
                continue
            records = self.env[report.model].browse(res_ids)
            for targets in self._cdb_audit_targets(records):
                targets._cdb_audit_print()

    @api.model
    def _cdb_audit_targets(self, records):
        """Recordsets whose print must be audited: ``records`` when their
        model is audited, otherwise the audited records they point to (that
        the user may read: a part read without reaching its parent is not
        a read of the parent)."""
        if hasattr(records, "_cdb_audit_print"):
            return [records]
        targets = []
        for name, field in records._fields.items():
            if field.type != "many2one" or not field.store or \
                    not hasattr(self.env[field.comodel_name], "_cdb_audit_print"):
                continue
            # sudo: only the ids of the parents; what the user may read of
            # them is decided right after, as the user
            parents = records.sudo().mapped(name).with_env(self.env)
            parents = readable(parents)
            if parents:
                targets.append(parents)
        return targets

    # ---------------------------------------------------------- the merge
    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        if len(bodies) <= 1:
            return super()._run_wkhtmltopdf(
                bodies, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size)
        merger = PdfFileMerger()
        for body in bodies:
            merger.append(io.BytesIO(super()._run_wkhtmltopdf(
                [body], header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size)))
        merged = io.BytesIO()
        merger.write(merged)
        return merged.getvalue()

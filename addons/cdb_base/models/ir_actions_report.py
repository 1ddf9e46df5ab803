import io

from PyPDF2 import PdfFileMerger

from odoo import api, models


class IrActionsReport(models.Model):
    """Debian's wkhtmltopdf (0.12.6, without the patched Qt) renders only one
    HTML document per run: given several, it exits with an error that Odoo 11
    accepts and returns an empty PDF. Printing several records at once (a
    list selection, a contract in two originals) then gives a blank file.
    Render each document on its own and merge the PDFs: the same result with
    either build of wkhtmltopdf."""

    _inherit = "ir.actions.report"

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

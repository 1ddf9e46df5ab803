from odoo import _, api, models

from .cdb_import_writer import csv_bytes, xlsx_bytes


class CdbImportTemplate(models.AbstractModel):
    """The templates of an import, read from its columns
    (``cdb.import.column``, the records that the validation reads too): the
    header row and an example line; the XLSX template adds a sheet
    describing every column in French. A part of ``cdb.import.job``
    (``_inherit``), which stores the file to download (``_download``)."""

    _name = "cdb.import.template"
    _description = "Import templates"

    @api.multi
    def action_download_template_xlsx(self):
        self.ensure_one()
        return self._download(self._template_xlsx(), "xlsx", _("template"))

    @api.multi
    def action_download_template_csv(self):
        self.ensure_one()
        return self._download(csv_bytes(self._template_rows()), "csv", _("template"))

    def _template_columns(self):
        return self.env["cdb.import.column"].search([("import_type", "=", self.import_type)])

    def _template_rows(self):
        """The header row and the example line."""
        columns = self._template_columns()
        return [columns.mapped("name"), [column.example or "" for column in columns]]

    def _template_xlsx(self):
        columns = self._template_columns()
        documentation = [[_("Column"), _("Required"), _("Format"), _("Example"),
                          _("Description")]]
        for column in columns:
            documentation.append([column.name, _("Yes") if column.required else _("No"),
                                  column._format_label(), column.example or "",
                                  column.description])
        return xlsx_bytes([(_("Template"), self._template_rows()),
                           (_("Columns"), documentation)])

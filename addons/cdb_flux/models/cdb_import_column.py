from odoo import fields, models

from .cdb_import_job import FLUX_TYPES


class CdbImportColumn(models.Model):
    """The columns of the France Travail extract and of the templates of the
    public Carnet de bord service (data/cdb_flux_columns.xml)."""

    _inherit = "cdb.import.column"

    import_type = fields.Selection(selection_add=FLUX_TYPES)

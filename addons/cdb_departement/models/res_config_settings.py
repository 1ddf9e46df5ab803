from odoo import api, fields, models

from ..settings import IMPORT_CHUNK_SIZE, IMPORT_MAX_CELL_LENGTH, IMPORT_SYNC_MAX_ROWS


class ResConfigSettings(models.TransientModel):
    """The département's figures on the settings screen (settings.py)."""

    _inherit = "res.config.settings"

    cdb_import_sync_max_rows = fields.Integer(
        "Lines imported at once", help=IMPORT_SYNC_MAX_ROWS.source)
    cdb_import_chunk_size = fields.Integer(
        "Lines written at a time", help=IMPORT_CHUNK_SIZE.source)
    cdb_import_max_cell_length = fields.Integer(
        "Longest free-text cell", help=IMPORT_MAX_CELL_LENGTH.source)

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({
            "cdb_import_sync_max_rows": IMPORT_SYNC_MAX_ROWS,
            "cdb_import_chunk_size": IMPORT_CHUNK_SIZE,
            "cdb_import_max_cell_length": IMPORT_MAX_CELL_LENGTH,
        })
        return settings

from odoo import fields, models


class ResPartner(models.Model):
    """The key of a beneficiary or a structure in the département's own
    system: a file imported again updates the same records (issue 6)."""

    _inherit = "res.partner"

    cdb_import_ref = fields.Char(
        "Import reference", index=True, copy=False,
        help="Identifier of this person or structure in the département's system, "
             "used to match the lines of imported files.")

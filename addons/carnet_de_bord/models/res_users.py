from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    cdb_structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure",
        domain=[("cdb_is_structure", "=", True)],
        help="The structure this professional works for. Its structure "
             "administrators see the carnets this professional follows.")

from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    cdb_structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure",
        domain=[("cdb_is_structure", "=", True)],
        help="The structure this professional works for. Its structure "
             "administrators see the carnets this professional follows.")
    cdb_territory_ids = fields.Many2many(
        "cdb.territory", string="Territories",
        help="Territories followed by this correspondant or manager.")

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        # The record rules read these fields; Odoo caches each user's rules.
        if "cdb_structure_id" in vals or "cdb_territory_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return result

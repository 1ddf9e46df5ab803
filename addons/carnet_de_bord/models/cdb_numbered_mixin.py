from odoo import api, fields, models


class CdbNumberedMixin(models.AbstractModel):
    """Records numbered from an ir.sequence when they are created (EP cases,
    contracts, fiches de liaison): set ``_sequence_code``."""

    _name = "cdb.numbered.mixin"
    _description = "Numbered by a sequence"
    _sequence_code = None

    name = fields.Char(required=True, readonly=True, copy=False, default="/")

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals = dict(vals, name=self.env["ir.sequence"].next_by_code(
                self._sequence_code) or "/")
        return super().create(vals)

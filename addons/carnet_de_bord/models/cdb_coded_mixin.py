from odoo import api, fields, models


class CdbCodedMixin(models.AbstractModel):
    """Reference lists identified by a code: shown and searched as
    "CODE label" (ROME codes, codified actions)."""

    _name = "cdb.coded.mixin"
    _description = "Coded reference list"

    code = fields.Char(required=True, index=True)
    name = fields.Char("Label", required=True)
    active = fields.Boolean(default=True)

    @api.multi
    def name_get(self):
        return [(rec.id, "%s %s" % (rec.code, rec.name)) for rec in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        args = list(args or [])
        if name:
            args = ["|", ("code", "=ilike", name.strip() + "%"),
                    ("name", operator, name)] + args
        return self.search(args, limit=limit).name_get()

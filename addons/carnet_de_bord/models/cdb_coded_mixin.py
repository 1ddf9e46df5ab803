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
    def write(self, vals):
        """Updating the module loads the list again and writes every entry
        with the values it already has; each write made Odoo recompute the
        stored fields that depend on the entry (the name and theme of the
        364,000 actions of a large département: ``-u`` took 15 minutes,
        issue 15). While a module loads, only the values that change are
        written."""
        if not self.env.context.get("install_mode"):
            return super().write(vals)
        for record in self:
            changed = record._changed_values(vals)
            if changed:
                super(CdbCodedMixin, record).write(changed)
        return True

    def _changed_values(self, vals):
        """The items of ``vals`` that differ from this record's values
        (x2many commands are kept as they are)."""
        self.ensure_one()
        changed = {}
        for name, value in vals.items():
            field = self._fields[name]
            if field.type in ("one2many", "many2many"):
                changed[name] = value
                continue
            new = field.convert_to_record(field.convert_to_cache(value, self), self)
            if new != self[name]:
                changed[name] = value
        return changed

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

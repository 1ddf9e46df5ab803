from odoo import fields, models


class CdbTerritory(models.Model):
    """A territory of the département (guide: "Une équipe par territoire";
    the correspondant of the Service Local Allocation Insertion of a
    territory follows its beneficiaries)."""

    _name = "cdb.territory"
    _description = "Territory"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "This territory already exists."),
    ]

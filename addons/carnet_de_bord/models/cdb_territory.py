from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CdbTerritory(models.Model):
    """A territory of the département (guide: "Une équipe par territoire";
    the correspondant of the Service Local Allocation Insertion of a
    territory follows its beneficiaries).

    A territory is the scope of its correspondants and of the managers
    restricted to it (``res.users.cdb_territory_ids``): archiving it changes
    no one's scope, and it cannot be deleted while a user or a carnet holds
    it — its correspondants would lose their carnets, and a manager whose
    only territory it is would see the whole département."""

    _name = "cdb.territory"
    _description = "Territory"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "This territory already exists."),
    ]

    @api.multi
    def unlink(self):
        self._check_unused()
        return super().unlink()

    def _check_unused(self):
        # sudo: whether any user or carnet holds the territory, whoever may see them
        users = self.env["res.users"].sudo().with_context(active_test=False)
        notebooks = self.env["cdb.notebook"].sudo().with_context(active_test=False)
        for territory in self:
            if users.search_count([("cdb_territory_ids", "in", territory.ids)]) \
                    or notebooks.search_count([("territory_id", "=", territory.id)]):
                raise UserError(_(
                    "The territory %s is still held by users or carnets: "
                    "archive it instead, or move them first.") % territory.name)

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cer_contracts.models.cer_contract import CURRENT_STATES


class CdbNotebook(models.Model):
    _inherit = "cdb.notebook"

    has_contract_in_force = fields.Boolean(
        "Contract in force", compute="_compute_has_contract_in_force",
        search="_search_has_contract_in_force")

    @api.depends("contract_ids.state")
    def _compute_has_contract_in_force(self):
        for notebook in self:
            notebook.has_contract_in_force = bool(notebook.contract_id)

    def _search_has_contract_in_force(self, operator, value):
        """Carnets with a validated or running contract, in one query (the
        negation of a path on the contracts would mean "has a contract not
        in force")."""
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contract in force."))
        self.env.cr.execute("SELECT DISTINCT notebook_id FROM cer_contract WHERE state IN %s",
                            (CURRENT_STATES,))
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CerPapLine(models.Model):
    """An action of the plan d'action of a contrat d'engagement carries its
    planned hours a week (loi pour le plein emploi: the contract states "la
    durée hebdomadaire d'activité"); the contract adds them up against its
    target. A renewal or a conversion carries them with the line."""

    _inherit = "cer.pap.line"

    planned_weekly_hours = fields.Float(
        "Hours a week", digits=(6, 1),
        help="The hours a week this action plans (contrat d'engagement).")

    @api.constrains("planned_weekly_hours")
    def _check_planned_weekly_hours(self):
        for line in self:
            if not 0 <= line.planned_weekly_hours <= 7 * 24:
                raise ValidationError(_(
                    "The hours a week of an action are between 0 and %d.") % (7 * 24))

    def _carry_to(self, contract):
        """cer_contracts' carry (renewal, conversion), with the hours."""
        result = super()._carry_to(contract)
        for line in self.filtered("planned_weekly_hours"):
            carried = contract.pap_line_ids.filtered(lambda l: l.action_id == line.action_id)
            carried._workflow_write({"planned_weekly_hours": line.planned_weekly_hours})
        return result

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cer_contracts.models.cer_amendment_line import \
    CerAmendmentLine as GuideAmendmentLine


class CerAmendmentLine(models.Model):
    """A new action of an avenant to a contrat d'engagement carries its
    planned hours a week: the PAP line the applied avenant creates gets
    them, so that the contract's planned hours follow its plan."""

    _inherit = "cer.amendment.line"
    _workflow_locked_fields = GuideAmendmentLine._workflow_locked_fields + (
        "planned_weekly_hours",)

    planned_weekly_hours = fields.Float("Hours a week", digits=(6, 1))

    @api.constrains("planned_weekly_hours")
    def _check_planned_weekly_hours(self):
        for line in self:
            if not 0 <= line.planned_weekly_hours <= 7 * 24:
                raise ValidationError(_(
                    "The hours a week of an action are between 0 and %d.") % (7 * 24))

    def _create_pap_lines(self):
        result = super()._create_pap_lines()
        for line in self.filtered("planned_weekly_hours"):
            line.pap_line_id._workflow_write(
                {"planned_weekly_hours": line.planned_weekly_hours})
        return result

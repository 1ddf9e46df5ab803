from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class RsaSanctionStep(models.Model):
    """A step of a suspension actually applied, with its dates."""

    _name = "rsa.sanction.step"
    _description = "Suspension step"
    _order = "case_id, sequence"

    case_id = fields.Many2one("rsa.ep.case", required=True, ondelete="cascade", index=True)
    rule_id = fields.Many2one("rsa.sanction.rule", "Step", required=True)
    sequence = fields.Integer(related="rule_id.sequence", store=True, readonly=True)
    date_start = fields.Date("From", required=True)
    date_end = fields.Date("Until")
    note = fields.Char()

    @api.model
    def _end_date(self, rule, date_start):
        if not rule.duration_months:
            return False
        return fields.Date.to_string(
            fields.Date.from_string(date_start) + relativedelta(months=rule.duration_months))

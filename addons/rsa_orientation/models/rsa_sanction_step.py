from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class RsaSanctionStep(models.Model):
    """A step of a suspension actually applied, with its dates (seed 003,
    "Les sanctions"). Steps are applied and ended only by the actions of the
    EP case (``action_next_sanction_step``, ``action_end_sanction_step``,
    policy ``PERM_STEP_SANCTION``): the case, the step and its dates are
    workflow fields; the note stays free."""

    _name = "rsa.sanction.step"
    _description = "Suspension step"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.followed.mixin"]
    _cdb_notebook_field = "case_id.notebook_id"
    _order = "case_id, sequence"
    _workflow_fields = ("case_id", "rule_id", "date_start", "date_end")

    case_id = fields.Many2one("rsa.ep.case", required=True, ondelete="cascade", index=True)
    rule_id = fields.Many2one("rsa.sanction.rule", "Step", required=True)
    sequence = fields.Integer(related="rule_id.sequence", store=True, readonly=True)
    date_start = fields.Date("From", required=True)
    date_end = fields.Date("Until")
    note = fields.Char()

    @api.model
    def _apply(self, case, rule, date_start):
        """The step ``rule`` of ``case``'s scale, from ``date_start`` for the
        rule's duration (open-ended when it has none)."""
        return self._workflow_create({
            "case_id": case.id, "rule_id": rule.id, "date_start": date_start,
            "date_end": self._end_date(rule, date_start),
        })

    def _close(self, day):
        """End this open step on ``day`` (never before it began)."""
        for step in self.filtered(lambda s: not s.date_end):
            step._workflow_write({"date_end": max(day, step.date_start)})

    @api.model
    def _end_date(self, rule, date_start):
        if not rule.duration_months:
            return False
        return fields.Date.to_string(
            fields.Date.from_string(date_start) + relativedelta(months=rule.duration_months))

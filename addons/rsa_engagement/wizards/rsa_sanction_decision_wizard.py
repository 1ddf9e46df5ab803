from odoo import api, fields, models

from ..models.rsa_manquement import DECISIONS
from ..settings import FIRST_FAILURE_MIN_MONTHS, SUSPENSION_RATE_MIN


class RsaSanctionDecisionWizard(models.TransientModel):
    """The decision of a delegate of the President on a failure: the
    manquement's ``_decide`` checks who decides and every boundary."""

    _name = "rsa.sanction.decision.wizard"
    _description = "Decide on a failure"

    manquement_id = fields.Many2one("rsa.manquement", required=True, ondelete="cascade")
    decision = fields.Selection(DECISIONS, required=True, default="suspension")
    rate = fields.Integer("Suspended share of the allowance (%)",
                          default=lambda self: SUSPENSION_RATE_MIN.get(self.env))
    months = fields.Integer("Duration (months)",
                            default=lambda self: FIRST_FAILURE_MIN_MONTHS.get(self.env))
    date_start = fields.Date("Suspended from", default=fields.Date.context_today)
    motive = fields.Text("Motive of the decision",
                         default=lambda self: self._default_motive())
    household_size = fields.Integer(related="manquement_id.beneficiary_id.rsa_household_size",
                                    readonly=True)

    @api.model
    def _default_motive(self):
        manquement = self.env["rsa.manquement"].browse(
            self.env.context.get("default_manquement_id"))
        return manquement.exists().decision_motive

    @api.multi
    def action_decide(self):
        self.ensure_one()
        self.manquement_id._decide(self.decision, self.rate, self.months, self.date_start,
                                   self.motive)
        return {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models

from ..models.rsa_manquement import REMOBILISATION_REASONS


class RsaRemobilisationWizard(models.TransientModel):
    """The person re-engages: the manquement's ``_remobilise`` checks who
    records it and ends the suspension."""

    _name = "rsa.remobilisation.wizard"
    _description = "Record a remobilisation"

    manquement_id = fields.Many2one("rsa.manquement", required=True, ondelete="cascade")
    reason = fields.Selection(REMOBILISATION_REASONS, "Re-engagement", required=True,
                              default="activities_resumed")
    date = fields.Date("Remobilised on", required=True, default=fields.Date.context_today)
    amount_withheld = fields.Float("Sums withheld, due back (€)", digits=(12, 2))

    @api.multi
    def action_remobilise(self):
        self.ensure_one()
        self.manquement_id._remobilise(self.reason, self.amount_withheld, self.date)
        return {"type": "ir.actions.act_window_close"}

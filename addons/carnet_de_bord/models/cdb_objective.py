from odoo import api, fields, models


class CdbObjective(models.Model):
    """An objective of the path, defined by the beneficiary with their
    référent (seed 000, "Suivi": "Revue des objectifs définis par
    l'allocataire")."""

    _name = "cdb.objective"
    _description = "Objective"
    _inherit = ["mail.thread", "cdb.beneficiary.review.mixin", "cdb.notebook.part.mixin"]
    _order = "sequence, id"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    name = fields.Char("Objective", required=True, track_visibility="onchange")
    description = fields.Text(track_visibility="onchange")
    sequence = fields.Integer(default=10)
    state = fields.Selection([
        ("proposed", "Proposed"),
        ("validated", "Validated by the beneficiary"),
        ("achieved", "Achieved"),
        ("abandoned", "Abandoned"),
    ], default="proposed", required=True, track_visibility="onchange")
    action_ids = fields.One2many("cdb.action", "objective_id", "Actions")

    def _beneficiary_validate(self):
        """Validating a proposed objective validates it for the référent too."""
        result = super()._beneficiary_validate()
        self.filtered(lambda o: o.state == "proposed").write({"state": "validated"})
        return result

    @api.multi
    def action_validate(self):
        self.write({"state": "validated"})
        return True

    @api.multi
    def action_achieve(self):
        self.write({"state": "achieved"})
        return True

    @api.multi
    def action_abandon(self):
        self.write({"state": "abandoned"})
        return True

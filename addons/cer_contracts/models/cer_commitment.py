from odoo import fields, models


class CerCommitment(models.Model):
    """The "socle commun" of reciprocal engagements printed in every contract
    (seed 000, "Détail des engagements réciproques – socle commun"), editable
    by the département."""

    _name = "cer.commitment"
    _description = "Common reciprocal engagement"
    _order = "side, sequence, id"

    side = fields.Selection([
        ("beneficiary", "Beneficiary"),
        ("referent", "Référent and administrations"),
    ], required=True)
    sequence = fields.Integer(default=10)
    name = fields.Text("Engagement", required=True)
    active = fields.Boolean(default=True)

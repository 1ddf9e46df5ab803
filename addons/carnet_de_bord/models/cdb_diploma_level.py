from odoo import fields, models


class CdbDiplomaLevel(models.Model):
    """Diploma levels of the RSA guide, "ANNEXE 1 - NIVEAUX DIPLOMES"."""

    _name = "cdb.diploma.level"
    _description = "Diploma level"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char("Label", required=True, translate=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This diploma level code already exists."),
    ]

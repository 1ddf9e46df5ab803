from odoo import fields, models


class CdbRomeCode(models.Model):
    """Jobs of the ROME nomenclature, as listed in the RSA guide,
    "ANNEXE 4 - LES CODES ROME – CODIFICATIONS POLE EMPLOI"."""

    _name = "cdb.rome.code"
    _inherit = "cdb.coded.mixin"
    _description = "ROME job code"
    _order = "code"

    domain_code = fields.Char("Domain", required=True)
    domain_name = fields.Char("Domain label")

    _sql_constraints = [
        ("code_unique", "unique(code)", "This ROME code already exists."),
    ]

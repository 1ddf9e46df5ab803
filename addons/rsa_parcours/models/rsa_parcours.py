from odoo import api, fields, models

# The codes of the three national parcours (loi n° 2023-1196 pour le plein
# emploi): the data records of data/rsa_parcours_data.xml carry them.
EMPLOYMENT, SOCIO_PROFESSIONAL, SOCIAL = "employment", "socio_professional", "social"
SPHERES = [("professional", "Professional"), ("solidarity", "Solidarity")]


class RsaParcours(models.Model):
    """A parcours of the law in force (loi n° 2023-1196 du 18 décembre 2023
    pour le plein emploi; arrêté du 21 novembre 2024 on the national
    orientation criteria): emploi, socio-professionnel, social. Data, not a
    selection: a département may rename them or add its own.

    Each parcours maps to the guide's sphere (seed 003, "L'ORIENTATION":
    professional / solidarity), so that the guide's code (contract type,
    dashboards, exports) keeps working on an orientation decided under the
    law: its ``orientation_type`` is derived from the parcours and the kind
    of the organisme référent (``rsa.orientation._law_orientation_type``)."""

    _name = "rsa.parcours"
    _description = "Parcours"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code (employment, socio_professional, "
                                           "social for the national parcours).")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    sphere = fields.Selection(
        SPHERES, "Sphere of the guide", required=True,
        help="The guide's sphere this parcours counts in (contract deadline of the guide, "
             "dashboards, exports).")
    joint_diagnostic = fields.Boolean(
        "Joint diagnostic due",
        help="Décret n° 2024-1244 du 30 décembre 2024: in this parcours (the social one) a "
             "joint diagnostic with France Travail is due after the delay of the settings.")
    description = fields.Text()
    organism_ids = fields.Many2many(
        "res.partner", "rsa_parcours_organism_rel", "parcours_id", "partner_id",
        "Organismes référents", domain=[("cdb_is_organisme_referent", "=", True)])

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each parcours has its own code."),
    ]

    @api.model
    def _by_code(self, code):
        return self.search([("code", "=", code)], limit=1)

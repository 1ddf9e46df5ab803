from odoo import fields, models

# The kinds of steps: a reduction of the RSA, the suspension (half of the
# montant forfaitaire, the whole RSA of a single person), the radiation.
REDUCTION, SUSPENSION, RADIATION = "reduction", "suspension", "radiation"


class RsaSanctionRule(models.Model):
    """The scale of sanctions (guide, "DROITS ET DEVOIRS … Les sanctions"),
    as configuration: one row per step, for each kind of failure.

    "En cas de non-conclusion ou non-renouvellement du contrat, le montant du
    RSA sera réduit de 100 € pendant un mois, puis de la moitié du montant
    forfaitaire applicable au foyer (ou de la totalité du RSA pour une
    personne seule) jusqu'à la conclusion ou le renouvellement de celui-ci.
    La radiation du dispositif interviendra au bout de 4 mois de suspension
    totale." — "En cas de non-respect du contenu du contrat, le montant du RSA
    sera réduit pendant 1 mois, puis de la moitié du montant forfaitaire …
    pendant 4 mois. Si le manquement se poursuit, la radiation … au bout de 4
    mois de suspension totale." Amounts are recorded, never computed here.

    Each step has its kind: the radiation comes ``RADIATION_AFTER_MONTHS``
    (4) after the start of the suspension step (``rsa.ep.case``).
    """

    _name = "rsa.sanction.rule"
    _description = "Step of the sanction scale"
    _order = "failure, sequence"

    failure = fields.Selection([
        ("no_contract", "Contract not concluded or not renewed"),
        ("breach", "Contract not respected"),
    ], required=True)
    sequence = fields.Integer(required=True)
    name = fields.Char("Step", required=True)
    duration_months = fields.Integer(
        "Duration (months)", help="0: until the person concludes or renews the contract.")
    kind = fields.Selection([
        (REDUCTION, "Reduction"),
        (SUSPENSION, "Suspension (half of the montant forfaitaire, whole RSA of a single "
                     "person)"),
        (RADIATION, "Radiation"),
    ], required=True, default=REDUCTION,
        help="The radiation comes after the months of the settings from the start of "
             "the suspension step.")
    active = fields.Boolean(default=True)

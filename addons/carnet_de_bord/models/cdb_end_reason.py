from odoo import fields, models


class CdbEndReason(models.Model):
    """Why an accompaniment ends (the end of the path, seed 000, "Suivi":
    reviews "à la fin du parcours"): *reprise d'emploi*, *fin de droit*,
    *déménagement*, *décès*, *autre*….

    Data rather than a selection: a département adds its own reasons (an
    entry into long training, a move within the département…) or archives
    one without a code change, the reasons keep their history on closed
    carnets, and each says whether the end takes a final review with the
    beneficiary (``review_required``: not after a death or a move out of
    the département). The exports and the dashboard of cdb_departement
    count the carnets by reason."""

    _name = "cdb.end.reason"
    _description = "Reason for the end of the accompaniment"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char("Label", required=True, translate=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    review_required = fields.Boolean(
        "Final review required", default=True,
        help="Closing the carnet for this reason records the final review of the "
             "path (seed 000: reviews \"à la fin du parcours\"). Untick it when the "
             "beneficiary cannot take part in it (death, move out of the département).")

    _sql_constraints = [
        ("code_unique", "unique(code)", "This reason code already exists."),
    ]

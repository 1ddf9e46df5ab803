from odoo import fields, models

# ROLEPERS of the CAF/MSA flux (the role of a person in the RSA request).
HOUSEHOLD_ROLES = [
    ("DEM", "Applicant"),
    ("CJT", "Spouse / partner"),
    ("ENF", "Child"),
    ("AUT", "Other person"),
    ("RDO", "Responsible of the file"),
    ("OTHER", "Other role"),
]


class RsaHouseholdMember(models.Model):
    """A person of an RSA household with their role (ROLEPERS: demandeur,
    conjoint, enfant…), whether the flux says they are subject to rights and
    duties (TOPPERSDRODEVORSA) and since when they belong to the household
    (DDRATDOS). A person who leaves the household is kept, inactive."""

    _name = "rsa.household.member"
    _description = "Member of an RSA household"
    _order = "household_id, role, id"

    household_id = fields.Many2one("rsa.household", "Household", required=True,
                                   ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", "Person", required=True, ondelete="cascade",
                                 index=True)
    role = fields.Selection(HOUSEHOLD_ROLES, required=True, default="DEM")
    role_code = fields.Char(help="ROLEPERS as the flux gives it.")
    rights_duties = fields.Boolean("Subject to rights and duties",
                                   help="TOPPERSDRODEVORSA of the flux.")
    date_start = fields.Date("In the household since")
    date_end = fields.Date("Left the household on")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_unique", "unique(household_id, partner_id)",
         "This person is already a member of the household."),
    ]

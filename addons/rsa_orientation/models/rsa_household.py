from odoo import api, fields, models

# The state of the RSA right (ETATDOSRSA of the CAF/MSA flux VRSB0801), with
# the codes the public Carnet de bord service used for it.
RIGHT_STATES = [
    ("rsa_demande_en_attente", "Request awaiting the département's decision"),
    ("rsa_refuse", "Right refused"),
    ("rsa_droit_ouvert_versable", "Right open, paid"),
    ("rsa_droit_ouvert_et_suspendu", "Right open and suspended"),
    ("rsa_droit_ouvert_versement_suspendu", "Right open, payment suspended"),
    ("rsa_clos", "Right closed"),
    ("rsa_clos_anterieur", "Right closed in a former month"),
]
# ETATDOSRSA -> right state.
RIGHT_STATE_CODES = {
    "0": "rsa_demande_en_attente", "1": "rsa_refuse", "2": "rsa_droit_ouvert_versable",
    "3": "rsa_droit_ouvert_et_suspendu", "4": "rsa_droit_ouvert_versement_suspendu",
    "5": "rsa_clos", "6": "rsa_clos_anterieur",
}
# The states of an open right (the household is paid or may be again).
OPEN_RIGHT_STATES = ("rsa_droit_ouvert_versable", "rsa_droit_ouvert_et_suspendu",
                     "rsa_droit_ouvert_versement_suspendu")


class RsaHousehold(models.Model):
    """A household (foyer) of the RSA, as the CAF or MSA knows it: the
    organism (FONORG, NUMORG) and its matricule, the RSA request
    (DTDEMRSA, NUMDEMRSA), the state of the right and the droits et devoirs
    flag of the household, its members with their role (demandeur,
    conjoint, enfant…) and the history of what each CAF/MSA flux said
    (``rsa.household.history``). Written by the import of the flux
    (cdb_flux) or by hand; a household of more than one person is
    ``member_count > 1``. See readme/HOUSEHOLD.rst."""

    _name = "rsa.household"
    _description = "RSA household"
    _order = "matricule"

    name = fields.Char(compute="_compute_name", store=True)
    organism = fields.Selection([("caf", "CAF"), ("msa", "MSA")],
                                required=True, default="caf")
    organism_code = fields.Char("Organism number", help="NUMORG: the CAF or MSA of the "
                                "household (3 digits).")
    matricule = fields.Char(required=True, index=True, help="The household's number at its "
                            "CAF or MSA (MATRICULE).")
    rsa_request_date = fields.Date("RSA request date", help="DTDEMRSA of the flux.")
    rsa_request_number = fields.Char("RSA request number", help="NUMDEMRSA of the flux.")
    right_state = fields.Selection(RIGHT_STATES, "State of the right")
    right_state_reason = fields.Char(
        "Reason", help="Code of the suspension or closing reason given by the flux.")
    right_state_date = fields.Date("State known on")
    rights_duties = fields.Boolean(
        "Household subject to rights and duties", help="TOPFOYDRODEVORSA of the flux.")
    family_situation_code = fields.Char("Family situation (CAF code)", help="SITFAM.")
    monthly_resources = fields.Float("Monthly resources (€)", digits=(12, 2),
                                     help="MTRESSMENRSA of the flux.")
    guaranteed_income = fields.Float("Guaranteed minimum income (€)", digits=(12, 2),
                                     help="MTREVMINIGARARSA: the household's montant "
                                          "forfaitaire.")
    flux_stamp = fields.Char(
        "Last flux", index=True,
        help="Creation date and time of the newest flux applied (DTCREAFLUX and "
             "HEUCREAFLUX): an older flux never overwrites what a newer one said.")
    member_ids = fields.One2many("rsa.household.member", "household_id", "Members")
    member_count = fields.Integer("Persons", compute="_compute_member_count", store=True)
    history_ids = fields.One2many("rsa.household.history", "household_id", "History")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("matricule_unique", "unique(organism, organism_code, matricule)",
         "A household with this organism and matricule already exists."),
    ]

    @api.depends("organism", "organism_code", "matricule")
    def _compute_name(self):
        labels = dict(self._fields["organism"].selection)
        for household in self:
            household.name = " ".join(filter(None, [
                labels.get(household.organism), household.organism_code,
                household.matricule]))

    @api.depends("member_ids.active")
    def _compute_member_count(self):
        for household in self:
            household.member_count = len(household.member_ids.filtered("active"))

    def _is_open(self):
        """The household's right is open (paid or suspended)."""
        self.ensure_one()
        return self.right_state in OPEN_RIGHT_STATES

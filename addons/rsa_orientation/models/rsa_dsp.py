from odoo import api, fields, models


class RsaDsp(models.Model):
    """Données socioprofessionnelles (guide, "LES DONNEES
    SOCIOPROFESSIONNELLES", Annexe 2): "Formulaire complété lors de la
    demande et qui permet le recueil … des informations nécessaires pour
    déterminer son parcours d'insertion". Each update is a new version: the
    carnet shows the current one, the history keeps the others.

    Said once (seed 002, "dites-le nous une fois"): the RQTH, the education
    level and the jobs sought (ROME) live in the carnet's situation
    (carnet_de_bord, ``cdb.situation``); the DSP shows them from there and
    nobody types them again here (their history is the situation's)."""

    _name = "rsa.dsp"
    _inherit = ["cdb.revision.mixin", "cdb.notebook.followed.mixin"]
    _description = "Socio-professional data (DSP)"
    _order = "create_date desc, id desc"
    _rec_name = "create_date"
    _revision_fields = (
        "request_reason", "right_france_travail", "right_aah", "right_daily_allowance",
        "isolated_person", "health_difficulty", "childcare_difficulty",
        "financial_difficulty", "other_obstacles", "housing_type", "housing_difficulties",
        "housing_steps", "diplomas", "last_activity",
        "last_activity_date", "france_travail_registered", "france_travail_registration_date",
        "professional_project",
    )

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True)
    # "D'ordre général"
    request_reason = fields.Text("Reason for the request")
    right_france_travail = fields.Boolean("Rights with France Travail (unemployment benefit)")
    right_aah = fields.Boolean("Disabled adult allowance (AAH)")
    right_daily_allowance = fields.Boolean(
        "Daily allowances (maternity, work accident)")
    isolated_person = fields.Boolean()
    # "Liées à la situation sociale"
    health_difficulty = fields.Boolean("Health difficulties")
    childcare_difficulty = fields.Boolean("Childcare difficulties")
    rqth = fields.Boolean(
        "Recognised disabled worker (RQTH)", compute="_compute_said_once",
        help="From the carnet's situation: revise the situation to change it.")
    financial_difficulty = fields.Boolean("Financial problems")
    other_obstacles = fields.Text("Other obstacles to the job search")
    # "Sur le logement"
    housing_type = fields.Selection([
        ("owner", "Owner"),
        ("tenant_social", "Tenant, social housing"),
        ("tenant_private", "Tenant, private housing"),
        ("hosted", "Hosted by family or friends"),
        ("temporary", "Temporary housing"),
        ("precarious", "Precarious housing (caravan, squat, hotel…)"),
        ("eviction", "Eviction in progress"),
        ("homeless", "Homeless"),
    ])
    housing_difficulties = fields.Text()
    housing_steps = fields.Text("Steps taken for housing")
    # "Sur le niveau d'études (annexe 1) et de compétences"
    diploma_level_id = fields.Many2one(
        "cdb.diploma.level", "Education level", compute="_compute_said_once",
        help="From the carnet's situation: revise the situation to change it.")
    diplomas = fields.Text("Diplomas and certifications")
    rome_code_ids = fields.Many2many(
        "cdb.rome.code", string="Jobs sought (ROME)", compute="_compute_said_once",
        help="From the carnet's situation: revise the situation to change them.")
    # "Informations sur la situation professionnelle"
    last_activity = fields.Char("Last professional activity")
    last_activity_date = fields.Date("Last activity ended on")
    france_travail_registered = fields.Boolean("Registered with France Travail")
    france_travail_registration_date = fields.Date("Registered since")
    professional_project = fields.Text()

    @api.multi
    def action_print(self):
        """The data as the form of Annexe 2 (report ``action_report_rsa_dsp``)."""
        return self.env.ref("rsa_orientation.action_report_rsa_dsp").report_action(self)

    @api.depends("notebook_id")
    def _compute_said_once(self):
        """The items said once, from the carnet's current situation (as the
        user reads it: the beneficiary's sharing choices apply)."""
        situations = self.env["cdb.situation"]._said_once_values(self.mapped("notebook_id"))
        for dsp in self:
            situation = situations.get(dsp.notebook_id.id) or self.env["cdb.situation"]
            dsp.rqth = situation.rqth
            dsp.diploma_level_id = situation.diploma_level_id
            dsp.rome_code_ids = situation.rome_code_ids

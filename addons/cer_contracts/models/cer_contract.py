from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cdb_base.tools import format_date, selection_label

# Guide, "L'ACCOMPAGNEMENT PROFESSIONNEL": "Il se contractualise par un
# Projet Personnalisé d'Accès à l'Emploi (PPAE) avec PE ou un Contrat
# d'Engagements Réciproques Professionnel"; the solidarity sphere by a CERS.
CONTRACT_TYPE_BY_ORIENTATION = {
    "professional_ft": "ppae",
    "professional_other": "cer_professional",
    "solidarity": "cer_solidarity",
}
PROFESSIONAL_DURATIONS = (3, 6, 9, 12)
SOLIDARITY_MAX_PARAM = "cer_contracts.solidarity_max_months"
EXPIRY_NOTICE_PARAM = "cer_contracts.expiry_notice_days"
PENDING_STATES = ("draft", "signed", "submitted")
CURRENT_STATES = ("validated", "running")
LOCKED_FIELDS = ("date_start", "duration_months", "ppae_date_end", "contract_type",
                 "notebook_id")


class CerContract(models.Model):
    """Contrat d'engagements réciproques (guide, "LES CONTRATS D'ENGAGEMENTS
    RECIPROQUES", Annexe 5) or PPAE.

    "Le CER - Solidarité est conclu pour une durée de 6 mois, renouvelable
    une fois." — "Le Contrat d'Engagements Réciproques - professionnel, est
    conclu pour une durée de 3 mois, 6 mois, 9 mois ou 12 mois." At the end:
    "Cas 1 : le BRSA a évolué dans son parcours … Cas 2 : la prolongation …
    est nécessaire. Le Contrat … est renouvelé, avec une reprise des anciennes
    actions complétées du bilan plus les nouvelles actions. Cas 3 : le suivi
    solidarité arrive à échéance des douze mois … l'équipe pluridisciplinaire
    puisse statuer sur la suite à donner."
    """

    _name = "cer.contract"
    _description = "Reciprocal engagement contract"
    _inherit = ["cdb.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _sequence_code = "cer.contract"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="restrict", index=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True)
    orientation_id = fields.Many2one(
        "rsa.orientation", "Orientation", ondelete="restrict", index=True,
        default=lambda self: self._default_orientation())
    contract_type = fields.Selection([
        ("cer_solidarity", "CER solidarité"),
        ("cer_professional", "CER professionnel"),
        ("ppae", "PPAE (France Travail)"),
    ], "Type", required=True, track_visibility="onchange")
    date_start = fields.Date("Start", required=True, default=fields.Date.context_today,
                             track_visibility="onchange")
    duration_months = fields.Integer("Duration (months)", default=6,
                                     track_visibility="onchange")
    ppae_date_end = fields.Date("End of the PPAE")
    date_end = fields.Date("End", compute="_compute_date_end", store=True, index=True)
    previous_contract_id = fields.Many2one(
        "cer.contract", "Renews", readonly=True, copy=False, index=True)
    renewal_ids = fields.One2many("cer.contract", "previous_contract_id", "Renewals")
    next_contract_id = fields.Many2one(
        "cer.contract", "Renewed by", compute="_compute_next_contract_id")
    state = fields.Selection([
        ("draft", "Draft"),
        ("signed", "Signed"),
        ("submitted", "Submitted"),
        ("validated", "Validated"),
        ("rejected", "Rejected"),
        ("running", "Running"),
        ("ended", "Ended"),
        ("renewed", "Renewed"),
    ], default="draft", required=True, index=True, track_visibility="onchange", copy=False)
    # Professional situation (CER professionnel)
    rqth = fields.Boolean("Recognised disabled worker (RQTH)")
    diploma_level_id = fields.Many2one("cdb.diploma.level", "Education level")
    driving_licence = fields.Char("Driving licence")
    preferred_zone = fields.Char("Preferred geographical zone")
    registered_france_travail = fields.Boolean("France Travail")
    registered_plie = fields.Boolean("PLIE")
    registered_maison_emploi = fields.Boolean("Maison de l'emploi")
    registered_temp_agency = fields.Boolean("Temporary work agency")
    experience_ids = fields.One2many("cer.contract.experience", "contract_id",
                                     "Professional profile", copy=True)
    skills = fields.Text()
    job_ids = fields.One2many("cer.contract.job", "contract_id", "Jobs sought", copy=True)
    job_offer_ids = fields.One2many("cer.job.offer", "contract_id", "Job offer follow-up")
    # Plan
    objectives = fields.Text(
        track_visibility="onchange",
        help="The objectives of the accompaniment and the expected results.")
    pap_line_ids = fields.One2many("cer.pap.line", "contract_id", "Personalised action plan")
    # Référent part
    referent_id = fields.Many2one(
        "res.users", "Référent", default=lambda self: self._default_referent(),
        track_visibility="onchange")
    structure_id = fields.Many2one(related="referent_id.cdb_structure_id", readonly=True)
    follow_up_place = fields.Char("Place of the follow-up")
    next_appointments = fields.Text("Next appointments")
    beneficiary_remarks = fields.Text("Remarks of the beneficiary")
    # Réciprocité (seed 001)
    reciprocity_activity = fields.Text(
        "Citizen and solidarity activities proposed",
        help="The reciprocity approach is proposed at every first contract "
             "and renewal; it remains consented and optional.")
    reciprocity_answer = fields.Selection(
        [("accepted", "Accepted"), ("declined", "Declined")], "Reciprocity")
    # Signatures and decision
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on", copy=False,
                                          track_visibility="onchange")
    referent_signed_date = fields.Date("Signed by the référent on", copy=False,
                                       track_visibility="onchange")
    decision = fields.Selection(
        [("validated", "Validated"), ("rejected", "Rejected")],
        "Decision of the President", readonly=True, copy=False,
        track_visibility="onchange")
    decision_motive = fields.Text("Motive of the decision", copy=False,
                                  track_visibility="onchange")
    decision_date = fields.Date(readonly=True, copy=False)
    decision_user_id = fields.Many2one("res.users", "Decided by", readonly=True, copy=False)
    end_case = fields.Selection([
        ("evolved", "Case 1: the path has evolved, the follow-up ends"),
        ("renewed", "Case 2: renewed"),
        ("ep", "Case 3: twelve months of solidarity follow-up, the EP decides"),
    ], "End", readonly=True, copy=False)
    amendment_ids = fields.One2many("cer.amendment", "contract_id", "Amendments")
    solidarity_months_in_row = fields.Integer(
        "Months of solidarity contracts in a row", compute="_compute_solidarity_months")
    expiry_notified = fields.Boolean(
        "Expiry reminder sent", readonly=True, copy=False,
        help="The référent was reminded that the contract ends soon.")
    commitment_ids = fields.Many2many(
        "cer.commitment", string="Common engagements", compute="_compute_commitment_ids")

    @api.model
    def _default_orientation(self):
        notebook = self.env["cdb.notebook"].browse(self.env.context.get("default_notebook_id"))
        return notebook.orientation_id if notebook.exists() else False

    @api.model
    def _default_referent(self):
        notebook = self.env["cdb.notebook"].browse(self.env.context.get("default_notebook_id"))
        return notebook.referent_id if notebook.exists() else self.env.user

    # ------------------------------------------------------------ computes
    @api.depends("contract_type", "date_start", "duration_months", "ppae_date_end")
    def _compute_date_end(self):
        for contract in self:
            if contract.contract_type == "ppae":
                contract.date_end = contract.ppae_date_end
            elif contract.date_start and contract.duration_months:
                contract.date_end = fields.Date.to_string(
                    fields.Date.from_string(contract.date_start)
                    + relativedelta(months=contract.duration_months) - timedelta(days=1))
            else:
                contract.date_end = False

    @api.depends("renewal_ids")
    def _compute_next_contract_id(self):
        for contract in self:
            contract.next_contract_id = contract.renewal_ids[:1]

    @api.depends("contract_type", "duration_months", "previous_contract_id")
    def _compute_solidarity_months(self):
        for contract in self:
            months, current = 0, contract
            while current and current.contract_type == "cer_solidarity":
                months += current.duration_months
                current = current.previous_contract_id
            contract.solidarity_months_in_row = months

    def _compute_commitment_ids(self):
        commitments = self.env["cer.commitment"].search([])
        for contract in self:
            contract.commitment_ids = commitments

    @api.onchange("orientation_id")
    def _onchange_orientation_id(self):
        if self.orientation_id:
            self.contract_type = CONTRACT_TYPE_BY_ORIENTATION[self.orientation_id.orientation_type]

    @api.onchange("notebook_id")
    def _onchange_notebook_id(self):
        self.orientation_id = self.notebook_id.orientation_id
        self.referent_id = self.notebook_id.referent_id

    # ---------------------------------------------------------- constraints
    @api.constrains("contract_type", "duration_months", "ppae_date_end", "date_start")
    def _check_duration(self):
        for contract in self:
            if contract.contract_type == "cer_solidarity" and contract.duration_months != 6:
                raise ValidationError(_("A CER solidarité lasts 6 months."))
            if contract.contract_type == "cer_professional" and \
                    contract.duration_months not in PROFESSIONAL_DURATIONS:
                raise ValidationError(_(
                    "A CER professionnel lasts 3, 6, 9 or 12 months."))
            if contract.contract_type == "ppae" and not contract.ppae_date_end:
                raise ValidationError(_("Record the end date of the PPAE."))
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(_("The contract cannot end before it starts."))

    @api.constrains("contract_type", "orientation_id")
    def _check_type_fits_orientation(self):
        for contract in self:
            orientation = contract.orientation_id
            if not orientation or orientation.state == "draft":
                raise contract._no_orientation_error()
            expected = CONTRACT_TYPE_BY_ORIENTATION[orientation.orientation_type]
            if contract.contract_type != expected:
                raise ValidationError(_(
                    "A %s does not fit the orientation \"%s\": the contract must be a %s.") % (
                    selection_label(contract, "contract_type"), orientation._type_label(),
                    dict(self._fields["contract_type"]._description_selection(self.env))[expected]))
            if orientation.notebook_id != contract.notebook_id:
                raise ValidationError(_("The orientation belongs to another carnet."))

    @api.constrains("state", "notebook_id")
    def _check_one_active_contract(self):
        """One contract in force per person, and one in preparation."""
        for contract in self:
            for states in (PENDING_STATES, CURRENT_STATES):
                if contract.state not in states:
                    continue
                others = self.search([
                    ("notebook_id", "=", contract.notebook_id.id),
                    ("state", "in", states), ("id", "!=", contract.id)])
                if states == CURRENT_STATES:
                    # A validated renewal waits for its start date alongside
                    # the contract it renews (_start_if_due then ends it).
                    others = others.filtered(
                        lambda c: c != contract.previous_contract_id
                        and c.previous_contract_id != contract)
                if others:
                    raise ValidationError(_(
                        "%s already has a contract in progress: a person has one "
                        "contract at a time.") % contract.beneficiary_id.name)

    @api.model
    def _no_orientation_error(self):
        return ValidationError(_(
            "A contract follows an orientation decision: decide the "
            "orientation of the beneficiary first."))

    # ---------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        if vals.get("notebook_id"):
            notebook = self.env["cdb.notebook"].browse(vals["notebook_id"])
            vals = dict(vals)
            vals.setdefault("orientation_id", notebook.orientation_id.id)
            vals.setdefault("referent_id", notebook.referent_id.id)
        if not vals.get("contract_type"):
            if not vals.get("orientation_id"):
                raise self._no_orientation_error()
            orientation = self.env["rsa.orientation"].browse(vals["orientation_id"])
            vals = dict(vals, contract_type=CONTRACT_TYPE_BY_ORIENTATION[
                orientation.orientation_type])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        locked = set(vals) & set(LOCKED_FIELDS)
        if locked and any(c.state not in ("draft", "rejected") for c in self):
            raise UserError(_(
                "A signed contract keeps its dates and type: an amendment changes "
                "the action plan, never the end date of the contract."))
        return super().write(vals)

    # ------------------------------------------------------------ workflow
    @api.multi
    def action_sign(self):
        """Both signatures, dated, and the reciprocity step recorded."""
        for contract in self:
            if contract.state != "draft":
                raise UserError(_("Only a draft contract can be signed."))
            if not (contract.beneficiary_signed_date and contract.referent_signed_date):
                raise UserError(_(
                    "The contract is signed by the beneficiary and by the référent: "
                    "record both signature dates."))
            if not contract.reciprocity_answer:
                raise UserError(_(
                    "Propose the citizen and solidarity activities (reciprocity) "
                    "and record the answer of the beneficiary."))
            if not contract.pap_line_ids:
                raise UserError(_("The personalised action plan is the heart of the "
                                  "contract: add at least one action."))
        self.write({"state": "signed"})
        self.mapped("orientation_id").mapped("notebook_id").mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == self.env.ref(
                "rsa_orientation.mail_activity_type_contract")).action_done()
        return True

    @api.multi
    def action_submit(self):
        for contract in self:
            if contract.state != "signed":
                raise UserError(_("Sign the contract before submitting it."))
        self.write({"state": "submitted"})
        return True

    @api.multi
    def action_validate(self):
        self._decide("validated")
        self._start_if_due()
        return True

    @api.multi
    def action_reject(self):
        for contract in self:
            if not (contract.decision_motive or "").strip():
                raise UserError(_("Give the motive of the rejection."))
        self._decide("rejected")
        return True

    def _decide(self, decision):
        if not self.env.user.has_group("carnet_de_bord.group_cdb_correspondant"):
            raise UserError(_(
                "The decision belongs to the President of the département, by "
                "delegation to the correspondants and managers."))
        for contract in self:
            if contract.state != "submitted":
                raise UserError(_("Only a submitted contract can be validated or rejected."))
        self.write({"state": decision, "decision": decision,
                    "decision_date": fields.Date.context_today(self),
                    "decision_user_id": self.env.user.id})
        for contract in self:
            contract.message_post(
                body=_("Contract %s by %s.") % (selection_label(contract, "decision"), self.env.user.name),
                partner_ids=contract.referent_id.partner_id.ids)

    def _start_if_due(self):
        """A validated contract runs from its start date; the contract it
        renews is then marked renewed."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(lambda c: c.state == "validated" and c.date_start <= today):
            previous = contract.previous_contract_id
            if previous and previous.state in CURRENT_STATES:
                previous.write({"state": "renewed", "end_case": "renewed"})
            contract.state = "running"

    @api.multi
    def action_end(self, end_case="evolved"):
        """Case 1 (the path has evolved) or case 3 (twelve months of
        solidarity: the EP decides, a case is created)."""
        for contract in self:
            if contract.state not in CURRENT_STATES:
                raise UserError(_("Only a contract in force can be ended."))
            contract.write({"state": "ended", "end_case": end_case})
            if end_case == "ep":
                contract._create_ep_case(
                    "reorientation", _("End of twelve months of solidarity follow-up."),
                    reorientation_reason="solidarity_limit")
        return True

    @api.multi
    def action_end_ep(self):
        return self.action_end("ep")

    # -------------------------------------------------------------- renewal
    @api.multi
    def action_renew(self):
        """Case 2: a new contract that carries the open actions with their
        bilan. The guide requires a fresh employment-distance scale at each
        renewal, and solidarity contracts stop at 12 months in a row."""
        self.ensure_one()
        self._check_can_renew()
        new = self.copy({
            "previous_contract_id": self.id,
            "date_start": fields.Date.to_string(
                fields.Date.from_string(self.date_end) + timedelta(days=1)),
            "reciprocity_answer": False,
            "pap_line_ids": [],
            "job_offer_ids": [],
            "amendment_ids": [],
        })
        self.pap_line_ids.filtered(lambda l: l.state in ("planned", "in_progress"))._carry_to(new)
        return new.get_formview_action()

    def _check_can_renew(self):
        if self.state not in CURRENT_STATES:
            raise UserError(_("Only a contract in force can be renewed."))
        if self.next_contract_id:
            raise UserError(_("This contract is already renewed."))
        max_months = int(self.env["ir.config_parameter"].sudo().get_param(
            SOLIDARITY_MAX_PARAM, 12))
        if self.contract_type == "cer_solidarity" and \
                self.solidarity_months_in_row + self.duration_months > max_months:
            raise UserError(_(
                "The solidarity follow-up reaches %d months: it cannot be renewed, "
                "the équipe pluridisciplinaire decides what follows (end the "
                "contract with case 3).") % max_months)
        fresh = self.notebook_id.ede_assessment_ids.filtered(
            lambda a: a.state == "done" and a.date >= self.date_start)
        if not fresh:
            raise UserError(_(
                "A renewal requires a fresh employment-distance scale (EDE): "
                "agree on a new assessment with the beneficiary first."))

    # ----------------------------------------------------------- EP case
    def _create_ep_case(self, case_type, motive, **values):
        values.update({
            "notebook_id": self.notebook_id.id,
            "case_type": case_type,
            "origin_orientation_id": self.orientation_id.id,
            "motive": motive,
        })
        return self.env["rsa.ep.case"].create(values)

    # ---------------------------------------------------------------- cron
    @api.model
    def _cron_contract_alerts(self):
        """Daily: start validated contracts, and remind the référent one
        month before a contract expires (once)."""
        self.search([("state", "=", "validated")])._start_if_due()
        days = int(self.env["ir.config_parameter"].sudo().get_param(EXPIRY_NOTICE_PARAM, 30))
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)) + timedelta(days=days))
        # A flag, not the pending activity: a reminder marked done is deleted.
        expiring = self.search([("state", "=", "running"), ("date_end", "<=", limit),
                                ("expiry_notified", "=", False), ("referent_id", "!=", False)])
        for contract in expiring:
            contract._cdb_schedule_activity(
                "cer_contracts.mail_activity_type_expiry",
                _("The contract ends on %s: prepare the bilan and what follows.")
                % format_date(contract.date_end), contract.date_end, contract.referent_id)
        expiring.write({"expiry_notified": True})
        return len(expiring)

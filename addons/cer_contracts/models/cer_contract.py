from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.cdb_base.tools import format_date, selection_label

from ..settings import (EXPIRY_NOTICE_DAYS, MAX_JOBS_SOUGHT, SOLIDARITY_DURATION_MONTHS,
                        SOLIDARITY_MAX_MONTHS, professional_durations)

# Guide, "L'ACCOMPAGNEMENT PROFESSIONNEL": "Il se contractualise par un
# Projet Personnalisé d'Accès à l'Emploi (PPAE) avec PE ou un Contrat
# d'Engagements Réciproques Professionnel"; the solidarity sphere by a CERS.
CONTRACT_TYPE_BY_ORIENTATION = {
    "professional_ft": "ppae",
    "professional_other": "cer_professional",
    "solidarity": "cer_solidarity",
}

# The states of a contract, each business word defined once (use the domain
# helpers of cer.contract: _in_force_domain, _signed_domain, _editable_domain,
# and the predicates _is_in_force, _is_signed, _is_editable).
#
# Editable: a draft, or a contract the President rejected; its dates, type
# and plan may change. Once signed they change only by amendment.
EDITABLE_STATES = ("draft", "rejected")
# In preparation: one at a time per carnet.
PENDING_STATES = ("draft", "signed", "submitted")
# In force ("contrat en cours de validité"): validated by the President,
# running from its start date. One at a time per carnet.
IN_FORCE_STATES = ("validated", "running")
# Signed by both parties and not rejected: what counts as "a contract
# signed" after an orientation (its deadline, the delay to the contract).
SIGNED_STATES = ("signed", "submitted", "validated", "running", "ended", "renewed")
# Signed and not over: its plan changes only by amendment (no action of the
# plan cancelled or brought back otherwise).
FROZEN_PLAN_STATES = ("signed", "submitted", "validated", "running")
# The two ways the référent ends a contract in force.
END_CASES = ("evolved", "ep")
# Put in the context while a contract's form saves its plan lines: the plan
# is checked once complete (a Python object: no client can send it).
PLAN_IN_PROGRESS = object()


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

    The workflow fields (state, decision, numbering, lineage, end) change
    only through the buttons, which check the carnet's access policy (sign:
    the référent; decide_contract: the President's delegates). Once signed,
    the dates, the type and the signatures are frozen.
    """

    _name = "cer.contract"
    _description = "Reciprocal engagement contract"
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin", "cdb.numbered.mixin",
                "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _sequence_code = "cer.contract"
    _cer_parent_fields = ("notebook_id",)
    # (and the stored copies of the carnet's data, which a client would
    # otherwise overwrite: the beneficiary printed on the contract)
    _workflow_fields = (
        "name", "state", "decision", "decision_date", "decision_user_id", "end_case",
        "previous_contract_id", "expiry_notified", "date_end", "signed_date", "beneficiary_id")
    _workflow_locked_fields = (
        "contract_type", "orientation_id", "date_start", "duration_months", "ppae_date_end",
        "beneficiary_signed_date", "referent_signed_date")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="restrict", index=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True)
    orientation_id = fields.Many2one(
        "rsa.orientation", "Orientation", ondelete="restrict", index=True)
    contract_type = fields.Selection([
        ("cer_solidarity", "CER solidarité"),
        ("cer_professional", "CER professionnel"),
        ("ppae", "PPAE (France Travail)"),
    ], "Type", required=True, track_visibility="onchange")
    date_start = fields.Date("Start", required=True, default=fields.Date.context_today,
                             track_visibility="onchange")
    duration_months = fields.Integer(
        "Duration (months)", track_visibility="onchange",
        default=lambda self: SOLIDARITY_DURATION_MONTHS.get(self.env))
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
    ], default="draft", required=True, index=True, track_visibility="onchange", copy=False,
        readonly=True)
    is_editable = fields.Boolean(
        "Editable", compute="_compute_state_words", search="_search_is_editable",
        help="A draft or rejected contract: its dates, type and plan may change.")
    is_signed = fields.Boolean(
        "Signed", compute="_compute_state_words", search="_search_is_signed",
        help="Signed by both parties and not rejected.")
    is_in_force = fields.Boolean(
        "In force", compute="_compute_state_words", search="_search_is_in_force",
        help="Validated by the President: in force from its start date.")
    is_expiring = fields.Boolean(
        "Expiring soon", compute="_compute_is_expiring", search="_search_is_expiring",
        help="In force and ending within the reminder period of the settings.")
    # Professional situation (CER professionnel). Said once (seed 002, "dites-
    # le nous une fois"): the RQTH, the education level and the jobs sought
    # (ROME) are the carnet's situation's (carnet_de_bord), shown here as they
    # were when the contract was signed, or as they are until then.
    rqth = fields.Boolean(
        "Recognised disabled worker (RQTH)", compute="_compute_said_once",
        help="From the carnet's situation (as at the signature): revise the situation "
             "to change it.")
    diploma_level_id = fields.Many2one(
        "cdb.diploma.level", "Education level", compute="_compute_said_once",
        help="From the carnet's situation (as at the signature): revise the situation "
             "to change it.")
    rome_code_ids = fields.Many2many(
        "cdb.rome.code", string="Jobs sought (ROME)", compute="_compute_said_once",
        help="From the carnet's situation (as at the signature); the jobs sought below "
             "add what the contract says of each.")
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
    referent_id = fields.Many2one("res.users", "Référent", track_visibility="onchange")
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
    signed_date = fields.Date(
        "Signed on", compute="_compute_signed_date", store=True, index=True,
        help="The date of the last of the two signatures, once the contract is "
             "signed and unless it is rejected.")
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
        "Months of solidarity contracts in a row", compute="_compute_solidarity_months",
        help="The months of the CER solidarité signed after the same orientation "
             "decision (and after the last decision of the équipe pluridisciplinaire), "
             "this one included.")
    expiry_notified = fields.Boolean(
        "Expiry reminder sent", readonly=True, copy=False,
        help="The référent was reminded that the contract ends soon.")
    commitment_ids = fields.Many2many(
        "cer.commitment", string="Common engagements", compute="_compute_commitment_ids")

    # ------------------------------------------------------ the state words
    def _is_editable(self):
        self.ensure_one()
        return self.state in EDITABLE_STATES

    def _is_signed(self):
        self.ensure_one()
        return self.state in SIGNED_STATES

    def _is_in_force(self):
        self.ensure_one()
        return self.state in IN_FORCE_STATES

    def _is_plan_frozen(self):
        self.ensure_one()
        return self.state in FROZEN_PLAN_STATES

    @api.model
    def _editable_domain(self, path=""):
        """Domain of the editable contracts; ``path`` leads to the contract
        (e.g. ``"contract_ids."`` from a carnet)."""
        return [(path + "state", "in", EDITABLE_STATES)]

    @api.model
    def _signed_domain(self, path=""):
        return [(path + "state", "in", SIGNED_STATES)]

    @api.model
    def _in_force_domain(self, path=""):
        return [(path + "state", "in", IN_FORCE_STATES)]

    @api.model
    def _expiring_domain(self, path=""):
        """In force and ending between today and the reminder period."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        limit = today + timedelta(days=EXPIRY_NOTICE_DAYS.get(self.env))
        return self._in_force_domain(path) + [
            (path + "date_end", ">=", fields.Date.to_string(today)),
            (path + "date_end", "<=", fields.Date.to_string(limit))]

    @api.depends("state")
    def _compute_state_words(self):
        for contract in self:
            contract.is_editable = contract._is_editable()
            contract.is_signed = contract._is_signed()
            contract.is_in_force = contract._is_in_force()

    @staticmethod
    def _states_search(states, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the state of the contracts."))
        positive = (operator == "=") == bool(value)
        return [("state", "in" if positive else "not in", states)]

    def _search_is_editable(self, operator, value):
        return self._states_search(EDITABLE_STATES, operator, value)

    def _search_is_signed(self, operator, value):
        return self._states_search(SIGNED_STATES, operator, value)

    def _search_is_in_force(self, operator, value):
        return self._states_search(IN_FORCE_STATES, operator, value)

    def _compute_is_expiring(self):
        expiring = self.search(self._expiring_domain() + [("id", "in", self.ids)])
        for contract in self:
            contract.is_expiring = contract in expiring

    def _search_is_expiring(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contracts expiring soon."))
        domain = expression.normalize_domain(self._expiring_domain())
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    # ------------------------------------------------------------ defaults
    @api.model
    def _complete_values(self, vals):
        """The defaults of a contract, written once (form, onchange, create):
        from its carnet the orientation and the référent, from the
        orientation the type, from the type the duration."""
        vals = dict(vals)
        notebook = self.env["cdb.notebook"].browse(vals.get("notebook_id"))
        if notebook:
            vals.setdefault("orientation_id", notebook.orientation_id.id)
            vals.setdefault("referent_id", notebook.referent_id.id)
        orientation = self.env["rsa.orientation"].browse(vals.get("orientation_id"))
        if not vals.get("contract_type") and orientation:
            vals["contract_type"] = CONTRACT_TYPE_BY_ORIENTATION[orientation.orientation_type]
        if vals.get("contract_type") == "cer_solidarity":
            vals.setdefault("duration_months", SOLIDARITY_DURATION_MONTHS.get(self.env))
        return vals

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if values.get("notebook_id"):
            completed = self._complete_values({"notebook_id": values["notebook_id"]})
            values.update({name: value for name, value in completed.items()
                           if name in fields_list and name not in values})
        if "referent_id" in fields_list and not values.get("referent_id"):
            values["referent_id"] = self.env.uid
        return values

    @api.onchange("notebook_id")
    def _onchange_notebook_id(self):
        completed = self._complete_values({"notebook_id": self.notebook_id.id})
        self.orientation_id = completed.get("orientation_id")
        self.referent_id = completed.get("referent_id")

    @api.onchange("orientation_id")
    def _onchange_orientation_id(self):
        if self.orientation_id:
            self.contract_type = CONTRACT_TYPE_BY_ORIENTATION[self.orientation_id.orientation_type]

    @api.onchange("contract_type")
    def _onchange_contract_type(self):
        if self.contract_type == "cer_solidarity":
            self.duration_months = SOLIDARITY_DURATION_MONTHS.get(self.env)

    @api.onchange("notebook_id", "contract_type")
    def _onchange_jobs_sought(self):
        """A new CER professionnel lists the jobs sought of the situation: the
        référent adds what the contract says of each, without typing the ROME
        codes again."""
        if self.contract_type == "cer_professional" and not self.job_ids:
            codes = self.rome_code_ids[:MAX_JOBS_SOUGHT.get(self.env)]
            self.job_ids = [(0, 0, {"rome_code_id": code.id}) for code in codes]

    # ------------------------------------------------------------ computes
    @api.depends("notebook_id", "signed_date")
    def _compute_said_once(self):
        """The items said once, from the carnet's situation as the user reads
        it: the version in force at the signature once signed, the current
        one before."""
        Situation = self.env["cdb.situation"]
        for contract in self:
            at = contract.signed_date and contract.signed_date + " 23:59:59"
            situation = Situation._said_once_values(contract.notebook_id, at).get(
                contract.notebook_id.id) or Situation
            contract.rqth = situation.rqth
            contract.diploma_level_id = situation.diploma_level_id
            contract.rome_code_ids = situation.rome_code_ids

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

    @api.depends("state", "beneficiary_signed_date", "referent_signed_date")
    def _compute_signed_date(self):
        for contract in self:
            dates = [date for date in (contract.beneficiary_signed_date,
                                       contract.referent_signed_date) if date]
            contract.signed_date = max(dates) if dates and contract._is_signed() else False

    @api.depends("renewal_ids")
    def _compute_next_contract_id(self):
        for contract in self:
            contract.next_contract_id = contract.renewal_ids[:1]

    def _compute_solidarity_months(self):
        for contract in self:
            contract.solidarity_months_in_row = contract._solidarity_months()

    def _compute_commitment_ids(self):
        commitments = self.env["cer.commitment"].search([])
        for contract in self:
            contract.commitment_ids = commitments

    # --------------------------------------------- the 12 months of solidarity
    def _solidarity_accompaniment_domain(self):
        """The CER solidarité of the same solidarity accompaniment as this
        contract: those following the same orientation decision, and, when
        the équipe pluridisciplinaire decided on a reorientation of the
        carnet since (it "statue sur la suite à donner"), those starting
        after its decision."""
        self.ensure_one()
        domain = [("notebook_id", "=", self.notebook_id.id),
                  ("orientation_id", "=", self.orientation_id.id),
                  ("contract_type", "=", "cer_solidarity")]
        # sudo: the legal limit counts every decision of the carnet, whatever
        # the sharing choices let the user read
        case = self.env["rsa.ep.case"].sudo().search([
            ("notebook_id", "=", self.notebook_id.id), ("case_type", "=", "reorientation"),
            ("state", "=", "decided"), ("decision_date", "!=", False),
        ], order="decision_date desc", limit=1)
        if case and case.decision_date >= (self.orientation_id.date_decision or ""):
            domain.append(("date_start", ">=", case.decision_date))
        return domain

    def _solidarity_months(self, extra=0):
        """Months of CER solidarité signed in the solidarity accompaniment of
        this contract, this contract included (plus ``extra`` months: a
        renewal to come)."""
        self.ensure_one()
        if self.contract_type != "cer_solidarity":
            return 0
        domain = self._solidarity_accompaniment_domain() + self._signed_domain() + [
            ("id", "!=", self.id or 0)]
        # sudo: the legal limit counts every contract of the carnet
        others = self.sudo().search(domain)
        return sum(others.mapped("duration_months")) + self.duration_months + extra

    @api.constrains("contract_type", "duration_months", "date_start", "state", "orientation_id")
    def _check_solidarity_limit(self):
        """Guide: "Le CER - Solidarité est conclu pour une durée de 6 mois,
        renouvelable une fois" — at twelve months the équipe
        pluridisciplinaire decides. The limit holds on every path that
        reaches a contract beyond it: creation by hand after ending one,
        renewal, signature, validation."""
        max_months = SOLIDARITY_MAX_MONTHS.get(self.env)
        for contract in self:
            if contract.state not in PENDING_STATES + IN_FORCE_STATES:
                continue
            if contract._solidarity_months() > max_months:
                raise ValidationError(contract._solidarity_limit_message(max_months))

    def _solidarity_limit_message(self, max_months):
        return _(
            "The solidarity follow-up of %s reaches %d months: no further CER "
            "solidarité, the équipe pluridisciplinaire decides what follows (end the "
            "contract with case 3).") % (self.beneficiary_id.name, max_months)

    # ---------------------------------------------------------- constraints
    @api.constrains("contract_type", "duration_months", "ppae_date_end", "date_start")
    def _check_duration(self):
        solidarity = SOLIDARITY_DURATION_MONTHS.get(self.env)
        durations = professional_durations(self.env)
        for contract in self:
            if contract.contract_type == "cer_solidarity" and \
                    contract.duration_months != solidarity:
                raise ValidationError(_("A CER solidarité lasts %d months.") % solidarity)
            if contract.contract_type == "cer_professional" and \
                    contract.duration_months not in durations:
                raise ValidationError(_("A CER professionnel lasts one of these durations "
                                        "(months): %s.") % ", ".join(map(str, durations)))
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
            for states in (PENDING_STATES, IN_FORCE_STATES):
                if contract.state not in states:
                    continue
                others = self.search([
                    ("notebook_id", "=", contract.notebook_id.id),
                    ("state", "in", states), ("id", "!=", contract.id)])
                if states == IN_FORCE_STATES:
                    # A validated renewal waits for its start date alongside
                    # the contract it renews (_start_if_due then ends it).
                    others = others.filtered(
                        lambda c: c != contract.previous_contract_id
                        and c.previous_contract_id != contract)
                if others:
                    raise ValidationError(_(
                        "%s already has a contract in progress: a person has one "
                        "contract at a time.") % contract.beneficiary_id.name)

    def _check_pap_not_alone(self):
        """Guide, Annexe 6: some actions "ne peut être la seule action" of
        the plan. The contract's plan must hold another line that is not
        abandoned, whatever path leads there (a line added, deleted,
        cancelled, an amendment applied)."""
        for contract in self.exists():
            # sudo: the rule holds on the whole plan, whatever the sharing
            # choices let the user read
            lines = self.env["cer.pap.line"].sudo().search(
                [("contract_id", "=", contract.id), ("state", "!=", "abandoned")])
            if lines and all(lines.mapped("action_code_id.not_alone")):
                raise ValidationError(_(
                    "The action \"%s\" cannot be the only action of the plan of the "
                    "contract: add another action first.") % lines[0].name)

    @api.model
    def _no_orientation_error(self):
        return ValidationError(_(
            "A contract follows an orientation decision: decide the "
            "orientation of the beneficiary first."))

    # ---------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        vals = self._complete_values(vals)
        # Drawing up a contract is the référent's (guide: "Le contrat est à
        # compléter par le référent … nommé") or the President's delegates'.
        self.env["cdb.notebook"].browse(vals.get("notebook_id"))._cdb_check("sign")
        if not vals.get("contract_type"):
            raise self._no_orientation_error()
        if "pap_line_ids" not in vals:
            return super().create(vals)
        contract = super(CerContract, self._plan_in_progress()).create(vals)
        contract._check_pap_not_alone()
        return contract.with_env(self.env)

    @api.multi
    def write(self, vals):
        if "decision_motive" in vals:
            self._check_can_write_decision_motive(vals["decision_motive"])
        if "pap_line_ids" not in vals:
            return super().write(vals)
        result = super(CerContract, self._plan_in_progress()).write(vals)
        self._check_pap_not_alone()
        return result

    def _plan_in_progress(self):
        """These contracts, saving several lines of their plan at once: the
        plan's rules are checked once all the lines are saved."""
        return self.with_context(cer_plan_in_progress=PLAN_IN_PROGRESS)

    def _is_plan_in_progress(self):
        return self.env.context.get("cer_plan_in_progress") is PLAN_IN_PROGRESS

    @api.multi
    def unlink(self):
        if self.env["cer.liaison"].sudo().search_count([("contract_id", "in", self.ids)]):
            raise UserError(_(
                "A fiche de liaison refers to this contract: it is kept with the carnet."))
        return super().unlink()

    def _check_can_write_decision_motive(self, value):
        """The motive is the decider's: written by a delegate of the
        President before validating or rejecting a submitted contract."""
        for contract in self:
            if (contract.decision_motive or False) == (value or False):
                continue
            if contract.state != "submitted":
                raise AccessError(_(
                    "The motive of the decision is written when the contract is "
                    "submitted to the President, before the decision."))
            contract.notebook_id._cdb_check("decide_contract")

    def _workflow_is_locked(self):
        return not self._is_editable()

    def _raise_locked_field(self, name):
        raise AccessError(_(
            "A signed contract keeps its dates, its type and its signatures (\"%s\"): "
            "an amendment changes the action plan, never the end date of the "
            "contract.") % self._field_label(name))

    # ------------------------------------------------------------ workflow
    @api.multi
    def action_sign(self):
        """Both signatures, dated, and the reciprocity step recorded."""
        for contract in self:
            contract.notebook_id._cdb_check("sign")
            contract._check_can_sign()
        self._workflow_write({"state": "signed"})
        contract_type = self.env.ref("rsa_orientation.mail_activity_type_contract")
        self.mapped("orientation_id.notebook_id.activity_ids").filtered(
            lambda a: a.activity_type_id == contract_type).action_done()
        return True

    def _check_can_sign(self):
        if self.state != "draft":
            raise UserError(_("Only a draft contract can be signed."))
        if not (self.beneficiary_signed_date and self.referent_signed_date):
            raise UserError(_(
                "The contract is signed by the beneficiary and by the référent: "
                "record both signature dates."))
        if not self.reciprocity_answer:
            raise UserError(_(
                "Propose the citizen and solidarity activities (reciprocity) "
                "and record the answer of the beneficiary."))
        if not self.pap_line_ids:
            raise UserError(_("The personalised action plan is the heart of the "
                              "contract: add at least one action."))

    @api.multi
    def action_submit(self):
        for contract in self:
            contract.notebook_id._cdb_check("sign")
            if contract.state != "signed":
                raise UserError(_("Sign the contract before submitting it."))
        self._workflow_write({"state": "submitted"})
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
        """"La décision du Président du Conseil Général : validation ou
        rejet du contrat", by delegation (policy: decide_contract)."""
        for contract in self:
            contract.notebook_id._cdb_check("decide_contract")
            if contract.state != "submitted":
                raise UserError(_("Only a submitted contract can be validated or rejected."))
        self._workflow_write({
            "state": decision, "decision": decision,
            "decision_date": fields.Date.context_today(self),
            "decision_user_id": self.env.user.id})
        for contract in self:
            contract.message_post(
                body=_("Contract %s by %s.") % (
                    selection_label(contract, "decision"), self.env.user.name),
                partner_ids=contract.referent_id.partner_id.ids)

    def _start_if_due(self):
        """A validated contract runs from its start date; the contract it
        renews is then marked renewed."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(lambda c: c.state == "validated" and c.date_start <= today):
            previous = contract.previous_contract_id
            if previous and previous._is_in_force():
                previous._workflow_write({"state": "renewed", "end_case": "renewed"})
            contract._workflow_write({"state": "running"})

    @api.multi
    def action_end(self):
        """Case 1: the path has evolved, the follow-up ends."""
        return self._end("evolved")

    @api.multi
    def action_end_ep(self):
        """Case 3: twelve months of solidarity, the EP decides what follows
        (a case is created)."""
        return self._end("ep")

    def _end(self, end_case):
        assert end_case in END_CASES
        for contract in self:
            contract.notebook_id._cdb_check("sign")
            if not contract._is_in_force():
                raise UserError(_("Only a contract in force can be ended."))
            contract._workflow_write({"state": "ended", "end_case": end_case})
            if end_case == "ep":
                contract._create_ep_case(
                    "reorientation", _("End of twelve months of solidarity follow-up."),
                    reorientation_reason="solidarity_limit")
        return True

    # -------------------------------------------------------------- renewal
    @api.multi
    def action_renew(self):
        """Case 2: a new contract that carries the open actions with their
        bilan. The guide requires a fresh employment-distance scale at each
        renewal, and solidarity contracts stop at 12 months in a row."""
        self.ensure_one()
        self._check_can_renew()
        new = self._workflow_transition().copy({
            "previous_contract_id": self.id,
            "date_start": fields.Date.to_string(
                fields.Date.from_string(self.date_end) + timedelta(days=1)),
            "reciprocity_answer": False,
            "pap_line_ids": [],
            "job_offer_ids": [],
            "amendment_ids": [],
        })
        self.pap_line_ids.filtered(
            lambda line: line.state in ("planned", "in_progress"))._carry_to(new)
        return new.with_env(self.env).get_formview_action()

    def _check_can_renew(self):
        self.notebook_id._cdb_check("sign")
        if not self._is_in_force():
            raise UserError(_("Only a contract in force can be renewed."))
        if self.next_contract_id:
            raise UserError(_("This contract is already renewed."))
        max_months = SOLIDARITY_MAX_MONTHS.get(self.env)
        if self._solidarity_months(extra=self.duration_months) > max_months:
            raise UserError(self._solidarity_limit_message(max_months))
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
        """Daily: start validated contracts, and remind the référent before
        a contract expires (once)."""
        self.search([("state", "=", "validated")])._start_if_due()
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            + timedelta(days=EXPIRY_NOTICE_DAYS.get(self.env)))
        # A flag, not the pending activity: a reminder marked done is deleted.
        expiring = self.search([("state", "=", "running"), ("date_end", "<=", limit),
                                ("expiry_notified", "=", False), ("referent_id", "!=", False)])
        for contract in expiring:
            contract._cdb_schedule_activity(
                "cer_contracts.mail_activity_type_expiry",
                _("The contract ends on %s: prepare the bilan and what follows.")
                % format_date(contract.date_end), contract.date_end, contract.referent_id)
        expiring._workflow_write({"expiry_notified": True})
        return len(expiring)

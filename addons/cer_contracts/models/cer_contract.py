from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.cdb_base.tools import format_date, in_batches, selection_label
from odoo.addons.rsa_orientation.models.cdb_notebook import DECISION_ACTIVITY, PERM_PROPOSE
from odoo.addons.rsa_orientation.models.rsa_ep_case import OPEN_STATES as EP_OPEN_STATES
from odoo.addons.rsa_orientation.settings import ACTIVITY_INCOME_THRESHOLD

from ..settings import (CONTRACT_DECISION_DAYS, EDE_BEFORE_FIRST_CONTRACT, EXPIRY_NOTICE_DAYS,
                        MAX_JOBS_SOUGHT, RENEWAL_DELAY_DAYS,
                        SOLIDARITY_DURATION_MONTHS, SOLIDARITY_MAX_MONTHS,
                        professional_durations)
from .cdb_action_code import END_OF_ACCOMPANIMENT, FRANCE_TRAVAIL_ONLY

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
# running from its start date, until its end date included. One at a time
# per carnet. The end date is part of the definition: a contract past it is
# no longer in force, whether or not the daily job has marked it échu
# (``_in_force_domain``, ``_is_in_force``, ``IN_FORCE_SQL``).
IN_FORCE_STATES = ("validated", "running")
# Échu ("expired"): in force until its end date, the next day it waits for
# what follows (guide: "Obligation de renouveler son contrat à échéance du
# précédent"): the référent renews it (case 2), ends it (case 1 or 3), or
# the EP is asked after RENEWAL_DELAY_DAYS.
EXPIRED = "expired"
# What the référent may end or renew: a contract in force or échu.
AT_TERM_STATES = IN_FORCE_STATES + (EXPIRED,)
# Signed by both parties and not rejected: what counts as "a contract
# signed" after an orientation (its deadline, the delay to the contract).
SIGNED_STATES = ("signed", "submitted", "validated", "running", EXPIRED, "ended", "renewed")
# The same definition of "in force", as SQL over cer_contract for the
# exports (parameters ``in_force``: IN_FORCE_STATES, ``today``).
IN_FORCE_SQL = "(state IN %(in_force)s AND date_end >= %(today)s)"
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
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin", "cer.drawn.up.mixin",
                "cdb.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _sequence_code = "cer.contract"
    _cer_parent_fields = ("notebook_id",)
    _cer_notebook_path = "notebook_id"
    # (and the stored copies of the carnet's data, which a client would
    # otherwise overwrite: the beneficiary printed on the contract)
    _workflow_fields = (
        "name", "state", "decision", "decision_date", "decision_user_id", "end_case",
        "previous_contract_id", "expiry_notified", "date_end", "signed_date", "beneficiary_id",
        "assessment_id")
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
        (EXPIRED, "Expired"),
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
        help="Validated by the President: in force from its start date to its end date.")
    is_expired = fields.Boolean(
        "Expired", compute="_compute_state_words", search="_search_is_expired",
        help="Past its end date, neither renewed nor ended: the référent decides what "
             "follows.")
    is_renewal_overdue = fields.Boolean(
        "Not renewed", compute="_compute_is_renewal_overdue",
        search="_search_is_renewal_overdue",
        help="Expired for longer than the delay of the settings and no later contract "
             "signed: the équipe pluridisciplinaire may be asked (\"Obligation de "
             "renouveler son contrat à échéance du précédent\").")
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
    driving_licence = fields.Char()
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
    interview_conclusion = fields.Text(
        "Conclusion of the interview",
        help="CER professionnel: \"Une partie réservée au plan d'accompagnement "
             "professionnel : conclusion de l'entretien.\"")
    # Plan
    objectives = fields.Text(
        track_visibility="onchange",
        help="The objectives of the accompaniment and the expected results.")
    pap_line_ids = fields.One2many("cer.pap.line", "contract_id", "Personalised action plan")
    # Référent part
    referent_id = fields.Many2one("res.users", "Référent", track_visibility="onchange")
    structure_id = fields.Many2one(related="referent_id.cdb_structure_id", readonly=True)
    follow_up_place = fields.Char("Place of the follow-up")
    next_appointments = fields.Text()
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
    decider_ids = fields.Many2many(
        "res.users", string="Decided by (waiting)", compute="_compute_decision_waiting",
        help="The delegates of the President asked to decide on this submitted contract.")
    decision_deadline = fields.Date("Decision expected by",
                                    compute="_compute_decision_waiting")
    end_case = fields.Selection([
        ("evolved", "Path evolved: end of the contract"),
        ("renewed", "Renewed"),
        ("ep", "Sent to the multidisciplinary team (twelve months of solidarity follow-up)"),
    ], "End", readonly=True, copy=False)
    amendment_ids = fields.One2many("cer.amendment", "contract_id", "Amendments")
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "Employment-distance scale", readonly=True, copy=False,
        ondelete="set null",
        help="The scale agreed with the beneficiary the contract was signed with: "
             "\"Au préalable, à l'élaboration du contrat, l'échelle de distance à "
             "l'emploi est à réaliser avec le bénéficiaire\"; a renewal needs a new one.")
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
        return self.state in IN_FORCE_STATES and not self._is_past_end()

    def _is_expired(self):
        """Échu: marked so by the daily job, or in force until yesterday."""
        self.ensure_one()
        return self.state == EXPIRED or (self.state in IN_FORCE_STATES and self._is_past_end())

    def _is_at_term(self):
        """In force or échu: the référent may renew it or end it."""
        self.ensure_one()
        return self._is_in_force() or self._is_expired()

    def _is_past_end(self):
        return bool(self.date_end) and self.date_end < fields.Date.context_today(self)

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
        """In force today (its end date included). Through a one2many path,
        the two conditions may match two different contracts: search the
        carnets with ``has_contract_in_force`` instead."""
        return [(path + "state", "in", IN_FORCE_STATES),
                (path + "date_end", ">=", fields.Date.context_today(self))]

    @api.model
    def _expired_domain(self, path=""):
        return ["|", (path + "state", "=", EXPIRED),
                "&", (path + "state", "in", IN_FORCE_STATES),
                (path + "date_end", "<", fields.Date.context_today(self))]

    @api.model
    def _in_force_sql_params(self):
        """The parameters of ``IN_FORCE_SQL``."""
        return {"in_force": IN_FORCE_STATES, "today": fields.Date.context_today(self)}

    @api.model
    def _expiring_domain(self, path=""):
        """In force and ending between today and the reminder period."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        limit = today + timedelta(days=EXPIRY_NOTICE_DAYS.get(self.env))
        return self._in_force_domain(path) + [
            (path + "date_end", ">=", fields.Date.to_string(today)),
            (path + "date_end", "<=", fields.Date.to_string(limit))]

    @api.depends("state", "date_end")
    def _compute_state_words(self):
        for contract in self:
            contract.is_editable = contract._is_editable()
            contract.is_signed = contract._is_signed()
            contract.is_in_force = contract._is_in_force()
            contract.is_expired = contract._is_expired()

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
        return self._domain_search(self._in_force_domain(), operator, value)

    def _search_is_expired(self, operator, value):
        return self._domain_search(self._expired_domain(), operator, value)

    @staticmethod
    def _domain_search(domain, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the state of the contracts."))
        domain = expression.normalize_domain(domain)
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.model
    def _renewal_overdue_domain(self):
        """Échu for longer than RENEWAL_DELAY_DAYS (the end date plus the
        delay is past). A later contract signed in the carnet settles it
        (``_compute_is_renewal_overdue``)."""
        limit = fields.Date.from_string(fields.Date.context_today(self)) - timedelta(
            days=RENEWAL_DELAY_DAYS.get(self.env))
        return self._expired_domain() + [("date_end", "<", fields.Date.to_string(limit))]

    def _compute_is_renewal_overdue(self):
        overdue = self.search(self._renewal_overdue_domain() + [("id", "in", self.ids)])
        for contract in self:
            contract.is_renewal_overdue = contract in overdue and not contract._followed()

    def _followed(self):
        """A later contract of the carnet is signed: the échéance was
        followed by a contract."""
        # sudo: whatever the user may read, a signed contract settles it
        return bool(self.sudo().search_count(self._signed_domain() + [
            ("notebook_id", "=", self.notebook_id.id), ("date_start", ">", self.date_end)]))

    def _search_is_renewal_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contracts not renewed."))
        candidates = self.sudo().search(self._renewal_overdue_domain())
        ids = [contract.id for contract in candidates if not contract._followed()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

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
        after its decision. The start is rsa_orientation's
        ``_solidarity_accompaniment_start``, the one its daily job counts the
        twelve months from."""
        self.ensure_one()
        orientation = self.orientation_id
        domain = [("notebook_id", "=", self.notebook_id.id),
                  ("orientation_id", "=", orientation.id),
                  ("contract_type", "=", "cer_solidarity")]
        start = orientation._solidarity_accompaniment_start() if orientation else False
        if start and start != orientation.date_decision:
            domain.append(("date_start", ">=", start))
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
            "contract with \"Send to the multidisciplinary team\").") % (
                self.beneficiary_id.name, max_months)

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
            if not orientation or not orientation._is_decision():
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
                    # in force until its end date: one that ended yesterday
                    # and waits for the daily job is no longer in force
                    others = others.filtered(lambda c: not c._is_past_end())
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

    def _check_annex6_action(self, code, end_of_accompaniment_case=False):
        """Guide, Annexe 6, applied and not only stored, for an action
        ``code`` of this contract's plan (a PAP line, an avenant's new
        action): an action "concerne" a sphere ("Sphère solidarité",
        "Sphère professionnelle") and fits the contracts of that sphere; H.3
        "Ses actions ne sont réservées que dans le cadre d'un échange
        informatique avec Pôle Emploi" (a PPAE); J.1 "est à utiliser pour des
        bénéficiaires en fin d'accompagnement dans le dispositif" in one of
        its two cases, the first one "le bénéficiaire passe au dessus du
        seuil de 500€ de revenu d'activité mensuel" (rsa_orientation's
        ACTIVITY_INCOME_THRESHOLD). The derogation of G.4.5 is checked when
        the President validates the contract
        (``cer.pap.line._check_derogations``)."""
        self.ensure_one()
        if not code._fits_contract(self.contract_type):
            raise ValidationError(_(
                "The action \"%s\" concerns the %s: it does not fit a %s (Annexe 6).") % (
                code.display_name, code._effective_sphere_label(),
                selection_label(self, "contract_type")))
        condition = code._effective_condition()
        if condition == FRANCE_TRAVAIL_ONLY and self.contract_type != "ppae":
            raise ValidationError(_(
                "The action \"%s\" is reserved to the exchange with France Travail: it "
                "belongs to a PPAE only (Annexe 6).") % code.display_name)
        if condition == END_OF_ACCOMPANIMENT:
            self._check_end_of_accompaniment(code, end_of_accompaniment_case)

    def _check_end_of_accompaniment(self, code, case):
        if not case:
            raise ValidationError(_(
                "The action \"%s\" is for a beneficiary at the end of the accompaniment: "
                "state the case (activity income above the threshold, or retirement "
                "rights).") % code.display_name)
        if case == "income":
            # sudo: the beneficiary's income, as the carnet records it, decides
            partner = self.sudo().beneficiary_id
            threshold = ACTIVITY_INCOME_THRESHOLD.get(self.env)
            if not (partner.rsa_has_activity and partner.rsa_activity_income >= threshold):
                raise ValidationError(_(
                    "The action \"%s\" for an activity income above the threshold: the "
                    "beneficiary's recorded income is under %.0f € a month.")
                    % (code.display_name, threshold))

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
        """Both signatures, dated, the reciprocity step recorded, and the
        employment-distance scale the contract was drawn up with."""
        for contract in self:
            contract.notebook_id._cdb_check("sign")
            contract._check_can_sign()
        for contract in self:
            contract._workflow_write({"state": "signed",
                                      "assessment_id": contract._contract_assessment().id})
        contract_type = self.env.ref("rsa_orientation.mail_activity_type_contract")
        self.mapped("orientation_id.notebook_id.activity_ids").filtered(
            lambda a: a.activity_type_id == contract_type).action_done()
        self.env["rsa.ep.case"]._on_contracts_signed(self)
        return True

    def _check_can_sign(self):
        """Every missing item is listed in one message (issue 14: no
        workflow by trial and error)."""
        if self.state != "draft":
            raise UserError(_("Only a draft contract can be signed."))
        missing = self._sign_missing_items()
        if missing:
            raise UserError(_("The contract cannot be signed yet:\n%s") % "\n".join(
                "- " + item for item in missing))

    def _sign_missing_items(self, signature_dates=True, reciprocity=True):
        """What the signature still needs, as sentences (the signature
        dialog asks the dates and the reciprocity answer itself)."""
        self.ensure_one()
        missing = []
        if signature_dates and not (self.beneficiary_signed_date and self.referent_signed_date):
            missing.append(_(
                "The contract is signed by the beneficiary and by the référent: "
                "record both signature dates."))
        if reciprocity and not self.reciprocity_answer:
            missing.append(_(
                "Propose the citizen and solidarity activities (reciprocity) "
                "and record the answer of the beneficiary."))
        if not self.pap_line_ids:
            missing.append(_("The personalised action plan is the heart of the "
                             "contract: add at least one action."))
        if self._needs_assessment() and not self._contract_assessment():
            missing.append(self._missing_assessment_message(bool(self.previous_contract_id)))
        return missing

    @api.multi
    def action_open_sign_wizard(self):
        """The dialog asking the two signature dates and the reciprocity
        answer, then signing (``action_sign``)."""
        self.ensure_one()
        self.notebook_id._cdb_check("sign")
        if self.state != "draft":
            raise UserError(_("Only a draft contract can be signed."))
        return self.env["cer.sign.wizard"]._open_for(self)

    # ------------------------------------------- the employment-distance scale
    def _needs_assessment(self):
        """Guide, "LES CONTRATS D'ENGAGEMENTS RECIPROQUES (CER)": "Au préalable,
        à l'élaboration du contrat, l'échelle de distance à l'emploi est à
        réaliser avec le bénéficiaire" (a first CER, unless the setting
        EDE_BEFORE_FIRST_CONTRACT says otherwise); "Elle sera demandée à chaque
        renouvellement de contrat" (every renewal, a PPAE's too)."""
        if self.previous_contract_id:
            return True
        return self.contract_type != "ppae" and EDE_BEFORE_FIRST_CONTRACT.get(self.env)

    def _contract_assessment(self):
        """The latest scale agreed with the beneficiary that this contract may
        be signed with: done since the orientation decision (by the référent
        it names); for a renewal, a new one (``_renewal_assessment``)."""
        if self.previous_contract_id:
            return self.previous_contract_id._renewal_assessment()
        return self._latest_assessment(self.orientation_id.date_decision)

    def _renewal_assessment(self):
        """A scale agreed since this contract started, other than the one it
        was signed with: what its renewal is drawn up with."""
        return self._latest_assessment(self.date_start, exclude=self.assessment_id)

    def _latest_assessment(self, since, exclude=None):
        # sudo: the scale is the carnet's, whatever the sharing choices show
        assessments = self.notebook_id.sudo().ede_assessment_ids.filtered(
            lambda a: a._is_agreed() and (not since or a.date >= since) and a != exclude)
        return assessments.sorted(lambda a: (a.date, a.id))[-1:].with_env(self.env)

    @api.model
    def _missing_assessment_message(self, renewal):
        if renewal:
            return _("A renewal requires a fresh employment-distance scale (EDE): "
                     "agree on a new assessment with the beneficiary first.")
        return _("Before the contract is drawn up, the employment-distance scale (EDE) "
                 "is made with the beneficiary: agree on an assessment with them first.")

    @api.multi
    def action_submit(self):
        """Submitted to the President: each delegate deciding on the carnet
        (the correspondant of its territory, else the managers) gets a task
        due within the setting ``CONTRACT_DECISION_DAYS``."""
        for contract in self:
            contract.notebook_id._cdb_check("sign")
            if contract.state != "signed":
                raise UserError(_("Sign the contract before submitting it."))
        self._workflow_write({"state": "submitted"})
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            + timedelta(days=CONTRACT_DECISION_DAYS.get(self.env)))
        for contract in self:
            contract.notebook_id._cdb_ask_decision(
                contract, _("Decide on the contract %s") % contract.name, deadline)
        return True

    @api.depends("state", "activity_ids")
    def _compute_decision_waiting(self):
        """Who decides on a submitted contract and by when (its decision
        tasks)."""
        activity_type = self.env.ref(DECISION_ACTIVITY)
        for contract in self:
            # sudo: the names of the delegates and the date of their task are
            # shown to whoever reads the contract
            tasks = contract.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type)
            waiting = contract.state == "submitted" and tasks
            contract.decider_ids = waiting and tasks.mapped("user_id").ids
            contract.decision_deadline = waiting and min(tasks.mapped("date_deadline"))

    @api.multi
    def action_open_decision_wizard(self):
        """The dialog asking the decision and its motive, then deciding
        (``action_validate`` or ``action_reject``)."""
        self.ensure_one()
        self.notebook_id._cdb_check("decide_contract")
        if self.state != "submitted":
            raise UserError(_("Only a submitted contract can be validated or rejected."))
        return self.env["cer.contract.decision.wizard"]._open_for(self)

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
        rejet du contrat", by delegation (policy: decide_contract). A
        "Reprise d'étude" of the plan needs his derogation first."""
        for contract in self:
            contract.notebook_id._cdb_check("decide_contract")
            if contract.state != "submitted":
                raise UserError(_("Only a submitted contract can be validated or rejected."))
            if decision == "validated":
                contract.pap_line_ids._check_derogations()
        self._workflow_write({
            "state": decision, "decision": decision,
            "decision_date": fields.Date.context_today(self),
            "decision_user_id": self.env.user.id})
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
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
            if previous and previous.state in AT_TERM_STATES:
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
            if not contract._is_at_term():
                raise UserError(_("Only a contract in force or expired can be ended."))
            contract._workflow_write({"state": "ended", "end_case": end_case})
            if end_case == "ep":
                contract._solidarity_limit_case()
        return True

    def _solidarity_limit_case(self):
        """"Cas 3": the EP case of the end of the solidarity accompaniment.
        One case per accompaniment, whichever path comes first (this, or
        rsa_orientation's daily job at twelve months from the same start):
        a case already before the EP for it is the one."""
        case = self.orientation_id._solidarity_limit_cases().filtered(
            lambda c: c.state in EP_OPEN_STATES)[:1]
        if case:
            # sudo: the référent ended the contract (policy: sign); the case
            # before the EP gets the trace of it, in his name
            case.sudo().message_post(
                body=_("Contract %s ended: twelve months of solidarity follow-up, sent to the "
                       "multidisciplinary team.")
                % self.name, author_id=self.env.user.partner_id.id)
            return case.with_env(self.env)
        return self._create_ep_case(
            "reorientation", _("End of twelve months of solidarity follow-up."),
            reorientation_reason="solidarity_limit")

    # -------------------------------------------------------------- renewal
    @api.multi
    def action_renew(self):
        """Case 2: "Le Contrat d'engagements Réciproques est renouvelé, avec
        une reprise des anciennes actions complétées du bilan plus les
        nouvelles actions. Il en est de même pour le bilan complémentaire."
        The new contract carries every action of the plan (done ones with
        their result and bilan; not those an avenant cancelled) and the job
        offer follow-up. The guide requires a fresh employment-distance scale
        at each renewal, and solidarity contracts stop at 12 months in a
        row."""
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
        self.pap_line_ids.filtered(lambda line: line.state != "abandoned")._carry_to(new)
        for offer in self.job_offer_ids:
            offer.copy({"contract_id": new.id})
        return new.with_env(self.env).get_formview_action()

    def _check_can_renew(self):
        self.notebook_id._cdb_check("sign")
        if not self._is_at_term():
            raise UserError(_("Only a contract in force or expired can be renewed."))
        if self.next_contract_id:
            raise UserError(_("This contract is already renewed."))
        max_months = SOLIDARITY_MAX_MONTHS.get(self.env)
        if self._solidarity_months(extra=self.duration_months) > max_months:
            raise UserError(self._solidarity_limit_message(max_months))
        if self._renewal_needs_assessment() and not self._renewal_assessment():
            raise UserError(self._missing_assessment_message(renewal=True))

    def _renewal_needs_assessment(self):
        """Whether renewing this contract needs a fresh employment-distance
        scale (guide: "Elle sera demandée à chaque renouvellement de
        contrat"); a contract type of another module may say otherwise."""
        self.ensure_one()
        return True

    # ----------------------------------------------------------- EP case
    def _create_ep_case(self, case_type, motive, **values):
        values.update({
            "notebook_id": self.notebook_id.id,
            "case_type": case_type,
            "origin_orientation_id": self.orientation_id.id,
            "motive": motive,
        })
        return self.env["rsa.ep.case"].create(values)

    # ------------------------------------------------------- not renewed
    @api.multi
    def action_ep_case_not_renewed(self):
        """One click, as for a contract never signed (rsa.orientation's
        ``action_ep_case_no_contract``): a contract not renewed at its
        échéance goes to the EP for a suspension (guide: "Obligation de
        renouveler son contrat à échéance du précédent"; "En cas de
        non-conclusion ou non-renouvellement du contrat, le montant du RSA
        sera réduit"). An open case of the carnet for it is reused."""
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_PROPOSE)
        if not self.is_renewal_overdue:
            raise UserError(_("The contract is not expired for longer than the delay of "
                              "the settings, or a later contract is signed."))
        # sudo: an open case of the carnet, whoever may read it, is the same request
        case = self.env["rsa.ep.case"].sudo().search([
            ("notebook_id", "=", self.notebook_id.id), ("case_type", "=", "suspension"),
            ("suspension_reason", "=", "no_contract"), ("state", "in", EP_OPEN_STATES)],
            limit=1).with_env(self.env)
        if not case:
            case = self._create_ep_case(
                "suspension", _("Contract %s not renewed at its échéance of %s.") % (
                    self.name, format_date(self.date_end)),
                suspension_reason="no_contract")
        return case.get_formview_action()

    # ---------------------------------------------------------------- cron
    @api.model
    def _cron_contract_alerts(self):
        """Daily: start validated contracts, mark échus the contracts past
        their end date (the référent gets an activity), and remind the
        référent before a contract expires (once)."""
        for batch in in_batches(self.search([("state", "=", "validated")])):
            batch._start_if_due()
        self._expire_due()
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            + timedelta(days=EXPIRY_NOTICE_DAYS.get(self.env)))
        # A flag, not the pending activity: a reminder marked done is deleted.
        expiring = self.search([("state", "=", "running"), ("date_end", "<=", limit),
                                ("expiry_notified", "=", False), ("referent_id", "!=", False)])
        for batch in in_batches(expiring):
            for contract in batch:
                contract._cdb_schedule_activity(
                    "cer_contracts.mail_activity_type_expiry",
                    _("The contract ends on %s: prepare the bilan and what follows.")
                    % format_date(contract.date_end), contract.date_end, contract.referent_id)
            batch._workflow_write({"expiry_notified": True})
        return len(expiring)

    @api.model
    def _expire_due(self):
        """The contracts in force until yesterday are échus: the référent
        renews them (case 2), ends them (case 1 or 3), or the EP is asked."""
        today = fields.Date.context_today(self)
        due = self.search([("state", "in", IN_FORCE_STATES), ("date_end", "<", today)])
        for batch in in_batches(due):
            batch._workflow_write({"state": EXPIRED})
            for contract in batch.filtered("referent_id"):
                contract._cdb_schedule_activity(
                    "cer_contracts.mail_activity_type_expired",
                    _("The contract ended on %s: renew it, end it, or ask the équipe "
                      "pluridisciplinaire.") % format_date(contract.date_end),
                    today, contract.referent_id)
        return due

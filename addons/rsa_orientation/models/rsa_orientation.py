from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.cdb_base.tools import format_date, in_batches, selection_label

from ..settings import (
    CONTRACT_DEADLINE_PROFESSIONAL_MONTHS, CONTRACT_DEADLINE_SOLIDARITY_MONTHS, NEW_REGIME_DATE,
    SOLIDARITY_MAX_MONTHS)
from .cdb_notebook import PERM_DECIDE, PERM_PROPOSE
from .rsa_ede_scale import TEAM

ORIENTATION_TYPES = [
    ("professional_ft", "Professional – France Travail"),
    ("professional_other", "Professional – other organism"),
    ("solidarity", "Solidarity"),
]
# States of an orientation: a draft is written by a member or a delegate;
# proposed, it waits for the decision of a delegate of the President (or for
# the orientation team's opinion first); the decided one is the carnet's
# current orientation until a new decision replaces it; a proposal the
# delegate does not retain is refused.
DRAFT, PROPOSED, DECIDED, REPLACED, REFUSED = (
    "draft", "proposed", "decided", "replaced", "refused")
# Still waiting for the decision of a delegate.
TO_DECIDE_STATES = (DRAFT, PROPOSED)
# The decisions of the President, in force or past.
DECISION_STATES = (DECIDED, REPLACED)
# Fields only a delegate of the President writes: the decision's date.
DECISION_FIELDS = ("date_decision",)
# Seed 003, "L'ACCOMPAGNEMENT": the contract deadline of each sphere.
DEADLINE_MONTHS = {
    "professional": CONTRACT_DEADLINE_PROFESSIONAL_MONTHS,
    "solidarity": CONTRACT_DEADLINE_SOLIDARITY_MONTHS,
}
# The two regimes: the guide's (seed 003) and the law in force (loi
# n° 2023-1196 du 18 décembre 2023 pour le plein emploi), told apart by the
# decision's date and the setting NEW_REGIME_DATE (``_follows_law``).
GUIDE, LAW = "guide", "law"
REGIMES = [(GUIDE, "Guide"), (LAW, "Loi pour le plein emploi")]


class RsaOrientation(models.Model):
    """Orientation decision (seed 003, "L'ORIENTATION" and "LES INSTANCES").

    "il est établi soit une orientation professionnelle Pôle Emploi, soit une
    orientation professionnelle autre que Pôle Emploi, soit une orientation
    solidarité. En l'absence d'élément, le bénéficiaire du RSA est orienté
    vers la sphère solidarité afin de réaliser un diagnostic."
    "Décision d'orientation avec désignation de l'organisme référent et du
    correspondant = point de départ du délai pour réaliser les contrats."

    Seed 003, "L'ACCOMPAGNEMENT": the référent "Peut, après examen de la
    situation du bénéficiaire, proposer au Conseil Général une autre
    orientation vers un organisme mieux à même de conduire
    l'accompagnement". A member writes a draft and proposes it
    (``action_propose``, policy ``PERM_PROPOSE``): the delegates of the
    President receive it as a task (the correspondants of the carnet's
    territory, else the managers); a delegate decides it (``action_decide``,
    ``PERM_DECIDE``) or does not retain it (``action_refuse``). The state,
    who proposed and who decided, and the decision date are the
    delegate's; the content of a proposal changes only by a delegate, and
    of a decision never.

    "LES EQUIPES D'ORIENTATION": the orientation team "préconise
    l'orientation des bénéficiaires du RSA vers la sphère solidarité ou la
    sphère professionnelle", and "Si le total est compris entre 19 et 34
    points : c'est à l'Equipe Pluridisciplinaire (EP) ou l'Equipe
    d'Orientation (EO) de se prononcer": a first orientation whose
    employment-distance assessment falls between the thresholds goes to the
    orientation team as a case (``rsa.ep.case``, request "orientation")
    when it is proposed; the delegate decides on the case, after the team's
    opinion.
    """

    _name = "rsa.orientation"
    _description = "Orientation decision"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.part.mixin", "mail.thread",
                "mail.activity.mixin"]
    _order = "date_decision desc, id desc"
    _workflow_fields = ("state", "ep_case_id", "proposal_user_id", "proposal_date",
                        "decision_user_id")
    _workflow_locked_fields = (
        "notebook_id", "orientation_type", "organism_id", "referent_id", "correspondant_id",
        "date_decision", "basis", "assessment_id")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True)
    orientation_type = fields.Selection(
        ORIENTATION_TYPES, "Orientation", required=True, default="solidarity",
        track_visibility="onchange")
    sphere = fields.Selection(
        [("professional", "Professional"), ("solidarity", "Solidarity")],
        compute="_compute_sphere", store=True)
    organism_id = fields.Many2one(
        "res.partner", "Designated organism", domain=[("cdb_is_structure", "=", True)],
        track_visibility="onchange")
    referent_id = fields.Many2one("res.users", "Référent", track_visibility="onchange")
    correspondant_id = fields.Many2one(
        "res.users", "Correspondant", track_visibility="onchange",
        help="The correspondant of the département who follows the whole path.")
    date_decision = fields.Date("Decision date", track_visibility="onchange")
    basis = fields.Selection([
        ("ede", "Proposal of the employment-distance scale"),
        ("team", "Decision of the orientation team / EP"),
        ("default", "No element: solidarity for a diagnosis"),
    ], required=True, default="default", track_visibility="onchange")
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "EDE assessment", domain="[('notebook_id', '=', notebook_id)]")
    ep_case_id = fields.Many2one("rsa.ep.case", "From the EP case", readonly=True)
    state = fields.Selection([
        (DRAFT, "Draft"),
        (PROPOSED, "Proposed to the President"),
        (DECIDED, "Decided"),
        (REPLACED, "Replaced"),
        (REFUSED, "Not retained"),
    ], default=DRAFT, required=True, index=True, track_visibility="onchange")
    proposal_user_id = fields.Many2one("res.users", "Proposed by", readonly=True, copy=False)
    proposal_date = fields.Date("Proposed on", readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        "res.users", "Decided by delegation of the President", readonly=True, copy=False)
    assessment_proposal = fields.Selection(
        related="assessment_id.proposed_orientation", readonly=True,
        string="Proposal of the scale")
    assessment_proposal_reason = fields.Char(
        related="assessment_id.proposal_reason", readonly=True, string="Why")
    contract_deadline = fields.Date(
        compute="_compute_contract_deadline", store=True, index=True)
    contract_signed = fields.Boolean(
        compute="_compute_contract_signed",
        help="Set by the contracts module when a contract is signed.")
    is_overdue = fields.Boolean(
        "Contract overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    note = fields.Text()
    regime = fields.Selection(
        REGIMES, compute="_compute_regime", store=True, index=True,
        help="Loi pour le plein emploi for an orientation decided on or after the date of "
             "the new regime (a setting), the guide's before it; an orientation not "
             "decided yet, by today's date (the day it would be decided).")

    @api.multi
    def name_get(self):
        return [(o.id, "%s – %s" % (o._type_label(), format_date(o.date_decision) or _("draft")))
                for o in self]

    # ------------------------------------------------------------- states
    @api.model
    def _current_domain(self):
        """The orientations in force (one per carnet at most)."""
        return [("state", "=", DECIDED)]

    def _is_current(self):
        self.ensure_one()
        return self.state == DECIDED

    def _is_decision(self):
        """A decision of the President, in force or replaced since (not a
        draft, a proposal or a proposal not retained)."""
        self.ensure_one()
        return self.state in DECISION_STATES

    @api.model
    def _to_decide_domain(self):
        """The orientations waiting for a delegate's decision."""
        return [("state", "in", TO_DECIDE_STATES)]

    def _workflow_is_locked(self):
        """A decision is history: its content no longer changes; a proposal
        is what its author proposed, changed only by a delegate before he
        decides."""
        if self.state == DRAFT:
            return False
        if self.state == PROPOSED:
            return not self.notebook_id._cdb_may(PERM_DECIDE)
        return True

    # ------------------------------------------------------------ regimes
    @api.model
    def _law_applies_on(self, day):
        """Whether a decision of ``day`` (a date or its text) follows the
        law in force: on or after the date of the new regime."""
        if not day:
            return False
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        return day >= NEW_REGIME_DATE.get(self.env)

    @api.model
    def _regime_date_text(self):
        """The date of the new regime as the messages show it."""
        return format_date(fields.Date.to_string(NEW_REGIME_DATE.get(self.env)))

    def _follows_law(self):
        """The one rule of the two regimes: an orientation follows the law
        when it is decided on or after the date of the new regime (not
        decided yet: when it would be decided today); before, the guide's
        rules until it ends or is replaced. Moving the setting keeps a
        département on the guide."""
        self.ensure_one()
        return self._law_applies_on(self.date_decision or fields.Date.context_today(self))

    @api.depends("date_decision")
    def _compute_regime(self):
        for orientation in self:
            orientation.regime = LAW if orientation._follows_law() else GUIDE

    @api.model
    def _fast_computed_fields(self):
        """The stored computed fields the département's bulk import computes
        for a new orientation (cdb_departement's fast creation)."""
        return ("sphere", "contract_deadline", "regime")

    @api.model
    def _fast_computed_inputs(self):
        """The values those fields are computed from."""
        return ("orientation_type", "date_decision")

    @api.model
    def _setting_dependent_fields(self):
        """``{setting key: stored fields computed from it}``: recomputed
        when the settings screen changes the setting."""
        return {
            NEW_REGIME_DATE.key: ["regime"],
            CONTRACT_DEADLINE_PROFESSIONAL_MONTHS.key: ["contract_deadline"],
            CONTRACT_DEADLINE_SOLIDARITY_MONTHS.key: ["contract_deadline"],
        }

    @api.model
    def _recompute_after_settings(self, keys):
        """Recompute, in batch, the stored fields of every orientation
        computed from the settings of ``keys`` (a due date follows a later
        change of its delay)."""
        dependents = self._setting_dependent_fields()
        names = []
        for key in keys:
            names += [name for name in dependents.get(key, ()) if name not in names]
        if not names:
            return self.browse()
        # sudo: the settings manager changed a rule; every orientation's
        # stored figures follow it, whoever reads them
        records = self.sudo().search([])
        # as Odoo's ``modified``: the cached values are dropped, then marked
        # to recompute (a cached value would be written back unchanged), in
        # the environment of the records
        records.invalidate_cache(names, records.ids)
        for name in names:
            records.env.add_todo(self._fields[name], records)
        records.recompute()
        # the values are in the database: no environment keeps an older one
        records.invalidate_cache(names, records.ids)
        self.invalidate_cache(names, records.ids)
        return records

    # ----------------------------------------------------------- computes
    @api.depends("orientation_type")
    def _compute_sphere(self):
        for orientation in self:
            orientation.sphere = orientation._sphere_of(orientation.orientation_type)

    @staticmethod
    def _sphere_of(orientation_type):
        return "solidarity" if orientation_type == "solidarity" else "professional"

    @api.model
    def _deadline_months(self, sphere):
        return DEADLINE_MONTHS[sphere].get(self.env)

    @api.depends("date_decision", "sphere")
    def _compute_contract_deadline(self):
        """1 month (professional) or 2 months (solidarity) after the decision;
        month ends are kept within the month (31 January + 1 month = 28 or 29
        February)."""
        for orientation in self:
            if orientation.date_decision and orientation.sphere:
                start = fields.Date.from_string(orientation.date_decision)
                months = self._deadline_months(orientation.sphere)
                orientation.contract_deadline = fields.Date.to_string(
                    start + relativedelta(months=months))
            else:
                orientation.contract_deadline = False

    def _compute_contract_signed(self):
        """No contract model here: the cer_contracts module overrides this."""
        for orientation in self:
            orientation.contract_signed = False

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for orientation in self:
            orientation.is_overdue = bool(
                orientation._is_current() and orientation.contract_deadline
                and orientation.contract_deadline < today and not orientation.contract_signed)

    def _search_is_overdue(self, operator, value):
        """One SQL condition, whatever the number of orientations: decided,
        deadline passed, and no signed contract (a sub-select, see
        _signed_contract_leaf)."""
        today = fields.Date.context_today(self)
        signed = self._signed_contract_leaf()
        if (operator == "=") == bool(value):
            return ["&", "&", ("state", "=", DECIDED), ("contract_deadline", "<", today),
                    "!", signed]
        return ["|", "|", "|", ("state", "!=", DECIDED), ("contract_deadline", "=", False),
                ("contract_deadline", ">=", today), signed]

    @api.model
    def _signed_contract_leaf(self):
        """Domain leaf of the orientations with a signed contract: none here,
        the contracts module (cer_contracts) gives the real one."""
        return expression.FALSE_LEAF

    # ----------------------------------------------------------- proposal
    @api.onchange("assessment_id")
    def _onchange_assessment_id(self):
        proposal = self.assessment_id.proposed_orientation
        if proposal in ("professional", "solidarity"):
            self.orientation_type = "professional_ft" if proposal == "professional" \
                else "solidarity"
            self.basis = "ede"

    @api.model
    def create(self, vals):
        """A draft, by a member of the carnet or a delegate (the decision
        date by a delegate only)."""
        vals = dict(vals)
        if not vals.get("assessment_id") and not vals.get("ep_case_id") \
                and not vals.get("orientation_type"):
            # "En l'absence d'élément … orienté vers la sphère solidarité"
            vals.update({"orientation_type": "solidarity", "basis": "default"})
        if vals.get("notebook_id"):
            notebook = self.env["cdb.notebook"].browse(vals["notebook_id"])
            notebook._cdb_check(PERM_PROPOSE)
            if any(vals.get(name) for name in DECISION_FIELDS) and \
                    not self._in_workflow_transition():
                notebook._cdb_check(PERM_DECIDE)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if not self._in_workflow_transition():
            self._check_decision_fields(vals)
        return super().write(vals)

    def _check_decision_fields(self, vals):
        """The decision's date is the delegate's, even on a draft: a member
        who backdated his own proposal would move the contract deadline."""
        names = [name for name in DECISION_FIELDS if name in vals]
        for orientation in self:
            if any(orientation._workflow_changes(name, vals[name]) for name in names):
                orientation.notebook_id._cdb_check(PERM_DECIDE)

    @api.constrains("orientation_type", "organism_id", "state")
    def _check_organism(self):
        for orientation in self:
            if orientation.orientation_type == "professional_other" and \
                    orientation._is_current() and not orientation.organism_id:
                raise ValidationError(_(
                    "A professional orientation to another organism than France "
                    "Travail needs the designated organism."))

    # ------------------------------------------------------------ propose
    @api.multi
    def action_propose(self):
        """Propose this draft to the President (a member of the carnet or a
        delegate): a first orientation whose assessment leaves the choice to
        the team goes to the orientation team as a case; any other reaches
        the delegates as a task."""
        for orientation in self:
            orientation.notebook_id._cdb_check(PERM_PROPOSE)
            if orientation.state != DRAFT:
                raise UserError(_("Only a draft orientation can be proposed."))
            orientation._workflow_write({
                "state": PROPOSED, "proposal_user_id": self.env.user.id,
                "proposal_date": fields.Date.context_today(self)})
            if orientation._needs_orientation_team():
                orientation._submit_to_orientation_team()
            else:
                orientation.notebook_id._cdb_ask_decision(
                    orientation, _("Decide the proposed orientation (%s)")
                    % orientation._type_label())
        return True

    def _is_initial(self):
        """No orientation was decided for the carnet yet."""
        self.ensure_one()
        # sudo: the carnet's past decisions, whatever the user reads of them
        return not self.sudo().notebook_id.orientation_ids.filtered(
            lambda o: o != self and o._is_decision())

    def _needs_orientation_team(self):
        """A first orientation whose employment-distance assessment falls
        between the thresholds: "c'est à l'Equipe Pluridisciplinaire (EP)
        ou l'Equipe d'Orientation (EO) de se prononcer"."""
        self.ensure_one()
        return self.assessment_id.proposed_orientation == TEAM and self._is_initial()

    def _submit_to_orientation_team(self):
        """The case of this proposal before the orientation team (with its
        assessment, as Annexe 7 asks for every request)."""
        case = self.env["rsa.ep.case"]._workflow_create({
            "notebook_id": self.notebook_id.id,
            "case_type": "orientation",
            "proposal_id": self.id,
            "requested_orientation_type": self.orientation_type,
            "assessment_id": self.assessment_id.id,
            "new_organism_id": self.organism_id.id,
            "new_referent_id": self.referent_id.id,
            "new_correspondant_id": self.correspondant_id.id,
            "motive": self.note or _(
                "First orientation: the employment-distance scale (%d points) leaves "
                "the choice to the orientation team.") % self.assessment_id.total_points,
        })
        case.action_submit()
        self._workflow_write({"ep_case_id": case.id})
        return case

    # ------------------------------------------------------------- decide
    @api.multi
    def action_decide(self):
        """Record the decision (a delegate of the President): it replaces the
        previous orientation, updates the carnet's référent and members,
        starts the contract deadline and reminds the référent with an
        activity; a reorientation makes a review of the carnet due."""
        for orientation in self:
            orientation.notebook_id._cdb_check(PERM_DECIDE)
            orientation._check_can_decide()
            previous = orientation.notebook_id.orientation_ids.filtered(
                lambda o: o._is_current() and o != orientation)
            previous._workflow_write({"state": REPLACED})
            orientation._workflow_write({
                "state": DECIDED,
                "date_decision": orientation.date_decision or fields.Date.context_today(self),
                "decision_user_id": self.env.user.id,
            })
            orientation._apply_to_notebook()
            orientation._schedule_contract_activity()
            if previous:
                orientation._schedule_reorientation_review()
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
        return True

    def _schedule_reorientation_review(self):
        """Seed 000, "Suivi": the carnet is reviewed "aux étapes clés telles
        qu'à la fin de chaque action ou en cas de réorientation": a review is
        due at the decision's date (the delegate's decision was authorised
        by PERM_DECIDE; carnet_de_bord's helper opens it for the référent)."""
        self.notebook_id._schedule_review("reorientation", self.date_decision)

    @api.multi
    def action_refuse(self):
        """The delegate does not retain the proposal: its author is told,
        the current orientation stays."""
        for orientation in self:
            orientation.notebook_id._cdb_check(PERM_DECIDE)
            if orientation.state != PROPOSED:
                raise UserError(_("Only a proposed orientation can be refused."))
            orientation._check_not_before_the_team()
            orientation._workflow_write({"state": REFUSED,
                                         "decision_user_id": self.env.user.id})
            orientation._notify_proposer(_("The proposed orientation (%s) is not retained.")
                                         % orientation._type_label())
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
        return True

    def _notify_proposer(self, body):
        self.message_post(body=body, subtype="mail.mt_comment",
                          partner_ids=self.proposal_user_id.partner_id.ids)

    @api.model
    def _create_decided(self, vals):
        """Record an orientation decided outside the carnet (the
        département's imports of beneficiaries): it replaces the current one
        of its carnet as ``action_decide`` does, without changing the
        carnet's référent nor scheduling the contract (the import sets the
        référent itself). The importing user must be a delegate."""
        notebook = self.env["cdb.notebook"].browse(vals["notebook_id"])
        notebook._cdb_check(PERM_DECIDE)
        notebook.orientation_ids.filtered(lambda o: o._is_current())._workflow_write(
            {"state": REPLACED})
        return self._workflow_create(dict(vals, state=DECIDED))

    def _check_can_decide(self):
        if self.state not in TO_DECIDE_STATES:
            raise UserError(_("Only a draft or proposed orientation can be decided."))
        self._check_not_before_the_team()
        if self._needs_orientation_team() and not self._decided_by_the_team():
            raise UserError(_(
                "The employment-distance scale leaves this first orientation to the "
                "orientation team: propose it, the team gives its opinion on the case, "
                "then the decision is made on the case."))
        if not self.referent_id:
            raise UserError(_("Designate the référent before deciding the orientation."))
        if self.orientation_type == "professional_other" and not self.organism_id:
            raise UserError(_(
                "A professional orientation to another organism than France "
                "Travail needs the designated organism."))

    def _check_not_before_the_team(self):
        """A proposal before the orientation team is decided on its case,
        after the team's opinion."""
        if self.ep_case_id and self.ep_case_id._is_open():
            raise UserError(_(
                "This orientation is before the orientation team (case %s): it is "
                "decided on the case, after the team's opinion.") % self.ep_case_id.name)

    def _decided_by_the_team(self):
        """The case of the orientation team was decided (granted)."""
        return bool(self.ep_case_id) and self.ep_case_id._is_granted()

    def _apply_to_notebook(self):
        notebook = self.notebook_id
        self._apply_referent_of_decision()
        if self.correspondant_id:
            notebook._add_member(self.correspondant_id, "other")
        notebook.message_post(body=_(
            "Orientation decided on %s: %s, référent %s. Contract to sign before %s.") % (
            format_date(self.date_decision), self._type_label(),
            self.referent_id.name, format_date(self.contract_deadline)))

    def _apply_referent_of_decision(self):
        """The decision designates the carnet's référent and structure
        ("Décision d'orientation avec désignation de l'organisme référent"):
        the one place an orientation changes them, once ``PERM_DECIDE``
        allowed it (carnet_de_bord's ``_set_referent``)."""
        self.notebook_id._set_referent(
            self.referent_id, self.organism_id or self.referent_id.cdb_structure_id)

    def _type_label(self):
        return selection_label(self, "orientation_type")

    def _schedule_contract_activity(self):
        self.notebook_id._cdb_schedule_activity(
            "rsa_orientation.mail_activity_type_contract",
            _("Sign the contract (orientation of %s)") % format_date(self.date_decision),
            self.contract_deadline, self.referent_id)

    # ---------------------------------------- the solidarity accompaniment
    def _solidarity_accompaniment_start(self):
        """The day the solidarity accompaniment of this orientation started:
        its decision, or the later decision of the équipe pluridisciplinaire
        on a reorientation of the carnet (it "statue sur la suite à donner").
        One definition for this module's daily job (twelve months later the
        case goes to the EP) and for cer_contracts (the months of CER
        solidarité counted from it, the EP case of "Cas 3")."""
        self.ensure_one()
        # sudo: the legal limit counts every decision of the carnet, whatever
        # the sharing choices let the user read
        case = self.env["rsa.ep.case"].sudo().search([
            ("notebook_id", "=", self.notebook_id.id), ("case_type", "=", "reorientation"),
            ("state", "=", "decided"), ("decision_date", "!=", False),
        ], order="decision_date desc", limit=1)
        if case and case.decision_date >= (self.date_decision or ""):
            return case.decision_date
        return self.date_decision

    def _solidarity_limit_cases(self):
        """The reorientation cases of the carnet opened for this orientation
        since its accompaniment started and not decided (before the EP, or
        withdrawn): the EP is already asked about the path, one case only."""
        self.ensure_one()
        # sudo: a case of the carnet, whoever may read it, is the same request
        return self.env["rsa.ep.case"].sudo().search([
            ("notebook_id", "=", self.notebook_id.id), ("case_type", "=", "reorientation"),
            ("origin_orientation_id", "=", self.id), ("state", "!=", "decided"),
            ("create_date", ">=", self._solidarity_accompaniment_start())])

    # ---------------------------------------------------------------- cron
    @api.model
    def _solidarity_limit_domain(self):
        """The orientations the guide's 12-month limit applies to: all here;
        a module of another regime narrows it (rsa_parcours: the law's joint
        diagnostic replaces it)."""
        return []

    @api.model
    def _cron_solidarity_twelve_months(self):
        """Seed 003, "L'ACCOMPAGNEMENT SOCIAL": "un accompagnement social
        pendant une période de 6 mois pouvant aller jusqu'à 12 mois": at 12
        months (``SOLIDARITY_MAX_MONTHS``) from the start of the
        accompaniment (``_solidarity_accompaniment_start``) the case goes to
        the équipe pluridisciplinaire, unless one is already open for it."""
        months = SOLIDARITY_MAX_MONTHS.get(self.env)
        limit = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)) - relativedelta(months=months))
        due = self.search(self._current_domain() + self._solidarity_limit_domain() + [
            ("sphere", "=", "solidarity"), ("date_decision", "<=", limit)])
        cases = self.env["rsa.ep.case"]
        for batch in in_batches(due):
            for orientation in batch:
                if orientation._solidarity_accompaniment_start() > limit or \
                        orientation._solidarity_limit_cases():
                    continue
                cases |= cases.create({
                    "notebook_id": orientation.notebook_id.id,
                    "case_type": "reorientation",
                    "origin_orientation_id": orientation.id,
                    "reorientation_reason": "solidarity_limit",
                    "motive": _("Solidarity accompaniment for %d months.") % months,
                })
        return cases

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.cdb_base.tools import format_date, selection_label

from ..settings import (
    CONTRACT_DEADLINE_PROFESSIONAL_MONTHS, CONTRACT_DEADLINE_SOLIDARITY_MONTHS,
    SOLIDARITY_MAX_MONTHS)
from .cdb_notebook import PERM_DECIDE, PERM_PROPOSE, check_not_moved

ORIENTATION_TYPES = [
    ("professional_ft", "Professional – France Travail"),
    ("professional_other", "Professional – other organism"),
    ("solidarity", "Solidarity"),
]
# States of an orientation: a draft is a proposal; the decided one is the
# carnet's current orientation until a new decision replaces it.
DRAFT, DECIDED, REPLACED = "draft", "decided", "replaced"
# Seed 003, "L'ACCOMPAGNEMENT": the contract deadline of each sphere.
DEADLINE_MONTHS = {
    "professional": CONTRACT_DEADLINE_PROFESSIONAL_MONTHS,
    "solidarity": CONTRACT_DEADLINE_SOLIDARITY_MONTHS,
}


class RsaOrientation(models.Model):
    """Orientation decision (seed 003, "L'ORIENTATION" and "LES INSTANCES").

    "il est établi soit une orientation professionnelle Pôle Emploi, soit une
    orientation professionnelle autre que Pôle Emploi, soit une orientation
    solidarité. En l'absence d'élément, le bénéficiaire du RSA est orienté
    vers la sphère solidarité afin de réaliser un diagnostic."
    "Décision d'orientation avec désignation de l'organisme référent et du
    correspondant = point de départ du délai pour réaliser les contrats."

    A member proposes (a draft, policy ``PERM_PROPOSE``); a delegate of the
    President decides (``action_decide``, ``PERM_DECIDE``): the state, and
    the content of a decided orientation, change only through that action.
    """

    _name = "rsa.orientation"
    _description = "Orientation decision"
    _inherit = ["cdb.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_decision desc, id desc"
    _workflow_fields = ("state", "ep_case_id")
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
    ], "Basis", required=True, default="default", track_visibility="onchange")
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "EDE assessment", domain="[('notebook_id', '=', notebook_id)]")
    ep_case_id = fields.Many2one("rsa.ep.case", "From the EP case", readonly=True)
    state = fields.Selection([
        (DRAFT, "Draft"),
        (DECIDED, "Decided"),
        (REPLACED, "Replaced"),
    ], default=DRAFT, required=True, index=True, track_visibility="onchange")
    contract_deadline = fields.Date(
        "Contract deadline", compute="_compute_contract_deadline", store=True, index=True)
    contract_signed = fields.Boolean(
        "Contract signed", compute="_compute_contract_signed",
        help="Set by the contracts module when a contract is signed.")
    is_overdue = fields.Boolean(
        "Contract overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    note = fields.Text()

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

    def _workflow_is_locked(self):
        """A decision is history: its content no longer changes."""
        return self.state != DRAFT

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
        """A proposal, by a member of the carnet or a delegate."""
        vals = dict(vals)
        if not vals.get("assessment_id") and not vals.get("ep_case_id") \
                and not vals.get("orientation_type"):
            # "En l'absence d'élément … orienté vers la sphère solidarité"
            vals.update({"orientation_type": "solidarity", "basis": "default"})
        if vals.get("notebook_id"):
            self.env["cdb.notebook"].browse(vals["notebook_id"])._cdb_check(PERM_PROPOSE)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        check_not_moved(self, vals)
        return super().write(vals)

    @api.constrains("orientation_type", "organism_id", "state")
    def _check_organism(self):
        for orientation in self:
            if orientation.orientation_type == "professional_other" and \
                    orientation._is_current() and not orientation.organism_id:
                raise ValidationError(_(
                    "A professional orientation to another organism than France "
                    "Travail needs the designated organism."))

    # ------------------------------------------------------------- decide
    @api.multi
    def action_decide(self):
        """Record the decision (a delegate of the President): it replaces the
        previous orientation, updates the carnet's référent and members,
        starts the contract deadline and reminds the référent with an
        activity."""
        for orientation in self:
            orientation.notebook_id._cdb_check(PERM_DECIDE)
            orientation._check_can_decide()
            orientation.notebook_id.orientation_ids.filtered(
                lambda o: o._is_current() and o != orientation
            )._workflow_write({"state": REPLACED})
            orientation._workflow_write({
                "state": DECIDED,
                "date_decision": orientation.date_decision or fields.Date.context_today(self),
            })
            orientation._apply_to_notebook()
            orientation._schedule_contract_activity()
        return True

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
        if self.state != DRAFT:
            raise UserError(_("Only a draft orientation can be decided."))
        if not self.referent_id:
            raise UserError(_("Designate the référent before deciding the orientation."))
        if self.orientation_type == "professional_other" and not self.organism_id:
            raise UserError(_(
                "A professional orientation to another organism than France "
                "Travail needs the designated organism."))

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
        for orientation in due:
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

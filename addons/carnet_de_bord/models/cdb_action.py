from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cdb_base.tools import format_date, in_batches

# What an accompagnateur in charge of an action may fill in: the part that
# concerns him (issue "carnet de bord core", after seed 000 "Qui le remplit").
ACCOMPAGNATEUR_FIELDS = frozenset(["state", "result", "evaluation"])
OPEN_STATES = ("planned", "in_progress")


class CdbAction(models.Model):
    """An action of the plan ("Plan d'actions (adaptable/évaluation)", seed
    000), referring to a codified insertion action of the catalogue (guide,
    Annexe 6)."""

    _name = "cdb.action"
    _description = "Action of the plan"
    _inherit = ["mail.thread", "cdb.beneficiary.review.mixin", "cdb.notebook.part.mixin"]
    _order = "date_deadline, id"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    objective_id = fields.Many2one(
        "cdb.objective", "Objective", ondelete="set null", index=True,
        domain="[('notebook_id', '=', notebook_id)]")
    action_code_id = fields.Many2one(
        "cdb.action.code", "Codified action", required=True, ondelete="restrict",
        index=True, domain=[("is_theme", "=", False)], track_visibility="onchange")
    theme_id = fields.Many2one(related="action_code_id.theme_id", store=True, readonly=True)
    name = fields.Char(compute="_compute_name", store=True)
    date_start = fields.Date("Start", required=True, default=fields.Date.context_today,
                             track_visibility="onchange")
    date_deadline = fields.Date("Échéance", required=True, index=True,
                                track_visibility="onchange")
    state = fields.Selection([
        ("planned", "Planned"),
        ("in_progress", "In progress"),
        ("done", "Done"),
        ("abandoned", "Abandoned"),
    ], default="planned", required=True, index=True, track_visibility="onchange")
    user_id = fields.Many2one("res.users", "Accompagnateur in charge", index=True,
                              track_visibility="onchange")
    structure_id = fields.Many2one(
        "res.partner", "Structure in charge", domain=[("cdb_is_structure", "=", True)])
    result = fields.Text(track_visibility="onchange")
    evaluation = fields.Text("Evaluation comment", track_visibility="onchange")
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    end_review_scheduled = fields.Boolean(copy=False)

    @api.depends("action_code_id.code", "action_code_id.name")
    def _compute_name(self):
        for action in self:
            action.name = action.action_code_id.display_name

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_late = action.state in OPEN_STATES and action.date_deadline < today

    def _search_is_late(self, operator, value):
        today = fields.Date.context_today(self)
        late = ["&", ("state", "in", OPEN_STATES), ("date_deadline", "<", today)]
        if (operator == "=") == bool(value):
            return late
        return ["|", ("state", "not in", OPEN_STATES), ("date_deadline", ">=", today)]

    # ------------------------------------------------------------ validation
    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for action in self:
            if action.date_deadline < action.date_start:
                raise ValidationError(_(
                    "The échéance of the action \"%s\" (%s) cannot be before its "
                    "start (%s).") % (action.name, format_date(action.date_deadline),
                                      format_date(action.date_start)))

    @api.constrains("action_code_id", "state", "notebook_id")
    def _check_not_alone(self):
        """Guide, Annexe 6: some actions "ne peut être la seule action du
        plan". The plan must hold another action that is not abandoned —
        on every path that changes the plan: a new action, a change of code
        or state, the deletion of the other action (``unlink``); an action
        never moves to another carnet (cdb.notebook.part.mixin)."""
        self._check_plans_not_alone(self.mapped("notebook_id"))

    @api.model
    def _check_plans_not_alone(self, notebooks, leaving=None):
        """Raise when the plan of one of ``notebooks``, without the actions
        ``leaving``, holds only actions that cannot be alone."""
        leaving = leaving or self.browse()
        for notebook in notebooks:
            # sudo: the rule holds for the whole plan, whatever the user reads
            actions = notebook.sudo().action_ids.filtered(
                lambda a: a.state != "abandoned" and a not in leaving)
            if actions and all(actions.mapped("action_code_id.not_alone")):
                raise ValidationError(_(
                    "The action \"%s\" cannot be the only action of the plan: "
                    "add another action first.") % actions[0].name)

    @api.constrains("action_code_id")
    def _check_code_is_action(self):
        for action in self.filtered("action_code_id.is_theme"):
            raise ValidationError(_("Unknown action code: \"%s\".") % action.action_code_id.code)

    @api.constrains("objective_id", "notebook_id")
    def _check_objective_notebook(self):
        for action in self.filtered("objective_id"):
            if action.objective_id.notebook_id != action.notebook_id:
                raise ValidationError(_(
                    "The objective of an action must belong to the same carnet."))

    @api.model
    def _resolve_code(self, vals):
        """Accept the action code as text ("A.1.1") from external tools."""
        code = vals.pop("action_code", None)
        if code is not None and not vals.get("action_code_id"):
            action_code = self.env["cdb.action.code"].find_by_code(code)
            if not action_code or action_code.is_theme:
                raise ValidationError(_("Unknown action code: \"%s\".") % code)
            vals["action_code_id"] = action_code.id
        return vals

    @api.model
    def create(self, vals):
        vals = self._resolve_code(dict(vals))
        if vals.get("objective_id") and not vals.get("notebook_id"):
            vals["notebook_id"] = self.env["cdb.objective"].browse(
                vals["objective_id"]).notebook_id.id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        vals = self._resolve_code(dict(vals))
        self._check_accompagnateur_write(vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_plans_not_alone(self.mapped("notebook_id"), leaving=self)
        return super().unlink()

    def _check_accompagnateur_write(self, vals):
        """The accompagnateur in charge of an action fills the part that
        concerns him (state, result, evaluation); the beneficiary and the
        référent set and adapt the rest (policy ``adapt_plan``: the référent,
        a manager, the functional administrator; the portal writes as
        superuser)."""
        restricted = set(vals) - ACCOMPAGNATEUR_FIELDS
        adapts = {notebook: notebook._cdb_may("adapt_plan")
                  for notebook in self.mapped("notebook_id")}
        for action in self:
            if adapts[action.notebook_id]:
                continue
            if restricted:
                raise AccessError(_(
                    "Only the référent of the carnet can change the plan of the "
                    "action \"%s\"; as accompagnateur you fill its status, result "
                    "and evaluation.") % action.name)
            if action.user_id != self.env.user:
                raise AccessError(_(
                    "You are not in charge of the action \"%s\".") % action.name)

    # ------------------------------------------------------------------ cron
    @api.model
    def _schedule_end_of_action_reviews(self):
        """Seed 000, "Suivi": a review "à la fin de chaque action"."""
        today = fields.Date.context_today(self)
        ended = self.search([
            ("date_deadline", "<=", today), ("end_review_scheduled", "=", False),
            ("state", "!=", "abandoned"), ("notebook_id.state", "=", "in_progress"),
            ("notebook_id.referent_id", "!=", False)])
        for batch in in_batches(ended):
            for action in batch:
                action.notebook_id._schedule_review(
                    "end_of_action", action.date_deadline,
                    _("End-of-action review: %s") % action.name)
            batch.write({"end_review_scheduled": True})
        return len(ended)

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date

# The states of a review, each word once.
DRAFT, SUBMITTED, VALIDATED = "draft", "submitted", "validated"
OPEN_STATES = (DRAFT, SUBMITTED)
# What the référent writes; frozen once he validated it (the beneficiary
# validates what the référent validated).
CONTENT_FIELDS = ("date", "reason", "objective_ids", "results", "progression",
                  "situation_evolution", "next_steps", "beneficiary_opinion")
REASONS = [
    ("periodic", "Periodic review"),
    ("end_of_action", "End of an action"),
    ("reorientation", "Reorientation"),
    ("end_of_path", "End of the path"),
    ("other", "Other"),
]


class CdbReview(models.Model):
    """A review of the path (*bilan d'étape*), a record of its own — seed
    000, "Suivi":

        Quoi ? Revue des objectifs définis par l'allocataire, des résultats
        obtenus, évaluation de la progression dans le parcours et de
        l'évolution de la situation de l'allocataire.

        Quand ? De manière récurrente au cours du parcours (a minima tous
        les 6 mois, aux étapes clés telles qu'à la fin de chaque action ou
        en cas de réorientation) et à la fin du parcours.

        Par qui ? L'allocataire RSA et son référent.

    The référent (or a delegate: policy ``review``) writes it — the
    objectives reviewed, the results, the progression, the evolution of the
    situation, the next steps and the beneficiary's view said in the
    interview — and validates it (``action_validate``): it is then frozen
    and waits for the beneficiary, who validates it on their portal with
    their own words (``_beneficiary_validate``), or agreed on paper in the
    interview (``action_record_beneficiary_agreement``). Validated by both,
    it is the carnet's last review (``cdb.notebook.last_review_date``).

    A review is due periodically, at the end of an action, at a
    reorientation and at the end of the path: ``cdb.notebook._schedule_review``
    opens one (at most one open review per carnet) with its due date.
    """

    _name = "cdb.review"
    _description = "Review of the path (bilan)"
    _inherit = ["mail.thread", "cdb.workflow.mixin", "cdb.notebook.part.mixin"]
    _order = "date desc, deadline desc, id desc"
    _workflow_fields = ("state", "referent_validated_date", "referent_validated_by",
                        "beneficiary_validated_date", "beneficiary_validation_channel")
    _workflow_locked_fields = CONTENT_FIELDS

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="notebook_id.beneficiary_id", readonly=True)
    reason = fields.Selection(REASONS, "Occasion", required=True, default="periodic",
                              track_visibility="onchange")
    deadline = fields.Date("Due on", index=True,
                           help="When the review was due (periodic review, end of an "
                                "action, reorientation, end of the path).")
    date = fields.Date("Review date", track_visibility="onchange",
                       help="The date of the interview with the beneficiary.")
    objective_ids = fields.Many2many(
        "cdb.objective", string="Objectives reviewed",
        domain="[('notebook_id', '=', notebook_id)]")
    results = fields.Text("Results obtained")
    progression = fields.Selection([
        ("setback", "Setback"),
        ("steady", "No change"),
        ("progress", "Progress"),
        ("reached", "Objectives reached"),
    ], "Progression in the path")
    situation_evolution = fields.Text("Evolution of the situation")
    next_steps = fields.Text()
    beneficiary_opinion = fields.Text(
        "The beneficiary's view",
        help="What the beneficiary says of the review, in their words (written in "
             "the interview or by themselves on their portal).")
    state = fields.Selection([
        (DRAFT, "To write"),
        (SUBMITTED, "Awaiting the beneficiary"),
        (VALIDATED, "Validated"),
    ], default=DRAFT, required=True, index=True, track_visibility="onchange")
    referent_validated_date = fields.Date("Validated by the référent on", readonly=True,
                                          copy=False)
    referent_validated_by = fields.Many2one("res.users", "Validated by", readonly=True,
                                            copy=False)
    beneficiary_validated_date = fields.Date("Validated by the beneficiary on",
                                             readonly=True, copy=False)
    beneficiary_validation_channel = fields.Selection([
        ("portal", "On their portal"),
        ("interview", "In the interview (signed on paper)"),
    ], "Validated by the beneficiary", readonly=True, copy=False)

    @api.multi
    def name_get(self):
        labels = dict(self._fields["reason"]._description_selection(self.env))
        return [(review.id, _("Review %s (%s)") % (
            format_date(review.date or review.deadline) or _("to plan"),
            labels.get(review.reason, ""))) for review in self]

    # -------------------------------------------------------------- checks
    @api.model
    def create(self, vals):
        review = super().create(vals)
        if not self._in_workflow_transition():
            # after the defaults: the carnet may come from the context
            review.notebook_id._cdb_check("review")
        return review

    @api.multi
    def write(self, vals):
        if not self._in_workflow_transition():
            self.mapped("notebook_id")._cdb_check("review")
        return super().write(vals)

    @api.multi
    def unlink(self):
        """A review to write may be dropped by who writes reviews; a
        validated one is the path's history (policy ``delete_history``)."""
        for review in self:
            if review.state == DRAFT and not review.referent_validated_date:
                review.notebook_id._cdb_check("review")
            else:
                review.notebook_id._cdb_check("delete_history")
        return super().unlink()

    def _workflow_is_locked(self):
        return self.state != DRAFT

    def _check_objectives(self):
        for review in self:
            if review.objective_ids.filtered(lambda o: o.notebook_id != review.notebook_id):
                raise UserError(_("A review reviews the objectives of its own carnet."))

    # ------------------------------------------------------------- actions
    @api.multi
    def action_validate(self):
        """The référent (or a delegate) validates the review: its content is
        frozen and it waits for the beneficiary's validation."""
        for review in self:
            review.notebook_id._cdb_check("review")
            if review.state != DRAFT:
                raise UserError(_("This review is already validated by the référent."))
            if not (review.results or "").strip():
                raise UserError(_("Write the results obtained before validating the review."))
            review._check_objectives()
            review._workflow_write({
                "state": SUBMITTED, "date": review.date or fields.Date.context_today(self),
                "referent_validated_date": fields.Date.context_today(self),
                "referent_validated_by": self.env.user.id})
            review.message_post(body=_("Review validated by %s; it awaits the beneficiary's "
                                       "validation.") % self.env.user.name)
        return True

    @api.multi
    def action_record_beneficiary_agreement(self):
        """The beneficiary agreed with the review in the interview and
        signed it on paper (no portal account): the référent records it."""
        for review in self:
            review.notebook_id._cdb_check("review")
            review._check_awaits_beneficiary()
            review._beneficiary_agrees("interview")
        return True

    def _beneficiary_validate(self, opinion=None):
        """The beneficiary validates the review from their portal, with
        their view in their own words (the portal's controller checked the
        review is in their carnet; called as superuser)."""
        self.ensure_one()
        self._check_awaits_beneficiary()
        opinion = (opinion or "").strip()
        if opinion:
            previous = (self.beneficiary_opinion or "").strip()
            self._workflow_write({"beneficiary_opinion": "\n".join(
                part for part in (previous, opinion) if part)})
        self._beneficiary_agrees("portal")
        return True

    def _check_awaits_beneficiary(self):
        if self.state != SUBMITTED:
            raise UserError(_("This review does not await the beneficiary's validation: "
                              "the référent validates it first."))

    def _beneficiary_agrees(self, channel):
        today = fields.Date.context_today(self)
        self._workflow_write({"state": VALIDATED, "beneficiary_validated_date": today,
                              "beneficiary_validation_channel": channel})
        labels = dict(self._fields["beneficiary_validation_channel"]._description_selection(
            self.env))
        self.message_post(body=_("Review validated by the beneficiary on %s (%s).") % (
            format_date(today), labels[channel]),
            author_id=self.notebook_id.beneficiary_id.id if channel == "portal" else None)
        self.notebook_id._review_validated(self)

    @api.multi
    def action_open(self):
        """Open the review's form (from the carnet)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Review"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

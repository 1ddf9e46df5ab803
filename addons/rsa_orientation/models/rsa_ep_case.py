from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date, selection_label

from .rsa_orientation import ORIENTATION_TYPES

OPINION_DELAY_PARAM = "rsa_orientation.ep_opinion_delay_months"


class RsaEpCase(models.Model):
    """A case put before the équipe pluridisciplinaire (guide, "LES
    INSTANCES": "Cette instance a pour rôle d'émettre un avis sur les
    propositions de réorientation ou de suspension du RSA. Elles ont un mois
    pour rendre leur recommandation auprès du Président du Conseil Général.")

    Motifs as in Annexe 7 (fiche de liaison, "DEMANDE D'ETUDE EN EQUIPE
    PLURIDISCIPLINAIRE"): "A chaque demande de réorientation, transmettre
    également, l'échelle de distance à l'emploi" — "A chaque demande de
    suspension, transmettre aussi les différents courriers de convocations."
    """

    _name = "rsa.ep.case"
    _description = "EP case"
    _inherit = ["cdb.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"
    _sequence_code = "rsa.ep.case"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_name = fields.Char(
        related="notebook_id.beneficiary_id.name", store=True, readonly=True,
        string="Beneficiary")
    referent_id = fields.Many2one(
        related="notebook_id.referent_id", store=True, readonly=True, string="Référent")
    session_id = fields.Many2one(
        "rsa.ep.session", "Session", index=True, track_visibility="onchange",
        domain=[("state", "=", "planned")])
    case_type = fields.Selection([
        ("reorientation", "Reorientation"),
        ("suspension", "Suspension"),
    ], "Request", required=True, track_visibility="onchange")
    origin_orientation_id = fields.Many2one("rsa.orientation", "Current orientation")
    requested_orientation_type = fields.Selection(ORIENTATION_TYPES, "Requested orientation")
    reorientation_reason = fields.Selection([
        ("radiation_ft", "Struck off France Travail"),
        ("initial_unsuitable", "Initial orientation unsuitable"),
        ("situation_change", "Change in the person's situation"),
        ("after_contract", "Reorientation after the end of the contract"),
        ("solidarity_limit", "Solidarity accompaniment reached 12 months"),
        ("other", "Other"),
    ], "Reason for the reorientation")
    suspension_reason = fields.Selection([
        ("no_contract", "PPAE or contract not signed"),
        ("breach", "PPAE or contract not respected"),
        ("radiation_ft", "Struck off France Travail"),
        ("control_refusal", "Refusal to undergo control"),
        ("other", "Other"),
    ], "Reason for the suspension")
    motive = fields.Text("Motive of the request")
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "EDE assessment", domain="[('notebook_id', '=', notebook_id)]")
    attachment_count = fields.Integer(compute="_compute_attachment_count")
    date_submitted = fields.Date("Submitted on", readonly=True, copy=False)
    opinion_deadline = fields.Date(
        "Opinion due by", compute="_compute_opinion_deadline", store=True)
    opinion = fields.Selection([
        ("favourable", "Favourable"),
        ("unfavourable", "Unfavourable"),
    ], track_visibility="onchange", copy=False)
    opinion_motive = fields.Text("Motivation of the opinion", copy=False)
    opinion_date = fields.Date(copy=False)
    decision = fields.Selection([
        ("confirmed", "Request granted"),
        ("refused", "Request refused"),
    ], "President's decision", track_visibility="onchange", copy=False)
    decision_date = fields.Date(copy=False)
    decision_user_id = fields.Many2one(
        "res.users", "Decided by delegation of the President", copy=False)
    decision_note = fields.Text("Decision comment", copy=False)
    new_organism_id = fields.Many2one(
        "res.partner", "New designated organism", domain=[("cdb_is_structure", "=", True)])
    new_referent_id = fields.Many2one("res.users", "New référent")
    new_correspondant_id = fields.Many2one("res.users", "Correspondant")
    result_orientation_id = fields.Many2one("rsa.orientation", "New orientation", readonly=True)
    sanction_step_ids = fields.One2many("rsa.sanction.step", "case_id", "Suspension steps")
    failure = fields.Selection(
        related="sanction_step_ids.rule_id.failure", readonly=True, string="Scale")
    state = fields.Selection([
        ("draft", "Draft"),
        ("submitted", "Submitted"),
        ("opinion", "Opinion given"),
        ("decided", "Decided"),
        ("cancelled", "Cancelled"),
    ], default="draft", required=True, index=True, track_visibility="onchange")

    def _compute_attachment_count(self):
        groups = self.env["ir.attachment"].read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["res_id"])
        counts = {g["res_id"]: g["res_id_count"] for g in groups}
        for case in self:
            case.attachment_count = counts.get(case.id, 0)

    @api.depends("date_submitted")
    def _compute_opinion_deadline(self):
        months = int(self.env["ir.config_parameter"].sudo().get_param(OPINION_DELAY_PARAM, 1))
        for case in self:
            case.opinion_deadline = case.date_submitted and fields.Date.to_string(
                fields.Date.from_string(case.date_submitted) + relativedelta(months=months))

    @api.model
    def create(self, vals):
        case = super().create(vals)
        if case.referent_id:
            case.message_subscribe_users(user_ids=case.referent_id.ids)
        return case

    # ------------------------------------------------------------- submit
    @api.multi
    def action_submit(self):
        for case in self:
            case._check_complete()
        self.write({"state": "submitted", "date_submitted": fields.Date.context_today(self)})
        return True

    def _check_complete(self):
        """What Annexe 7 asks to send with each request."""
        if self.state != "draft":
            raise UserError(_("Only a draft case can be submitted."))
        if not self.motive:
            raise UserError(_("Write the motive of the request."))
        if self.case_type == "reorientation":
            if not self.reorientation_reason:
                raise UserError(_("Choose the reason for the reorientation."))
            if not self.assessment_id or self.assessment_id.state != "done":
                raise UserError(_(
                    "A reorientation request must come with an agreed "
                    "employment-distance scale (EDE) of the beneficiary."))
        if self.case_type == "suspension":
            if not self.suspension_reason:
                raise UserError(_("Choose the reason for the suspension."))
            if not self.attachment_count:
                raise UserError(_(
                    "A suspension request must come with the convocation letters: "
                    "attach them to the case."))

    # ------------------------------------------------------------ opinion
    @api.multi
    def action_give_opinion(self):
        if not (self.env.user.has_group("rsa_orientation.group_rsa_orientation_team")
                or self.env.user.has_group("carnet_de_bord.group_cdb_correspondant")):
            raise UserError(_("The opinion is recorded by the team or by a correspondant."))
        for case in self:
            if case.state != "submitted":
                raise UserError(_("The opinion is given on a submitted case."))
            if not case.session_id:
                raise UserError(_("Put the case on the agenda of a session first."))
            if not case.opinion or not (case.opinion_motive or "").strip():
                raise UserError(_("The opinion of the team must be given and motivated."))
        self.write({"state": "opinion", "opinion_date": fields.Date.context_today(self)})
        return True

    # ----------------------------------------------------------- decision
    @api.multi
    def action_decide(self):
        """The President's decision, by delegation: a granted reorientation
        creates the new orientation; a granted suspension starts the scale."""
        if not self.env.user.has_group("carnet_de_bord.group_cdb_correspondant"):
            raise UserError(_(
                "The decision belongs to the President of the département, by "
                "delegation to the correspondants and managers."))
        for case in self:
            case._check_can_decide()
            case.write({
                "state": "decided",
                "decision_date": fields.Date.context_today(self),
                "decision_user_id": self.env.user.id,
            })
            if case.decision == "confirmed":
                case._apply_decision()
            case._notify_referent()
        return True

    def _check_can_decide(self):
        if self.state != "opinion":
            raise UserError(_("The decision follows the opinion of the team."))
        if not self.decision:
            raise UserError(_("Choose the decision."))
        if self.case_type == "reorientation" and self.decision == "confirmed" and \
                not self.requested_orientation_type:
            raise UserError(_("Choose the new orientation."))

    def _apply_decision(self):
        if self.case_type == "reorientation":
            self._create_new_orientation()
        else:
            self._start_sanction_scale()

    def _create_new_orientation(self):
        orientation = self.env["rsa.orientation"].create({
            "notebook_id": self.notebook_id.id,
            "orientation_type": self.requested_orientation_type,
            "organism_id": self.new_organism_id.id,
            "referent_id": self.new_referent_id.id,
            "correspondant_id": self.new_correspondant_id.id,
            "basis": "team",
            "assessment_id": self.assessment_id.id,
            "ep_case_id": self.id,
            "date_decision": self.decision_date,
        })
        self.result_orientation_id = orientation
        if orientation.referent_id:
            orientation.action_decide()
        return orientation

    def _failure_scale(self):
        failure = "no_contract" if self.suspension_reason == "no_contract" else "breach"
        return self.env["rsa.sanction.rule"].search([("failure", "=", failure)])

    def _start_sanction_scale(self):
        first = self._failure_scale()[:1]
        if first:
            self._add_sanction_step(first, self.decision_date)

    def _add_sanction_step(self, rule, date_start):
        return self.env["rsa.sanction.step"].create({
            "case_id": self.id, "rule_id": rule.id, "date_start": date_start,
            "date_end": self.env["rsa.sanction.step"]._end_date(rule, date_start),
        })

    @api.multi
    def action_next_sanction_step(self):
        """Button: the failure goes on, apply the next step of the scale."""
        self._apply_next_sanction_step()
        return True

    def _apply_next_sanction_step(self):
        self.ensure_one()
        if self.case_type != "suspension" or self.decision != "confirmed":
            raise UserError(_("Only a granted suspension follows the scale."))
        current = self.sanction_step_ids[-1:]
        remaining = self._failure_scale().filtered(
            lambda r: r.sequence > (current.sequence if current else -1))
        if not remaining:
            raise UserError(_("The last step of the scale is already applied."))
        today = fields.Date.context_today(self)
        if current and not current.date_end:
            current.date_end = max(today, current.date_start)
        start = max(today, current.date_end) if current else today
        return self._add_sanction_step(remaining[0], start)

    def _notify_referent(self):
        body = _("EP case %s: %s (opinion: %s).") % (
            self.name, selection_label(self, "decision"), selection_label(self, "opinion"))
        self.message_post(body=body, subtype="mail.mt_comment",
                          partner_ids=self.referent_id.partner_id.ids)
        self.notebook_id.message_post(body=body)

    @api.multi
    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

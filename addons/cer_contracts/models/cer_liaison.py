from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.cdb_base.tools import format_date, selection_label
from odoo.addons.rsa_orientation.models.rsa_orientation import ORIENTATION_TYPES

SITUATIONS = [
    ("support", "Request for support"),
    ("ep", "Study by the équipe pluridisciplinaire"),
    ("actions", "Actions of the Département"),
    ("amendment", "Amendment to the contract (change of the PAP)"),
]
# Guide, Annexe 7: "la signature du bénéficiaire est obligatoire dans le cas
# d'une demande d'action CG ou d'avenant au contrat".
BENEFICIARY_SIGNS = ("actions", "amendment")
# The President decides these on the fiche; an EP request is decided on its
# EP case, a request for support ends with the correspondant's answer.
PRESIDENT_DECIDES = ("actions", "amendment")
CONTRACT_IN_FORCE = ("validated", "running")
# The référent's request: frozen once sent (the paper is in the
# correspondant's hands).
REQUEST_FIELDS = frozenset([
    "notebook_id", "situation", "referent_id", "organism_id", "contract_id",
    "support_request", "ep_request_type", "requested_orientation_type",
    "reorientation_reason", "suspension_reason", "ep_motive", "assessment_id",
    "attachment_ids", "action_ids", "action_details", "desired_structure",
    "amendment_id", "referent_note", "signature_place", "referent_signed_date",
    "beneficiary_remarks", "beneficiary_signed_date",
])
ANSWER_DAYS = 8
# Who fills what when (the web client; the model guards the transitions).
DRAFT = {"draft": [("readonly", False)]}
TO_CORRESPONDANT = {"draft": [("readonly", False)], "sent": [("readonly", False)]}
SENT = {"sent": [("readonly", False)]}
OPINION = {"opinion": [("readonly", False)]}
STRUCTURE = {"opinion": [("readonly", False)], "structure": [("readonly", False)]}
AT_STRUCTURE = {"structure": [("readonly", False)]}


class CerLiaison(models.Model):
    """Fiche de liaison référent – Département (guide, "LA FICHE DE LIAISON",
    Annexe 7).

    "Elle a pour but … de solliciter une demande d'appui auprès du
    Correspondant du Service Local Allocation Insertion (SLAI) pour les
    raisons suivantes : Demande diverse en lien avec le contrat ou un problème
    rencontré avec le bénéficiaire, Passage en Equipe Pluridisciplinaire,
    Enclenchement d'Actions du Conseil Général, Avenant au Contrat
    d'Engagement Réciproque en cours de validité."

    The référent writes and signs it, the correspondant gives his opinion;
    an EP request becomes an EP case (its opinion and decision show here),
    actions and amendments are decided by the President (by delegation);
    for an action, the receiving structure reports the outcome. At every
    step the answer comes back to the référent: a message addressed to him
    on the fiche, a note in the carnet and, when an answer arrives, an
    activity.
    """

    _name = "cer.liaison"
    _description = "Fiche de liaison"
    _inherit = ["cdb.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _sequence_code = "cer.liaison"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True,
        readonly=True, states=DRAFT)
    situation = fields.Selection(
        SITUATIONS, "Request", required=True, default="support",
        track_visibility="onchange",
        readonly=True, states=DRAFT)
    state = fields.Selection([
        ("draft", "Draft"),
        ("sent", "Sent to the correspondant"),
        ("opinion", "Correspondant's opinion given"),
        ("ep", "At the équipe pluridisciplinaire"),
        ("structure", "At the receiving structure"),
        ("closed", "Closed"),
        ("cancelled", "Cancelled"),
    ], default="draft", required=True, index=True, copy=False, track_visibility="onchange")

    # ------------------------------------------------------------ header
    referent_id = fields.Many2one(
        "res.users", "Référent", required=True, index=True,
        default=lambda self: self._default_notebook().referent_id or self.env.user,
        readonly=True, states=DRAFT)
    organism_id = fields.Many2one(
        "res.partner", "Organism", domain=[("cdb_is_structure", "=", True)],
        default=lambda self: self._default_organism(),
        readonly=True, states=DRAFT)
    referent_phone = fields.Char(related="referent_id.partner_id.phone", readonly=True,
                                 string="Référent's phone")
    referent_email = fields.Char(related="referent_id.partner_id.email", readonly=True,
                                 string="Référent's e-mail")
    correspondant_id = fields.Many2one(
        "res.users", "Correspondant", index=True, track_visibility="onchange",
        default=lambda self: self._default_notebook().orientation_id.correspondant_id,
        domain=lambda self: [("groups_id", "in", self.env.ref(
            "carnet_de_bord.group_cdb_correspondant").id)],
        help="The correspondant of the Département designated with the orientation; "
             "another correspondant can be chosen.",
        readonly=True, states=TO_CORRESPONDANT)
    territory_id = fields.Many2one(related="notebook_id.territory_id", readonly=True,
                                   string="Territory (MDS)")
    # Beneficiary, as on the paper form (read-only: the carnet is the source)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True, string="Beneficiary")
    caf_number = fields.Char(related="beneficiary_id.caf_number", readonly=True)
    france_travail_id = fields.Char(related="beneficiary_id.france_travail_id", readonly=True)
    beneficiary_lastname = fields.Char(related="beneficiary_id.lastname", readonly=True,
                                       string="Last name")
    beneficiary_firstname = fields.Char(related="beneficiary_id.firstname", readonly=True,
                                        string="First name")
    birthdate_date = fields.Date(related="beneficiary_id.birthdate_date", readonly=True)
    family_situation = fields.Selection(related="beneficiary_id.family_situation",
                                        readonly=True)
    beneficiary_address = fields.Char("Address", compute="_compute_beneficiary_address")
    beneficiary_phone = fields.Char(related="beneficiary_id.phone", readonly=True,
                                    string="Phone")
    beneficiary_mobile = fields.Char(related="beneficiary_id.mobile", readonly=True,
                                     string="Mobile")
    beneficiary_email = fields.Char(related="beneficiary_id.email", readonly=True,
                                    string="E-mail")
    diploma_level_id = fields.Many2one(related="notebook_id.situation_diploma_level_id",
                                       readonly=True, string="Education level")
    # Contract in force
    contract_id = fields.Many2one(
        "cer.contract", "Contract in force", ondelete="restrict",
        domain="[('notebook_id', '=', notebook_id), ('state', 'in', ('validated', 'running'))]",
        default=lambda self: self._default_notebook().contract_id,
        readonly=True, states=DRAFT)
    contract_date_start = fields.Date(related="contract_id.date_start", readonly=True,
                                      string="Contract start")
    contract_date_end = fields.Date(related="contract_id.date_end", readonly=True,
                                    string="Contract end")

    # ------------------------------------------------ 1. request for support
    support_request = fields.Text(
        "Request",
        help="Any question about the contract or a difficulty met with the "
             "beneficiary; it may be written like an e-mail.",
        readonly=True, states=DRAFT)

    # ------------------------------------------- 2. équipe pluridisciplinaire
    ep_request_type = fields.Selection(
        [("reorientation", "Reorientation"), ("suspension", "Suspension")], "EP request",
        readonly=True, states=DRAFT)
    requested_orientation_type = fields.Selection(ORIENTATION_TYPES, "Requested orientation",
        readonly=True, states=DRAFT)
    reorientation_reason = fields.Selection(
        selection="_selection_reorientation_reason", string="Reason for the reorientation",
        readonly=True, states=DRAFT)
    suspension_reason = fields.Selection(
        selection="_selection_suspension_reason", string="Reason for the suspension",
        readonly=True, states=DRAFT)
    ep_motive = fields.Text("Motive of the request",
        readonly=True, states=DRAFT)
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "Employment-distance scale (EDE)", ondelete="restrict",
        domain="[('notebook_id', '=', notebook_id), ('state', '=', 'done')]",
        help="Every reorientation request comes with the employment-distance "
             "scale agreed with the beneficiary.",
        readonly=True, states=DRAFT)
    attachment_ids = fields.Many2many(
        "ir.attachment", "cer_liaison_attachment_rel", "liaison_id", "attachment_id",
        "Documents attached",
        help="The convocation letters for a suspension request, the CV for a "
             "position on a Contrat Unique d'Insertion…",
        readonly=True, states=DRAFT)
    ep_case_id = fields.Many2one("rsa.ep.case", "EP case", readonly=True, copy=False,
                                 index=True)
    ep_case_state = fields.Selection(related="ep_case_id.state", readonly=True,
                                     string="State of the EP case")
    ep_session_id = fields.Many2one(related="ep_case_id.session_id", readonly=True,
                                    string="EP session")
    ep_opinion = fields.Selection(related="ep_case_id.opinion", readonly=True,
                                  string="Opinion of the EP")
    ep_opinion_motive = fields.Text(related="ep_case_id.opinion_motive", readonly=True,
                                    string="Motivation of the EP")
    ep_opinion_date = fields.Date(related="ep_case_id.opinion_date", readonly=True,
                                  string="EP opinion date")
    ep_decision = fields.Selection(related="ep_case_id.decision", readonly=True,
                                   string="President's decision on the EP case")
    ep_decision_date = fields.Date(related="ep_case_id.decision_date", readonly=True,
                                   string="EP decision date")
    ep_decision_note = fields.Text(related="ep_case_id.decision_note", readonly=True,
                                   string="EP decision comment")

    # ------------------------------------------- 3. actions of the Département
    action_ids = fields.Many2many(
        "cer.liaison.action", "cer_liaison_action_rel", "liaison_id", "action_id",
        "Actions requested",
        readonly=True, states=DRAFT)
    action_details = fields.Text(
        "Details", help="Which action and which organism, for the actions to specify.",
        readonly=True, states=DRAFT)
    desired_structure = fields.Char("Structure wished for the action",
        readonly=True, states=DRAFT)

    # ------------------------------------------------------- 4. amendment
    amendment_id = fields.Many2one(
        "cer.amendment", "Amendment", ondelete="restrict",
        domain="[('contract_id', '=', contract_id), ('state', '=', 'draft')]",
        help="The amendment (avenant) with the changed PAP; it does not change "
             "the duration of the contract.",
        readonly=True, states=DRAFT)

    # --------------------------------------------------- signatures
    referent_note = fields.Text("Référent's part",
        readonly=True, states=DRAFT)
    signature_place = fields.Char("Signed at",
        readonly=True, states=DRAFT)
    referent_signed_date = fields.Date("Signed by the référent on", copy=False,
        readonly=True, states=DRAFT)
    beneficiary_remarks = fields.Text("Remarks of the beneficiary",
        readonly=True, states=DRAFT)
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on", copy=False,
        readonly=True, states=DRAFT)
    date_sent = fields.Date("Sent on", readonly=True, copy=False)

    # --------------------------------------------- correspondant's opinion
    correspondant_opinion = fields.Selection(
        [("favourable", "Favourable"), ("unfavourable", "Unfavourable")],
        "Correspondant's opinion", copy=False, track_visibility="onchange",
        readonly=True, states=SENT)
    correspondant_comment = fields.Text("Correspondant's observations", copy=False,
        readonly=True, states=SENT)
    correspondant_date = fields.Date("Opinion given on", readonly=True, copy=False)

    # ------------------------------------------------ President's decision
    decision = fields.Selection(
        [("granted", "Granted"), ("refused", "Refused")], "President's decision",
        copy=False, track_visibility="onchange",
        readonly=True, states=OPINION)
    decision_motive = fields.Text("Motive of the decision", copy=False,
        readonly=True, states=OPINION)
    decision_date = fields.Date(readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        "res.users", "Decided by delegation of the President", readonly=True, copy=False)

    # ---------------------------------------------- receiving structure
    structure_id = fields.Many2one(
        "res.partner", "Designated structure", domain=[("cdb_is_structure", "=", True)],
        copy=False,
        readonly=True, states=STRUCTURE)
    structure_contact = fields.Char("Contact at the structure", copy=False,
        readonly=True, states=STRUCTURE)
    first_appointment_date = fields.Date("First appointment", copy=False,
        readonly=True, states=AT_STRUCTURE)
    outcome = fields.Selection([
        ("started", "The person starts the action"),
        ("did_not_come", "The person did not come to the appointment"),
        ("does_not_join", "The person does not join the action"),
        ("stopped", "The person does not continue the action"),
    ], copy=False, track_visibility="onchange",
        readonly=True, states=AT_STRUCTURE)
    new_appointment_date = fields.Date("Other appointment", copy=False,
        readonly=True, states=AT_STRUCTURE)
    outcome_motive = fields.Text("Motive", copy=False,
        readonly=True, states=AT_STRUCTURE)
    synthesis = fields.Text("Synthesis of the action", copy=False,
        readonly=True, states=AT_STRUCTURE)

    # ---------------------------------------------------------- defaults
    @api.model
    def _default_notebook(self):
        notebook = self.env["cdb.notebook"].browse(self.env.context.get("default_notebook_id"))
        return notebook if notebook.exists() else self.env["cdb.notebook"]

    @api.model
    def _default_organism(self):
        notebook = self._default_notebook()
        referent = notebook.referent_id or self.env.user
        return referent.cdb_structure_id or notebook.structure_id

    @api.depends("beneficiary_id.street", "beneficiary_id.street2", "beneficiary_id.zip",
                 "beneficiary_id.city")
    def _compute_beneficiary_address(self):
        for liaison in self:
            partner = liaison.beneficiary_id
            town = " ".join(filter(None, [partner.zip, partner.city]))
            liaison.beneficiary_address = ", ".join(
                filter(None, [partner.street, partner.street2, town]))

    @api.model
    def _selection_reorientation_reason(self):
        return self.env["rsa.ep.case"]._fields["reorientation_reason"]._description_selection(
            self.env)

    @api.model
    def _selection_suspension_reason(self):
        return self.env["rsa.ep.case"]._fields["suspension_reason"]._description_selection(
            self.env)

    @api.onchange("notebook_id")
    def _onchange_notebook_id(self):
        notebook = self.notebook_id
        if not notebook:
            return
        self.referent_id = notebook.referent_id or self.env.user
        self.organism_id = self.referent_id.cdb_structure_id or notebook.structure_id
        self.correspondant_id = notebook.orientation_id.correspondant_id
        self.contract_id = notebook.contract_id

    @api.onchange("contract_id")
    def _onchange_contract_id(self):
        if self.amendment_id and self.amendment_id.contract_id != self.contract_id:
            self.amendment_id = False

    # -------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        vals = dict(vals)
        notebook = self.env["cdb.notebook"].browse(vals.get("notebook_id"))
        if notebook:
            if "referent_id" not in vals:
                vals["referent_id"] = (notebook.referent_id or self.env.user).id
            if "correspondant_id" not in vals:
                vals["correspondant_id"] = notebook.orientation_id.correspondant_id.id
            if "contract_id" not in vals:
                vals["contract_id"] = notebook.contract_id.id
            if "organism_id" not in vals:
                referent = self.env["res.users"].browse(vals["referent_id"])
                vals["organism_id"] = (referent.cdb_structure_id or notebook.structure_id).id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        frozen = REQUEST_FIELDS & set(vals)
        if frozen and self.filtered(lambda l: l.state != "draft"):
            raise UserError(_(
                "The fiche de liaison is sent: the request can no longer be changed. "
                "Write to the correspondant in the discussion of the fiche, or "
                "cancel it and write a new one."))
        forwarded = self.browse()
        if "correspondant_id" in vals:
            forwarded = self._check_can_change_correspondant(vals["correspondant_id"])
        pending = {liaison.id: liaison._correspondant_activities() for liaison in forwarded}
        result = super().write(vals)
        for liaison in forwarded:
            liaison._forward_to_new_correspondant(pending[liaison.id])
        return result

    def _check_can_change_correspondant(self, correspondant_id):
        """A sent fiche may go to another correspondant until he answers.
        Returns the sent fiches that change hands."""
        if self.filtered(lambda l: l.state not in ("draft", "sent")):
            raise UserError(_(
                "The correspondant has answered: the fiche cannot go to another "
                "correspondant."))
        correspondant = self.env["res.users"].browse(correspondant_id)
        forwarded = self.filtered(
            lambda l: l.state == "sent" and l.correspondant_id != correspondant)
        for liaison in forwarded:
            liaison._check_correspondant(correspondant)
        return forwarded

    def _forward_to_new_correspondant(self, activities):
        """The fiche goes to another correspondant: the request to answer
        follows."""
        activities.write({"user_id": self.correspondant_id.id})
        self.message_subscribe_users(user_ids=self.correspondant_id.ids)
        self.message_post(
            body=_("Fiche de liaison forwarded to %s.") % self.correspondant_id.name,
            subtype="mail.mt_comment",
            partner_ids=(self.correspondant_id.partner_id | self.referent_id.partner_id).ids)

    @api.multi
    def unlink(self):
        if self.filtered(lambda l: l.state not in ("draft", "cancelled")):
            raise UserError(_(
                "A fiche de liaison sent to the correspondant is kept: cancel it instead."))
        return super().unlink()

    # ------------------------------------------------------------ helpers
    def _is_manager(self):
        return self.env.user.has_group("carnet_de_bord.group_cdb_manager")

    def _todo(self, user, summary, days=0):
        """A to-do for ``user`` on this fiche, due in ``days``."""
        deadline = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)) + timedelta(days=days))
        return self._cdb_schedule_activity("mail.mail_activity_data_todo", summary, deadline, user)

    def _correspondant_activities(self):
        return self.activity_ids.filtered(lambda a: a.user_id == self.correspondant_id)

    def _post_on_notebook(self, body, author=None):
        """The carnet's chatter traces the fiche at each step. Posted in the
        name of the acting user, who may only read the carnet (a
        correspondant of the territory, an EP member)."""
        author = author or self.env.user.partner_id
        self.notebook_id.sudo().message_post(
            body=_("Fiche de liaison %s: %s") % (self.name, body), author_id=author.id,
            subtype="mail.mt_note")

    def _notify_referent(self, body, activity_summary=None, notebook=True, author=None):
        """The référent always gets the answer back: a message addressed to
        him on the fiche, the same in the carnet, and a to-do when an answer
        arrives. ``author``: the acting user's partner, when the fiche is
        updated as superuser on his behalf."""
        author = author or self.env.user.partner_id
        self.message_post(body=body, subtype="mail.mt_comment", author_id=author.id,
                          partner_ids=self.referent_id.partner_id.ids)
        if notebook:
            self._post_on_notebook(body, author)
        if activity_summary and self.referent_id:
            self.sudo()._todo(self.referent_id, activity_summary)

    # ------------------------------------------------------------- send
    @api.multi
    def action_send(self):
        """The référent sends the signed fiche to the correspondant."""
        for liaison in self:
            liaison._check_can_send()
        today = fields.Date.context_today(self)
        for liaison in self:
            if liaison.situation == "amendment":
                liaison._sign_amendment()
            liaison.write({"state": "sent", "date_sent": today})
            liaison.message_subscribe_users(
                user_ids=(liaison.referent_id | liaison.correspondant_id).ids)
            body = _("Sent to the correspondant %s: %s.") % (
                liaison.correspondant_id.name, selection_label(liaison, "situation"))
            liaison.message_post(body=body, subtype="mail.mt_comment",
                                 partner_ids=liaison.correspondant_id.partner_id.ids)
            liaison._post_on_notebook(body)
            liaison._todo(
                liaison.correspondant_id,
                _("Give your opinion on the fiche de liaison of %s") % liaison.beneficiary_id.name,
                days=ANSWER_DAYS)
        return True

    def _check_can_send(self):
        if self.state != "draft":
            raise UserError(_("Only a draft fiche de liaison can be sent."))
        if self.env.user != self.referent_id and not self._is_manager():
            raise UserError(_("Only the référent who writes the fiche de liaison can send it."))
        self._check_correspondant()
        if not self.referent_signed_date:
            raise UserError(_("Sign the fiche de liaison: record the référent's signature date."))
        if self.situation in BENEFICIARY_SIGNS and not self.beneficiary_signed_date:
            raise UserError(_(
                "The signature of the beneficiary is mandatory for a request of actions "
                "of the Département or an amendment to the contract: record the date "
                "the beneficiary signed."))
        getattr(self, "_check_request_%s" % self.situation)()

    def _check_correspondant(self, correspondant=None):
        correspondant = self.correspondant_id if correspondant is None else correspondant
        if not correspondant:
            raise UserError(_(
                "Choose the correspondant: the fiche de liaison goes to the "
                "correspondant of the Département designated with the orientation."))
        if not correspondant.has_group("carnet_de_bord.group_cdb_correspondant"):
            raise UserError(_("%s is not a correspondant of the Département.")
                            % correspondant.name)
        try:
            self.notebook_id.sudo(correspondant).check_access_rule("read")
        except AccessError:
            raise UserError(_(
                "%s does not follow this carnet: choose the correspondant of its "
                "territory.") % correspondant.name)

    def _check_request_support(self):
        if not (self.support_request or "").strip():
            raise UserError(_("Write your request to the correspondant."))

    def _check_request_ep(self):
        """Annexe 7: "A chaque demande de réorientation, transmettre
        également, l'échelle de distance à l'emploi." — "A chaque demande de
        suspension, transmettre aussi les différents courriers de
        convocations." """
        if not self.ep_request_type:
            raise UserError(_("Choose the request to the équipe pluridisciplinaire: "
                              "reorientation or suspension."))
        if not (self.ep_motive or "").strip():
            raise UserError(_("Write the motive of the request."))
        if self.ep_request_type == "reorientation":
            if not self.requested_orientation_type:
                raise UserError(_("Choose the orientation requested."))
            if not self.reorientation_reason:
                raise UserError(_("Choose the reason for the reorientation."))
            assessment = self.assessment_id
            if not assessment or assessment.state != "done" or \
                    assessment.notebook_id != self.notebook_id:
                raise UserError(_(
                    "A reorientation request comes with the employment-distance scale "
                    "(EDE) agreed with the beneficiary: attach an agreed assessment of "
                    "this carnet."))
        else:
            if not self.suspension_reason:
                raise UserError(_("Choose the reason for the suspension."))
            if not self.attachment_ids:
                raise UserError(_(
                    "A suspension request comes with the convocation letters: attach "
                    "them to the fiche de liaison."))

    def _check_request_actions(self):
        if not self.action_ids:
            raise UserError(_("Tick the actions of the Département you request."))
        to_specify = self.action_ids.filtered("needs_precision")
        if to_specify and not (self.action_details or "").strip():
            raise UserError(_("Specify the action and the organism for: %s.")
                            % ", ".join(to_specify.mapped("name")))
        documents = self.action_ids.filtered("required_document")
        if documents and not self.attachment_ids:
            raise UserError(_("Attach the documents the request needs: %s.") % ", ".join(
                "%s (%s)" % (a.required_document, a.name) for a in documents))

    def _check_request_amendment(self):
        """Guide: "Le référent utilise la fiche de liaison comme avenant au
        CER et y joint le PAP modifié. La signature du bénéficiaire est
        obligatoire." — "L'avenant ne modifiera pas la durée initialement
        prévue dans le contrat." """
        contract = self.contract_id
        if not contract or contract.state not in CONTRACT_IN_FORCE:
            raise UserError(_(
                "An amendment changes the contract in force: choose the contract "
                "in force of the beneficiary."))
        if contract.notebook_id != self.notebook_id:
            raise UserError(_("The contract belongs to another carnet."))
        amendment = self.amendment_id
        if not amendment:
            raise UserError(_(
                "Join the changed PAP: prepare the amendment (new and cancelled "
                "actions) of the contract first."))
        if amendment.contract_id != contract:
            raise UserError(_("The amendment belongs to another contract."))
        if amendment.state != "draft":
            raise UserError(_("This amendment is already applied."))
        if not (amendment.new_line_ids or amendment.cancelled_action_ids):
            raise UserError(_("The amendment changes nothing in the action plan."))

    def _sign_amendment(self):
        """The avenant carries the signatures of the fiche."""
        values = {}
        if not self.amendment_id.beneficiary_signed_date:
            values["beneficiary_signed_date"] = self.beneficiary_signed_date
        if not self.amendment_id.referent_signed_date:
            values["referent_signed_date"] = self.referent_signed_date
        if values:
            self.amendment_id.write(values)

    # ------------------------------------------------------ correspondant
    @api.multi
    def action_give_opinion(self):
        """The correspondant answers. A favourable opinion on an EP request
        puts the case before the équipe pluridisciplinaire."""
        for liaison in self:
            liaison._check_can_give_opinion()
        today = fields.Date.context_today(self)
        for liaison in self:
            liaison._correspondant_activities().action_done()
            values = {"correspondant_date": today}
            if liaison.situation == "support" or (
                    liaison.situation == "ep" and liaison.correspondant_opinion != "favourable"):
                values["state"] = "closed"
            elif liaison.situation == "ep":
                values.update(state="ep", ep_case_id=liaison._create_ep_case().id)
            else:
                values["state"] = "opinion"
            liaison.write(values)
            liaison._notify_referent(liaison._opinion_message(), _(
                "Answer of the correspondant on the fiche de liaison of %s")
                % liaison.beneficiary_id.name)
        return True

    def _check_can_give_opinion(self):
        if self.state != "sent":
            raise UserError(_("The correspondant answers a fiche de liaison that was sent."))
        if self.env.user != self.correspondant_id and not self._is_manager():
            raise UserError(_("Only %s, the correspondant of this fiche de liaison, can answer.")
                            % self.correspondant_id.name)
        if self.situation != "support" and not self.correspondant_opinion:
            raise UserError(_("Give your opinion: favourable or unfavourable."))
        if not (self.correspondant_comment or "").strip():
            raise UserError(_(
                "Write your observations: the référent reads them as the answer to "
                "his request."))

    def _opinion_message(self):
        if self.situation == "support":
            return _("Answer of the correspondant %s: %s") % (
                self.env.user.name, self.correspondant_comment)
        message = _("Opinion of the correspondant %s: %s. %s") % (
            self.env.user.name, selection_label(self, "correspondant_opinion"),
            self.correspondant_comment)
        if self.ep_case_id:
            message += " " + _("EP case %s created for the équipe pluridisciplinaire.") \
                % self.ep_case_id.name
        return message

    def _create_ep_case(self):
        """The request goes to the équipe pluridisciplinaire with the same
        data and documents (the EDE, the convocation letters)."""
        case = self.env["rsa.ep.case"].create({
            "notebook_id": self.notebook_id.id,
            "case_type": self.ep_request_type,
            "origin_orientation_id": self.notebook_id.orientation_id.id,
            "requested_orientation_type": self.requested_orientation_type
            if self.ep_request_type == "reorientation" else False,
            "reorientation_reason": self.reorientation_reason
            if self.ep_request_type == "reorientation" else False,
            "suspension_reason": self.suspension_reason
            if self.ep_request_type == "suspension" else False,
            "motive": self.ep_motive,
            "assessment_id": self.assessment_id.id
            if self.ep_request_type == "reorientation" else False,
        })
        for attachment in self.attachment_ids.sudo():
            attachment.copy({"res_model": case._name, "res_id": case.id})
        case.message_post(body=_("Request of the référent %s by the fiche de liaison %s, "
                                 "favourable opinion of the correspondant: %s") % (
            self.referent_id.name, self.name, self.correspondant_comment))
        case.invalidate_cache()
        case.action_submit()
        return case

    # ------------------------------------------------- EP case follow-up
    def _on_ep_opinion(self, author):
        for liaison in self.filtered(lambda l: l.state == "ep"):
            body = _("Opinion of the équipe pluridisciplinaire on %s: %s. %s") % (
                liaison.ep_case_id.name, selection_label(liaison, "ep_opinion"),
                liaison.ep_opinion_motive or "")
            liaison._notify_referent(body, notebook=False, author=author)

    def _on_ep_case_closed(self, author):
        """The EP case is decided (or withdrawn): the fiche is closed and the
        référent gets the answer (the case already wrote in the carnet)."""
        for liaison in self.filtered(lambda l: l.state == "ep"):
            liaison.write({"state": "closed"})
            case = liaison.ep_case_id
            if case.state == "decided":
                body = _("Decision of the President on the EP case %s: %s. %s") % (
                    case.name, selection_label(liaison, "ep_decision"), case.decision_note or "")
            else:
                body = _("The EP case %s was withdrawn.") % case.name
            liaison._notify_referent(body, _("Decision on the EP request of %s")
                                     % liaison.beneficiary_id.name, notebook=False,
                                     author=author)

    # ------------------------------------------------ President's decision
    @api.multi
    def action_decide(self):
        """The President's decision, by delegation, on a request of actions
        or an amendment. A granted amendment is applied to the contract."""
        for liaison in self:
            liaison._check_can_decide()
        today = fields.Date.context_today(self)
        for liaison in self:
            granted = liaison.decision == "granted"
            values = {"decision_date": today, "decision_user_id": self.env.user.id,
                      "state": "structure" if granted and liaison.situation == "actions"
                      else "closed"}
            liaison.write(values)
            if granted and liaison.situation == "amendment":
                # Applying the decided avenant is the Département's act: the
                # correspondant may not be in charge of the cancelled actions.
                liaison.amendment_id.sudo().action_apply()
            body = _("Decision of the President (by delegation, %s): %s.") % (
                self.env.user.name, selection_label(liaison, "decision"))
            if liaison.decision_motive:
                body += " " + liaison.decision_motive
            if granted and liaison.structure_id:
                body += " " + _("Designated structure: %s.") % liaison.structure_id.name
            liaison._notify_referent(body, _("Decision on the fiche de liaison of %s")
                                     % liaison.beneficiary_id.name)
        return True

    def _check_can_decide(self):
        if self.situation not in PRESIDENT_DECIDES:
            raise UserError(_(
                "The President decides on a request of actions or an amendment; an EP "
                "request is decided on its EP case."))
        if self.state != "opinion":
            raise UserError(_("The decision follows the opinion of the correspondant."))
        if not self.env.user.has_group("carnet_de_bord.group_cdb_correspondant"):
            raise UserError(_(
                "The decision belongs to the President of the Département, by "
                "delegation to the correspondants and managers."))
        if not self.decision:
            raise UserError(_("Choose the decision: granted or refused."))
        if self.decision == "refused" and not (self.decision_motive or "").strip():
            raise UserError(_("Give the motive of the refusal."))
        if self.decision == "granted" and self.situation == "amendment":
            if self.contract_id.state not in CONTRACT_IN_FORCE:
                raise UserError(_("The contract is no longer in force: the amendment "
                                  "cannot be applied."))
            self.amendment_id.sudo()._check_can_apply()

    # ------------------------------------------------ receiving structure
    @api.multi
    def action_record_outcome(self):
        """"PARTIE RÉSERVÉE A LA STRUCTURE": the first appointment and
        whether the person started the action."""
        for liaison in self:
            liaison._check_can_record_outcome()
        for liaison in self:
            liaison.write({"state": "closed"})
            body = _("Report of the structure %s: first appointment on %s, %s.") % (
                liaison.structure_id.name, format_date(liaison.first_appointment_date),
                selection_label(liaison, "outcome"))
            for extra in (liaison.outcome_motive, liaison.synthesis):
                if extra:
                    body += " " + extra
            liaison._notify_referent(body, _("The structure reported on the action of %s")
                                     % liaison.beneficiary_id.name)
        return True

    def _check_can_record_outcome(self):
        if self.state != "structure":
            raise UserError(_("The structure reports on an action granted by the President."))
        if not self.structure_id:
            raise UserError(_("Record the structure that receives the person."))
        if not self.first_appointment_date:
            raise UserError(_("Record the date of the first appointment."))
        if not self.outcome:
            raise UserError(_("Record whether the person started the action."))
        if self.outcome in ("does_not_join", "stopped") and \
                not (self.outcome_motive or "").strip():
            raise UserError(_("Give the motive why the person does not join or "
                              "does not continue the action."))

    # -------------------------------------------------------------- cancel
    @api.multi
    def action_cancel(self):
        for liaison in self:
            if liaison.state not in ("draft", "sent"):
                raise UserError(_(
                    "The correspondant has answered: the fiche de liaison can no longer "
                    "be cancelled."))
            if self.env.user != liaison.referent_id and not liaison._is_manager():
                raise UserError(_("Only the référent who writes the fiche de liaison can "
                                  "cancel it."))
        for liaison in self:
            was_sent = liaison.state == "sent"
            liaison._correspondant_activities().unlink()
            liaison.write({"state": "cancelled"})
            if was_sent:
                body = _("Withdrawn by %s.") % self.env.user.name
                liaison.message_post(body=body, subtype="mail.mt_comment",
                                     partner_ids=liaison.correspondant_id.partner_id.ids)
                liaison._post_on_notebook(body)
        return True

    @api.multi
    def action_draft(self):
        for liaison in self:
            if liaison.state != "cancelled":
                raise UserError(_("Only a cancelled fiche de liaison goes back to draft."))
        self.write({"state": "draft", "date_sent": False})
        return True

    @api.multi
    def action_print(self):
        return self.env.ref("cer_contracts.action_report_cer_liaison").report_action(self)


class RsaEpCase(models.Model):
    """An EP case opened from a fiche de liaison answers the fiche."""

    _inherit = "rsa.ep.case"

    liaison_ids = fields.One2many("cer.liaison", "ep_case_id", "Fiches de liaison")

    @api.multi
    def action_give_opinion(self):
        result = super().action_give_opinion()
        self._liaisons()._on_ep_opinion(self.env.user.partner_id)
        return result

    @api.multi
    def action_decide(self):
        result = super().action_decide()
        self._liaisons()._on_ep_case_closed(self.env.user.partner_id)
        return result

    @api.multi
    def action_cancel(self):
        result = super().action_cancel()
        self._liaisons()._on_ep_case_closed(self.env.user.partner_id)
        return result

    def _liaisons(self):
        """The fiches, whoever acts on the case (an EP member does not
        read the fiches de liaison)."""
        return self.env["cer.liaison"].sudo().search([("ep_case_id", "in", self.ids)])

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import (cer_liaison_request_actions, cer_liaison_request_amendment,
               cer_liaison_request_ep, cer_liaison_request_other, cer_liaison_request_support)
from .cer_liaison_workflow import part

# Each kind of request, in its own file (its fields, checks and steps), in
# the order of the boxes of the form (Annexe 7, "SOLLICITATION DE L'AVIS DU
# CORRESPONDANT": "DEMANDE D'APPUI", "Passage en Equipe Pluridisciplinaire",
# "Modification du PAP", "Actions Conseil Général", "Autre(s)"). A fiche
# ticks one or several: the boolean field ``request_<kind>`` of each.
KINDS = {
    "support": cer_liaison_request_support.KIND,
    "ep": cer_liaison_request_ep.KIND,
    "amendment": cer_liaison_request_amendment.KIND,
    "actions": cer_liaison_request_actions.KIND,
    "other": cer_liaison_request_other.KIND,
}


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

    This file holds what every fiche has (the header, the beneficiary, the
    contract, the documents, the signatures) and its defaults; the four kinds
    of request are in ``cer_liaison_request_*.py``, the steps in
    ``cer_liaison_workflow.py``, the EP follow-up in
    ``cer_liaison_ep_followup.py``.
    """

    _name = "cer.liaison"
    _description = "Fiche de liaison"
    _inherit = [
        "cer.liaison.request.support", "cer.liaison.request.ep", "cer.liaison.ep.followup",
        "cer.liaison.request.actions", "cer.liaison.request.amendment",
        "cer.liaison.request.other",
        "cer.liaison.workflow", "cer.part.mixin", "cdb.numbered.mixin",
        "mail.thread", "mail.activity.mixin",
    ]
    _order = "create_date desc, id desc"
    _sequence_code = "cer.liaison"
    _cer_parent_fields = ("notebook_id",)
    # (and the stored copy of the carnet's beneficiary, printed on the fiche)
    _workflow_fields = (
        "name", "state", "date_sent", "correspondant_opinion", "correspondant_date",
        "decision", "decision_date", "decision_user_id", "ep_case_id", "beneficiary_id")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    # The boxes of page 1: one fiche may tick several requests (KINDS).
    request_support = fields.Boolean("Request for support", track_visibility="onchange",
                                     **part("request"))
    request_ep = fields.Boolean("Passage en équipe pluridisciplinaire",
                                track_visibility="onchange", **part("request"))
    request_amendment = fields.Boolean("Change of the PAP (amendment)",
                                       track_visibility="onchange", **part("request"))
    request_actions = fields.Boolean("Actions of the Département", track_visibility="onchange",
                                     **part("request"))
    request_other = fields.Boolean("Other", track_visibility="onchange", **part("request"))
    requests = fields.Char(compute="_compute_requests",
                           help="The requests ticked on the fiche.")
    needs_opinion = fields.Boolean(
        compute="_compute_requests",
        help="A request ticked takes the correspondant's opinion (favourable or not), "
             "not only his answer.")
    needs_decision = fields.Boolean(
        compute="_compute_requests", help="A request ticked is decided by the President.")
    referent_signs = fields.Boolean(
        compute="_compute_requests",
        help="The référent signs the fiche: not for a request for support alone, "
             "\"n'ayant pas de signature\".")
    beneficiary_signs = fields.Boolean(
        compute="_compute_requests",
        help="The beneficiary's signature is mandatory (actions of the Département, "
             "amendment).")

    @api.depends("request_support", "request_ep", "request_amendment", "request_actions",
                 "request_other")
    def _compute_requests(self):
        for liaison in self:
            kinds = liaison._requested_kinds().values()
            liaison.requests = liaison._requests_label()
            liaison.needs_opinion = any("favourable" in kind.steps for kind in kinds)
            liaison.needs_decision = liaison._any_kind("president_decides")
            liaison.referent_signs = liaison._any_kind("referent_signs")
            liaison.beneficiary_signs = liaison._any_kind("beneficiary_signs")

    # ------------------------------------------------------------ header
    referent_id = fields.Many2one("res.users", "Référent", required=True, index=True,
                                  **part("request"))
    organism_id = fields.Many2one(
        "res.partner", "Organism", domain=[("cdb_is_structure", "=", True)],
        **part("request"))
    referent_phone = fields.Char(related="referent_id.partner_id.phone", readonly=True,
                                 string="Référent's phone")
    referent_email = fields.Char(related="referent_id.partner_id.email", readonly=True,
                                 string="Référent's e-mail")
    correspondant_id = fields.Many2one(
        "res.users", "Correspondant", index=True, track_visibility="onchange",
        domain=lambda self: [("groups_id", "in", self.env.ref(
            "carnet_de_bord.group_cdb_correspondant").id)],
        help="The correspondant of the Département designated with the orientation; "
             "another correspondant of the carnet's territory can be chosen.",
        **part("address"))
    territory_id = fields.Many2one(related="notebook_id.territory_id", readonly=True,
                                   string="Territory (MDS)")
    # Beneficiary, as on the paper form (read-only: the carnet is the source)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True, string="Beneficiary")
    caf_number = fields.Char(related="beneficiary_id.caf_number", readonly=True)
    rsa_entry_date = fields.Date(related="beneficiary_id.rsa_entry_date", readonly=True)
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
        domain="[('notebook_id', '=', notebook_id), ('is_in_force', '=', True)]",
        **part("request"))
    contract_date_start = fields.Date(related="contract_id.date_start", readonly=True,
                                      string="Contract start")
    contract_date_end = fields.Date(related="contract_id.date_end", readonly=True,
                                    string="Contract end")
    # Documents (EP and actions requests)
    attachment_ids = fields.Many2many(
        "ir.attachment", "cer_liaison_attachment_rel", "liaison_id", "attachment_id",
        "Documents attached",
        help="The convocation letters for a suspension request, the CV for a "
             "position on a Contrat Unique d'Insertion…",
        **part("request"))

    # --------------------------------------------------- signatures
    referent_note = fields.Text("Référent's part", **part("request"))
    signature_place = fields.Char("Signed at", **part("request"))
    referent_signed_date = fields.Date("Signed by the référent on", copy=False,
                                       **part("request"))
    beneficiary_remarks = fields.Text("Remarks of the beneficiary", **part("request"))
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on", copy=False,
                                          **part("request"))

    @api.model
    def _liaison_kinds(self):
        return KINDS

    # ---------------------------------------------------------- defaults
    @api.model
    def _notebook_defaults(self, notebook, referent=None):
        """The defaults of a fiche, written once (form, onchange, create):
        the référent of the carnet (or the user), his organism, the
        correspondant designated with the orientation, the contract in
        force."""
        referent = referent or notebook.referent_id or self.env.user
        return {
            "referent_id": referent.id,
            "organism_id": (referent.cdb_structure_id or notebook.structure_id).id,
            "correspondant_id": notebook.orientation_id.correspondant_id.id,
            "contract_id": notebook.contract_id.id,
        }

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        notebook = self.env["cdb.notebook"].browse(values.get("notebook_id"))
        defaults = self._notebook_defaults(notebook) if notebook.exists() else {
            "referent_id": self.env.uid,
            "organism_id": self.env.user.cdb_structure_id.id}
        values.update({name: value for name, value in defaults.items()
                       if name in fields_list and name not in values})
        return values

    @api.onchange("notebook_id")
    def _onchange_notebook_id(self):
        if self.notebook_id:
            self.update(self._notebook_defaults(self.notebook_id))

    @api.depends("beneficiary_id.street", "beneficiary_id.street2", "beneficiary_id.zip",
                 "beneficiary_id.city")
    def _compute_beneficiary_address(self):
        for liaison in self:
            partner = liaison.beneficiary_id
            town = " ".join(filter(None, [partner.zip, partner.city]))
            liaison.beneficiary_address = ", ".join(
                filter(None, [partner.street, partner.street2, town]))

    # -------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        vals = dict(vals)
        notebook = self.env["cdb.notebook"].browse(vals.get("notebook_id"))
        if notebook:
            referent = self.env["res.users"].browse(vals.get("referent_id"))
            for name, value in self._notebook_defaults(notebook, referent).items():
                vals.setdefault(name, value)
        self._check_parts_on_create(vals)
        liaison = super().create(vals)
        liaison._adopt_attachments()
        return liaison

    @api.multi
    def write(self, vals):
        self._check_parts(vals)
        forwarded = self.browse()
        if "correspondant_id" in vals:
            forwarded = self._check_can_change_correspondant(vals["correspondant_id"])
        pending = {liaison.id: liaison._correspondant_activities() for liaison in forwarded}
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._adopt_attachments()
        for liaison in forwarded:
            liaison._forward_to_new_correspondant(pending[liaison.id])
        return result

    @api.multi
    def unlink(self):
        if self.filtered(lambda liaison: liaison.state not in ("draft", "cancelled")):
            raise UserError(_(
                "A fiche de liaison sent to the correspondant is kept: cancel it instead."))
        return super().unlink()

    # ---------------------------------------------------------- documents
    def _check_attachments(self, attachments):
        """The documents joined to the fiche are chosen by the client (their
        ids): each must be a document of this carnet (of the fiche, of the
        carnet or of one of its records) or a file the user just uploaded
        for the fiche. They are copied to the EP case as superuser.
        Returns them (as superuser)."""
        self.ensure_one()
        # sudo: reading where each chosen document belongs, whoever may read it
        for attachment in attachments.sudo():
            if not self._attachment_belongs(attachment):
                raise AccessError(_(
                    "The document \"%s\" does not belong to this carnet: attach the "
                    "documents of the beneficiary's carnet only.") % attachment.name)
        return attachments.sudo()

    def _attachment_belongs(self, attachment):
        if not attachment.res_model or not attachment.res_id:
            # uploaded in the form of a new fiche: the user's own file
            return attachment.create_uid == self.env.user
        if attachment.res_model == "cdb.notebook":
            return attachment.res_id == self.notebook_id.id
        Model = self.env.get(attachment.res_model)
        if Model is None or "notebook_id" not in Model._fields:
            return False
        # sudo: the record the document hangs off is only compared
        record = Model.sudo().browse(attachment.res_id).exists()
        return bool(record) and record.notebook_id == self.notebook_id

    def _adopt_attachments(self):
        """Check the documents joined to the fiche, and attach to it those
        uploaded in the form before it was saved."""
        for liaison in self:
            # sudo: all the linked documents, including those the user may not
            # read (the check refuses them)
            attachments = liaison._check_attachments(liaison.sudo().attachment_ids)
            # sudo: the user's own uploads (checked) join the fiche he writes
            attachments.filtered(lambda a: not a.res_model or not a.res_id).write(
                {"res_model": liaison._name, "res_id": liaison.id})

    # ------------------------------------------------------ correspondant
    def _check_can_change_correspondant(self, correspondant_id):
        """A sent fiche may go to another correspondant until he answers.
        Returns the sent fiches that change hands."""
        if self.filtered(lambda liaison: liaison.state not in ("draft", "sent")):
            raise UserError(_(
                "The correspondant has answered: the fiche cannot go to another "
                "correspondant."))
        correspondant = self.env["res.users"].browse(correspondant_id)
        forwarded = self.filtered(
            lambda liaison: liaison.state == "sent" and liaison.correspondant_id != correspondant)
        for liaison in forwarded:
            liaison._check_correspondant(correspondant)
        return forwarded

    def _forward_to_new_correspondant(self, activities):
        """The fiche goes to another correspondant: the request to answer
        follows."""
        # sudo: the forward was allowed (_check_may_address); the to-do of the
        # previous correspondant is his, not the forwarding user's
        activities.sudo().write({"user_id": self.correspondant_id.id})
        self.message_subscribe_users(user_ids=self.correspondant_id.ids)
        self.message_post(
            body=_("Fiche de liaison forwarded to %s.") % self.correspondant_id.name,
            subtype="mail.mt_comment",
            partner_ids=(self.correspondant_id.partner_id | self.referent_id.partner_id).ids)

    @api.multi
    def action_print(self):
        return self.env.ref("cer_contracts.action_report_cer_liaison").report_action(self)

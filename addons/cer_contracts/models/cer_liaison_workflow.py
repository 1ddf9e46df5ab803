"""The workflow table of the fiche de liaison (guide, "LA FICHE DE LIAISON",
Annexe 7): its states, which step leads where for each kind of request,
which part of the paper form is filled at which step and by whom, and the
answer that always comes back to the référent.

The kinds of request (support, EP, actions of the Département, amendment,
other) are in their own files (``cer_liaison_request_*.py``); each declares
its ``LiaisonKind``: whether the référent and the beneficiary sign, whether
the President decides, and its steps ``{event: next state}``. A kind adds
checks and effects to a step with methods named ``_check_<situation>_<event>``
and ``_on_<situation>_<event>`` (the latter returns values to write).

One fiche may tick several requests (Annexe 7, "SOLLICITATION DE L'AVIS DU
CORRESPONDANT": the boxes of page 1; "Avenant au contrat initialement signé
… Remplir dans le cas d'une sollicitation de mesures CG, avec la
modification du PAP, la page 2 et 3"): each ticked request goes through its
own steps, and the fiche waits at the first stage one of them still needs
(``WAITING_ORDER``). The correspondant's opinion answers the requests for
support ticked with others; the EP case goes its own way and closes its
part when decided.
"""
from collections import namedtuple
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.cdb_base.tools import selection_label

from ..settings import LIAISON_ANSWER_DAYS

STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the correspondant"),
    ("opinion", "Correspondant's opinion given"),
    ("ep", "At the équipe pluridisciplinaire"),
    ("structure", "At the receiving structure"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]

# A kind of request: whether the référent signs (Annexe 7, a request for
# support "peut être dématérialisée sous forme de mail, n'ayant pas de
# signature"), whether the beneficiary signs ("la signature du bénéficiaire
# est obligatoire dans le cas d'une demande d'action CG ou d'avenant au
# contrat"), whether the President decides on the fiche (an EP request is
# decided on its EP case, a request for support ends with the
# correspondant's answer), and its steps {event: next state}.
LiaisonKind = namedtuple("LiaisonKind",
                         "referent_signs beneficiary_signs president_decides steps")

# The state each event starts from (send and cancel are the same for all).
EVENT_FROM = {
    "answer": "sent",
    "favourable": "sent",
    "unfavourable": "sent",
    "granted": "opinion",
    "refused": "opinion",
    "outcome": "structure",
    "ep_closed": "ep",
}
CANCELLABLE = ("draft", "sent")
# The events of the correspondant's answer; with a favourable or unfavourable
# opinion he also answers the requests for support ticked on the fiche.
OPINIONS = ("favourable", "unfavourable")
# Where a fiche with several requests waits after a step: the first stage
# one of its requests still needs.
WAITING_ORDER = ("opinion", "structure", "ep", "closed")

# The parts of the paper form: at which steps each is filled, and the check
# of who may fill it (a method of the fiche). The form makes the fields
# read-only at the other steps; the server refuses the writes (_check_parts).
PARTS = {
    "request": (("draft",), "_check_may_contribute"),
    "address": (("draft", "sent"), "_check_may_address"),
    "opinion": (("sent",), "_check_may_answer"),
    "decision": (("opinion",), "_check_may_decide"),
    "designation": (("opinion", "structure"), "_check_may_designate"),
    "outcome": (("structure",), "_check_may_contribute"),
}


def part(name):
    """The attributes of a field of the part ``name`` of the form."""
    states = PARTS[name][0]
    return {"readonly": True, "states": {state: [("readonly", False)] for state in states},
            "liaison_part": name}


class CerLiaisonWorkflow(models.AbstractModel):
    """The steps of a fiche de liaison and who acts at each (the carnet's
    access policy: send_liaison, answer_liaison, forward_liaison,
    decide_liaison, contribute)."""

    _name = "cer.liaison.workflow"
    _description = "Fiche de liaison: steps"
    _inherit = ["cdb.workflow.mixin"]

    state = fields.Selection(
        STATES, default="draft", required=True, index=True, copy=False, readonly=True,
        track_visibility="onchange")
    date_sent = fields.Date("Sent on", readonly=True, copy=False)

    # --------------------------------------------- correspondant's opinion
    correspondant_opinion = fields.Selection(
        [("favourable", "Favourable"), ("unfavourable", "Unfavourable")],
        "Correspondant's opinion", copy=False, track_visibility="onchange", readonly=True)
    correspondant_comment = fields.Text("Correspondant's observations", copy=False,
                                        **part("opinion"))
    correspondant_date = fields.Date("Opinion given on", readonly=True, copy=False)

    # ------------------------------------------------ President's decision
    decision = fields.Selection(
        [("granted", "Granted"), ("refused", "Refused")], "President's decision",
        copy=False, track_visibility="onchange", readonly=True)
    decision_motive = fields.Text("Motive of the decision", copy=False, **part("decision"))
    decision_date = fields.Date(readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        "res.users", "Decided by delegation of the President", readonly=True, copy=False)

    # ----------------------------------------------------------- the table
    @api.model
    def _liaison_kinds(self):
        """``{situation: LiaisonKind}``, in the order of the form: see
        cer.liaison."""
        raise NotImplementedError

    def _requested_kinds(self):
        """``{situation: LiaisonKind}`` of the requests ticked on this fiche
        (field ``request_<situation>``)."""
        self.ensure_one()
        return {situation: kind for situation, kind in self._liaison_kinds().items()
                if self["request_" + situation]}

    def _requests_label(self):
        """The requests ticked on this fiche, as the form names them."""
        self.ensure_one()
        return ", ".join(self._fields["request_" + situation].get_description(
            self.env)["string"] for situation in self._requested_kinds())

    def _any_kind(self, attribute):
        """Whether one of the ticked requests has ``attribute`` (a field of
        ``LiaisonKind``)."""
        return any(getattr(kind, attribute) for kind in self._requested_kinds().values())

    def _concerned_kinds(self, event):
        """The ticked requests that take ``event``: with an opinion, the
        requests for support are answered too; every request is sent.
        UserError when the event does not apply to this fiche."""
        kinds = self._requested_kinds()
        if event == "send":
            return kinds
        concerned = {situation: kind for situation, kind in kinds.items()
                     if event in kind.steps
                     or (event in OPINIONS and "answer" in kind.steps)}
        # an answer alone for a request that needs an opinion, or no request
        # that takes the event at all
        if not concerned or (event == "answer" and len(concerned) != len(kinds)) or (
                event in OPINIONS and not any(event in kind.steps
                                              for kind in concerned.values())):
            raise UserError(_("This step does not apply to a fiche de liaison of this kind "
                              "(%s).") % self._requests_label())
        return concerned

    def _next_state(self, event):
        """The state ``event`` leads to: the first stage one of the ticked
        requests still needs (``WAITING_ORDER``); UserError when it does not
        apply to this fiche now."""
        self.ensure_one()
        concerned = self._concerned_kinds(event)
        if self.state != EVENT_FROM[event]:
            raise UserError(_("This step does not apply to the fiche de liaison at its "
                              "current stage (%s).") % selection_label(self, "state"))
        targets = {kind.steps.get(event, "closed") for kind in concerned.values()}
        if event != "ep_closed" and self._ep_part_pending():
            targets.add("ep")
        return min(targets, key=WAITING_ORDER.index)

    def _ep_part_pending(self):
        """Whether the EP case of this fiche is still before the équipe
        pluridisciplinaire (cer_liaison_ep_followup.py)."""
        return False

    def _check_step(self, event):
        for situation in self._concerned_kinds(event):
            check = getattr(self, "_check_%s_%s" % (situation, event), None)
            if check:
                check()

    def _run_step(self, event):
        """The effects of ``event`` for the ticked requests: values to write."""
        values = {}
        for situation in self._concerned_kinds(event):
            effect = getattr(self, "_on_%s_%s" % (situation, event), None)
            values.update((effect() if effect else None) or {})
        return values

    # ---------------------------------------------- who fills which part
    def _check_may_contribute(self):
        self.notebook_id._cdb_check("contribute")

    def _check_may_send(self):
        self.notebook_id._cdb_check("send_liaison")

    def _check_may_answer(self):
        """The correspondant the fiche is addressed to answers it (a
        manager may answer for him)."""
        notebook = self.notebook_id
        if notebook._cdb_may("forward_liaison"):
            return
        notebook._cdb_check("answer_liaison")
        if self.env.user != self.correspondant_id:
            raise AccessError(_("Only %s, the correspondant of this fiche de liaison, can "
                                "answer it.") % self.correspondant_id.name)

    def _check_may_address(self):
        """In draft the référent's side chooses the correspondant; once sent,
        the fiche goes to another correspondant by its correspondant, its
        référent or a manager."""
        if self.state == "draft":
            return self._check_may_contribute()
        notebook = self.notebook_id
        if self.env.user != self.correspondant_id and not notebook._cdb_may("send_liaison") \
                and not notebook._cdb_may("forward_liaison"):
            raise AccessError(_(
                "The fiche de liaison goes to another correspondant by its correspondant, "
                "its référent or a manager."))

    def _check_may_decide(self):
        self.notebook_id._cdb_check("decide_liaison")

    def _check_may_designate(self):
        """The President designates the structure with his decision; the
        référent's side may then complete the contact."""
        if self.state == "opinion":
            return self._check_may_decide()
        return self._check_may_contribute()

    def _check_parts(self, vals):
        """Each part of the form changes at its steps only, by who may fill
        it."""
        for name, value in vals.items():
            field = self._fields.get(name)
            section = getattr(field, "liaison_part", None)
            if not section:
                continue
            states, check = PARTS[section]
            for liaison in self:
                if not liaison._part_changes(name, value):
                    continue
                if liaison.state not in states:
                    raise liaison._part_closed_error(section, name)
                getattr(liaison, check)()

    @api.model
    def _check_parts_on_create(self, vals):
        """A new fiche is a draft: the parts filled later start empty."""
        for name, value in vals.items():
            section = getattr(self._fields.get(name), "liaison_part", None)
            if section and "draft" not in PARTS[section][0] and \
                    self._workflow_value(name, value):
                raise self._part_closed_error(section, name)

    def _part_changes(self, name, value):
        if self._fields[name].type in ("one2many", "many2many"):
            return True
        return self._workflow_changes(name, value)

    def _part_closed_error(self, section, name):
        if section == "request":
            return UserError(_(
                "The fiche de liaison is sent: the request can no longer be changed. "
                "Write to the correspondant in the discussion of the fiche, or "
                "cancel it and write a new one."))
        return UserError(_("\"%s\" of the fiche de liaison is filled at another step.")
                         % self._field_label(name))

    # ------------------------------------------------------------- answers
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
        # sudo: the acting user's step was checked; a correspondant who only
        # reads the carnet posts the trace of it
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
            # sudo: the answer was given (the step was checked); the to-do
            # goes to the référent, whoever answered
            self.sudo()._todo(self.referent_id, activity_summary)

    # ---------------------------------------------------------------- send
    @api.multi
    def action_send(self):
        """The référent sends the signed fiche to the correspondant."""
        for liaison in self:
            liaison._check_can_send()
        today = fields.Date.context_today(self)
        for liaison in self:
            values = dict(liaison._run_step("send"), state="sent", date_sent=today)
            liaison._workflow_write(values)
            liaison.message_subscribe_users(
                user_ids=(liaison.referent_id | liaison.correspondant_id).ids)
            body = _("Sent to the correspondant %s: %s.") % (
                liaison.correspondant_id.name, liaison._requests_label())
            liaison.message_post(body=body, subtype="mail.mt_comment",
                                 partner_ids=liaison.correspondant_id.partner_id.ids)
            liaison._post_on_notebook(body)
            liaison._todo(
                liaison.correspondant_id,
                _("Give your opinion on the fiche de liaison of %s") % liaison.beneficiary_id.name,
                days=LIAISON_ANSWER_DAYS.get(self.env))
        return True

    def _check_can_send(self):
        if self.state != "draft":
            raise UserError(_("Only a draft fiche de liaison can be sent."))
        self._check_may_send()
        if not self._requested_kinds():
            raise UserError(_("Tick what you request from the correspondant."))
        self._check_correspondant()
        if self._any_kind("referent_signs") and not self.referent_signed_date:
            raise UserError(_("Sign the fiche de liaison: record the référent's signature date."))
        if self._any_kind("beneficiary_signs") and not self.beneficiary_signed_date:
            raise UserError(_(
                "The signature of the beneficiary is mandatory for a request of actions "
                "of the Département or an amendment to the contract: record the date "
                "the beneficiary signed."))
        # sudo: every linked document, including those the user may not read
        self._check_attachments(self.sudo().attachment_ids)
        self._check_step("send")

    def _check_correspondant(self, correspondant=None):
        """The fiche goes to a correspondant who may answer it: a
        correspondant of the carnet's territory (or a manager)."""
        correspondant = self.correspondant_id if correspondant is None else correspondant
        if not correspondant:
            raise UserError(_(
                "Choose the correspondant: the fiche de liaison goes to the "
                "correspondant of the Département designated with the orientation."))
        if not self.notebook_id._cdb_may("answer_liaison", user=correspondant):
            raise UserError(_(
                "%s is not a correspondant of this carnet's territory: choose the "
                "correspondant of its territory.") % correspondant.name)

    # ------------------------------------------------------ correspondant
    @api.multi
    def action_open_opinion_wizard(self):
        """The dialog asking the observations (and the opinion), then
        answering the fiche (``_give_opinion``)."""
        self.ensure_one()
        if self.state != "sent":
            raise UserError(_("This step does not apply to the fiche de liaison at its "
                              "current stage (%s).") % selection_label(self, "state"))
        self._check_may_answer()
        return self.env["cer.liaison.opinion.wizard"]._open_for(self)

    @api.multi
    def action_answer(self):
        """The correspondant answers a request for support."""
        return self._give_opinion("answer")

    @api.multi
    def action_opinion_favourable(self):
        """A favourable opinion: an EP request goes to the équipe
        pluridisciplinaire; a request of actions or an amendment goes to
        the President's decision."""
        return self._give_opinion("favourable")

    @api.multi
    def action_opinion_unfavourable(self):
        """An unfavourable opinion: an EP request ends; a request of actions
        or an amendment still goes to the President's decision."""
        return self._give_opinion("unfavourable")

    def _give_opinion(self, event):
        for liaison in self:
            liaison._check_can_give_opinion(event)
        today = fields.Date.context_today(self)
        for liaison in self:
            liaison._correspondant_activities().action_done()
            values = {"correspondant_date": today, "state": liaison._next_state(event),
                      "correspondant_opinion": event if event != "answer" else False}
            liaison._workflow_write(values)
            liaison._workflow_write(liaison._run_step(event))
            liaison._notify_referent(liaison._opinion_message(), _(
                "Answer of the correspondant on the fiche de liaison of %s")
                % liaison.beneficiary_id.name)
        return True

    def _check_can_give_opinion(self, event):
        self._next_state(event)
        self._check_may_answer()
        if not (self.correspondant_comment or "").strip():
            raise UserError(_(
                "Write your observations: the référent reads them as the answer to "
                "his request."))
        self._check_step(event)

    def _opinion_message(self):
        if not self.correspondant_opinion:
            return _("Answer of the correspondant %s: %s") % (
                self.env.user.name, self.correspondant_comment)
        message = _("Opinion of the correspondant %s: %s. %s") % (
            self.env.user.name, selection_label(self, "correspondant_opinion"),
            self.correspondant_comment)
        if self.ep_case_id:
            message += " " + _("EP case %s created for the équipe pluridisciplinaire.") \
                % self.ep_case_id.name
        return message

    # ------------------------------------------------ President's decision
    @api.multi
    def action_open_decision_wizard(self):
        """The dialog asking the decision and its motive, then deciding the
        fiche (``_decide``)."""
        self.ensure_one()
        if self.state != "opinion":
            raise UserError(_("This step does not apply to the fiche de liaison at its "
                              "current stage (%s).") % selection_label(self, "state"))
        self._check_may_decide()
        return self.env["cer.liaison.decision.wizard"]._open_for(self)

    @api.multi
    def action_grant(self):
        """The President grants the request (by delegation)."""
        return self._decide("granted")

    @api.multi
    def action_refuse(self):
        """The President refuses the request (by delegation), with a motive."""
        return self._decide("refused")

    def _decide(self, decision):
        for liaison in self:
            liaison._check_can_decide(decision)
        today = fields.Date.context_today(self)
        for liaison in self:
            liaison._workflow_write({
                "decision": decision, "decision_date": today,
                "decision_user_id": self.env.user.id, "state": liaison._next_state(decision)})
            liaison._workflow_write(liaison._run_step(decision))
            body = _("Decision of the President (by delegation, %s): %s.") % (
                self.env.user.name, selection_label(liaison, "decision"))
            if liaison.decision_motive:
                body += " " + liaison.decision_motive
            body += liaison._decision_details()
            liaison._notify_referent(body, _("Decision on the fiche de liaison of %s")
                                     % liaison.beneficiary_id.name)
        return True

    def _check_can_decide(self, decision):
        self._next_state(decision)
        self._check_may_decide()
        if decision == "refused" and not (self.decision_motive or "").strip():
            raise UserError(_("Give the motive of the refusal."))
        self._check_step(decision)

    def _decision_details(self):
        """What a kind of request adds to the decision's message."""
        return ""

    # -------------------------------------------------------------- cancel
    @api.multi
    def action_cancel(self):
        for liaison in self:
            if liaison.state not in CANCELLABLE:
                raise UserError(_(
                    "The correspondant has answered: the fiche de liaison can no longer "
                    "be cancelled."))
            liaison._check_may_send()
        for liaison in self:
            was_sent = liaison.state == "sent"
            liaison._correspondant_activities().unlink()
            liaison._workflow_write({"state": "cancelled"})
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
            liaison._check_may_send()
        self._workflow_write({"state": "draft", "date_sent": False})
        return True

"""The beneficiary's portal: /my/carnet.

Seed 002 (Carnet de bord, "Notre ambition"): "Nous espérons aussi que notre
outil permette à l'usager de retrouver la maîtrise de son parcours avec un
accès décloisonné à ses informations essentielles"; seed 000: "L'allocataire
est responsable de son carnet de bord : il le valide et peut le modifier, il
choisit quelles informations sont accessibles et à qui". The page reads the
carnet as the beneficiary (record rules of security/cdb_portal_rules.xml);
each change checks the carnet is theirs, then writes just that change.
"""
import re

from werkzeug.urls import url_encode
from werkzeug.utils import redirect

from odoo import _, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..sections import SECTIONS
from ..settings import ACCESS_LOG_MONTHS

REVIEWABLE = {"objective": "objective_ids", "action": "action_ids"}
# The text the beneficiary just sent, shown back in the confirmation next to
# the form (kept in the session, not in the address: it may speak of health).
SENT_KEY = "cdb_portal_sent"


class CarnetPortal(CustomerPortal):

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["cdb_notebook"] = self._cdb_own_notebook()
        return values

    @staticmethod
    def _cdb_own_notebook():
        """The carnet whose beneficiary is the logged-in person, if any."""
        return request.env["cdb.notebook"].search(
            [("beneficiary_id", "=", request.env.user.partner_id.id)], limit=1)

    @staticmethod
    def _cdb_redirect(key, **params):
        """Back to the page, on the confirmation next to the form ``key``."""
        key = re.sub(r"[^a-z0-9-]", "", key or "")
        params = {name: (re.sub(r"[^a-z0-9-]", "", value) if name in ("done", "form") else value)
                  for name, value in params.items()}
        query = ("?" + url_encode(params)) if params else ""
        return redirect("/my/carnet%s#status-%s" % (query, key), 303)

    # ------------------------------------------------------ accessibility
    @http.route("/accessibilite", type="http", auth="public")
    def accessibility_statement(self, **kw):
        """The accessibility statement of the beneficiary's portal (RGAA 4.1,
        "modèle de déclaration d'accessibilité"): public, in French."""
        request.context = dict(request.context, lang="fr_FR")
        return request.render("carnet_de_bord.portal_accessibility_statement", {
            "company": request.env.user.company_id.sudo()})

    # ----------------------------------------------------------------- page
    @http.route("/my/carnet", type="http", auth="user")
    def portal_my_carnet(self, done=None, error=None, form=None, **kw):
        notebook = self._cdb_own_notebook()
        values = self._prepare_portal_layout_values()
        sent = request.session.pop(SENT_KEY, None) or {}
        values.update({"page_name": "carnet", "notebook": notebook,
                       "done": done, "error": error, "form": done or form,
                       "sent": sent.get("text") if sent.get("form") == done else None})
        if notebook:
            values.update(self._cdb_carnet_values(notebook))
        return request.render("carnet_de_bord.portal_my_carnet", values)

    def _cdb_carnet_values(self, notebook):
        Member = request.env["cdb.notebook.member"]
        members = notebook.member_ids.filtered("active")
        # sudo: the carnet is the beneficiary's own (_cdb_own_notebook reads
        # it as them); calendar's own rules know nothing of beneficiaries
        events = request.env["calendar.event"].sudo().search(
            [("cdb_notebook_id", "=", notebook.id)], order="start desc", limit=20)
        return {
            "situation": notebook.situation_id,
            "health": notebook.health_id,
            "objectives": notebook.objective_ids,
            "actions": notebook.action_ids,
            # the reviews the référent validated (a draft is his work in progress)
            "reviews": notebook.review_ids.filtered(lambda r: r.state != "draft"),
            "events": events,
            "members": members,
            "structures": members.mapped("structure_id"),
            "sections": list(Member._section_labels().items()),
            "referent_minimum": Member._referent_minimum_sections(),
            "member_shares": {m.id: {s: m[Member._share_field(s)] for s, _l in SECTIONS}
                              for m in members},
            "structure_shares": self._cdb_structure_shares(notebook, members),
            "access_logs": self._cdb_access_logs(notebook),
            "access_log_months": ACCESS_LOG_MONTHS.get(request.env),
        }

    @http.route("/my/carnet/export", type="http", auth="user")
    def portal_carnet_export(self, **kw):
        """The beneficiary's right of access: the ZIP file of all their data,
        built as them (the same rules as their portal; health included)."""
        notebook = self._cdb_own_notebook()
        if not notebook:
            return redirect("/my", 303)
        wizard = request.env["cdb.data.export.wizard"].create(
            {"partner_id": request.env.user.partner_id.id})
        content = wizard._export_content()
        return request.make_response(content, headers=[
            ("Content-Type", "application/zip"),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(wizard._filename()))])

    @staticmethod
    def _cdb_structure_shares(notebook, members):
        """What each structure's future members will read: the choice made
        for the structure, else the defaults."""
        hidden = request.env["cdb.notebook.member"]._sections_hidden_by_default()
        shares = {structure.id: {s: s not in hidden for s, _l in SECTIONS}
                  for structure in members.mapped("structure_id")}
        for choice in notebook.share_ids:
            shares.setdefault(choice.structure_id.id, {})[choice.section] = choice.visible
        return shares

    @staticmethod
    def _cdb_access_logs(notebook):
        """Who opened the carnet, when the access log is installed
        (cdb.access.log: notebook_id, user_id, date or create_date, reason)."""
        if "cdb.access.log" not in request.env:
            return None
        # sudo: the journal of the beneficiary's own carnet is theirs to read
        Log = request.env["cdb.access.log"].sudo()
        date_field = "date" if "date" in Log._fields else "create_date"
        logs = Log.search([("notebook_id", "=", notebook.id)],
                          order="%s desc" % date_field, limit=50)
        return [{"date": log[date_field], "user": log.user_id.name,
                 "reason": log["reason"] if "reason" in Log._fields else ""}
                for log in logs]

    # -------------------------------------------------------------- changes
    def _cdb_apply(self, form, change, sent=None):
        """Run ``change(notebook)`` on the beneficiary's own carnet and come
        back to the page with a message next to the form ``form`` (its key,
        e.g. ``objective-12``), showing back the text ``sent``."""
        notebook = self._cdb_own_notebook()
        if not notebook:
            return redirect("/my", 303)
        try:
            change(notebook)
        except (UserError, ValidationError, AccessError) as exc:
            request.env.cr.rollback()
            return self._cdb_redirect(form, error=exc.name, form=form)
        if (sent or "").strip():
            request.session[SENT_KEY] = {"form": form, "text": sent.strip()}
        return self._cdb_redirect(form, done=form)

    @http.route("/my/carnet/review", type="http", auth="user", methods=["POST"])
    def portal_carnet_review(self, kind=None, record_id=None, decision=None, comment=None,
                             **kw):
        """Validate or comment an objective or an action of one's carnet."""
        def change(notebook):
            if kind not in REVIEWABLE:
                raise UserError(_("Unknown item."))
            record = notebook[REVIEWABLE[kind]].filtered(
                lambda r: str(r.id) == str(record_id))
            if not record:
                raise UserError(_("This item is not in your carnet."))
            # sudo: the record is in the beneficiary's own carnet (read as
            # them above); the portal writes nothing through the ORM itself
            if decision == "validate":
                record.sudo()._beneficiary_validate()
            if (comment or "").strip() or decision == "comment":
                record.sudo()._beneficiary_comment(comment)
        return self._cdb_apply("%s-%s" % (kind, record_id), change, sent=comment)

    @http.route("/my/carnet/bilan", type="http", auth="user", methods=["POST"])
    def portal_carnet_validate_review(self, review_id=None, opinion=None, **kw):
        """Validate a review of one's carnet, with one's view of it (seed
        000, "Suivi": "Par qui ? L'allocataire RSA et son référent")."""
        def change(notebook):
            review = notebook.review_ids.filtered(lambda r: str(r.id) == str(review_id))
            if not review:
                raise UserError(_("This review is not in your carnet."))
            # sudo: the review is in the beneficiary's own carnet (read as
            # them above); its validation is written by the server
            review.sudo()._beneficiary_validate(opinion)
        return self._cdb_apply("review-%s" % review_id, change, sent=opinion)

    @http.route("/my/carnet/situation-change", type="http", auth="user", methods=["POST"])
    def portal_carnet_situation_change(self, description=None, **kw):
        """Declare a change of situation: an activity for the référent."""
        # sudo: the beneficiary's own carnet; an activity for the référent
        return self._cdb_apply(
            "situation", lambda notebook: notebook.sudo()._beneficiary_declare_change(description),
            sent=description)

    @http.route("/my/carnet/sharing", type="http", auth="user", methods=["POST"])
    def portal_carnet_sharing(self, member_id=None, structure_id=None, **post):
        """Change what a member, or every member of a structure, reads.
        A section is shared when its box is ticked (``share_<section>``)."""
        shares = {section: bool(post.get("share_" + section)) for section, _label in SECTIONS}

        def change(notebook):
            notebook._cdb_check("share")
            # sudo: the policy said yes (the beneficiary records their own
            # choices); the flags are written by the server
            if member_id:
                member = notebook.member_ids.filtered(lambda m: str(m.id) == str(member_id))
                notebook.sudo()._beneficiary_set_shares(member.sudo(), shares)
            else:
                structure = notebook.member_ids.mapped("structure_id").filtered(
                    lambda s: str(s.id) == str(structure_id))
                notebook.sudo()._beneficiary_set_structure_shares(structure.sudo(), shares)
        form = ("member-%s" % member_id) if member_id else ("structure-%s" % structure_id)
        return self._cdb_apply(form, change)

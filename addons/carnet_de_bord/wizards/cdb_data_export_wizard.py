import base64
import io
import json
import re
import zipfile

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.cdb_base.tools import format_date, readable

from ..models.res_partner import NIR_FIELDS

TRACE_FIELDS = ["date", "author_id", "message_type", "subtype_id", "subject", "body",
                "model", "res_id"]
# What the beneficiary's portal shows of their carnet through its controllers
# (not through the ORM): model -> the field leading to the carnet.
PORTAL_SHOWN = {"cdb.access.log": "notebook_id", "calendar.event": "cdb_notebook_id"}


class CdbDataExportWizard(models.TransientModel):
    """Right of access (RGPD, article 15): one ZIP file with every record
    about a beneficiary — identity, carnets, groupe de suivi, situations,
    health details, objectives, actions, appointments, and what other
    modules add (``cdb.notebook._cdb_export_records``) — their history of
    messages, the journal of accesses, the attached documents and a
    README.txt.

    The file holds what its author may read, by the same rules as every
    other read: a member the beneficiary keeps from a section does not get
    it, nobody but the beneficiary and whom they share it with gets the
    health details; the beneficiary's own export (their portal,
    ``/my/carnet/export``) holds everything about them their portal shows,
    health included, and the journal of accesses of their carnet."""

    _name = "cdb.data.export.wizard"
    _description = "Export of all the data of a beneficiary (right of access)"

    partner_id = fields.Many2one("res.partner", "Beneficiary", required=True,
                                 ondelete="cascade")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    data = fields.Binary("File", readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.model
    def _open_for(self, partner):
        wizard = self.create({"partner_id": partner.id})
        return wizard._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Export all the data (right of access)"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.multi
    def action_export(self):
        self.ensure_one()
        content = self._export_content()
        self.write({
            "data": base64.b64encode(content),
            "filename": self._filename(),
            "state": "done",
        })
        return self._reopen()

    def _export_content(self):
        """The ZIP file, for the current user."""
        notebooks = self._check_can_export()
        # sudo: the records were chosen as the user (_readable_records);
        # they are serialised with every stored field
        return self._build_zip(self.partner_id.sudo(), notebooks)

    def _filename(self):
        return "donnees-%s.zip" % self.partner_id.id

    # -------------------------------------------------------------- access
    def _check_can_export(self):
        """Only who can read the beneficiary and every carnet of theirs
        exports; a non-member's export is logged like a consultation (not
        the beneficiary's own)."""
        partner = self.partner_id
        partner.check_access_rights("read")
        partner.check_access_rule("read")
        # sudo: every carnet of the beneficiary, to check the user reads them all
        notebooks = partner.sudo().with_context(active_test=False).cdb_notebook_ids
        user_notebooks = notebooks.sudo(self.env.user)
        user_notebooks.check_access_rights("read")
        try:
            user_notebooks.check_access_rule("read")
        except AccessError:
            raise AccessError(_(
                "You can export the data of a beneficiary only if you can "
                "read all of their carnets de bord."))
        if notebooks and not self.env.user.share:
            # sudo: the journal is written by the server only
            self.env["cdb.access.log"].sudo()._log_accesses(
                user_notebooks._cdb_not_followed_ids(),
                _("Right of access: export of all the data of the beneficiary."),
                user=self.env.user)
        return notebooks

    # ------------------------------------------------------------- content
    def _readable_records(self, notebooks):
        """The records of ``notebooks`` the user may read, one recordset per
        model (sudo, for the serialisation): the same record rules as every
        other read (sharing choices, the health allow-list)."""
        if not notebooks:
            return []
        user_env = self.env
        result = []
        for records in notebooks._cdb_export_records():
            result.append(self._readable(records.with_env(user_env)).sudo())
        return [records for records in result if records]

    def _readable(self, records):
        """``records`` the user may read. The journal of accesses and the
        appointments of their own carnet are the beneficiary's too (their
        portal shows them)."""
        field = PORTAL_SHOWN.get(records._name)
        if field and self.env.user.share:
            partner = self.env.user.partner_id
            own = records.sudo().filtered(lambda r: r[field].beneficiary_id == partner)
            return own.with_env(self.env)
        return readable(records)

    # ---------------------------------------------------------------- file
    def _build_zip(self, partner, notebooks):
        records = [partner] + self._readable_records(notebooks)
        attachments = self._attachments(records)
        payload = {
            "export_date": fields.Datetime.now(),
            "beneficiary_id": partner.id,
            "records": {r._name: self._serialize(r, self._hidden_fields(r, partner))
                        for r in self._merge(records)},
            "messages": self._messages(records),
            "attachments": [],
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for attachment in attachments:
                path = "attachments/%s-%s" % (attachment.id, self._safe_name(attachment.name))
                archive.writestr(path, base64.b64decode(attachment.datas or b""))
                payload["attachments"].append({
                    "id": attachment.id, "name": attachment.name, "file": path,
                    "model": attachment.res_model, "res_id": attachment.res_id})
            archive.writestr("data.json", json.dumps(
                payload, indent=2, ensure_ascii=False, default=str))
            archive.writestr("README.txt", self._readme(partner))
        return buffer.getvalue()

    @staticmethod
    def _merge(records):
        """One recordset per model."""
        merged = {}
        for recordset in records:
            merged[recordset._name] = merged.get(recordset._name, recordset.browse()) | recordset
        return list(merged.values())

    def _hidden_fields(self, records, partner):
        """Stored fields of ``records`` the file leaves out: the NIR of the
        beneficiary, unless the file is theirs (their portal) or its author
        may read NIRs (carnet_de_bord's res.partner, "NIR")."""
        if records._name != "res.partner":
            return ()
        own = self.env.user.share and self.env.user.partner_id == partner
        if own or self.env["res.partner"]._cdb_may_read_nir():
            return ()
        return NIR_FIELDS

    @staticmethod
    def _serialize(records, hidden=()):
        names = [name for name, field in records._fields.items()
                 if field.store and field.type != "binary" and name not in hidden]
        return {"description": records._description, "records": records.read(names)}

    def _messages(self, records):
        """The messages of ``records`` the user may read (a portal user: not
        the internal notes), read in sudo for their tracking values."""
        result = []
        for recordset in self._merge(records):
            messages = self.env["mail.message"].search(
                [("model", "=", recordset._name), ("res_id", "in", recordset.ids)],
                order="date, id").sudo()
            for message, values in zip(messages, messages.read(TRACE_FIELDS)):
                values["changes"] = [{
                    "field": tracking.field_desc,
                    "old": tracking.get_old_display_value()[0],
                    "new": tracking.get_new_display_value()[0],
                } for tracking in message.tracking_value_ids]
                result.append(values)
        return result

    def _attachments(self, records):
        """The documents of ``records`` the user may read (the sharing
        choice "Documents")."""
        Attachment = self.env["ir.attachment"]
        found = Attachment.browse()
        for recordset in self._merge(records):
            found |= Attachment.search([("res_model", "=", recordset._name),
                                        ("res_id", "in", recordset.ids)])
        return found.sudo()

    @staticmethod
    def _safe_name(name):
        return re.sub(r"[^\w.\-]+", "_", name or "document")[:100]

    def _readme(self, partner):
        years = self.env["cdb.notebook"]._cdb_retention_years()
        return _(
            "Export of the personal data held in the Carnet de bord RSA\n"
            "(right of access, article 15 of the GDPR)\n\n"
            "Beneficiary: %(name)s\n"
            "Exported on %(date)s by %(user)s.\n\n"
            "Contents of this file:\n"
            "- data.json: every record about the beneficiary, grouped by kind of "
            "record (\"records\"): identity, carnets de bord, members of the "
            "groupe de suivi, situations, objectives, actions, appointments, "
            "orientations, contracts and fiches de liaison when they exist, and "
            "the journal of the consultations by people who are not members of "
            "the carnet (cdb.access.log);\n"
            "- \"messages\" in data.json: the history of each record (notes, "
            "messages and changes of fields, with the former and new values);\n"
            "- attachments/: the documents attached to these records.\n\n"
            "A closed carnet de bord is kept %(years)s years after the end of the "
            "accompaniment, then anonymised.\n"
        ) % {"name": partner.name, "date": format_date(fields.Date.context_today(self)),
             "user": self.env.user.name, "years": years}

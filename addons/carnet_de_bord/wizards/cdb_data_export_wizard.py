import base64
import io
import json
import re
import zipfile

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.cdb_base.tools import format_date

TRACE_FIELDS = ["date", "author_id", "message_type", "subtype_id", "subject", "body",
                "model", "res_id"]


class CdbDataExportWizard(models.TransientModel):
    """Right of access (RGPD, article 15): one ZIP file with every record
    about a beneficiary — identity, carnets, groupe de suivi, situations,
    objectives, actions, appointments, and what other modules add
    (``cdb.notebook._cdb_export_records``) — their history of messages, the
    journal of accesses, the attached documents and a README.txt."""

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
        notebooks = self._check_can_export()
        content = self._build_zip(self.partner_id.sudo(), notebooks)
        self.write({
            "data": base64.b64encode(content),
            "filename": "donnees-%s.zip" % (self.partner_id.id),
            "state": "done",
        })
        return self._reopen()

    # -------------------------------------------------------------- access
    def _check_can_export(self):
        """Only who can read the beneficiary and every carnet of theirs
        exports; a non-member's export is logged like a consultation."""
        partner = self.partner_id
        partner.check_access_rights("read")
        partner.check_access_rule("read")
        notebooks = partner.sudo().with_context(active_test=False).cdb_notebook_ids
        readable = notebooks.sudo(self.env.user)
        readable.check_access_rights("read")
        try:
            readable.check_access_rule("read")
        except AccessError:
            raise AccessError(_(
                "You can export the data of a beneficiary only if you can "
                "read all of their carnets de bord."))
        self.env["cdb.access.log"].sudo()._log_accesses(
            readable._cdb_not_followed_ids(),
            _("Right of access: export of all the data of the beneficiary."),
            user=self.env.user)
        return notebooks

    # ---------------------------------------------------------------- file
    def _build_zip(self, partner, notebooks):
        records = [partner] + (notebooks._cdb_export_records() if notebooks else [])
        attachments = self._attachments(records)
        payload = {
            "export_date": fields.Datetime.now(),
            "beneficiary_id": partner.id,
            "records": {r._name: self._serialize(r) for r in self._merge(records)},
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

    @staticmethod
    def _serialize(records):
        names = [name for name, field in records._fields.items()
                 if field.store and field.type != "binary"]
        return {"description": records._description, "records": records.read(names)}

    def _messages(self, records):
        result = []
        for recordset in self._merge(records):
            messages = self.env["mail.message"].sudo().search(
                [("model", "=", recordset._name), ("res_id", "in", recordset.ids)],
                order="date, id")
            for message, values in zip(messages, messages.read(TRACE_FIELDS)):
                values["changes"] = [{
                    "field": tracking.field_desc,
                    "old": tracking.get_old_display_value()[0],
                    "new": tracking.get_new_display_value()[0],
                } for tracking in message.tracking_value_ids]
                result.append(values)
        return result

    def _attachments(self, records):
        Attachment = self.env["ir.attachment"].sudo()
        found = Attachment.browse()
        for recordset in self._merge(records):
            found |= Attachment.search([("res_model", "=", recordset._name),
                                        ("res_id", "in", recordset.ids)])
        return found

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

from odoo import api, fields, models


class CalendarEvent(models.Model):
    """Appointments of a carnet de bord are calendar events linked to the
    carnet: they show in the carnet and in the calendar of the référent,
    who is always invited. An appointment stays in its carnet."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "cdb.notebook.part.mixin"]
    _cdb_notebook_field = "cdb_notebook_id"

    cdb_notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", index=True, ondelete="cascade")
    cdb_attendance = fields.Selection([
        ("present", "Present"),
        ("absent", "Absent"),
        ("excused", "Excused"),
    ], "Attendance")

    @api.model
    def create(self, vals):
        if vals.get("cdb_notebook_id"):
            vals = self._notebook_event_values(dict(vals))
        return super().create(vals)

    @api.model
    def _notebook_event_values(self, vals):
        """Link the event to its carnet (res_model/res_id: the document whose
        access decides who reads the event) and invite the référent and the
        beneficiary. The carnet decides the document: the web client sends
        ``res_id = 0`` from its form, and another document is not accepted."""
        notebook = self.env["cdb.notebook"].browse(vals["cdb_notebook_id"])
        vals["res_model_id"] = self.env["ir.model"]._get_id("cdb.notebook")
        vals["res_id"] = notebook.id
        partners = notebook.beneficiary_id | notebook.referent_id.partner_id
        commands = list(vals.get("partner_ids") or [])
        commands += [(4, pid) for pid in partners.ids]
        vals["partner_ids"] = commands
        return vals

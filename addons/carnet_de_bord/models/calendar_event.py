from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from ..settings import APPOINTMENT_REMINDER_DAYS

ATTENDANCE_ABSENT = "absent"
# The local day of an appointment (the département's clocks).
DEFAULT_TZ = "Europe/Paris"


class CalendarEvent(models.Model):
    """Appointments of a carnet de bord are calendar events linked to the
    carnet: they show in the carnet and in the calendar of the référent,
    who is always invited. An appointment stays in its carnet.

    Appointments that reach people (issue 14; guide of the département:
    "Obligation de répondre aux convocations de leur référent"): the
    beneficiary, invited, gets Odoo calendar's invitation e-mail with its
    .ics file through the mail queue when she has an e-mail address, else
    the référent prints the convocation letter (report
    ``carnet_de_bord.action_report_cdb_convocation``); a reminder the day
    before (``APPOINTMENT_REMINDER_DAYS``, daily job); a member records the
    attendance; a missed appointment can start a fiche de liaison
    (cer_contracts)."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "cdb.workflow.mixin", "cdb.notebook.part.mixin"]
    _cdb_notebook_field = "cdb_notebook_id"
    # recorded by the buttons (a member of the carnet) and the daily reminder
    _workflow_fields = ("cdb_attendance", "cdb_reminder_sent")

    cdb_notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", index=True, ondelete="cascade")
    cdb_attendance = fields.Selection([
        ("present", "Present"),
        (ATTENDANCE_ABSENT, "Absent"),
        ("excused", "Excused"),
    ], "Attendance", readonly=True, copy=False)
    cdb_needs_letter = fields.Boolean(
        "Convocation by letter", compute="_compute_cdb_needs_letter",
        help="The beneficiary has no e-mail address: print the convocation letter "
             "and give it or post it.")
    cdb_reminder_sent = fields.Boolean("Reminder sent", readonly=True, copy=False)

    @api.depends("cdb_notebook_id.beneficiary_id.email")
    def _compute_cdb_needs_letter(self):
        for event in self:
            beneficiary = event.cdb_notebook_id.sudo().beneficiary_id
            event.cdb_needs_letter = bool(beneficiary) and not beneficiary.email

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
        ``res_id = 0`` from its form, and another document is not accepted.
        Inviting the beneficiary queues calendar's invitation e-mail (with
        the .ics file) when she has an address."""
        notebook = self.env["cdb.notebook"].browse(vals["cdb_notebook_id"])
        vals["res_model_id"] = self.env["ir.model"]._get_id("cdb.notebook")
        vals["res_id"] = notebook.id
        partners = notebook.beneficiary_id | notebook.referent_id.partner_id
        commands = list(vals.get("partner_ids") or [])
        commands += [(4, pid) for pid in partners.ids]
        vals["partner_ids"] = commands
        return vals

    # ------------------------------------------------------------ attendance
    @api.multi
    def action_cdb_present(self):
        return self._cdb_record_attendance("present")

    @api.multi
    def action_cdb_absent(self):
        return self._cdb_record_attendance(ATTENDANCE_ABSENT)

    @api.multi
    def action_cdb_excused(self):
        return self._cdb_record_attendance("excused")

    def _cdb_record_attendance(self, attendance):
        """A member of the carnet (permission ``contribute``) records whether
        the beneficiary came."""
        for event in self:
            event.cdb_notebook_id._cdb_check("contribute")
        # sudo: the policy said yes (a member of each carnet records it);
        # the calendar's own rules let only the organiser write the event
        self.sudo()._workflow_write({"cdb_attendance": attendance})
        return True

    @api.multi
    def action_cdb_print_convocation(self):
        self.mapped("cdb_notebook_id")._cdb_check("contribute")
        return self.env.ref("carnet_de_bord.action_report_cdb_convocation").report_action(self)

    # -------------------------------------------------------------- reminder
    @api.model
    def _cron_cdb_send_reminders(self):
        """Daily: the beneficiaries invited to an appointment of their carnet
        on the day ``APPOINTMENT_REMINDER_DAYS`` days ahead get calendar's
        reminder e-mail (through the mail queue), once."""
        days = APPOINTMENT_REMINDER_DAYS.get(self.env)
        if not days:
            return 0
        events = self.search(self._cdb_reminder_domain(days))
        for event in events:
            beneficiary = event.cdb_notebook_id.beneficiary_id
            attendees = event.attendee_ids.filtered(
                lambda a, b=beneficiary: a.partner_id == b and a.state != "declined")
            attendees._send_mail_to_attendees("calendar.calendar_template_meeting_reminder")
        events._workflow_write({"cdb_reminder_sent": True})
        return len(events)

    def _cdb_reminder_domain(self, days):
        """Appointments of a carnet on the local day ``days`` days from today,
        not yet reminded."""
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        day = fields.Date.from_string(fields.Date.context_today(self)) + timedelta(days=days)
        bounds = [tz.localize(datetime.combine(day, moment)).astimezone(pytz.utc)
                  for moment in (time.min, time.max)]
        return [("cdb_notebook_id", "!=", False), ("cdb_reminder_sent", "=", False),
                ("start", ">=", fields.Datetime.to_string(bounds[0])),
                ("start", "<=", fields.Datetime.to_string(bounds[1]))]

    def _cdb_local_start(self):
        """The appointment's start on the département's clocks (the letter)."""
        self.ensure_one()
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        return pytz.utc.localize(fields.Datetime.from_string(self.start)).astimezone(tz)

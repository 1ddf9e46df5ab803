"""Appointments that reach people (issue 14; guide of the département:
"Obligation de répondre aux convocations de leur référent"): the invitation
e-mail with its .ics file through the mail queue, the convocation letter
when the beneficiary has no e-mail, the reminder the day before, the
attendance recorded by a member."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tools import html_escape

from ..settings import APPOINTMENT_REMINDER_DAYS
from .common import CdbCase


class TestAppointmentReach(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utconvoquee", cls.referent)
        cls.notebook.beneficiary_id.email = "utconvoquee@example.org"
        cls.no_mail = cls._notebook("Utsansmail", cls.referent)

    def _appointment(self, notebook, days=0, hour=9, mails=False):
        """An appointment in ``days`` days at ``hour`` (UTC) created by the
        référent; ``mails``: as the web client does (invitations sent)."""
        day = fields.Date.from_string(self.today) + timedelta(days=days)
        start = "%s %02d:00:00" % (fields.Date.to_string(day), hour)
        stop = "%s %02d:00:00" % (fields.Date.to_string(day), hour + 1)
        Event = self.env["calendar.event"].with_context(no_mail_to_attendees=not mails)
        return Event.sudo(self.referent).create({
            "name": "Entretien de suivi", "cdb_notebook_id": notebook.id,
            "user_id": self.referent.id, "start": start, "stop": stop, "duration": 1.0})

    def _mails_to(self, partner):
        domain = [("recipient_ids", "in", partner.ids)]
        if partner.email:
            domain = ["|", ("email_to", "ilike", partner.email)] + domain
        return self.env["mail.mail"].sudo().search(domain)

    def _cron(self):
        """The daily job, with a cron's context (the tests' context blocks
        the calendar's e-mails)."""
        return self.env["calendar.event"].with_context(
            no_mail_to_attendees=False)._cron_cdb_send_reminders()

    def test_invitation_with_ics_through_the_queue(self):
        beneficiary = self.notebook.beneficiary_id
        event = self._appointment(self.notebook, days=3, mails=True)
        mails = self._mails_to(beneficiary)
        self.assertEqual(len(mails), 1, "one invitation for the beneficiary")
        self.assertEqual(mails.state, "outgoing", "sent by the mail queue")
        self.assertEqual(mails.attachment_ids.mapped("mimetype"), ["text/calendar"])
        self.assertFalse(event.cdb_needs_letter)

    def test_letter_when_no_email(self):
        event = self._appointment(self.no_mail, days=3, mails=True)
        self.assertFalse(self._mails_to(self.no_mail.beneficiary_id))
        self.assertTrue(event.cdb_needs_letter)
        report = self.env.ref("carnet_de_bord.action_report_cdb_convocation")
        html = report.sudo(self.referent).render_qweb_html(event.ids)[0].decode()
        self.assertIn("Convocation", html)
        self.assertIn(self.no_mail.beneficiary_id.name, html)
        self.assertIn(event._cdb_local_start().strftime("%d/%m/%Y"), html)
        action = event.sudo(self.referent).action_cdb_print_convocation()
        self.assertEqual(action["report_name"], "carnet_de_bord.report_cdb_convocation")
        with self.assertRaises(AccessError):
            event.sudo(self.outsider).action_cdb_print_convocation()

    def test_reminder_the_day_before_once(self):
        beneficiary = self.notebook.beneficiary_id
        tomorrow = self._appointment(self.notebook, days=1, hour=10)
        later = self._appointment(self.notebook, days=3, hour=10)
        self.assertGreaterEqual(self._cron(), 1)
        self.assertTrue(tomorrow.cdb_reminder_sent)
        self.assertFalse(later.cdb_reminder_sent)
        mails = self._mails_to(beneficiary)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.state, "outgoing")
        self._cron()
        self.assertEqual(len(self._mails_to(beneficiary)), 1, "never twice")

    def test_no_reminder_when_the_setting_is_zero(self):
        self.env["ir.config_parameter"].sudo().set_param(APPOINTMENT_REMINDER_DAYS.key, "0")
        tomorrow = self._appointment(self.notebook, days=1, hour=10)
        self.assertEqual(self._cron(), 0)
        self.assertFalse(tomorrow.cdb_reminder_sent)

    def test_attendance_recorded_by_a_member_only(self):
        event = self._appointment(self.notebook)
        self._member(self.notebook, self.accompagnateur)
        event.sudo(self.accompagnateur).action_cdb_absent()
        self.assertEqual(event.cdb_attendance, "absent")
        with self.assertRaises(AccessError):
            event.sudo(self.outsider).action_cdb_present()
        self.assertEqual(event.cdb_attendance, "absent")

    def test_attendance_and_reminder_change_only_through_their_actions(self):
        """Over RPC a member (even the organiser) cannot write the attendance
        or the reminder flag, nor create an appointment already attended."""
        event = self._appointment(self.notebook)
        for vals in ({"cdb_attendance": "present"}, {"cdb_reminder_sent": True}):
            with self.assertRaises(AccessError):
                event.sudo(self.referent).write(vals)
        self.assertFalse(event.cdb_attendance)
        self.assertFalse(event.cdb_reminder_sent)
        with self.assertRaises(AccessError):
            self.env["calendar.event"].with_context(no_mail_to_attendees=True).sudo(
                self.referent).create({
                    "name": "Entretien", "cdb_notebook_id": self.notebook.id,
                    "user_id": self.referent.id, "start": "2026-03-02 09:00:00",
                    "stop": "2026-03-02 10:00:00", "duration": 1.0,
                    "cdb_attendance": "present"})
        event.sudo(self.referent).write({"location": "Maison des solidarités"})
        self.assertEqual(event.location, "Maison des solidarités")

    def test_letters_printed_in_bulk_on_the_letterhead(self):
        """Several convocations chosen in the list make one document, each
        letter on the département's letterhead (logo and name) with its page
        numbers (issue 14, "Prints")."""
        first = self._appointment(self.no_mail, days=3)
        second = self._appointment(self.notebook, days=4)
        report = self.env.ref("carnet_de_bord.action_report_cdb_convocation")
        self.assertEqual(report.binding_model_id.model, "calendar.event",
                         "offered in the Print menu of the appointments' list")
        html = report.sudo(self.referent).render_qweb_html((first | second).ids)[0].decode()
        for event in (first, second):
            self.assertIn(event.cdb_notebook_id.beneficiary_id.name, html)
        self.assertEqual(html.count("Convocation à un rendez-vous"), 2)
        company = self.referent.company_id
        self.assertTrue(company.logo)
        self.assertEqual(html.count('class="header"'), 2, "a letterhead on each letter")
        self.assertEqual(html.count("data:image/png;base64,"), 2, "the logo on each letter")
        self.assertGreaterEqual(html.count(html_escape(company.name)), 2, "its name")
        self.assertEqual(html.count('class="topage"'), 2, "page numbers on each letter")

"""Notification of the decision and the law's contract month: contract due
1 month (a setting) after the notification; a new orientation restarts it;
the guide's deadlines unchanged."""
from odoo.exceptions import AccessError, UserError

from .common import ParcoursCase


class TestNotification(ParcoursCase):

    def _notified(self, lastname, notified_on, parcours=None):
        notebook = self._law_notebook(lastname)
        orientation = self._law_orientation(notebook, parcours, decide=True)
        orientation._workflow_write({"notification_date": notified_on})
        return orientation

    def test_delegate_notifies(self):
        notebook = self._law_notebook("Utnotify")
        orientation = self._law_orientation(notebook, decide=True)
        self.assertFalse(orientation.contract_deadline, "no deadline before the notification")
        self.assertIn(self.employment.name, notebook.message_ids[0].body)
        orientation.sudo(self.delegate).action_notify()
        self.assertEqual(orientation.notification_date, self.today)
        self.assertEqual(orientation.contract_deadline, self._shift(self.today, months=1))
        self.assertEqual(orientation.law_contract_due_date, orientation.contract_deadline)
        activity = notebook.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                "rsa_orientation.mail_activity_type_contract"))
        self.assertEqual(activity.user_id, self.referent)
        self.assertEqual(activity.date_deadline, orientation.contract_deadline)

    def test_referent_may_not_notify(self):
        orientation = self._law_orientation(self._law_notebook("Utnotref"), decide=True)
        with self.assertRaises(AccessError):
            orientation.sudo(self.referent).action_notify()
        self.assertFalse(orientation.notification_date)

    def test_notification_date_not_written_by_a_client(self):
        orientation = self._law_orientation(self._law_notebook("Utnotwrite"), decide=True)
        with self.assertRaises(AccessError):
            orientation.sudo(self.delegate).write({"notification_date": self.today})
        self.assertFalse(orientation.notification_date)

    def test_draft_or_notified_twice_refused(self):
        notebook = self._law_notebook("Utnottwice")
        orientation = self._law_orientation(notebook)
        with self.assertRaises(UserError):
            orientation.action_notify()
        orientation.action_decide()
        orientation.action_notify()
        with self.assertRaises(UserError):
            orientation.action_notify()

    def test_one_month_from_the_notification(self):
        self.assertEqual(self._notified("Utnotjan", "2026-01-31").contract_deadline,
                         "2026-02-28")
        self.assertEqual(self._notified("Utnotmar", "2026-03-10").law_contract_due_date,
                         "2026-04-10")

    def test_boundary_due_today_not_overdue_yesterday_overdue(self):
        Orientation = self.env["rsa.orientation"]
        due_today = self._notified("Utnotbd1", self._shift(self.today, months=-1))
        self.assertEqual(due_today.law_contract_due_date, self.today)
        self.assertFalse(due_today.law_contract_overdue)
        self.assertFalse(due_today.is_overdue)
        late = self._notified("Utnotbd2", self._shift(self.today, months=-1, days=-1))
        self.assertTrue(late.law_contract_overdue)
        self.assertTrue(late.is_overdue, "the guide's overdue list shows it too")
        found = Orientation.search([("law_contract_overdue", "=", True),
                                    ("id", "in", (due_today | late).ids)])
        self.assertEqual(found, late)
        self.assertEqual(Orientation.search([("law_contract_overdue", "=", False),
                                             ("id", "in", (due_today | late).ids)]), due_today)

    def test_delay_is_a_setting(self):
        self._param("rsa_parcours.contract_delay_months", "2")
        self.assertEqual(self._notified("Utnotset", "2026-03-10").contract_deadline,
                         "2026-05-10")

    def test_new_orientation_restarts_the_month(self):
        old = self._notified("Utnotnew", self._shift(self.today, months=-3))
        self.assertTrue(old.law_contract_overdue)
        new = self._law_orientation(old.notebook_id, self.socio, self.cd, decide=True)
        self.assertEqual(old.state, "replaced")
        self.assertFalse(old.law_contract_overdue)
        self.assertFalse(new.contract_deadline)
        new.action_notify()
        self.assertEqual(new.law_contract_due_date, self._shift(self.today, months=1))

    def test_guide_deadline_from_the_decision(self):
        """The guide's orientations side by side: 1 month (professional) or
        2 months (solidarity) from the decision, notified or not."""
        notebook = self._law_notebook("Utnotguide")
        guide = self._orientation(notebook, "professional_ft", decide=True,
                                  date_decision="2024-03-10")
        self.assertEqual(guide.contract_deadline, "2024-04-10")
        guide.action_notify()
        self.assertEqual(guide.contract_deadline, "2024-04-10")
        self.assertFalse(guide.law_contract_due_date)

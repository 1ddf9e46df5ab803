from .common import CdbCase


class TestAppointment(CdbCase):
    """An appointment created from the carnet's Rendez-vous tab belongs to
    the carnet, whatever empty link the web client sends with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utrendezvous", cls.referent)

    def _create_as_web_client(self, user, **extra):
        """The values the web client's form sends: its invisible ``res_id``
        and ``res_model_id`` fields empty (0 and False)."""
        vals = {
            "name": "Entretien", "cdb_notebook_id": self.notebook.id,
            "res_id": 0, "res_model_id": False, "user_id": user.id,
            "start": self.today + " 09:00:00", "stop": self.today + " 10:00:00",
            "duration": 1.0,
        }
        vals.update(extra)
        return self.env["calendar.event"].sudo(user).create(vals)

    def test_referent_finds_the_appointment_she_created(self):
        event = self._create_as_web_client(self.referent)
        self.assertEqual(event.sudo().res_id, self.notebook.id)
        self.assertEqual(event.sudo().res_model, "cdb.notebook")
        Event = self.env["calendar.event"].sudo(self.referent)
        self.assertIn(event, Event.search([("cdb_notebook_id", "=", self.notebook.id)]))
        self.assertEqual(Event.browse(event.id).read(["name"])[0]["name"], "Entretien")
        self.assertIn(event, self.notebook.sudo(self.referent).event_ids)

    def test_an_appointment_cannot_point_at_another_document(self):
        other = self._notebook("Utautre", self.referent2)
        event = self._create_as_web_client(self.referent, res_id=other.id)
        self.assertEqual(event.sudo().res_id, self.notebook.id,
                         "the carnet of the appointment decides its document")
        self.assertEqual(event.sudo().partner_ids & self.notebook.beneficiary_id,
                         self.notebook.beneficiary_id, "the beneficiary is invited")

"""A missed appointment starts a fiche de liaison (issue 14; guide,
Annexe 7: "La personne ne s'est pas présentée au rendez-vous")."""
from odoo.exceptions import AccessError

from .common import LiaisonCase


class TestMissedAppointment(LiaisonCase):

    def _missed(self):
        event = self.env["calendar.event"].sudo(self.referent).create({
            "name": "Entretien mensuel", "cdb_notebook_id": self.notebook.id,
            "user_id": self.referent.id, "start": self.today + " 08:00:00",
            "stop": self.today + " 09:00:00", "duration": 1.0})
        event.action_cdb_absent()
        return event

    def test_one_click_opens_a_fiche_with_the_appointment(self):
        event = self._missed()
        action = event.action_cer_new_liaison()
        self.assertEqual(action["res_model"], "cer.liaison")
        context = action["context"]
        self.assertEqual(context["default_notebook_id"], self.notebook.id)
        liaison = self.env["cer.liaison"].sudo(self.referent).with_context(context).create({})
        self.assertTrue(liaison.request_support)
        self.assertIn("Entretien mensuel", liaison.support_request)
        self.assertEqual(liaison.correspondant_id, self.correspondant)

    def test_not_for_who_may_not_send_a_fiche(self):
        event = self._missed()
        with self.assertRaises(AccessError):
            event.sudo(self.outsider).action_cer_new_liaison()

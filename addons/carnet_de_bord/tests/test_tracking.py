"""Every change of a carnet leaves a trace in its chatter: tracked fields,
and the comings and goings of the groupe de suivi — whatever context a
client sends (issue 10, "Context keys as switches")."""
from odoo import api

from .common import CdbCase


class TestTracking(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utsuivi", cls.referent)
        # Tracking on, as for users.
        cls.tracked_env = cls.env(context=dict(cls.env.context, tracking_disable=False))

    def _bodies(self, record):
        return " ".join(record.sudo().message_ids.mapped("body"))

    def test_member_joins_and_leaves(self):
        Member = self.tracked_env["cdb.notebook.member"].sudo(self.referent)
        member = Member.create({"notebook_id": self.notebook.id,
                                "user_id": self.accompagnateur.id})
        self.assertIn("Ut Accompagnateur joins the groupe de suivi as Accompagnateur",
                      self._bodies(self.notebook))
        member.write({"active": False})
        self.assertIn("Ut Accompagnateur no longer follows the carnet",
                      self._bodies(self.notebook))
        author = self.notebook.sudo().message_ids[:1].author_id
        self.assertEqual(author, self.referent.partner_id)

    def test_no_message_without_change_of_membership(self):
        member = self._member(self.notebook, self.accompagnateur)
        before = len(self.notebook.sudo().message_ids)
        member.with_context(tracking_disable=False).write({"structure_id": False})
        self.assertEqual(len(self.notebook.sudo().message_ids), before)

    def test_objective_description_and_action_evaluation_tracked(self):
        objective = self.tracked_env["cdb.objective"].create({
            "notebook_id": self.notebook.id, "name": "Logement", "description": "Avant"})
        objective.write({"description": "Après"})
        values = objective.message_ids.mapped("tracking_value_ids")
        self.assertIn("Après", values.mapped("new_value_char") + values.mapped("new_value_text"))

    def test_membership_trail_ignores_tracking_disable(self):
        """tracking_disable concerns the tracking of fields; the groupe de
        suivi's comings and goings are always written (the tests' own
        context has tracking_disable)."""
        Member = self.env["cdb.notebook.member"].sudo(self.referent).with_context(
            tracking_disable=True)
        member = Member.create({"notebook_id": self.notebook.id,
                                "user_id": self.accompagnateur.id})
        self.assertIn("Ut Accompagnateur joins the groupe de suivi", self._bodies(self.notebook))
        member.write({"active": False, "date_end": self.today})
        self.assertIn("Ut Accompagnateur no longer follows the carnet",
                      self._bodies(self.notebook))

    def test_client_cannot_switch_tracking_off(self):
        """Over RPC (odoo.api.call_kw, as XML-RPC's execute_kw and the web
        client's call_kw) the server-only keys of the context are dropped."""
        objective = self.tracked_env["cdb.objective"].create({
            "notebook_id": self.notebook.id, "name": "Logement", "description": "Avant"})
        client_context = {"lang": "en_US", "tracking_disable": True, "mail_notrack": True}
        api.call_kw(self.env["cdb.objective"].sudo(self.referent), "write",
                    [objective.ids, {"description": "Après, en douce"}],
                    {"context": client_context})
        values = objective.sudo().message_ids.mapped("tracking_value_ids")
        self.assertIn("Après, en douce",
                      values.mapped("new_value_char") + values.mapped("new_value_text"))

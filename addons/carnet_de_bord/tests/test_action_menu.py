"""Issue 14, "The carnet at a glance": the rare and heavy acts on a carnet
(closing the accompaniment, the right-of-access export) are in the form's
Action menu, for the professionals only; running them still goes through
the carnet's policy."""
from odoo.exceptions import AccessError

from .common import CdbCase

MENU_ACTIONS = ("carnet_de_bord.cdb_notebook_action_close",
                "carnet_de_bord.cdb_notebook_action_export_personal_data")


class TestActionMenu(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utmenu", cls.referent)
        cls.employee = cls.env["res.users"].create({
            "name": "UT Employee", "login": "ut.employee",
            "groups_id": [(6, 0, cls.env.ref("base.group_user").ids)]})

    def _menu(self, user):
        bindings = self.env["ir.actions.actions"].sudo(user).get_bindings("cdb.notebook")
        return {action["id"] for action in bindings["action"]}

    def _run(self, xmlid, user):
        action = self.env.ref(xmlid).sudo(user)
        return action.with_context(active_model="cdb.notebook", active_id=self.notebook.id,
                                   active_ids=self.notebook.ids).run()

    def test_in_the_menu_of_the_professionals_only(self):
        ids = {self.env.ref(xmlid).id for xmlid in MENU_ACTIONS}
        self.assertEqual(self._menu(self.referent) & ids, ids)
        self.assertFalse(self._menu(self.employee) & ids)

    def test_the_referent_closes_from_the_menu(self):
        action = self._run("carnet_de_bord.cdb_notebook_action_close", self.referent)
        self.assertEqual(action["res_model"], "cdb.notebook.close.wizard")
        action = self._run("carnet_de_bord.cdb_notebook_action_export_personal_data",
                           self.referent)
        self.assertEqual(action["res_model"], "cdb.data.export.wizard")

    def test_the_groups_and_the_policy_still_decide(self):
        """An employee outside the groups cannot run it; a professional who
        is not a member of the carnet may not close it."""
        state = self.notebook.state
        with self.assertRaises(AccessError):
            self._run("carnet_de_bord.cdb_notebook_action_close", self.employee)
        with self.assertRaises(AccessError):
            self._run("carnet_de_bord.cdb_notebook_action_close", self.outsider)
        self.assertEqual(self.notebook.state, state)
        self.assertFalse(self.env["cdb.notebook.close.wizard"].search(
            [("create_uid", "in", (self.employee | self.outsider).ids)]))

    def test_not_in_the_header(self):
        arch = self.env["cdb.notebook"].fields_view_get(view_type="form")["arch"]
        self.assertNotIn('name="action_close"', arch)
        self.assertNotIn('name="action_cdb_export_personal_data"', arch)

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import CdbCase


class TestNotebook(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utmembres", cls.referent)

    def _memberships(self, user):
        return self.env["cdb.notebook.member"].with_context(active_test=False).search([
            ("notebook_id", "=", self.notebook.id), ("user_id", "=", user.id)])

    def test_referent_becomes_active_member(self):
        member = self._memberships(self.referent)
        self.assertEqual(len(member), 1)
        self.assertTrue(member.active)
        self.assertEqual(member.role, "referent")
        self.assertEqual(member.structure_id, self.structure_a)
        self.assertEqual(self.notebook.state, "in_progress")
        self.assertEqual(self.notebook.date_start, self.today)

    def test_notebook_without_referent_has_no_member(self):
        notebook = self._notebook("Utsansreferent")
        self.assertFalse(notebook.member_ids)
        self.assertEqual(notebook.state, "new")

    def test_referent_set_later_becomes_member(self):
        notebook = self._notebook("Utplustard")
        notebook._set_referent(self.referent2)
        self.assertEqual(notebook.member_ids.user_id, self.referent2)
        self.assertEqual(notebook.member_ids.role, "referent")

    def test_changing_referent_ends_former_membership(self):
        self.notebook._set_referent(self.referent2)
        former = self._memberships(self.referent)
        self.assertEqual(len(former), 1, "the former membership is kept in the history")
        self.assertFalse(former.active)
        self.assertEqual(former.date_end, self.today)
        new = self._memberships(self.referent2)
        self.assertTrue(new.active)
        self.assertEqual(new.role, "referent")
        self.assertEqual(self.notebook.member_ids, new)

    def test_former_referent_can_no_longer_read(self):
        self.notebook.sudo(self.referent).read(["state"])
        self.notebook._set_referent(self.referent2)
        with self.assertRaises(AccessError):
            self.notebook.sudo(self.referent).read(["state"])
        self.assertFalse(self.env["cdb.notebook"].sudo(self.referent).search(
            [("id", "=", self.notebook.id)]))
        self.notebook.sudo(self.referent2).read(["state"])

    def test_former_referent_can_come_back(self):
        self.notebook._set_referent(self.referent2)
        self.notebook._set_referent(self.referent)
        member = self._memberships(self.referent)
        self.assertEqual(len(member), 1)
        self.assertTrue(member.active)
        self.assertEqual(member.role, "referent")
        self.assertFalse(member.date_end)
        self.assertFalse(self._memberships(self.referent2).active)

    def test_second_referent_member_refused(self):
        """A référent membership is made by the change of référent only
        (issue 10: refused before the single-référent constraint)."""
        self.assertRefused(
            AccessError, "cdb.notebook.member",
            [("notebook_id", "=", self.notebook.id)],
            lambda: self._member(self.notebook, self.referent2, role="referent"))

    def test_membership_end_before_start_refused(self):
        self.assertRefused(
            ValidationError, "cdb.notebook.member",
            [("notebook_id", "=", self.notebook.id)],
            lambda: self._member(self.notebook, self.accompagnateur,
                                 date_start=self.today,
                                 date_end=self._shift(self.today, days=-1)))

    def test_expired_membership_ended_by_cron(self):
        member = self._member(self.notebook, self.accompagnateur,
                              date_start=self._shift(self.today, months=-3),
                              date_end=self._shift(self.today, days=-1))
        self.notebook.sudo(self.accompagnateur).read(["state"])
        self.env["cdb.notebook"]._cron_schedule_reviews()
        member.invalidate_cache()
        self.assertFalse(member.active)
        with self.assertRaises(AccessError):
            self.notebook.sudo(self.accompagnateur).read(["state"])

    def test_membership_ending_today_kept_by_cron(self):
        member = self._member(self.notebook, self.accompagnateur,
                              date_start=self._shift(self.today, months=-3),
                              date_end=self.today)
        self.env["cdb.notebook"]._cron_schedule_reviews()
        member.invalidate_cache()
        self.assertTrue(member.active)
        self.notebook.sudo(self.accompagnateur).read(["state"])

    def test_one_notebook_per_beneficiary(self):
        beneficiary = self._beneficiary("Utunique")
        notebook = self.env["cdb.notebook"].create({"beneficiary_id": beneficiary.id})
        self.assertEqual(beneficiary.cdb_notebook_ids, notebook)
        with mute_logger("odoo.sql_db"):
            self.assertRefused(
                IntegrityError, "cdb.notebook", [("beneficiary_id", "=", beneficiary.id)],
                lambda: self.env["cdb.notebook"].create({"beneficiary_id": beneficiary.id}))

    def test_parts_stay_in_their_carnet(self):
        """A membership, a sharing choice, an objective, a situation, an
        appointment cannot be moved to another carnet (issue 10)."""
        other = self._notebook("Utautrecarnet", self.referent)
        member = self._member(self.notebook, self.accompagnateur)
        objective = self.env["cdb.objective"].create({
            "notebook_id": self.notebook.id, "name": "Se former"})
        share = self.env["cdb.notebook.share"].create({
            "notebook_id": self.notebook.id, "structure_id": self.structure_b.id,
            "section": "plan", "visible": True})
        event = self.env["calendar.event"].create({
            "name": "Entretien", "cdb_notebook_id": self.notebook.id,
            "start": self.today + " 09:00:00", "stop": self.today + " 10:00:00"})
        for record, field in ((member, "notebook_id"), (objective, "notebook_id"),
                              (share, "notebook_id"), (event, "cdb_notebook_id")):
            with self.subTest(model=record._name):
                self.assertRefused(
                    ValidationError, record._name,
                    [("id", "=", record.id), (field, "=", self.notebook.id)],
                    lambda record=record, field=field: record.write({field: other.id}),
                    rollback=False)

    def test_public_actions_answer_something(self):
        """Over XML-RPC a method that answers None breaks after committing
        (tests/test_xmlrpc.py): the buttons answer True or an action."""
        for method in ("action_new_review", "action_close"):
            self.assertEqual(getattr(self.notebook, method)()["type"], "ir.actions.act_window")
        self.notebook._close(self.env.ref("carnet_de_bord.end_reason_rights"))
        self.assertIs(self.notebook.action_reopen(), True)
        objective = self.env["cdb.objective"].create({
            "notebook_id": self.notebook.id, "name": "Se former"})
        for method in ("action_validate", "action_achieve", "action_abandon"):
            self.assertIs(getattr(objective, method)(), True)

    def test_close_and_reopen(self):
        self.notebook._close(self.env.ref("carnet_de_bord.end_reason_rights"))
        self.assertEqual(self.notebook.state, "closed")
        self.assertEqual(self.notebook.date_end, self.today)
        self.assertFalse(self.notebook.next_review_date)
        self.notebook.action_reopen()
        self.assertEqual(self.notebook.state, "in_progress")
        self.assertFalse(self.notebook.date_end)
        self.assertFalse(self.notebook.end_reason_id)
        self.assertTrue(self.notebook.next_review_date)

"""Who reads and writes the national criteria: the carnet's active members
and the delegates; not a professional of another structure, not the
beneficiary on the portal, not a member the beneficiary hid the situation
from (the orientation then shows no criteria). Who decides, notifies and
extends: the delegates only."""
from odoo.exceptions import AccessError

from .common import ParcoursCase


class TestParcoursAccess(ParcoursCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._law_notebook("Utaccess")
        cls.member = cls._member(cls.notebook, cls.accompagnateur)
        cls.orientation = cls._law_orientation(
            cls.notebook, cls.socio, cls.cd, **cls._criteria(health="strong"))
        # the report's stylesheet bundle, built once as admin
        cls.env.ref("rsa_parcours.action_report_orientation_notification").render_qweb_html(
            cls.orientation.ids)
        cls.criteria = cls.orientation.criteria_id
        partner = cls.notebook.beneficiary_id
        partner.email = "ut.access.portal@ut.example"
        cls.portal = cls.env["res.users"].with_context(no_reset_password=True).create({
            "login": "ut.access.portal", "partner_id": partner.id,
            "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]})

    def _reads(self, user):
        Criteria = self.env["rsa.orientation.criteria"].sudo(user)
        try:
            found = Criteria.search([("id", "=", self.criteria.id)])
            self.criteria.sudo(user).read(["health_impact"])
        except AccessError:
            return False
        return bool(found)

    def test_members_and_delegates_read(self):
        for user in (self.referent, self.accompagnateur, self.delegate):
            self.assertTrue(self._reads(user), user.login)

    def test_others_refused_every_channel(self):
        for user in (self.outsider, self.portal):
            Criteria = self.env["rsa.orientation.criteria"].sudo(user)
            self.assertFalse(self._reads(user), user.login)
            with self.assertRaises(AccessError):
                self.criteria.sudo(user).read(["health_impact"])
            with self.assertRaises(AccessError):
                self.criteria.sudo(user).write({"health_impact": "none"})
            groups = Criteria.read_group([("id", "=", self.criteria.id)], ["health_impact"],
                                         ["health_impact"]) if user != self.portal else []
            self.assertFalse(groups)
            with self.assertRaises(AccessError):
                self.criteria.sudo(user).export_data(["health_impact"])
        self.assertEqual(self.criteria.health_impact, "strong")

    def test_outsider_may_not_create_criteria(self):
        with self.assertRaises(AccessError):
            self.env["rsa.orientation.criteria"].sudo(self.outsider).create(
                {"notebook_id": self.notebook.id})

    def test_hidden_situation_hides_the_criteria_on_the_orientation(self):
        self.notebook._beneficiary_set_shares(self.member, {"situation": False})
        self.assertFalse(self._reads(self.accompagnateur))
        orientation = self.orientation.sudo(self.accompagnateur)
        self.assertFalse(orientation.criteria_health_impact)
        self.assertTrue(self._reads(self.referent))
        self.assertEqual(self.orientation.sudo(self.referent).criteria_health_impact, "strong")

    def test_only_delegates_decide_and_notify(self):
        with self.assertRaises(AccessError):
            self.orientation.sudo(self.referent).action_decide()
        self.assertEqual(self.orientation.state, "draft")
        self.orientation.sudo(self.delegate).action_decide()
        for user in (self.referent, self.accompagnateur):
            with self.assertRaises(AccessError):
                self.orientation.sudo(user).action_notify()
        self.assertFalse(self.orientation.notification_date)

    def test_parcours_catalogue_read_only_for_professionals(self):
        with self.assertRaises(AccessError):
            self.employment.sudo(self.referent).write({"name": "Autre"})
        self.assertTrue(self.employment.sudo(self.referent).name)

    def test_criteria_follow_the_carnet_in_the_purge_and_the_export(self):
        records = self.notebook._cdb_personal_records()
        self.assertIn(self.criteria, records[0])
        self.notebook._cdb_retention_purge()
        self.assertFalse(self.criteria.exists())

    def test_plain_member_types_the_criteria_of_a_draft(self):
        self.orientation.sudo(self.accompagnateur).write({"criteria_mobility_impact": "medium"})
        self.assertEqual(self.criteria.mobility_impact, "medium")

    def test_outsider_and_portal_may_not_print_the_letter(self):
        self.orientation.sudo(self.delegate).action_decide()
        report = self.env.ref("rsa_parcours.action_report_orientation_notification")
        for user in (self.outsider, self.portal):
            with self.assertRaises(AccessError):
                report.sudo(user).render_qweb_html(self.orientation.ids)

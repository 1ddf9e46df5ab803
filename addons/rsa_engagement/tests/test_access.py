"""Access of the new models on every channel: a professional who is not a
member of the carnet, an accompagnateur of another structure (a member), the
beneficiary on the portal; read, search, read_group, export, write and
print are refused where they should be, and nothing is written."""
from odoo import fields
from odoo.exceptions import AccessError

from .common import EngagementCase


class TestAccess(EngagementCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portail Engagement", "login": "ut.portal.engagement",
            "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]})

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook(scale=False)
        self.notebook.beneficiary_id.user_ids = self.portal
        self.portal.partner_id = self.notebook.beneficiary_id
        self._member(self.notebook, self.accompagnateur)
        self.contract = self._running_engagement(self.notebook)
        self.record = self._decide(self._observed(self.notebook, contract_id=self.contract.id))
        start = fields.Date.from_string(self.contract.date_start)
        self.week = self.env["rsa.activity.week"].sudo(self.referent).create({
            "contract_id": self.contract.id, "hours": 15.0,
            "week_start": self._shift(self.contract.date_start, days=7 - start.weekday())})

    def _channels_refused(self, user, record, vals):
        Model = self.env[record._name].sudo(user)
        self.assertRefusedWith(AccessError, lambda: record.sudo(user).read(list(vals)))
        self.assertFalse(Model.search([("id", "=", record.id)]))
        groups = Model.read_group([("id", "=", record.id)], ["state"], ["state"])
        self.assertFalse(sum(group["state_count"] for group in groups))
        self.assertRefusedWith(AccessError, lambda: record.sudo(user).export_data(list(vals)))
        self.assertRefusedWith(AccessError, lambda: record.sudo(user).write(vals))

    def test_outsider_sees_no_failure(self):
        self._channels_refused(self.outsider, self.record, {"facts": "Réécrit."})
        # QWeb wraps the AccessError of the read in its own exception
        caught = self.assertRefusedWith(Exception, lambda: self.env.ref(
            "rsa_engagement.action_report_decision").sudo(self.outsider).render_qweb_html(
                self.record.ids))
        self.assertIsInstance(getattr(caught, "error", caught), AccessError)

    def test_portal_beneficiary_reads_no_failure(self):
        self.assertRefusedWith(AccessError, lambda: self.record.sudo(self.portal).read(["name"]))
        self.assertRefusedWith(AccessError, lambda: self.env["rsa.manquement"].sudo(
            self.portal).search([]))
        self.assertRefusedWith(AccessError, lambda: self.record.sudo(self.portal).write(
            {"observations": "x"}))

    def test_accompagnateur_reads_but_does_not_record(self):
        self.assertEqual(self.record.sudo(self.accompagnateur).kind, "absence")
        self.assertRefusedWith(AccessError, lambda: self._manquement(self.notebook).sudo(
            self.accompagnateur).write({"facts": "Réécrit."}))
        self.assertRefusedWith(AccessError, lambda: self.env["rsa.manquement"].sudo(
            self.accompagnateur).create({"notebook_id": self.notebook.id, "kind": "other",
                                         "facts": "x"}))
        self.assertRefusedWith(AccessError,
                               lambda: self.record.sudo(self.accompagnateur).action_invite())

    def test_outsider_cannot_record_hours(self):
        self.assertRefusedWith(AccessError, lambda: self.env["rsa.activity.week"].sudo(
            self.outsider).create({"contract_id": self.contract.id,
                                   "week_start": "2030-01-07", "hours": 1.0}))
        self._channels_refused(self.outsider, self.week, {"hours": 2.0})

    def test_portal_cannot_declare_for_another_carnet(self):
        other = self._oriented_notebook(scale=False)
        contract = self._running_engagement(other)
        self.assertRefusedWith(AccessError, lambda: self.env["rsa.activity.week"].sudo(
            self.portal).create({"contract_id": contract.id, "week_start": "2030-01-07",
                                 "hours": 1.0}))

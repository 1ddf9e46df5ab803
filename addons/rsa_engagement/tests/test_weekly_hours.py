"""Weekly activity (loi pour le plein emploi): at least 15 hours, lower or
nil only with a typed reason and a review date; the realised hours week by
week, recorded by a member or declared by the beneficiary and confirmed."""
from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import EngagementCase


class TestWeeklyHours(EngagementCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook(scale=False)

    def _monday(self, weeks=0):
        today = fields.Date.from_string(self.today)
        return self._shift(fields.Date.to_string(today), days=-today.weekday(), weeks=weeks)

    def test_target_boundary(self):
        """15 hours: no reason; 14.5: a reason and a review date."""
        at_target = self._engagement(self.notebook, weekly_hours_target=15.0)
        self.assertFalse(at_target.hours_reason)
        other = self._oriented_notebook(scale=False)
        self.assertRefusedWith(ValidationError, lambda: self._engagement(
            other, weekly_hours_target=14.5))
        self.assertRefusedWith(ValidationError, lambda: self._engagement(
            other, weekly_hours_target=14.5, hours_reason="health"))
        lower = self._engagement(other, hours=(14.5,), weekly_hours_target=14.5,
                                 hours_reason="health",
                                 hours_review_date=self._shift(self.today, months=3))
        self.assertFalse(lower.hours_below_target)

    def test_exemption_and_review_date_bounds(self):
        values = {"weekly_hours_target": 0.0, "hours_reason": "carer", "hours": ()}
        self.assertRefusedWith(ValidationError, lambda: self._engagement(
            self.notebook, hours_review_date=self.today, **values))
        self.assertRefusedWith(ValidationError, lambda: self._engagement(
            self.notebook, hours_review_date=self._shift(self.today, months=12, days=1),
            **values))
        exempt = self._engagement(self.notebook,
                                  hours_review_date=self._shift(self.today, months=12),
                                  **values)
        self.assertEqual(exempt.weekly_hours_target, 0.0)

    def test_other_reason_is_described(self):
        values = {"weekly_hours_target": 8.0, "hours_reason": "other",
                  "hours_review_date": self._shift(self.today, months=2)}
        self.assertRefusedWith(ValidationError,
                               lambda: self._engagement(self.notebook, **values))
        contract = self._engagement(self.notebook, hours_reason_detail="Formation du soir.",
                                    **values)
        self.assertEqual(contract.hours_reason, "other")

    def test_member_records_realised_hours(self):
        contract = self._running_engagement(self.notebook)
        self._member(self.notebook, self.accompagnateur)
        Week = self.env["rsa.activity.week"]
        week = Week.sudo(self.accompagnateur).create(
            {"contract_id": contract.id, "week_start": self._monday(), "hours": 12.0})
        self.assertEqual(week.state, "confirmed")
        self.assertEqual(week.confirmed_user_id, self.accompagnateur)
        Week.sudo(self.referent).create(
            {"contract_id": contract.id, "week_start": self._monday(1), "hours": 16.0})
        contract.invalidate_cache()
        self.assertEqual(contract.realised_weekly_average, 14.0)
        self.assertRefusedWith(AccessError, lambda: Week.sudo(self.outsider).create(
            {"contract_id": contract.id, "week_start": self._monday(2), "hours": 3.0}))
        self.assertRefusedWith(AccessError, lambda: week.sudo(self.referent).write(
            {"hours": 20.0}))
        self.assertRefusedWith(ValidationError, lambda: Week.sudo(self.referent).create(
            {"contract_id": contract.id, "week_start": self._shift(self._monday(3), days=1),
             "hours": 3.0}))

    def test_beneficiary_declares_a_member_confirms(self):
        contract = self._running_engagement(self.notebook)
        portal = self.notebook.beneficiary_id
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": portal.name, "login": "ut.portal.hours", "partner_id": portal.id,
            "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]})
        week = self.env["rsa.activity.week"].sudo(user).create(
            {"contract_id": contract.id, "week_start": self._monday(), "hours": 15.0})
        week = week.sudo()
        self.assertEqual((week.state, week.source), ("declared", "beneficiary"))
        self.assertRefusedWith(AccessError, lambda: week.sudo(user).action_confirm())
        week.sudo(self.referent).action_confirm()
        self.assertEqual(week.state, "confirmed")
        self.assertRefusedWith(AccessError, lambda: week.sudo(self.referent).write(
            {"state": "declared"}))

    def test_portal_declaration_path(self):
        """What /my/carnet/contract/<id>/hours calls: the beneficiary's own
        contract only; the portal reads its weeks."""
        contract = self._running_engagement(self.notebook)
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portail Heures", "login": "ut.portal.declare",
            "partner_id": self.notebook.beneficiary_id.id,
            "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]})
        Week = self.env["rsa.activity.week"].sudo(user)
        week = Week._portal_declare(contract.id, self._monday(1), 15.0)
        self.assertEqual(week.sudo().state, "declared")
        self.assertEqual(Week._portal_weeks(contract.sudo(user)), week.sudo())
        other = self._running_engagement(self._oriented_notebook(scale=False))
        self.assertRefusedWith(AccessError, lambda: Week._portal_declare(
            other.id, self._monday(1), 15.0))
        self.assertRefusedWith(AccessError, lambda: Week._portal_weeks(other.sudo(user)))

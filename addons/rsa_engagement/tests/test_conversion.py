"""Conversion of the guide's contracts (loi pour le plein emploi): a CER or
PPAE signed before the new regime and still in force is replaced by a
contrat d'engagement by the deadline of the settings, carrying the plan and
its bilan; the old contract ends when the new one starts."""
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import EngagementCase


class TestConversion(EngagementCase):

    def test_to_convert_list_and_days_left(self):
        ppae = self._guide_ppae()
        self.assertTrue(ppae.is_in_force)
        self.assertTrue(ppae.to_convert)
        left = (date(2027, 1, 1) - fields.Date.from_string(self.today)).days
        self.assertEqual(ppae.conversion_days_left, left)
        self.assertIn(ppae, self.env["cer.contract"].search([("to_convert", "=", True)]))

    def test_regime_boundary(self):
        """Signed the day before the new regime: to convert; signed on it:
        under the law already."""
        self._param("rsa_orientation.new_regime_date", "2024-11-16")
        self.assertTrue(self._guide_ppae(signed="2024-11-15").to_convert)
        self._param("rsa_orientation.new_regime_date", "2024-11-15")
        ppae = self._guide_ppae(signed="2024-11-15")
        ppae.invalidate_cache()
        self.assertFalse(ppae.to_convert)

    def test_one_click_carries_plan_and_bilan_then_ends_the_old(self):
        ppae = self._guide_ppae()
        action = ppae.sudo(self.referent).action_convert()
        new = self.env["cer.contract"].browse(action["res_id"])
        self.assertEqual((new.contract_type, new.state, new.previous_contract_id),
                         ("engagement", "draft", ppae))
        self.assertTrue(new.is_conversion)
        self.assertEqual(new.pap_line_ids.mapped("bilan_comment"),
                         ["CV refait, deux candidatures."])
        self.assertEqual(new.pap_line_ids.action_id, ppae.pap_line_ids.action_id)
        ppae.invalidate_cache()
        self.assertFalse(ppae.to_convert)
        self.assertRefusedWith(UserError, lambda: ppae.sudo(self.referent).action_convert())
        # the plan is completed to the weekly target, then signed and validated
        self._pap_line(new, code="A.1.1", planned_weekly_hours=15)
        self._sign(new)
        new.sudo(self.referent).action_submit()
        new.sudo(self.correspondant).action_validate()
        ppae.invalidate_cache()
        self.assertEqual((new.state, ppae.state, ppae.end_case),
                         ("running", "ended", "converted"))

    def test_conversion_by_the_referent_only(self):
        ppae = self._guide_ppae()
        self._member(ppae.notebook_id, self.accompagnateur)
        self.assertRefusedWith(AccessError, lambda: ppae.sudo(self.accompagnateur).action_convert())
        self.assertRefusedWith(AccessError, lambda: ppae.sudo(self.outsider).action_convert())

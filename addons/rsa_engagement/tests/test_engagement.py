"""The contrat d'engagement (loi n° 2023-1196 pour le plein emploi): a
contract type of its own for the orientations decided under the law, signed
with the organisme référent, validated and renewed as a CER; the guide's
contracts stay what they were (two regimes side by side)."""
from odoo.exceptions import UserError, ValidationError

from .common import EngagementCase


class TestEngagement(EngagementCase):

    def test_signed_with_the_organisme_referent_and_validated(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._running_engagement(notebook)
        self.assertEqual(contract.contract_type, "engagement")
        self.assertEqual(contract.organisme_id, self.referent.cdb_structure_id)
        self.assertEqual(contract.planned_weekly_hours, 15.0)
        self.assertFalse(contract.hours_below_target)
        self.assertTrue(contract.is_in_force)
        self.assertEqual(contract.duration_months, 6)

    def test_orientation_of_the_regime_boundary(self):
        """Decided on the date of the new regime: the law; the day before:
        the guide's contracts."""
        on_date = self._oriented_notebook(date_decision="2025-01-01", scale=False)
        self.assertEqual(self._engagement(on_date).contract_type, "engagement")
        before = self._oriented_notebook(date_decision="2024-12-31", scale=False)
        self.assertRefusedWith(ValidationError, lambda: self._engagement(before))

    def test_guide_regime_side_by_side(self):
        """The guide's CER keeps its rules and its default type."""
        notebook = self._oriented_notebook()
        contract = self._running(notebook)
        self.assertEqual(contract.contract_type, "cer_solidarity")
        self.assertFalse(contract.organisme_id)
        engagement_notebook = self._oriented_notebook(scale=False)
        self.assertEqual(self._running_engagement(engagement_notebook).contract_type,
                         "engagement")

    def test_duration_bounds(self):
        notebook = self._oriented_notebook(scale=False)
        self.assertRefusedWith(ValidationError,
                               lambda: self._engagement(notebook, duration_months=13))
        self.assertEqual(self._engagement(notebook, duration_months=12).duration_months, 12)

    def test_any_action_fits_the_plan(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._engagement(notebook, hours=(15.0,))
        line = self._pap_line(contract, code="G.2.3", planned_weekly_hours=2)
        self.assertEqual(contract.planned_weekly_hours, 17.0)
        self.assertTrue(line)

    def test_renewal_needs_no_scale_and_carries_the_hours(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._running_engagement(notebook)
        new = self._renew(contract)
        self.assertEqual(new.contract_type, "engagement")
        self.assertEqual(sorted(new.pap_line_ids.mapped("planned_weekly_hours")), [5.0, 10.0])
        self.assertEqual(new.weekly_hours_target, 15.0)

    def test_signed_target_is_frozen(self):
        from odoo.exceptions import AccessError
        notebook = self._oriented_notebook(scale=False)
        contract = self._signed_engagement(notebook)
        self.assertRefusedWith(AccessError, lambda: contract.sudo(self.referent).write(
            {"weekly_hours_target": 10.0, "hours_reason": "health"}))

    def test_pdf_in_the_law_words(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._running_engagement(notebook)
        html = self.env.ref("cer_contracts.action_report_cer_contract").sudo(
            self.referent).render_qweb_html(contract.ids)[0].decode()
        self.assertIn("Contrat d'engagement", html)
        self.assertIn("organisme référent", html)
        self.assertIn("15.0 heures par semaine", html)

    def test_plan_below_target_is_not_signed(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._engagement(notebook, hours=(10.0, 4.5))
        self.assertTrue(contract.hours_below_target)
        self.assertRefusedWith(UserError, lambda: self._sign(contract))
        self.assertEqual(contract.state, "draft")

    def test_form_keeps_the_engagement_type(self):
        notebook = self._oriented_notebook(scale=False)
        Contract = self.env["cer.contract"].sudo(self.referent)
        contract = Contract.new({"contract_type": "engagement"})
        contract.notebook_id = notebook
        contract._onchange_notebook_id()
        contract._onchange_orientation_id()
        self.assertEqual(contract.contract_type, "engagement")
        guide = Contract.new({"notebook_id": notebook.id})
        guide._onchange_notebook_id()
        guide._onchange_orientation_id()
        self.assertEqual(guide.contract_type, "cer_solidarity")

    def test_engagement_proposed_by_setting(self):
        """Off (default): the guide's type is proposed; on: an orientation
        decided under the law proposes the contrat d'engagement, one decided
        before keeps the guide's type."""
        notebook = self._oriented_notebook(scale=False)
        self.assertEqual(self._contract(notebook).contract_type, "cer_solidarity")
        self._param("rsa_engagement.engagement_by_default", "True")
        new_regime = self._oriented_notebook(scale=False)
        contract = self._contract(new_regime)
        self.assertEqual((contract.contract_type, contract.duration_months),
                         ("engagement", 6))
        guide = self._oriented_notebook(date_decision="2024-12-31", scale=False)
        self.assertEqual(self._contract(guide).contract_type, "cer_solidarity")
        form = self.env["cer.contract"].sudo(self.referent).new({})
        form.notebook_id = new_regime
        form._onchange_notebook_id()
        form._onchange_orientation_id()
        self.assertEqual(form.contract_type, "engagement")

    def test_avenant_adds_an_action_with_its_hours(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._running_engagement(notebook)
        amendment, new_line = self._amendment(contract, code="A.1.1",
                                              beneficiary_signed_date=self.today)
        new_line.sudo(self.referent).planned_weekly_hours = 4.0
        amendment.sudo(self.correspondant).action_apply()
        contract.invalidate_cache()
        self.assertEqual(contract.planned_weekly_hours, 19.0)
        self.assertEqual(new_line.pap_line_id.planned_weekly_hours, 4.0)

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
        # the organisme référent the orientation designated, not the
        # structure of the référent
        self.assertEqual(contract.organisme_id, notebook.orientation_id.organism_id)
        self.assertEqual(contract.organisme_id, self.organismes["departement"])
        self.assertNotEqual(contract.organisme_id, self.referent.cdb_structure_id)
        self.assertEqual(contract.planned_weekly_hours, 15.0)
        self.assertFalse(contract.hours_below_target)
        self.assertTrue(contract.is_in_force)
        self.assertEqual(contract.duration_months, 6)

    def test_orientation_of_the_regime_boundary(self):
        """Decided on the date of the new regime: the law; the day before:
        the guide's contracts."""
        on_date = self._oriented_notebook(date_decision="2025-01-01", scale=False)
        self.assertEqual(on_date.orientation_id.regime, "law")
        self.assertEqual(self._engagement(on_date).contract_type, "engagement")
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            on_date, contract_type="cer_solidarity"))
        before = self._oriented_notebook(date_decision="2024-12-31", scale=False)
        self.assertEqual(before.orientation_id.regime, "guide")
        self.assertRefusedWith(ValidationError, lambda: self._engagement(before))
        self.assertEqual(self._contract(before).contract_type, "cer_solidarity")

    def test_guide_regime_side_by_side(self):
        """The guide's CER keeps its rules and its default type on an
        orientation decided before the new regime."""
        notebook = self._oriented_notebook(date_decision="2024-12-31")
        contract = self._running(notebook, date_start="2024-12-31")
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

    def test_form_proposes_the_type_of_the_regime(self):
        """The form proposes the contrat d'engagement on an orientation under
        the law, the guide's type on one decided before."""
        Contract = self.env["cer.contract"].sudo(self.referent)
        for day, expected in (("2025-01-01", "engagement"), ("2024-12-31", "cer_solidarity")):
            notebook = self._oriented_notebook(date_decision=day, scale=False)
            form = Contract.new({})
            form.notebook_id = notebook
            form._onchange_notebook_id()
            form._onchange_orientation_id()
            self.assertEqual(form.contract_type, expected)

    def test_engagement_by_default_on_the_server(self):
        """A new contract of an orientation under the law is a contrat
        d'engagement without choosing it; the regime's date is the one
        setting: moved later, the same decision keeps the guide's type."""
        notebook = self._oriented_notebook(scale=False)
        contract = self._contract(notebook)
        self.assertEqual((contract.contract_type, contract.duration_months),
                         ("engagement", 6))
        guide = self._oriented_notebook(date_decision="2024-12-31", scale=False)
        self.assertEqual(self._contract(guide).contract_type, "cer_solidarity")

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

"""The two regimes side by side (issue "the law in force"): a carnet with a
CER of the guide signed in 2024, listed to convert with its days left and
converted in one click carrying its plan and bilan, beside a new
beneficiary oriented in 2026 on the national criteria, whose contrat
d'engagement of 15 hours goes through a manquement, the observations, a
30 % suspension and the remobilisation; and the boundary of the regime's
date (a decision the day before it, the day of it)."""
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import EngagementCase

BILAN = "Dossier FSL déposé, logement trouvé en février."


class TestTwoRegimes(EngagementCase):

    def _guide_cer(self):
        """A CER solidarité of 6 months signed on 16 December 2024
        (orientation of 1 December 2024, the scale agreed then), validated:
        in force until 15 June 2025."""
        notebook = self._oriented_notebook("solidarity", date_decision="2024-12-01")
        self.assertEqual(notebook.orientation_id.regime, "guide")
        contract = self._contract(notebook, date_start="2024-12-16")
        self.assertEqual((contract.contract_type, contract.date_end),
                         ("cer_solidarity", "2025-06-15"))
        self._pap_line(contract, date_deadline="2025-03-31", bilan_comment=BILAN)
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": "2024-12-16", "referent_signed_date": "2024-12-16",
            "reciprocity_answer": "declined"})
        contract.sudo(self.referent).action_sign()
        contract.sudo(self.referent).action_submit()
        contract.sudo(self.correspondant).action_validate()
        contract.invalidate_cache()
        return contract

    def _law_orientation_on_criteria(self):
        """A new beneficiary of 2026 oriented by the delegate on the national
        criteria (the proposal is the social parcours), then notified."""
        self._lastname_seq += 1
        notebook = self._notebook("Loi%d" % self._lastname_seq, referent=self.referent,
                                  territory_id=self.territory.id)
        orientation = self.env["rsa.orientation"].sudo(self.referent).create({
            "notebook_id": notebook.id, "referent_id": self.referent.id,
            "correspondant_id": self.correspondant.id,
            "criteria_employment_situation": "long_term", "criteria_qualification": "none",
            "criteria_projection": "no", "criteria_housing_impact": "strong"})
        social = self.env.ref("rsa_parcours.parcours_social")
        self.assertEqual(orientation.regime, "law")
        self.assertEqual(orientation.proposed_parcours_id, social)
        delegate = orientation.sudo(self.correspondant)
        # under the law the parcours and its organisme référent are required
        self.assertRefusedWith(UserError, delegate.action_decide)
        delegate.write({"parcours_id": social.id, "basis": "criteria",
                        "organism_id": self.organismes["departement"].id})
        delegate.action_decide()
        delegate.action_notify()
        orientation.invalidate_cache()
        self.assertEqual((orientation.state, orientation.basis, orientation.orientation_type),
                         ("decided", "criteria", "solidarity"))
        self.assertEqual(orientation.law_contract_due_date, self._shift(self.today, months=1))
        return orientation

    def test_two_regimes_side_by_side(self):
        # --- the guide: a CER of 2024, in force in June 2025, to convert
        # before 1 January 2027; converted in one click, plan and bilan carried
        cer = self._guide_cer()
        with self._at("2025-06-02"):
            cer.invalidate_cache()
            self.assertTrue(cer.is_in_force)
            self.assertTrue(cer.to_convert)
            self.assertEqual(cer.conversion_days_left,
                             (date(2027, 1, 1) - date(2025, 6, 2)).days)
            self.assertIn(cer, self.env["cer.contract"].sudo(self.referent).search(
                [("to_convert", "=", True)]))
            action = cer.sudo(self.referent).action_convert()
            converted = self.env["cer.contract"].browse(action["res_id"])
            self.assertEqual((converted.contract_type, converted.previous_contract_id,
                              converted.date_start), ("engagement", cer, "2025-06-02"))
            self.assertTrue(converted.is_conversion)
            self.assertEqual(converted.pap_line_ids.mapped("bilan_comment"), [BILAN])
            cer.invalidate_cache()
            self.assertFalse(cer.to_convert)

        # --- the law: a new beneficiary oriented in 2026
        orientation = self._law_orientation_on_criteria()
        notebook = orientation.notebook_id
        engagement = self._contract(notebook)
        self.assertEqual((engagement.contract_type, engagement.weekly_hours_target,
                          engagement.duration_months), ("engagement", 15.0, 6))
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            notebook, contract_type="cer_solidarity"))
        for hours in (10.0, 5.0):
            self._pap_line(engagement, code="A.1.1", planned_weekly_hours=hours)
        self.assertEqual(engagement.planned_weekly_hours, 15.0)
        self._sign(engagement)
        engagement.sudo(self.referent).action_submit()
        engagement.sudo(self.correspondant).action_validate()
        engagement.invalidate_cache()
        self.assertEqual(engagement.state, "running")
        self.assertEqual(engagement.organisme_id, self.organismes["departement"])
        self.assertTrue(orientation.contract_signed)

        # --- manquement, observations, 30 % suspension, remobilisation
        record = self._observed(notebook, contract_id=engagement.id)
        self.assertEqual(record.state, "observed")
        self._decide(record, rate=30, months=1)
        self.assertEqual((record.state, record.rate, record.months), ("suspended", 30, 1))
        self.env["rsa.remobilisation.wizard"].sudo(self.referent).create({
            "manquement_id": record.id, "reason": "activities_resumed",
            "amount_withheld": 120.0}).action_remobilise()
        record.invalidate_cache()
        self.assertEqual((record.state, record.amount_withheld), ("remobilised", 120.0))

    def test_regime_date_boundary(self):
        """Decided the day before the regime's date: the guide (no parcours,
        a CER by default); on the day: the law (the parcours required, a
        contrat d'engagement by default)."""
        before = self._oriented_notebook(date_decision="2024-12-31")
        self.assertEqual(before.orientation_id.regime, "guide")
        self.assertFalse(before.orientation_id.parcours_id)
        self.assertEqual(self._contract(before).contract_type, "cer_solidarity")

        self._lastname_seq += 1
        on_date = self._notebook("Loi%d" % self._lastname_seq, referent=self.referent,
                                 territory_id=self.territory.id)
        draft = self.env["rsa.orientation"].create({
            "notebook_id": on_date.id, "orientation_type": "solidarity",
            "referent_id": self.referent.id, "date_decision": "2025-01-01"})
        self.assertEqual(draft.regime, "law")
        self.assertRefusedWith(UserError, draft.sudo(self.correspondant).action_decide)
        self.assertEqual(draft.state, "draft")
        draft.write({"parcours_id": self.env.ref("rsa_parcours.parcours_social").id,
                     "organism_id": self.organismes["departement"].id})
        draft.sudo(self.correspondant).action_decide()
        self.assertEqual((draft.state, draft.date_decision), ("decided", "2025-01-01"))
        self.assertEqual(self._contract(on_date).contract_type, "engagement")

"""What happens at each échéance (issue "Who decides, and what happens at
each échéance"): a contract ends ("Obligation de renouveler son contrat à
échéance du précédent"), the employment-distance scale comes before the
first contract, a renewal carries the whole bilan, and the twelve months of
solidarity make one EP case."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import ContractCase


class TestContractsEnd(ContractCase):
    """A running contract past its end date is échu the next day: no longer
    in force anywhere, even before the daily job marks it."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        # started six months ago: ended yesterday
        self.contract = self._running(self.notebook,
                                      date_start=self._shift(self.today, months=-6))
        self.assertEqual(self.contract.date_end, self._shift(self.today, days=-1))

    def test_past_its_end_it_is_no_longer_in_force(self):
        contract, notebook = self.contract, self.notebook
        self.assertEqual(contract.state, "running", "the daily job has not run yet")
        self.assertFalse(contract.is_in_force)
        self.assertTrue(contract.is_expired)
        self.assertFalse(notebook.contract_id)
        self.assertFalse(notebook.has_contract_in_force)
        self.assertNotIn(notebook, self.env["cdb.notebook"].search(
            [("has_contract_in_force", "=", True)]))
        self.assertIn(notebook, self.env["cdb.notebook"].search(
            [("has_contract_in_force", "=", False)]))
        Contract = self.env["cer.contract"]
        self.assertNotIn(contract, Contract.search([("is_in_force", "=", True)]))
        self.assertIn(contract, Contract.search([("is_expired", "=", True)]))
        with self._at(contract.date_end):
            contract.invalidate_cache()
            self.assertTrue(contract.is_in_force, "in force until its end date included")
            self.assertTrue(notebook.has_contract_in_force)

    def test_daily_job_marks_it_expired_for_the_referent(self):
        ending_today = self._running(self._oriented_notebook(),
                                     date_start=self._shift(self.today, months=-6, days=1))
        self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(self.contract.state, "expired")
        self.assertEqual(ending_today.state, "running")
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "cer.contract"), ("res_id", "=", self.contract.id),
            ("activity_type_id", "=", self.env.ref(
                "cer_contracts.mail_activity_type_expired").id)])
        self.assertEqual(activities.user_id, self.referent)
        self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(len(self.env["mail.activity"].search([
            ("res_model", "=", "cer.contract"), ("res_id", "=", self.contract.id),
            ("activity_type_id", "=", activities.activity_type_id.id)])), 1, "once")

    def test_expired_contract_is_renewed_or_ended(self):
        self.env["cer.contract"]._cron_contract_alerts()
        self._agreed_ede(self.notebook)
        renewal = self._renew(self.contract)
        self.assertEqual(renewal.date_start, self.today)
        self._sign(renewal)
        renewal.sudo(self.referent).action_submit()
        renewal.sudo(self.correspondant).action_validate()
        self.assertEqual(renewal.state, "running")
        self.assertEqual(self.contract.state, "renewed")
        other = self._running(self._oriented_notebook(),
                              date_start=self._shift(self.today, months=-6))
        self.env["cer.contract"]._cron_contract_alerts()
        other.sudo(self.referent).action_end()
        self.assertEqual(other.state, "ended")

    def test_not_renewed_goes_to_the_ep_in_one_click(self):
        """"Obligation de renouveler son contrat à échéance du précédent": past
        the delay of the settings, one click opens the suspension case, as
        for a contract never signed."""
        self._param("cer_contracts.renewal_delay_days", "10")
        contract = self.contract.sudo(self.referent)
        self.assertFalse(contract.is_renewal_overdue, "within the delay")
        self.assertRefusedWith(UserError, contract.action_ep_case_not_renewed)
        with self._at(self._shift(self.today, days=11)):
            contract.invalidate_cache()
            self.assertTrue(contract.is_renewal_overdue)
            self.assertIn(contract, self.env["cer.contract"].search(
                [("is_renewal_overdue", "=", True)]))
            action = contract.action_ep_case_not_renewed()
            case = self.env["rsa.ep.case"].browse(action["res_id"])
            self.assertEqual(case.case_type, "suspension")
            self.assertEqual(case.suspension_reason, "no_contract")
            self.assertEqual(case.notebook_id, self.notebook)
            self.assertEqual(contract.action_ep_case_not_renewed()["res_id"], case.id,
                             "one case, not one per click")
            self.assertRefusedWith(AccessError, self.contract.sudo(
                self.outsider).action_ep_case_not_renewed)

    def test_a_later_contract_settles_the_renewal(self):
        self._param("cer_contracts.renewal_delay_days", "0")
        self.assertTrue(self.contract.is_renewal_overdue)
        self._agreed_ede(self.notebook)
        self._sign(self._renew(self.contract))
        self.contract.invalidate_cache()
        self.assertFalse(self.contract.is_renewal_overdue)


class TestScaleBeforeTheFirstContract(ContractCase):
    """Guide: "Au préalable, à l'élaboration du contrat, l'échelle de distance
    à l'emploi est à réaliser avec le bénéficiaire" — not only at renewal."""

    def _ready(self, notebook):
        contract = self._contract(notebook)
        self._pap_line(contract)
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": self.today, "referent_signed_date": self.today,
            "reciprocity_answer": "declined"})
        return contract

    def test_first_contract_is_signed_with_a_scale(self):
        notebook = self._oriented_notebook(
            date_decision=self._shift(self.today, days=-10), scale=False)
        contract = self._ready(notebook)
        self.assertRefusedWith(UserError, contract.sudo(self.referent).action_sign)
        self._agreed_ede(notebook, agree=False)
        self.assertRefusedWith(UserError, contract.sudo(self.referent).action_sign)
        self._agreed_ede(notebook, date=self._shift(self.today, days=-20))
        self.assertRefusedWith(UserError, contract.sudo(self.referent).action_sign)
        self.assertEqual(contract.state, "draft")
        scale = self._agreed_ede(notebook, date=self._shift(self.today, days=-2))
        contract.sudo(self.referent).action_sign()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.assessment_id, scale, "the scale it was drawn up with")

    def test_a_setting_may_leave_it_to_the_renewal(self):
        self._param("cer_contracts.ede_before_first_contract", "False")
        contract = self._ready(self._oriented_notebook(scale=False))
        contract.sudo(self.referent).action_sign()
        self.assertEqual(contract.state, "signed")

    def test_a_ppae_is_not_a_cer(self):
        contract = self._ready(self._oriented_notebook("professional_ft", scale=False))
        contract.sudo(self.referent).action_sign()
        self.assertEqual(contract.state, "signed")


class TestRenewalCarriesTheBilan(ContractCase):
    """"Le Contrat d'Engagements Réciproques est renouvelé, avec une reprise
    des anciennes actions complétées du bilan plus les nouvelles actions. Il
    en est de même pour le bilan complémentaire.\""""

    def test_done_actions_and_job_offers_are_carried(self):
        notebook = self._oriented_notebook("professional_other")
        contract = self._submitted(notebook, duration_months=3)
        contract.sudo(self.correspondant).action_validate()
        done = contract.pap_line_ids
        done.sudo(self.referent).write({"state": "done", "result": "Projet validé.",
                                        "bilan_comment": "Deux enquêtes métier réalisées."})
        self.env["cer.job.offer"].sudo(self.referent).create({
            "contract_id": contract.id, "offer": "Agent d'accueil – mairie",
            "reasonable": True, "result": "partial", "result_motive": "Entretien passé.",
            "comment": "Relancer en fin de mois."})
        self._agreed_ede(notebook)
        renewal = self._renew(contract)
        carried = renewal.pap_line_ids
        self.assertEqual(carried.action_id, done.action_id, "the done action, with its bilan")
        self.assertEqual(carried.state, "done")
        self.assertEqual(carried.result, "Projet validé.")
        self.assertEqual(carried.bilan_comment, "Deux enquêtes métier réalisées.")
        self.assertEqual(renewal.job_offer_ids.mapped("offer"), ["Agent d'accueil – mairie"])
        self.assertEqual(renewal.job_offer_ids.result_motive, "Entretien passé.")
        self.assertEqual(len(contract.job_offer_ids), 1, "the renewed contract keeps its own")


class TestOneEpCase(ContractCase):
    """The twelve months of solidarity counted by rsa_orientation's daily job
    and the chain of CER solidarité start on the same day
    (``rsa.orientation._solidarity_accompaniment_start``): one EP case."""

    def setUp(self):
        super().setUp()
        self.decided = self._shift(self.today, months=-13)
        self.notebook = self._oriented_notebook(date_decision=self.decided)
        self.orientation = self.notebook.orientation_id
        first = self._running(self.notebook, date_start=self._shift(self.today, months=-12))
        self._agreed_ede(self.notebook)
        self.second = self._renew(first)
        self._sign(self.second)
        self.second.sudo(self.referent).action_submit()
        self.second.sudo(self.correspondant).action_validate()
        self.assertEqual(self.second.solidarity_months_in_row, 12)

    def _cases(self):
        return self.env["rsa.ep.case"].search([("notebook_id", "=", self.notebook.id)])

    def test_daily_job_then_case_three(self):
        self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        self.assertEqual(len(self._cases()), 1)
        self.second.sudo(self.referent).action_end_ep()
        self.assertEqual(self.second.end_case, "ep")
        self.assertEqual(len(self._cases()), 1, "one EP case, never two")

    def test_case_three_then_daily_job(self):
        self.second.sudo(self.referent).action_end_ep()
        self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        self.assertEqual(len(self._cases()), 1)

    def test_the_ep_decision_starts_both_counts_again(self):
        self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        case = self._cases()
        session = self.env["rsa.ep.session"].create({
            "date": self.today + " 09:00:00", "territory": "Audomarois"})
        case.write({"session_id": session.id, "opinion_motive": "Maintien en solidarité.",
                    "assessment_id": self._agreed_ede(self.notebook).id})
        case.action_submit()
        case.action_give_opinion("unfavourable")
        case.action_decide("refused")
        self.assertEqual(self.orientation._solidarity_accompaniment_start(), self.today)
        self.assertEqual(self.second.solidarity_months_in_row, 6,
                         "the chain counts from the EP's decision")
        self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        self.assertEqual(len(self._cases()), 1)
        later = fields.Date.to_string(fields.Date.from_string(self.today)
                                      + relativedelta(months=12))
        with self._at(later):
            self.env["rsa.orientation"]._cron_solidarity_twelve_months()
        self.assertEqual(len(self._cases()), 2, "twelve months after the EP's decision")

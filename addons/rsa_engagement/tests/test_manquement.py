"""Suspension-remobilisation (décret du 30 mai 2025): a failure, the
invitation to present observations before any sanction, the decision of a
delegate within every boundary of the settings, and the remobilisation."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EngagementCase


class TestManquement(EngagementCase):

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook(scale=False)
        self.contract = self._running_engagement(self.notebook)

    def test_journey_to_suspension_and_remobilisation(self):
        record = self._observed(self.notebook, contract_id=self.contract.id)
        self.assertEqual(record.state, "observed")
        self.assertEqual(record.observation_deadline, self._shift(self.today, days=10))
        self._decide(record, rate=30, months=2)
        self.assertEqual((record.state, record.decision, record.rate, record.months,
                          record.failure_rank),
                         ("suspended", "suspension", 30, 2, "first"))
        self.assertEqual(record.suspension_end, self._shift(self.today, months=2, days=-1))
        wizard = self.env["rsa.remobilisation.wizard"].sudo(self.referent).create(
            {"manquement_id": record.id, "reason": "activities_resumed",
             "amount_withheld": 180.5})
        wizard.action_remobilise()
        record.invalidate_cache()
        self.assertEqual((record.state, record.amount_withheld), ("remobilised", 180.5))
        record.sudo(self.referent).action_print_remobilisation()
        self.assertEqual(record.caf_notice_date, self.today)

    def test_no_decision_before_the_observations(self):
        record = self._manquement(self.notebook)
        self.assertRefusedWith(UserError, lambda: self._decide(record))
        record.sudo(self.referent).action_invite()
        deadline = record.observation_deadline
        with self._at(deadline):
            self.assertRefusedWith(UserError, lambda: self._decide(record))
        with self._at(self._shift(deadline, days=1)):
            record.invalidate_cache()
            self._decide(record)
        self.assertEqual(record.state, "suspended")

    def test_rate_bounds(self):
        for rate in (29, 101):
            record = self._observed(self.notebook)
            self.assertRefusedWith(ValidationError, lambda: self._decide(record, rate=rate))
            self.assertEqual(record.state, "observed")
            record.sudo(self.referent).persisting = False
        self.assertEqual(self._decide(self._observed(self.notebook), rate=100).rate, 100)

    def test_rate_30_accepted(self):
        self.assertEqual(self._decide(self._observed(self.notebook), rate=30).rate, 30)

    def test_household_cap(self):
        self._household(self.notebook, 2)
        record = self._observed(self.notebook)
        self.assertRefusedWith(ValidationError, lambda: self._decide(record, rate=51))
        self._decide(record, rate=50)
        self.assertEqual((record.rate, record.household_size), (50, 2))

    def test_single_person_may_lose_all(self):
        self._household(self.notebook, 1)
        self.assertEqual(self._decide(self._observed(self.notebook), rate=100).rate, 100)

    def test_first_failure_months(self):
        record = self._observed(self.notebook)
        for months in (0, 3):
            self.assertRefusedWith(ValidationError, lambda: self._decide(record, months=months))
        self.assertRefusedWith(ValidationError, lambda: self._decide(record, "removal"))
        self.assertEqual(self._decide(record, months=2).months, 2)

    def test_first_failure_one_month(self):
        self.assertEqual(self._decide(self._observed(self.notebook), months=1).months, 1)

    def test_repeated_failure_months_and_removal(self):
        self._decide(self._observed(self.notebook))
        record = self._observed(self.notebook)
        self.assertRefusedWith(ValidationError, lambda: self._decide(record, months=5))
        self.assertEqual(self._decide(record, months=4).failure_rank, "repeated")
        removal = self._decide(self._observed(self.notebook), "removal")
        self.assertEqual((removal.state, removal.rate), ("removed", 100))

    def test_persisting_failure_is_repeated(self):
        record = self._observed(self.notebook, persisting=True)
        self.assertEqual(self._decide(record, months=3).failure_rank, "repeated")

    def test_settings_change_the_bounds(self):
        self._param("rsa_engagement.suspension_rate_min", "40")
        record = self._observed(self.notebook)
        self.assertRefusedWith(ValidationError, lambda: self._decide(record, rate=30))
        self._decide(record, rate=40)

    def test_ep_opinion_required_by_setting(self):
        self._param("rsa_engagement.ep_opinion_required", "True")
        record = self._observed(self.notebook)
        self.assertRefusedWith(UserError, lambda: self._decide(record))
        record.sudo(self.correspondant).ep_opinion = "Avis favorable à une suspension de 30 %."
        self.assertRefusedWith(AccessError,
                               lambda: record.sudo(self.referent).action_record_ep_opinion())
        record.sudo(self.correspondant).action_record_ep_opinion()
        self._decide(record)
        self.assertEqual(record.state, "suspended")

    def test_only_a_delegate_decides(self):
        record = self._observed(self.notebook)
        self.assertRefusedWith(AccessError, lambda: self._decide(record, user=self.referent))
        self.assertRefusedWith(AccessError, lambda: record.sudo(self.referent).write(
            {"rate": 30, "state": "suspended"}))
        self.assertRefusedWith(AccessError, lambda: self.env["rsa.manquement"].sudo(
            self.referent).create({"notebook_id": self.notebook.id, "kind": "other",
                                   "facts": "x", "state": "suspended", "rate": 30}))
        self.assertEqual((record.state, record.rate), ("observed", 0))

    def test_facts_frozen_after_the_invitation(self):
        record = self._manquement(self.notebook)
        record.sudo(self.referent).action_invite()
        self.assertRefusedWith(AccessError, lambda: record.sudo(self.referent).write(
            {"facts": "Autre chose."}))

    def test_contract_signed_remobilises(self):
        record = self._decide(self._observed(self.notebook))
        self.contract.sudo(self.referent).action_end()
        self._signed_engagement(self.notebook)
        record.invalidate_cache()
        self.assertEqual((record.state, record.remobilisation_reason),
                         ("remobilised", "contract_signed"))

    def test_remobilisation_only_of_a_suspension(self):
        record = self._observed(self.notebook)
        wizard = self.env["rsa.remobilisation.wizard"].sudo(self.referent).create(
            {"manquement_id": record.id, "reason": "activities_resumed"})
        self.assertRefusedWith(UserError, wizard.action_remobilise)

    def test_letters(self):
        record = self._decide(self._observed(self.notebook), rate=30)
        for xmlid, words in (("action_report_invitation", "présenter vos observations"),
                             ("action_report_decision", "30 % du montant")):
            html = self.env.ref("rsa_engagement." + xmlid).sudo(
                self.referent).render_qweb_html(record.ids)[0].decode()
            self.assertIn(words, html)

    def test_letters_in_bulk(self):
        """Several failures selected in the list print in one document."""
        first = self._decide(self._observed(self.notebook), rate=30)
        second = self._observed(self._oriented_notebook(scale=False))
        html = self.env.ref("rsa_engagement.action_report_invitation").sudo(
            self.referent).render_qweb_html((first | second).ids)[0].decode()
        self.assertEqual(html.count("Objet : invitation"), 2)
        self.assertIn(first.name, html)
        self.assertIn(second.name, html)

    def test_remobilisation_notice(self):
        record = self._decide(self._observed(self.notebook), rate=30)
        record._remobilise("contract_signed", 90.0)
        html = self.env.ref("rsa_engagement.action_report_remobilisation").sudo(
            self.referent).render_qweb_html(record.ids)[0].decode()
        self.assertIn("90.00", html)
        self.assertIn("CAF / MSA", html)

    def test_suspension_served_at_its_term(self):
        record = self._decide(self._observed(self.notebook), rate=30, months=1)
        Manquement = self.env["rsa.manquement"]
        with self._at(record.suspension_end):
            self.assertFalse(Manquement._cron_end_served_suspensions())
        with self._at(self._shift(record.suspension_end, days=1)):
            self.assertEqual(Manquement._cron_end_served_suspensions(), record)
        self.assertEqual(record.state, "served")
        # a later failure is a repeated one
        self.assertEqual(self._decide(self._observed(self.notebook), months=3).failure_rank,
                         "repeated")

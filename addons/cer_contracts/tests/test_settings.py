"""One parameter per legal figure, each a setting shown on the settings
screen (settings.py): the duration of a CER solidarité, the twelve months of
solidarity accompaniment (one key, rsa_orientation's), the durations of a
CER professionnel, the reminders and the jobs sought. And each state word
of the contracts defined once, with its domain helper."""
from odoo.exceptions import UserError, ValidationError

from ..models.cer_contract import (AT_TERM_STATES, EDITABLE_STATES, EXPIRED, IN_FORCE_STATES,
                                   PENDING_STATES, SIGNED_STATES)
from ..settings import (EDE_BEFORE_FIRST_CONTRACT, EXPIRY_NOTICE_DAYS, LIAISON_ANSWER_DAYS,
                        MAX_JOBS_SOUGHT, PROFESSIONAL_DURATIONS_MONTHS, RENEWAL_DELAY_DAYS,
                        SOLIDARITY_DURATION_MONTHS, SOLIDARITY_MAX_MONTHS)
from .common import LiaisonCase

FIELDS = {
    "cer_solidarity_duration_months": SOLIDARITY_DURATION_MONTHS,
    "rsa_solidarity_max_months": SOLIDARITY_MAX_MONTHS,
    "cer_professional_durations": PROFESSIONAL_DURATIONS_MONTHS,
    "cer_expiry_notice_days": EXPIRY_NOTICE_DAYS,
    "cer_liaison_answer_days": LIAISON_ANSWER_DAYS,
    "cer_max_jobs_sought": MAX_JOBS_SOUGHT,
    "cer_renewal_delay_days": RENEWAL_DELAY_DAYS,
    "cer_ede_before_first_contract": EDE_BEFORE_FIRST_CONTRACT,
}


class TestSettings(LiaisonCase):

    def _settings(self, **values):
        return self.env["res.config.settings"].create(values)

    def test_every_figure_is_on_the_settings_screen(self):
        arch = self.env["res.config.settings"].fields_view_get(view_type="form")["arch"]
        settings = self.env["res.config.settings"]._cdb_settings()
        for name, setting in FIELDS.items():
            with self.subTest(field=name):
                self.assertIs(settings[name], setting)
                self.assertIn('name="%s"' % name, arch)
        values = self._settings().get_values()
        self.assertEqual(values["cer_solidarity_duration_months"], 6)
        self.assertEqual(values["rsa_solidarity_max_months"], 12)
        self.assertEqual(values["cer_professional_durations"], "3,6,9,12")

    def test_one_key_for_the_twelve_months(self):
        """rsa_orientation's key, which its data file sets, holds the limit
        of the solidarity accompaniment for both modules."""
        self.assertEqual(SOLIDARITY_MAX_MONTHS.key, "rsa_orientation.solidarity_max_months")
        self.assertFalse(self.env["ir.config_parameter"].sudo().get_param(
            "cer_contracts.solidarity_max_months"))
        self._settings(rsa_solidarity_max_months=6).execute()
        notebook = self._oriented_notebook()
        contract = self._running(notebook, date_start=self._shift(self.today, months=-6))
        self._agreed_ede(notebook)
        self.assertRefusedWith(UserError, lambda: self._renew(contract))
        self.assertFalse(contract.next_contract_id)

    def test_settings_are_validated(self):
        for values in ({"cer_solidarity_duration_months": 0},
                       {"cer_expiry_notice_days": 1000},
                       {"cer_professional_durations": "3, six"},
                       {"cer_professional_durations": "0,6"}):
            with self.subTest(values=values):
                self.assertRefusedWith(ValidationError, self._settings(**values).execute)

    def test_solidarity_duration_is_a_setting(self):
        self._settings(cer_solidarity_duration_months=4).execute()
        notebook = self._oriented_notebook()
        contract = self._contract(notebook)
        self.assertEqual(contract.duration_months, 4)
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            self._oriented_notebook(), duration_months=6))

    def test_professional_durations_are_a_setting(self):
        self._settings(cer_professional_durations="4, 8").execute()
        notebook = self._oriented_notebook("professional_other")
        self.assertEqual(self._contract(notebook, duration_months=8).duration_months, 8)
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            self._oriented_notebook("professional_other"), duration_months=6))

    def test_jobs_sought_is_a_setting(self):
        self._settings(cer_max_jobs_sought=1).execute()
        contract = self._contract(self._oriented_notebook("professional_other"))
        codes = self.env["cdb.rome.code"].search([], limit=2)
        Job = self.env["cer.contract.job"].sudo(self.referent)
        Job.create({"contract_id": contract.id, "rome_code_id": codes[0].id})
        self.assertRefusedWith(ValidationError, lambda: Job.create(
            {"contract_id": contract.id, "rome_code_id": codes[1].id}))

    def test_answer_delay_is_a_setting(self):
        self._settings(cer_liaison_answer_days=3).execute()
        liaison = self._sent("support", support_request="Question")
        activity = self._activities(liaison, self.correspondant)
        self.assertEqual(activity.date_deadline, self._shift(self.today, days=3))

    def test_expiry_notice_is_a_setting(self):
        contract = self._running(self._oriented_notebook(),
                                 date_start=self._shift(self.today, months=-5, days=10))
        self.assertFalse(contract.is_expiring, "it ends in 38 to 41 days, the notice is 30")
        self._settings(cer_expiry_notice_days=45).execute()
        contract.invalidate_cache()
        self.assertTrue(contract.is_expiring)
        self.assertIn(contract, self.env["cer.contract"].search([("is_expiring", "=", True)]))
        self.env["cer.contract"]._cron_contract_alerts()
        self.assertTrue(contract.expiry_notified)

    def test_state_words_and_their_helpers(self):
        """In force, signed, editable, expired: one definition each, used by
        the computed fields, the searches and the domain helpers. In force
        holds until the end date, whether or not the daily job ran."""
        Contract = self.env["cer.contract"]
        self.assertEqual(set(SIGNED_STATES) | set(EDITABLE_STATES),
                         set(dict(Contract._fields["state"].selection)))
        self.assertFalse(set(SIGNED_STATES) & set(EDITABLE_STATES))
        self.assertTrue(set(AT_TERM_STATES) <= set(SIGNED_STATES))
        self.assertIn(EXPIRED, AT_TERM_STATES)
        self.assertTrue(set(PENDING_STATES) - {"draft"} <= set(SIGNED_STATES))
        self.assertEqual(Contract._in_force_domain("contract_ids."), [
            ("contract_ids.state", "in", IN_FORCE_STATES),
            ("contract_ids.date_end", ">=", self.today)])
        for field, domain in (("is_in_force", Contract._in_force_domain()),
                              ("is_expired", Contract._expired_domain()),
                              ("is_signed", [("state", "in", SIGNED_STATES)]),
                              ("is_editable", [("state", "in", EDITABLE_STATES)])):
            with self.subTest(field=field):
                found = Contract.search([(field, "=", True)])
                self.assertEqual(found, Contract.search(domain))
                self.assertTrue(all(contract[field] for contract in found))
                self.assertFalse(any(contract[field] for contract in Contract.search(
                    [(field, "=", False)])))
        self.assertTrue(self.contract.is_in_force)
        self.assertTrue(self.notebook.has_contract_in_force)
        self.assertIn(self.notebook, self.env["cdb.notebook"].search(
            [("has_contract_in_force", "=", True)]))
        self.assertEqual(self.contract.signed_date, self.today)
        self.assertEqual(self.orientation.contract_signed_date, self.today)
        self.assertFalse(self.orientation.contract_signed_late)

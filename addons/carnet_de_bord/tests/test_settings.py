"""The figures of the carnet de bord on the settings screen: each one a
typed and validated Setting (settings.py), shown with its default and its
source."""
from odoo.exceptions import ValidationError

from ..settings import (ACCESS_LOG_MONTHS, ACCESS_REASON_HOURS, REFERENT_MINIMUM_SECTIONS,
                        RETENTION_YEARS, SECTIONS_HIDDEN_BY_DEFAULT)
from .common import CdbCase

FIELDS = {
    "cdb_access_reason_hours": ACCESS_REASON_HOURS,
    "cdb_retention_years": RETENTION_YEARS,
    "cdb_access_log_months": ACCESS_LOG_MONTHS,
    "cdb_referent_minimum_sections": REFERENT_MINIMUM_SECTIONS,
    "cdb_sections_hidden_by_default": SECTIONS_HIDDEN_BY_DEFAULT,
}


class TestSettings(CdbCase):

    def _settings(self, **values):
        return self.env["res.config.settings"].create(values)

    def test_every_figure_is_on_the_screen(self):
        shown = self.env["res.config.settings"]._cdb_settings()
        for name, setting in FIELDS.items():
            self.assertIs(shown[name], setting)
        view = self.env["res.config.settings"].fields_view_get(
            self.env.ref("base.res_config_settings_view_form").id, "form")["arch"]
        for name in list(FIELDS) + ["cdb_review_interval_months", "cdb_settings_sources"]:
            self.assertIn('name="%s"' % name, view)

    def test_defaults_and_sources_shown(self):
        html = self._settings().cdb_settings_sources
        for setting in FIELDS.values():
            self.assertIn(setting.default_text(), html)
            self.assertIn(setting.source.split(":")[0], html)

    def test_values_are_saved_where_the_code_reads_them(self):
        self._settings(cdb_access_reason_hours=24, cdb_retention_years=3,
                       cdb_access_log_months=6, cdb_referent_minimum_sections="situation, plan",
                       cdb_sections_hidden_by_default="health, documents").execute()
        Member = self.env["cdb.notebook.member"]
        self.assertEqual(self.env["cdb.notebook"]._cdb_reason_hours(), 24)
        self.assertEqual(self.env["cdb.notebook"]._cdb_retention_years(), 3)
        self.assertEqual(self.env["cdb.access.log"]._access_log_months(), 6)
        self.assertEqual(Member._referent_minimum_sections(), ["situation", "plan"])
        self.assertEqual(Member._sections_hidden_by_default(), ["health", "documents"])
        self.assertEqual(self._settings().cdb_sections_hidden_by_default, "health, documents")

    def test_bad_values_refused(self):
        for values in ({"cdb_retention_years": 0}, {"cdb_access_log_months": 500},
                       {"cdb_access_reason_hours": -1},
                       {"cdb_referent_minimum_sections": "situation, santé"}):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self._settings(**values).execute()
        self.assertEqual(RETENTION_YEARS.get(self.env), RETENTION_YEARS.default)

"""Every figure of the guide this module uses is a setting with its source
(settings.py), shown and validated on the settings screen, and read by the
code that applies it."""
from odoo.exceptions import ValidationError

from .. import settings

from .common import OrientationCase

FIELDS = {
    "rsa_lump_sum_amount": settings.LUMP_SUM_AMOUNT,
    "rsa_activity_income_threshold": settings.ACTIVITY_INCOME_THRESHOLD,
    "rsa_contract_deadline_professional_months":
        settings.CONTRACT_DEADLINE_PROFESSIONAL_MONTHS,
    "rsa_contract_deadline_solidarity_months": settings.CONTRACT_DEADLINE_SOLIDARITY_MONTHS,
    "rsa_solidarity_max_months": settings.SOLIDARITY_MAX_MONTHS,
    "rsa_ep_opinion_delay_months": settings.EP_OPINION_DELAY_MONTHS,
    "rsa_ede_professional_below": settings.EDE_PROFESSIONAL_BELOW,
    "rsa_ede_solidarity_above": settings.EDE_SOLIDARITY_ABOVE,
    "rsa_ede_max_levels": settings.EDE_MAX_LEVELS,
    "rsa_radiation_after_months": settings.RADIATION_AFTER_MONTHS,
}


class TestSettings(OrientationCase):

    def _screen(self, **values):
        return self.env["res.config.settings"].create(values)

    def _saved(self, records, **values):
        """Save ``values`` as the settings screen does (``set_values``;
        ``execute`` would also reset the environments of the test), then
        read ``records`` again as a new request does."""
        self._screen(**values).set_values()
        records.invalidate_cache()
        return records

    def test_each_setting_is_on_the_screen_with_its_source(self):
        Settings = self.env["res.config.settings"]
        self.assertEqual({name: Settings._cdb_settings()[name] for name in FIELDS}, FIELDS)
        arch = Settings.fields_view_get(view_type="form")["arch"]
        for name, setting in FIELDS.items():
            with self.subTest(field=name):
                self.assertIn('name="%s"' % name, arch)
                self.assertIn("Seed 003", setting.source)
                self.assertEqual(Settings._fields[name].help, setting.source)

    def test_defaults_are_the_guides(self):
        params = self.env["ir.config_parameter"].sudo()
        for setting in FIELDS.values():
            params.set_param(setting.key, "")
        values = self._screen().get_values()
        self.assertEqual(values["rsa_contract_deadline_professional_months"], 1)
        self.assertEqual(values["rsa_contract_deadline_solidarity_months"], 2)
        self.assertEqual(values["rsa_solidarity_max_months"], 12)
        self.assertEqual(values["rsa_ep_opinion_delay_months"], 1)
        self.assertEqual(values["rsa_activity_income_threshold"], 500.0)
        self.assertEqual((values["rsa_ede_professional_below"],
                          values["rsa_ede_solidarity_above"]), (18, 35))
        self.assertEqual(values["rsa_ede_max_levels"], 6)

    def test_saved_and_applied(self):
        self._screen(rsa_contract_deadline_solidarity_months=3, rsa_ep_opinion_delay_months=2,
                     rsa_ede_professional_below=10, rsa_ede_solidarity_above=20).execute()
        self.assertEqual(settings.CONTRACT_DEADLINE_SOLIDARITY_MONTHS.get(self.env), 3)
        notebook = self._notebook("Utreglages", self.referent)
        orientation = self._orientation(notebook, "solidarity", date_decision="2026-03-10")
        self.assertEqual(orientation.contract_deadline, "2026-06-10")
        scale = self.env["rsa.ede.scale"].create({"name": "UT new scale"})
        self.assertEqual((scale.professional_below, scale.solidarity_above), (10, 20))

    def test_stored_deadlines_follow_a_later_change(self):
        """The deadline is stored: the settings screen recomputes it, in
        batch, for the orientations decided before the change."""
        notebook = self._notebook("Utrecalcul", self.referent)
        solidarity = self._orientation(notebook, "solidarity", date_decision="2026-03-10")
        professional = self._orientation(notebook, "professional_ft",
                                         date_decision="2026-03-10")
        self.assertEqual((solidarity.contract_deadline, professional.contract_deadline),
                         ("2026-05-10", "2026-04-10"))
        self._saved(solidarity | professional, rsa_contract_deadline_solidarity_months=4)
        self.assertEqual((solidarity.contract_deadline, professional.contract_deadline),
                         ("2026-07-10", "2026-04-10"))
        self.env.cr.execute("SELECT contract_deadline FROM rsa_orientation WHERE id = %s",
                            solidarity.ids)
        self.assertEqual(str(self.env.cr.fetchone()[0]), "2026-07-10")
        self._saved(solidarity | professional, rsa_contract_deadline_professional_months=2)
        self.assertEqual((solidarity.contract_deadline, professional.contract_deadline),
                         ("2026-07-10", "2026-05-10"))

    def test_regime_follows_the_regime_date(self):
        """One rule for the two regimes: decided on or after the date of the
        new regime, the law; before, the guide; the settings screen moves
        the date and the stored regime follows."""
        notebook = self._notebook("Utregime", self.referent)
        before = self._orientation(notebook, date_decision="2025-12-31")
        on_date = self._orientation(notebook, date_decision="2026-01-01")
        draft = self._orientation(notebook)
        self.assertEqual((before.regime, on_date.regime, draft.regime),
                         ("guide", "guide", "guide"))
        self._saved(before | on_date | draft, rsa_new_regime_date="2026-01-01")
        self.assertEqual((before.regime, on_date.regime, draft.regime),
                         ("guide", "law", "law"))
        self.assertFalse(before._follows_law())
        self.assertTrue(on_date._follows_law())
        self.assertEqual(self.env["rsa.orientation"].search(
            [("regime", "=", "law"), ("notebook_id", "=", notebook.id)]), on_date | draft)

    def test_out_of_bounds_refused(self):
        for name, value in (("rsa_contract_deadline_professional_months", 0),
                            ("rsa_solidarity_max_months", 3),
                            ("rsa_lump_sum_amount", -1.0),
                            ("rsa_ede_max_levels", 1)):
            with self.subTest(field=name), self.assertRaises(ValidationError), \
                    self.cr.savepoint():
                self._screen(**{name: value}).execute()

    def test_default_thresholds_in_order(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._screen(rsa_ede_professional_below=40, rsa_ede_solidarity_above=30).execute()

    def test_number_of_paliers(self):
        item = self.env["rsa.ede.item"].create({
            "scale_id": self.env["rsa.ede.scale"].create({"name": "UT paliers"}).id,
            "name": "UT item"})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["rsa.ede.level"].create({"item_id": item.id, "sequence": 7,
                                              "name": "UT palier 7", "points": 30})
        self._screen(rsa_ede_max_levels=7).execute()
        level = self.env["rsa.ede.level"].create({"item_id": item.id, "sequence": 7,
                                                  "name": "UT palier 7", "points": 30})
        self.assertEqual(level.sequence, 7)

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

from ..tools import (Setting, identity_key, in_batches, normalize_name, readable,
                     spreadsheet_text)


class TestTools(TransactionCase):

    def test_names_compare_without_accents_case_hyphens_or_spaces(self):
        self.assertEqual(normalize_name("Élodie"), normalize_name("ELODIE"))
        self.assertEqual(normalize_name("Marie-Claire"), normalize_name("marie  claire"))
        self.assertEqual(normalize_name("  d'Arc "), "d arc")
        self.assertEqual(normalize_name("Lætitia Œuvray"), "laetitia oeuvray")
        self.assertNotEqual(normalize_name("Elodie"), normalize_name("Eloise"))
        self.assertEqual(identity_key("Dupont", "Élodie"), identity_key("DUPONT", "elodie"))
        self.assertFalse(identity_key("Dupont", " "))

    def test_nightly_batches_read_their_own_records_only(self):
        """A write in a nightly job's loop empties the cache: the records
        read again are those of the batch, not the whole job's at every
        step."""
        Partner = self.env["res.partner"]
        partners = Partner.browse([Partner.create({"name": "UT lot %d" % n}).id
                                   for n in range(7)])
        partners.mapped("name")  # the whole set in the cache and its prefetch
        batches = list(in_batches(partners, 3))
        self.assertEqual([len(batch) for batch in batches], [3, 3, 1])
        self.assertEqual(sum(batches, Partner), partners)
        for batch in batches:
            self.assertEqual(set(batch._prefetch["res.partner"]), set(batch.ids))

    def test_spreadsheet_values_never_become_formulas(self):
        for value in ("=1+1", "+33 6", "-2", "@SUM(A1)", "\t=1"):
            self.assertEqual(spreadsheet_text(value), "'" + value)
        self.assertEqual(spreadsheet_text("Dupont"), "Dupont")
        self.assertEqual(spreadsheet_text(12), 12)

    def test_setting_reads_its_default_and_bad_values(self):
        setting = Setting("cdb_base.test_figure", 6, int, "test", minimum=1, maximum=12)
        Param = self.env["ir.config_parameter"].sudo()
        self.assertEqual(setting.get(self.env), 6)
        Param.set_param(setting.key, "9")
        self.assertEqual(setting.get(self.env), 9)
        Param.set_param(setting.key, "not a number")
        self.assertEqual(setting.get(self.env), 6)
        with self.assertRaises(ValidationError):
            setting.check(0, "Figure")
        with self.assertRaises(ValidationError):
            setting.check(13, "Figure")
        setting.check(12, "Figure")

    def test_list_setting_typed_and_validated(self):
        setting = Setting("cdb_base.test_list", ["a", "b"], list, "test", choices=("a", "b", "c"))
        Param = self.env["ir.config_parameter"].sudo()
        self.assertEqual(setting.get(self.env), ["a", "b"])
        self.assertEqual(setting.to_field(setting.get(self.env)), "a, b")
        self.assertEqual(setting.from_field(" c ,a"), ["c", "a"])
        Param.set_param(setting.key, setting.serialize(["c", "zz"]))
        self.assertEqual(setting.get(self.env), ["c"], "unknown values are not read")
        with self.assertRaises(ValidationError):
            setting.check(["a", "zz"], "Figure")
        setting.check(["a", "c"], "Figure")
        self.assertEqual(setting.default_text(), "a, b")

    def test_date_setting_stored_as_iso_and_shown_french(self):
        setting = Setting("cdb_base.test_date", date(2025, 1, 1), date, "test",
                          minimum=date(2020, 1, 1))
        Param = self.env["ir.config_parameter"].sudo()
        self.assertEqual(setting.get(self.env), date(2025, 1, 1))
        self.assertEqual(setting.to_field(setting.get(self.env)), "2025-01-01")
        Param.set_param(setting.key, setting.serialize(setting.from_field("2026-06-30")))
        self.assertEqual(Param.get_param(setting.key), "2026-06-30")
        self.assertEqual(setting.get(self.env), date(2026, 6, 30))
        Param.set_param(setting.key, "30/06/2026")
        self.assertEqual(setting.get(self.env), date(2025, 1, 1), "an unreadable date is not read")
        with self.assertRaises(ValidationError):
            setting.check(date(2019, 12, 31), "Date")
        self.assertEqual(setting.default_text(), "01/01/2025")

    def test_readable_keeps_what_the_user_may_read(self):
        employee = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "UT employee", "login": "ut.base.employee",
            "groups_id": [(6, 0, self.env.ref("base.group_user").ids)]})
        params = self.env["ir.config_parameter"].search([], limit=2)
        self.assertEqual(readable(params), params)
        self.assertFalse(readable(params.sudo(employee)), "no access right, nothing")

import csv
import io

from odoo.modules import get_module_resource
from odoo.tests.common import TransactionCase
from odoo.tools import convert_file


class TestCatalogue(TransactionCase):
    """Reference lists of the RSA guide loaded by the module."""

    def _csv_rows(self, filename):
        path = get_module_resource("carnet_de_bord", "data", filename)
        with io.open(path, encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    def test_reloading_the_catalogue_writes_only_what_changed(self):
        """A module update loads the catalogue again (issue 15: rewriting
        every code recomputed the actions of every carnet): an unchanged
        code is not written, a changed one is set back to the guide's."""
        Code = self.env["cdb.action.code"]
        changed, unchanged = Code.find_by_code("A.1.1"), Code.find_by_code("A.1.2")
        label = changed.name
        changed.name = "Libellé changé à la main"
        written = unchanged.write_date
        filename = "data/cdb.action.code.csv"
        convert_file(self.cr, "carnet_de_bord", filename, {}, "update", False, "data",
                     pathname=get_module_resource("carnet_de_bord", filename))
        Code.invalidate_cache()
        self.assertEqual(changed.name, label)
        self.assertEqual(unchanged.write_date, written)

    def test_ten_themes_a_to_j(self):
        themes = self.env["cdb.action.code"].search([("parent_id", "=", False)])
        self.assertEqual(sorted(themes.mapped("code")), list("ABCDEFGHIJ"))
        self.assertTrue(all(themes.mapped("is_theme")))
        self.assertEqual(themes.mapped("theme_id"), themes)

    def test_hierarchy_of_a_1_1(self):
        Code = self.env["cdb.action.code"]
        code = Code.find_by_code("A.1.1")
        self.assertEqual(code.parent_id, Code.find_by_code("A.1"))
        self.assertEqual(code.theme_id, Code.find_by_code("A"))
        self.assertFalse(code.is_theme)

    def test_action_codes_match_csv(self):
        rows = self._csv_rows("cdb.action.code.csv")
        codes = self.env["cdb.action.code"].search([])
        self.assertEqual(sorted(codes.mapped("code")), sorted(r["code"] for r in rows))
        not_alone = {r["code"] for r in rows if r["not_alone"] == "1"}
        self.assertEqual(set(codes.filtered("not_alone").mapped("code")), not_alone)
        self.assertTrue({"A.2", "D.2", "G.1", "I.1"} <= not_alone)

    def test_rome_codes_match_csv(self):
        rows = self._csv_rows("cdb.rome.code.csv")
        self.assertGreater(len(rows), 500)
        self.assertEqual(self.env["cdb.rome.code"].search_count([]), len(rows))

    def test_seven_diploma_levels(self):
        levels = self.env["cdb.diploma.level"].search([])
        self.assertEqual(levels.mapped("code"),
                         ["I", "II", "III", "IV", "V", "FC", "NONE"])

    def test_name_search_action_code(self):
        result = self.env["cdb.action.code"].name_search("A.1.1")
        code = self.env["cdb.action.code"].find_by_code("A.1.1")
        self.assertEqual(result[0][0], code.id)
        self.assertTrue(result[0][1].startswith("A.1.1 "))
        # Sub-codes of A.1.1 only, nothing of another theme.
        self.assertTrue(all(name.startswith("A.1.1") for _id, name in result))

    def test_name_search_rome_code(self):
        result = self.env["cdb.rome.code"].name_search("K1201")
        self.assertEqual(len(result), 1)
        self.assertEqual(result[0][1], "K1201 Action sociale")

    def test_name_search_by_label(self):
        result = self.env["cdb.rome.code"].name_search("action sociale")
        self.assertIn("K1201 Action sociale", [name for _id, name in result])

    def test_find_by_code_normalises_input(self):
        Code = self.env["cdb.action.code"]
        self.assertEqual(Code.find_by_code(" a.1.1. "), Code.find_by_code("A.1.1"))
        self.assertFalse(Code.find_by_code(""))
        self.assertFalse(Code.find_by_code("Z.9"))

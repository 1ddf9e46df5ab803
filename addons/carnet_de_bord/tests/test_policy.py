"""The access policy and its documentation: readme/ACCESS.rst holds the
table of carnet_de_bord's permissions and of its record rules, as the code
has them; a change of one without the other fails here."""
import os

from odoo.modules.module import get_module_path

from .common import CdbCase

BEGIN, END = ".. policy-table-begin", ".. policy-table-end"
RULES_BEGIN, RULES_END = ".. rules-table-begin", ".. rules-table-end"


class TestPolicyDocumentation(CdbCase):

    @classmethod
    def _readme(cls):
        path = os.path.join(get_module_path("carnet_de_bord"), "readme", "ACCESS.rst")
        with open(path, encoding="utf-8") as readme:
            return readme.read()

    def _block(self, begin, end):
        text = self._readme()
        self.assertIn(begin, text)
        return text.split(begin, 1)[1].split(end, 1)[0].strip()

    def test_readme_holds_the_policy(self):
        expected = self.env["cdb.notebook.policy"]._cdb_policy_rst()
        self.assertEqual(self._block(BEGIN, END), expected,
                         "readme/ACCESS.rst: replace the permissions table by\n" + expected)

    def test_readme_holds_the_rules(self):
        expected = self.env["cdb.notebook.policy"]._cdb_rules_rst("carnet_de_bord")
        self.assertEqual(self._block(RULES_BEGIN, RULES_END), expected,
                         "readme/ACCESS.rst: replace the rules table by\n" + expected)

    def test_every_permission_has_roles(self):
        for name, label, roles in self.env["cdb.notebook"]._cdb_policy_table():
            with self.subTest(permission=name):
                self.assertTrue(label and roles)

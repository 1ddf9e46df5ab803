"""Who uses the département's tools (security/ir.model.access.csv): the
imports are the managers' (their columns are changed by the functional
administrator); the dashboard and the export wizard are transient, each
user's own. The access matrix of the carnets themselves is
cer_contracts/tests/test_access_matrix.py."""
from odoo.exceptions import AccessError

from odoo.addons.carnet_de_bord.tests.common import CdbCase

# role: {model: operations}; a model left out means no access at all.
IMPORTS = {"cdb.import.job": "rwcu", "cdb.import.job.line": "r",
           "cdb.import.column": "r"}
ROLES = {
    "professional": {},
    "structure_admin": {},
    "correspondant": {},
    "ep_member": {},
    "employee": {},
    "beneficiary": {},
    "manager": IMPORTS,
    "functional_admin": dict(IMPORTS, **{"cdb.import.column": "rwcu"}),
}
OPERATIONS = (("r", "read"), ("w", "write"), ("c", "create"), ("u", "unlink"))


class TestDepartementAccess(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._user
        portal = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Da Beneficiary", "login": "da.beneficiary",
            "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]})
        cls.users = {
            "professional": cls.referent,
            "structure_admin": user("da.structure.admin", "group_cdb_structure_admin"),
            "correspondant": user("da.correspondant", "group_cdb_correspondant"),
            "ep_member": user("da.ep", "rsa_orientation.group_rsa_orientation_team"),
            "employee": user("da.employee", "base.group_user"),
            "beneficiary": portal,
            "manager": user("da.manager", "group_cdb_manager"),
            "functional_admin": user("da.admin", "group_cdb_admin"),
        }

    def test_imports_are_the_managers(self):
        for role, user in self.users.items():
            for model in IMPORTS:
                expected = ROLES[role].get(model, "")
                Model = self.env[model].sudo(user)
                for operation, name in OPERATIONS:
                    with self.subTest(role=role, model=model, operation=name):
                        self.assertEqual(
                            Model.check_access_rights(name, raise_exception=False),
                            operation in expected)

    def test_transient_tools_are_each_users_own(self):
        """A manager's dashboard and export wizard (their choices of
        territory, period...) are changed by them only (Odoo's implicit
        rule of transient records: their creator)."""
        manager = self.users["manager"]
        other = self._user("da.manager2", "group_cdb_manager")
        for model in ("cdb.dashboard", "cdb.export.wizard"):
            with self.subTest(model=model):
                record = self.env[model].sudo(manager).create({})
                record.write({"territory_id": False})
                with self.assertRaises(AccessError):
                    record.sudo(other).write({"territory_id": False})

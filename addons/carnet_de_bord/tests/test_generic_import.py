"""Odoo's generic import and the import-compatible export (cdb_base,
``group_import_export``): the Département's managers keep them; the
professionals (référent, accompagnateur, correspondant, structure
administrator) do not (issue 14, "No generic Odoo where a user looks")."""
from odoo.exceptions import AccessError

from .common import CdbCase


class TestGenericImport(CdbCase):

    def test_managers_only(self):
        manager = self._user("ut.import.manager", "group_cdb_manager")
        self.assertTrue(self.env["res.users"].sudo(manager)._cdb_may_import_export())
        for group in ("group_cdb_professional", "group_cdb_correspondant",
                      "group_cdb_structure_admin"):
            user = self._user("ut.import." + group, group, self.structure_a)
            Users = self.env["res.users"].sudo(user)
            self.assertFalse(Users._cdb_may_import_export(), group)
            with self.assertRaises(AccessError):
                Users._cdb_check_import_export()

    def test_beneficiaries_search_without_crm_filters(self):
        """The beneficiaries' search view: no "Customers", "Vendors" or
        "Salesperson" of the CRM."""
        action = self.env.ref("carnet_de_bord.res_partner_action_beneficiaries")
        arch = self.env["res.partner"].fields_view_get(
            view_id=action.search_view_id.id, view_type="search")["arch"]
        for name in ('name="customer"', 'name="supplier"', 'name="salesperson"',
                     'name="user_id"'):
            self.assertNotIn(name, arch)

"""Partners and users are named without loading every column
(models/res_partner.py, models/res_users.py): the names are Odoo's."""
from odoo import SUPERUSER_ID
from odoo.tests.common import TransactionCase


class TestNames(TransactionCase):

    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        self.company = Partner.create({"name": "UT Structure Nord", "is_company": True})
        self.contact = Partner.create({"name": "UT Camille Roux", "parent_id": self.company.id})
        self.user = self.env["res.users"].create({
            "name": "UT Lou Marchand", "login": "ut.names.lou",
            "parent_id": self.company.id})

    def test_a_partner_is_named_as_odoo_names_it(self):
        self.assertEqual(self.contact.name_get(),
                         [(self.contact.id, "UT Structure Nord, UT Camille Roux")])
        self.contact.name = "UT Camille Roux-Petit"
        self.assertEqual(self.contact.display_name, "UT Structure Nord, UT Camille Roux-Petit")

    def test_a_user_is_named_by_their_partner_name_in_every_environment(self):
        # the superuser's single query and Odoo's method give the same names
        users = self.user | self.env.ref("base.user_root")
        as_superuser = users.sudo().name_get()
        as_user = users.sudo(self.user).name_get()
        self.assertEqual(as_superuser, as_user)
        self.assertEqual(dict(as_superuser)[self.user.id], "UT Lou Marchand")
        self.user.name = "UT Lou Marchand-Roy"
        self.assertEqual(self.user.sudo().name_get(), [(self.user.id, "UT Lou Marchand-Roy")])
        self.assertEqual(self.user.sudo(SUPERUSER_ID).display_name, "UT Lou Marchand-Roy")

    def test_reading_a_name_does_not_load_the_partner(self):
        contact = self.contact.sudo()
        contact.invalidate_cache()
        self.assertEqual(contact.display_name, "UT Structure Nord, UT Camille Roux")
        # the e-mail (any other column) is still to read
        self.assertIn(contact, contact._in_cache_without(contact._fields["email"]))

"""The beneficiary downloads the contracts of their own carnet from
/my/carnet, and no other (readme/PORTAL.rst of carnet_de_bord)."""
from odoo import fields
from odoo.tests.common import HttpCase, at_install, post_install

from odoo.addons.carnet_de_bord.tests.portal_common import ServerTransactionMixin


@at_install(False)
@post_install(True)
class TestPortalContracts(ServerTransactionMixin, HttpCase):
    """As the demo beneficiary (login "beneficiaire"), whose carnet gets a
    signed contract (made as the demo data makes them)."""

    def setUp(self):
        super().setUp()
        self.allow_this_database()
        env = self.server_env()
        notebook = env.ref("carnet_de_bord.demo_portal_notebook")
        orientation = notebook.orientation_ids.filtered(lambda o: o.state == "decided")[:1]
        if not orientation:
            orientation = env["rsa.orientation"].create({
                "notebook_id": notebook.id, "orientation_type": "solidarity",
                "organism_id": notebook.structure_id.id,
                "referent_id": notebook.referent_id.id,
                "correspondant_id": env.ref("carnet_de_bord.demo_user_correspondant").id,
                "basis": "default", "date_decision": fields.Date.context_today(notebook)})
            orientation.action_decide()
        self.own = notebook.contract_ids[:1] or env["cdb.demo.generator"]._demo_contract(
            orientation, 1, fields.Date.from_string(fields.Date.context_today(notebook)))
        self.other = env["cer.contract"].search(
            [("notebook_id", "!=", notebook.id)], limit=1, order="id")
        self.assertTrue(self.own and self.other)
        self.registry.test_cr.commit()  # simulated: a savepoint the requests keep
        self.authenticate("beneficiaire", "beneficiaire")

    def test_own_contract_listed_and_downloadable(self):
        page = self.url_open("/my/carnet")
        self.assertEqual(page.status_code, 200)
        self.assertIn("/my/carnet/contract/%s/pdf" % self.own.id, page.text)
        self.assertNotIn("/my/carnet/contract/%s/pdf" % self.other.id, page.text)
        response = self.url_open("/my/carnet/contract/%s/pdf" % self.own.id)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content)
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))

    def test_another_contract_not_found(self):
        response = self.url_open("/my/carnet/contract/%s/pdf" % self.other.id)
        self.assertEqual(response.status_code, 404)

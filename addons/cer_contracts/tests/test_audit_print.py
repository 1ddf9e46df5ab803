"""Printing a carnet's content is reading it (issue 10, "The audit has a
blind spot": printing the carnet summary as a non-member neither asked the
reason nor logged the access). Every QWeb report of a carnet or of one of
its parts goes through the read audit (cdb_base, models/ir_actions_report.py)."""
from odoo.addons.carnet_de_bord.models.cdb_notebook_audit import CdbAccessReasonRequired
from odoo.addons.carnet_de_bord.tests.common import CdbCase
from odoo.addons.rsa_orientation.tests.common import keep_the_guide

SUMMARY = "cer_contracts.action_report_cdb_notebook_summary"
CONTRACT = "cer_contracts.action_report_cer_contract"


class TestAuditPrint(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        keep_the_guide(cls.env)  # the guide's orientation and contract
        cls.manager = cls._user("ut.manager", "group_cdb_manager")
        cls.notebook = cls._notebook("Utimpression", cls.referent)
        cls.env["rsa.orientation"].create({
            "notebook_id": cls.notebook.id, "orientation_type": "solidarity",
            "referent_id": cls.referent.id, "date_decision": cls.today}).action_decide()
        cls.contract = cls.env["cer.contract"].create({
            "notebook_id": cls.notebook.id, "referent_id": cls.referent.id,
            "objectives": "Retrouver un logement."})

    def _print(self, xmlid, records, user, reason=None):
        report = self.env.ref(xmlid).sudo(user)
        if reason:
            report = report.with_context(cdb_access_reason=reason)
        return report.render_qweb_html(records.ids)

    def _logs(self, user):
        return self.env["cdb.access.log"].sudo().search(
            [("notebook_id", "=", self.notebook.id), ("user_id", "=", user.id)])

    def test_non_member_prints_the_summary_with_a_reason_only(self):
        with self.assertRaises(CdbAccessReasonRequired) as caught:
            self._print(SUMMARY, self.notebook, self.manager)
        self.assertEqual(caught.exception.args[1], self.notebook.ids)
        self.assertFalse(self._logs(self.manager))
        html, _format = self._print(SUMMARY, self.notebook, self.manager,
                                    reason="Préparation de l'équipe pluridisciplinaire")
        self.assertIn("Utimpression", html.decode() if isinstance(html, bytes) else html)
        self.assertEqual(self._logs(self.manager).reason,
                         "Préparation de l'équipe pluridisciplinaire")

    def test_printing_a_part_is_reading_its_carnet(self):
        with self.assertRaises(CdbAccessReasonRequired):
            self._print(CONTRACT, self.contract, self.manager)
        self._print(CONTRACT, self.contract, self.manager, reason="Contrôle du contrat")
        self.assertEqual(self._logs(self.manager).reason, "Contrôle du contrat")

    def test_member_prints_freely(self):
        self._print(SUMMARY, self.notebook, self.referent)
        self._print(CONTRACT, self.contract, self.referent)
        self.assertFalse(self._logs(self.referent))

    def test_pdf_goes_through_the_same_guard(self):
        with self.assertRaises(CdbAccessReasonRequired):
            self.env.ref(SUMMARY).sudo(self.manager).render_qweb_pdf(self.notebook.ids)

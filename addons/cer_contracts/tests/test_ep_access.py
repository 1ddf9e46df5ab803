"""The EP sees what it decides on (issue "Who decides, and what happens at
each échéance"; seed 003, "Cas 3 : le suivi solidarité arrive à échéance
des douze mois … l'équipe pluridisciplinaire puisse statuer sur la suite à
donner"): for a case on the agenda of his sessions, an EP member reads the
contracts of the carnet with their action plan and its bilan, the job-offer
follow-up and the amendments, and prints them in the case file; not the
fiches de liaison, the carnet's other actions nor its summary, and nothing
of another carnet — by every channel (read, search, read_group, export,
print). And the signature of a contract ends a suspension for a contract
not concluded ("jusqu'à la conclusion")."""
import base64

from odoo.addons.base.ir.ir_qweb.qweb import QWebException
from odoo.exceptions import AccessError

from .common import ContractCase

CASE_FILE = "rsa_orientation.action_report_ep_case_file"
SUMMARY = "cer_contracts.action_report_cdb_notebook_summary"
CONTRACT = "cer_contracts.action_report_cer_contract"


class EpContractCase(ContractCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ep_member = cls._user("cer.ep.member", "rsa_orientation.group_rsa_orientation_team")
        cls.session = cls.env["rsa.ep.session"].create({
            "date": cls.today + " 09:00:00", "territory": "UT",
            "member_ids": [(6, 0, cls.ep_member.ids)]})
        cls.notebook = cls._oriented_notebook()
        cls.other = cls._oriented_notebook()

    def _case(self, notebook, case_type="suspension"):
        case = self.env["rsa.ep.case"].create({
            "notebook_id": notebook.id, "case_type": case_type,
            "suspension_reason": "no_contract", "motive": "Pas de contrat signé",
            "session_id": self.session.id})
        self.env["ir.attachment"].create({
            "name": "convocation.pdf", "datas": base64.b64encode(b"convocation"),
            "res_model": "rsa.ep.case", "res_id": case.id})
        return case


class TestEpMemberReadsTheContracts(EpContractCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._contract_with_parts(cls.notebook)
        cls.other_contract = cls._contract_with_parts(cls.other)
        cls.case = cls._case(cls, cls.notebook)
        cls.action = cls._action(cls.notebook)  # outside any contract
        cls.liaison = cls.env["cer.liaison"].create({
            "notebook_id": cls.notebook.id, "referent_id": cls.referent.id})

    @classmethod
    def _contract_with_parts(cls, notebook):
        contract = cls._contract(cls, notebook)
        cls._pap_line(cls, contract, bilan_comment="Dossier FSL déposé, accord obtenu.")
        cls.env["cer.job.offer"].create({"contract_id": contract.id, "offer": "Offre UT"})
        cls.env["cer.contract.job"].create({
            "contract_id": contract.id,
            "rome_code_id": cls.env["cdb.rome.code"].search([], limit=1).id})
        cls.env["cer.contract.experience"].create({"contract_id": contract.id,
                                                   "job": "Emploi UT"})
        return contract

    def _parts(self, contract):
        return {
            "cer.contract": contract, "cer.pap.line": contract.pap_line_ids,
            "cdb.action": contract.pap_line_ids.mapped("action_id"),
            "cer.job.offer": contract.job_offer_ids, "cer.contract.job": contract.job_ids,
            "cer.contract.experience": contract.experience_ids,
        }

    def _channels(self, records):
        Model = self.env[records._name].sudo(self.ep_member)
        Model.invalidate_cache()
        if not Model.check_access_rights("read", raise_exception=False):
            return (0, 0, False, False)
        found = len(Model.search([("id", "in", records.ids)]))
        grouped = sum(group["__count"] for group in Model.read_group(
            [("id", "in", records.ids)], ["id"], []))
        outcomes = []
        for call in (lambda r: r.read(["display_name"]),
                     lambda r: r.export_data(["display_name"])):
            try:
                call(Model.browse(records.ids))
                outcomes.append(True)
            except AccessError:
                outcomes.append(False)
        return (found, grouped) + tuple(outcomes)

    def test_the_contracts_of_his_cases(self):
        """Before, an EP member read none of it."""
        for model, records in self._parts(self.contract).items():
            with self.subTest(model=model):
                self.assertTrue(records)
                self.assertEqual(self._channels(records),
                                 (len(records), len(records), True, True))

    def test_read_only(self):
        with self.assertRaises(AccessError):
            self.contract.sudo(self.ep_member).write({"objectives": "Autre"})
        with self.assertRaises(AccessError):
            self.contract.pap_line_ids.sudo(self.ep_member).write({"bilan_comment": "Autre"})

    def test_nothing_of_another_carnet(self):
        for model, records in self._parts(self.other_contract).items():
            with self.subTest(model=model):
                self.assertEqual(self._channels(records), (0, 0, False, False))

    def test_not_the_rest_of_the_carnet(self):
        for records in (self.action, self.liaison, self.notebook):
            with self.subTest(model=records._name):
                self.assertEqual(self._channels(records), (0, 0, False, False))

    def test_he_prints_the_case_file_with_the_contracts(self):
        report = self.env.ref(CASE_FILE).sudo(self.ep_member)
        html = report.render_qweb_html(self.case.ids)[0].decode("utf-8")
        self.assertIn("Les contrats", html)
        self.assertIn("Dossier FSL déposé, accord obtenu.", html)
        self.assertIn("Offre UT", html)
        self.assertIn(self.contract.pap_line_ids.action_code_id.name, html)

    def test_he_prints_nothing_else(self):
        # (a reason given for the carnet's summary: still no access)
        for xmlid, records in ((SUMMARY, self.notebook), (CONTRACT, self.other_contract)):
            with self.subTest(report=xmlid):
                report = self.env.ref(xmlid).sudo(self.ep_member).with_context(
                    cdb_access_reason="Séance de l'équipe pluridisciplinaire")
                with self.assertRaises((AccessError, QWebException)) as caught:
                    report.render_qweb_html(records.ids)
                error = caught.exception
                self.assertIsInstance(getattr(error, "error", error), AccessError)


class TestSignatureEndsTheSuspension(EpContractCase):
    """Seed 003: the reduction lasts "jusqu'à la conclusion ou le
    renouvellement de celui-ci" (before, the step ran until a delegate
    ended it by hand)."""

    def test_signing_the_contract_ends_the_failure(self):
        case = self._case(self.notebook)
        case.action_submit()
        case.write({"opinion_motive": "Aucune réponse"})
        case.action_give_opinion("favourable")
        case.sudo(self.manager).action_grant()
        suspension = case.sudo(self.manager)._apply_next_sanction_step()
        self.assertFalse(suspension.date_end)
        contract = self._contract(self.notebook)
        self._pap_line(contract)
        self._sign(contract)
        self.assertEqual(case.failure_end_date, contract.signed_date)
        self.assertEqual(suspension.date_end, max(contract.signed_date, suspension.date_start))
        self.assertFalse(case.radiation_due_date)

    def test_an_ep_member_sends_no_carnet_to_the_ep(self):
        """The "no contract signed" button proposes a case: a member's
        (button for professionals; the server refuses anyone else)."""
        orientation = self.other.orientation_id
        orientation._workflow_write({"date_decision": "2020-01-01"})
        self.assertTrue(orientation.is_overdue)
        case = self._case(self.other)
        case.action_submit()  # the EP member reads the other carnet's orientation
        with self.assertRaises(AccessError):
            orientation.sudo(self.ep_member).action_ep_case_no_contract()
        self.assertTrue(orientation.sudo(self.referent).action_ep_case_no_contract())

"""The EP sees what it decides on (issue "Who decides, and what happens at
each échéance"; seed 003, "LES INSTANCES": the orientation team
"s'appuiera sur le diagnostic socioprofessionnel et sur l'échelle de
distance à l'emploi"): for the cases on the agenda of his sessions, an EP
member reads the path (every orientation of the carnet), the agreed
employment-distance assessments of the carnet (the evolution), the
socio-professional data, and prints the case file with them; nothing else of
the carnet (the carnet, its situation, health, objectives, actions, notes,
documents), on every channel: read, search, read_group, export, print.
The contracts and their plan, and the carnet's actions (readable by an EP
member when they are lines of a contract's plan: a rule of cer_contracts),
are tested in cer_contracts (tests/test_ep_access.py)."""
import base64

from odoo.addons.base.ir.ir_qweb.qweb import QWebException
from odoo.exceptions import AccessError

from .common import EdeCase, OrientationCase


def assert_print_refused(test, report, records):
    """Printing ``records`` is refused for lack of read access (QWeb wraps
    the AccessError raised while rendering)."""
    with test.assertRaises((AccessError, QWebException)) as caught:
        report.render_qweb_html(records.ids)
    error = caught.exception
    test.assertIsInstance(getattr(error, "error", error), AccessError)


class TestEpMemberReads(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utdossierep", cls.referent)
        cls.first = cls._orientation(cls.notebook, "professional_ft", decide=True)
        cls.current = cls._orientation(cls.notebook, "solidarity", decide=True)
        cls.older = cls._agreed_assessment(cls.notebook)
        cls.draft_assessment = cls._agreed_assessment(cls.notebook, agree=False)
        cls.dsp = cls.env["rsa.dsp"].create({"notebook_id": cls.notebook.id,
                                             "housing_type": "hosted"})
        cls.session = cls._session(cls.team_member)
        cls.case = cls._case_with_opinion(cls.notebook, cls.session)
        note = "Note UT"
        cls.elsewhere = cls._notebook("Utailleursep", cls.referent)
        cls.elsewhere_orientation = cls._orientation(cls.elsewhere, decide=True)
        cls.elsewhere_assessment = cls._agreed_assessment(cls.elsewhere)
        cls.carnet_records = {
            "cdb.notebook": cls.notebook,
            "cdb.situation": cls.env["cdb.situation"].create({
                "notebook_id": cls.notebook.id, "housing": "Hébergé"}),
            "cdb.objective": cls.env["cdb.objective"].create({
                "notebook_id": cls.notebook.id, "name": "Objectif UT"}),
            "cdb.health": cls.env["cdb.health"].create({
                "notebook_id": cls.notebook.id, "description": "Santé UT"}),
            "mail.message": cls.notebook.message_post(
                body=note, message_type="comment", subtype="mail.mt_note"),
            "ir.attachment": cls.env["ir.attachment"].create({
                "name": "bilan.txt", "datas_fname": "bilan.txt",
                "datas": base64.b64encode(b"bilan"),
                "res_model": "cdb.notebook", "res_id": cls.notebook.id}),
        }

    def _channels(self, records):
        """What the team member gets of ``records`` by each way of reading."""
        Model = self.env[records._name].sudo(self.team_member)
        Model.invalidate_cache()
        if not Model.check_access_rights("read", raise_exception=False):
            return {"search": 0, "read_group": 0, "read": False, "export": False}
        found = Model.search([("id", "in", records.ids)])
        grouped = Model.read_group([("id", "in", records.ids)], ["id"], [])
        outcome = {"search": len(found),
                   "read_group": sum(group["__count"] for group in grouped)}
        for channel, call in (("read", lambda r: r.read(["display_name"])),
                              ("export", lambda r: r.export_data(["display_name"]))):
            try:
                call(Model.browse(records.ids))
                outcome[channel] = True
            except AccessError:
                outcome[channel] = False
        return outcome

    def assertSees(self, records):
        self.assertEqual(self._channels(records), {
            "search": len(records), "read_group": len(records), "read": True, "export": True},
            records._name)

    def assertSeesNothing(self, records):
        self.assertEqual(self._channels(records), {
            "search": 0, "read_group": 0, "read": False, "export": False}, records._name)

    def test_the_path_of_the_carnet(self):
        """Every orientation of the carnet (before: those of the carnets of
        his cases already; kept), not another carnet's."""
        self.assertSees(self.first | self.current)
        self.assertSeesNothing(self.elsewhere_orientation)

    def test_the_agreed_assessments_of_the_carnet(self):
        """The evolution, not only the assessment attached to the request
        (before: the attached one only)."""
        self.assertSees(self.older | self.case.assessment_id)
        self.assertSees(self.older.line_ids)
        self.assertSeesNothing(self.draft_assessment)
        self.assertSeesNothing(self.elsewhere_assessment)

    def test_the_socio_professional_data(self):
        self.assertSees(self.dsp)

    def test_nothing_else_of_the_carnet(self):
        for model, record in self.carnet_records.items():
            with self.subTest(model=model):
                self.assertTrue(record)
                self.assertSeesNothing(record)

    def test_he_prints_the_case_file(self):
        report = self.env.ref("rsa_orientation.action_report_ep_case_file").sudo(
            self.team_member)
        html = report.render_qweb_html(self.case.ids)[0].decode("utf-8")
        self.assertIn(self.case.name, html)
        self.assertIn("Le parcours", html)
        for orientation in (self.first, self.current):
            self.assertIn(orientation._type_label(), html)
        self.assertIn("o_rsa_ede_grid_print", html)
        self.assertIn("ede-grid-curve", html)
        self.assertIn("o_rsa_ede_chart", html)

    def test_he_prints_the_assessment_of_his_case(self):
        report = self.env.ref("rsa_orientation.action_report_rsa_ede_assessment").sudo(
            self.team_member)
        html = report.render_qweb_html(self.case.assessment_id.ids)[0].decode("utf-8")
        self.assertIn("o_rsa_ede_grid_print", html)

    def test_he_prints_nothing_of_another_carnet(self):
        report = self.env.ref("rsa_orientation.action_report_rsa_ede_assessment").sudo(
            self.team_member)
        assert_print_refused(self, report, self.elsewhere_assessment)
        report = self.env.ref("rsa_orientation.action_report_rsa_dsp").sudo(self.team_member)
        other_dsp = self.env["rsa.dsp"].create({"notebook_id": self.elsewhere.id})
        assert_print_refused(self, report, other_dsp)


class TestPrints(EdeCase):
    """Prints that match the annexes: the DSP as the form of Annexe 2 and the
    EDE as the grid of Annexe 3 with its crosses joined by a curve."""

    def test_the_dsp_print_has_the_sections_of_the_annex(self):
        dsp = self.env["rsa.dsp"].create({
            "notebook_id": self.notebook.id, "housing_type": "precarious",
            "rqth": True, "professional_project": "Aide à domicile"})
        report = self.env.ref("rsa_orientation.action_report_rsa_dsp")
        html = report.render_qweb_html(dsp.ids)[0].decode("utf-8").replace("&#39;", "'")
        sections = ["D'ordre général", "Liées à la situation sociale", "Sur le logement",
                    "Sur le niveau d'études et de compétences",
                    "Informations sur la situation professionnelle"]
        positions = [html.find(section) for section in sections]
        self.assertTrue(all(p >= 0 for p in positions), positions)
        self.assertEqual(positions, sorted(positions), "in the order of the annex")
        self.assertIn("Aide à domicile", html)
        self.assertEqual(dsp.action_print()["report_name"], "rsa_orientation.report_rsa_dsp")

    def test_the_ede_print_is_the_grid_with_its_curve(self):
        items = self.default_scale.item_ids.sorted("sequence")
        sequences = [1, 2, 3, 4, 1, 2, 3, 4]
        assessment = self._fill(self._assessment(), [
            self._level(item, seq) for item, seq in zip(items, sequences)])
        grid = assessment._grid_data()
        self.assertEqual(len(grid["rows"]), 8)
        self.assertEqual(len(grid["columns"]), 6)
        crosses = [row["cross"] for row in grid["rows"]]
        self.assertTrue(all(crosses))
        # each cross in the column of its palier, the curve through them all
        for row, sequence in zip(grid["rows"], sequences):
            chosen = [cell for cell in row["cells"] if cell["chosen"]]
            self.assertEqual(len(chosen), 1)
            self.assertEqual(chosen[0]["x"], grid["columns"][sequence - 1]["x"])
            self.assertEqual(row["cross"]["x"], grid["columns"][sequence - 1]["mid"])
        self.assertEqual(len(grid["curve"].split()), 8)
        report = self.env.ref("rsa_orientation.action_report_rsa_ede_assessment")
        html = report.render_qweb_html(assessment.ids)[0].decode("utf-8")
        self.assertIn('class="ede-grid-curve"', html)
        self.assertEqual(html.count('class="ede-grid-cross"'), 8)
        self.assertEqual(html.count('class="ede-grid-cell"'), 48)
        self.assertIn("Logement", html)

    def test_an_item_without_a_level_has_no_cross(self):
        assessment = self._assessment()
        grid = assessment._grid_data()
        self.assertFalse(any(row["cross"] for row in grid["rows"]))
        self.assertFalse(grid["curve"])

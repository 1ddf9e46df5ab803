"""Who sees the orientation data of a carnet: its active members, the
members of the teams that examine its cases (their cases only), the
département managers — nobody else."""
from odoo.exceptions import AccessError, ValidationError

from .common import OrientationCase


class TestOrientationAccess(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session_a = cls._session(cls.team_member)
        cls.session_b = cls._session(cls.team_member2)
        cls.data_a = cls._carnet_data("Utaccesa", cls.referent, cls.session_a)
        cls.data_b = cls._carnet_data("Utaccesb", cls.accompagnateur2, cls.session_b)

    @classmethod
    def _carnet_data(cls, lastname, referent, session):
        notebook = cls._notebook(lastname, referent)
        orientation = cls._orientation(notebook, "solidarity", decide=True)
        dsp = cls.env["rsa.dsp"].create({"notebook_id": notebook.id,
                                         "health_difficulty": True})
        case = cls._case_with_opinion(notebook, session, "suspension")
        case.action_decide("confirmed")
        return {
            "cdb.notebook": notebook,
            "rsa.orientation": orientation,
            "rsa.dsp": dsp,
            "rsa.ep.case": case,
            "rsa.sanction.step": case.sanction_step_ids,
        }

    ORIENTATION_MODELS = ("rsa.orientation", "rsa.dsp", "rsa.ep.case", "rsa.sanction.step")

    def _as(self, user, model):
        return self.env[model].sudo(user)

    def _readable(self, user, record):
        self.env[record._name].invalidate_cache()
        try:
            self._as(user, record._name).browse(record.ids).read(["id", "create_date"])
        except AccessError:
            return False
        return True

    def _found(self, user, records):
        return self._as(user, records._name).search([("id", "in", records.ids)])

    def _form_fields(self, model):
        return list(self.env[model].fields_view_get(view_type="form")["fields"])

    # -------------------------------------------------- non-member
    def test_non_member_cannot_read(self):
        for model in self.ORIENTATION_MODELS:
            with self.subTest(model=model):
                record = self.data_a[model]
                self.assertTrue(record)
                self.assertFalse(self._readable(self.outsider, record))
                self.assertFalse(self._found(self.outsider, record))

    def test_non_member_cannot_read_the_session(self):
        self.assertFalse(self._readable(self.outsider, self.session_a))

    def test_non_member_cannot_create_an_orientation_on_the_carnet(self):
        # Refused by the record rule, or earlier by a constraint that cannot
        # read the new record: either way nothing is created.
        self.assertRefused(
            (AccessError, ValidationError), "rsa.orientation",
            [("notebook_id", "=", self.data_a["cdb.notebook"].id)],
            lambda: self._as(self.outsider, "rsa.orientation").create(
                {"notebook_id": self.data_a["cdb.notebook"].id}))

    # ------------------------------------------------------ member
    def test_member_reads_the_carnet_data(self):
        for model in self.ORIENTATION_MODELS:
            with self.subTest(model=model):
                record = self.data_a[model]
                self.assertTrue(self._readable(self.referent, record))
                self.assertEqual(self._found(self.referent, record), record)
                # ... and only their carnets'
                self.assertFalse(self._readable(self.referent, self.data_b[model]))

    def test_accompagnateur_reads_once_member(self):
        case = self.data_a["rsa.ep.case"]
        self.assertFalse(self._readable(self.outsider, case))
        self._member(self.data_a["cdb.notebook"], self.outsider)
        for model in self.ORIENTATION_MODELS:
            with self.subTest(model=model):
                self.assertTrue(self._readable(self.outsider, self.data_a[model]))

    def test_member_reads_the_session_of_their_case(self):
        self.assertTrue(self._readable(self.referent, self.session_a))
        self.assertFalse(self._readable(self.referent, self.session_b))

    def test_member_opens_the_forms(self):
        for model in self.ORIENTATION_MODELS[:3]:
            with self.subTest(model=model):
                self.env[model].invalidate_cache()
                self._as(self.referent, model).browse(self.data_a[model].id).read(
                    self._form_fields(model))

    # ----------------------------------------- orientation team member
    def test_team_member_sees_the_cases_of_their_sessions_only(self):
        case_a, case_b = self.data_a["rsa.ep.case"], self.data_b["rsa.ep.case"]
        self.assertTrue(self._readable(self.team_member, case_a))
        self.assertFalse(self._readable(self.team_member, case_b))
        self.assertEqual(self._found(self.team_member, case_a | case_b), case_a)

    def test_team_member_sees_their_sessions_only(self):
        self.assertTrue(self._readable(self.team_member, self.session_a))
        self.assertFalse(self._readable(self.team_member, self.session_b))

    def test_team_member_opens_the_case_form(self):
        case = self.data_a["rsa.ep.case"]
        values = self._as(self.team_member, "rsa.ep.case").browse(case.id).read(
            self._form_fields("rsa.ep.case"))[0]
        self.assertEqual(values["beneficiary_name"], case.beneficiary_name)

    def test_team_member_cannot_read_the_carnet(self):
        with self.assertRaises(AccessError):
            self._as(self.team_member, "cdb.notebook").browse(
                self.data_a["cdb.notebook"].id).read(["state"])

    def test_team_member_reads_the_dsp_of_their_cases_only(self):
        self.assertTrue(self._readable(self.team_member, self.data_a["rsa.dsp"]))
        self.assertFalse(self._readable(self.team_member, self.data_b["rsa.dsp"]))
        self.assertFalse(self._found(self.team_member, self.data_b["rsa.dsp"]))

    def test_team_member_reads_the_orientation_and_steps_of_their_cases_only(self):
        for model in ("rsa.orientation", "rsa.sanction.step"):
            with self.subTest(model=model):
                self.assertTrue(self._readable(self.team_member, self.data_a[model]))
                self.assertFalse(self._readable(self.team_member, self.data_b[model]))

    def test_team_member_cannot_change_the_dsp(self):
        with self.assertRaises(AccessError):
            self._as(self.team_member, "rsa.dsp").create(
                {"notebook_id": self.data_a["cdb.notebook"].id})

    def test_team_member_gives_the_opinion(self):
        notebook = self.data_a["cdb.notebook"]
        case = self._case(notebook, "suspension", session_id=self.session_a.id)
        self._attach(case)
        case.action_submit()
        as_team = self._as(self.team_member, "rsa.ep.case").browse(case.id)
        as_team.write({"opinion_motive": "Aucune réponse aux convocations"})
        as_team.action_opinion_favourable()
        self.assertEqual(case.state, "opinion")
        self.assertEqual(case.opinion, "favourable")

    # -------------------------------------------------------- manager
    def test_manager_sees_everything(self):
        for model in self.ORIENTATION_MODELS + ("cdb.notebook",):
            with self.subTest(model=model):
                records = self.data_a[model] | self.data_b[model]
                self.assertTrue(self._readable(self.manager, records))
                self.assertEqual(self._found(self.manager, records), records)
        sessions = self.session_a | self.session_b
        self.assertEqual(self._found(self.manager, sessions), sessions)

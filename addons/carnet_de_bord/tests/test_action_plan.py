from odoo.exceptions import AccessError, ValidationError

from .common import CdbCase


class TestActionPlan(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utplan", cls.referent)

    def _actions(self):
        return [("notebook_id", "=", self.notebook.id)]

    def test_action_with_valid_code(self):
        action = self.env["cdb.action"].create({
            "notebook_id": self.notebook.id, "action_code": "a.1.1",
            "date_deadline": self._shift(self.today, months=1)})
        self.assertEqual(action.action_code_id.code, "A.1.1")
        self.assertEqual(action.theme_id.code, "A")
        self.assertEqual(action.name, "A.1.1 " + action.action_code_id.name)

    def test_deadline_before_start_refused(self):
        self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self._action(self.notebook, date_start=self.today,
                                 date_deadline=self._shift(self.today, days=-1)))

    def test_deadline_moved_before_start_refused(self):
        action = self._action(self.notebook)
        self.assertRefused(
            ValidationError, "cdb.action",
            [("id", "=", action.id), ("date_deadline", "=", action.date_deadline)],
            lambda: action.write({"date_deadline": self._shift(self.today, days=-1)}))

    def test_unknown_action_code_refused(self):
        error = self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self.env["cdb.action"].create({
                "notebook_id": self.notebook.id, "action_code": "Z.9",
                "date_deadline": self._shift(self.today, months=1)}),
            rollback=False)
        self.assertIn("Z.9", error.name)

    def test_theme_code_refused_as_action_code(self):
        error = self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self.env["cdb.action"].create({
                "notebook_id": self.notebook.id, "action_code": "A",
                "date_deadline": self._shift(self.today, months=1)}),
            rollback=False)
        self.assertIn('"A"', error.name)

    def test_theme_refused_as_code_id(self):
        self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self._action(self.notebook, code="A"))

    def test_unknown_action_code_refused_on_write(self):
        action = self._action(self.notebook)
        self.assertRefused(
            ValidationError, "cdb.action",
            [("id", "=", action.id), ("action_code_id", "=", action.action_code_id.id)],
            lambda: action.write({"action_code": "Z.9"}), rollback=False)

    def test_not_alone_action_refused_as_only_action(self):
        for code in ("A.2", "D.2", "G.1", "I.1"):
            with self.subTest(code=code):
                self.assertRefused(
                    ValidationError, "cdb.action", self._actions(),
                    lambda: self._action(self.notebook, code=code))

    def test_not_alone_action_accepted_with_another_action(self):
        self._action(self.notebook, code="A.1.1")
        action = self._action(self.notebook, code="A.2")
        self.assertEqual(self.notebook.action_ids.mapped("action_code_id.code"), ["A.1.1", "A.2"])
        self.assertTrue(action.action_code_id.not_alone)

    def test_abandoning_the_other_action_refused(self):
        other = self._action(self.notebook, code="A.1.1")
        self._action(self.notebook, code="A.2")
        self.assertRefused(
            ValidationError, "cdb.action",
            self._actions() + [("state", "=", "abandoned")],
            lambda: other.write({"state": "abandoned"}))
        self.assertEqual(other.state, "planned")

    def test_deleting_the_other_action_refused(self):
        """"Ne peut être la seule action" holds on every path to a plan of
        such actions only: deleting the other one too."""
        other = self._action(self.notebook, code="A.1.1")
        self._action(self.notebook, code="A.2")
        self.assertRefused(ValidationError, "cdb.action", self._actions(), other.unlink,
                           rollback=False)
        with_third = self._action(self.notebook, code="B.1")
        other.unlink()
        self.assertEqual(len(self.notebook.action_ids), 2)
        self.assertTrue(with_third.exists())

    def test_moving_an_action_to_another_carnet_refused(self):
        """Moving the other action away would leave the plan alone; an
        action never moves (create it in the other carnet)."""
        other = self._action(self.notebook, code="A.1.1")
        self._action(self.notebook, code="A.2")
        elsewhere = self._notebook("Utailleurs", self.referent)
        self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: other.sudo(self.referent).write({"notebook_id": elsewhere.id}),
            rollback=False)

    def test_abandoned_action_does_not_count_as_other_action(self):
        other = self._action(self.notebook, code="A.1.1", state="abandoned")
        self.assertEqual(other.state, "abandoned")
        self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self._action(self.notebook, code="A.2"))

    def test_objective_of_another_notebook_refused(self):
        other = self._notebook("Utautreplan", self.referent)
        objective = self.env["cdb.objective"].create({
            "notebook_id": other.id, "name": "Logement"})
        self.assertRefused(
            ValidationError, "cdb.action", self._actions(),
            lambda: self._action(self.notebook, objective_id=objective.id))

    def test_is_late(self):
        late = self._action(self.notebook, date_start=self._shift(self.today, months=-2),
                            date_deadline=self._shift(self.today, days=-1))
        done = self._action(self.notebook, date_start=self._shift(self.today, months=-2),
                            date_deadline=self._shift(self.today, days=-1), state="done")
        future = self._action(self.notebook)
        self.assertEqual((late | done | future).mapped("is_late"), [True, False, False])
        self.assertEqual(self.env["cdb.action"].search(
            self._actions() + [("is_late", "=", True)]), late)
        self.assertEqual(self.notebook.late_action_count, 1)
        self.assertIn(self.notebook, self.env["cdb.notebook"].search(
            [("late_action_count", ">", 0)]))


class TestAccompagnateurRights(CdbCase):
    """The accompagnateur in charge of an action fills its status, result and
    evaluation; the référent sets the plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utdroits", cls.referent)
        cls._member(cls.notebook, cls.accompagnateur)
        cls._member(cls.notebook, cls.accompagnateur2)
        cls.action = cls._action(cls.notebook, code="A.1.1", user_id=cls.accompagnateur.id)

    def _as(self, user):
        return self.action.sudo(user)

    def _unchanged(self, field, value):
        return [("id", "=", self.action.id), (field, "=", value)]

    def test_accompagnateur_in_charge_fills_status_result_evaluation(self):
        self._as(self.accompagnateur).write({
            "state": "done", "result": "Dossier FSL déposé", "evaluation": "Bonne implication"})
        self.action.invalidate_cache()
        self.assertEqual(self.action.state, "done")
        self.assertEqual(self.action.result, "Dossier FSL déposé")
        self.assertEqual(self.action.evaluation, "Bonne implication")

    def test_accompagnateur_in_charge_cannot_move_deadline(self):
        deadline = self.action.date_deadline
        self.assertRefused(
            AccessError, "cdb.action", self._unchanged("date_deadline", deadline),
            lambda: self._as(self.accompagnateur).write(
                {"date_deadline": self._shift(deadline, months=3)}), rollback=False)

    def test_accompagnateur_in_charge_cannot_change_code(self):
        self.assertRefused(
            AccessError, "cdb.action",
            self._unchanged("action_code_id", self.action.action_code_id.id),
            lambda: self._as(self.accompagnateur).write(
                {"action_code_id": self._code("A.1.2").id}), rollback=False)

    def test_accompagnateur_in_charge_cannot_mix_allowed_and_plan_fields(self):
        self.assertRefused(
            AccessError, "cdb.action", self._unchanged("state", "planned"),
            lambda: self._as(self.accompagnateur).write(
                {"state": "done", "user_id": self.accompagnateur2.id}), rollback=False)

    def test_accompagnateur_not_in_charge_cannot_write_result(self):
        self.assertRefused(
            AccessError, "cdb.action", [("id", "=", self.action.id), ("result", "!=", False)],
            lambda: self._as(self.accompagnateur2).write({"result": "Fait"}),
            rollback=False)

    def test_referent_writes_everything(self):
        self._as(self.referent).write({
            "date_deadline": self._shift(self.today, months=4),
            "action_code_id": self._code("A.1.2").id,
            "user_id": self.accompagnateur2.id,
            "state": "in_progress", "result": "En cours", "evaluation": "RAS"})
        self.action.invalidate_cache()
        self.assertEqual(self.action.action_code_id.code, "A.1.2")
        self.assertEqual(self.action.date_deadline, self._shift(self.today, months=4))
        self.assertEqual(self.action.user_id, self.accompagnateur2)
        self.assertEqual(self.action.result, "En cours")

    def test_referent_adds_an_action(self):
        action = self.env["cdb.action"].sudo(self.referent).create({
            "notebook_id": self.notebook.id, "action_code": "B.1",
            "date_deadline": self._shift(self.today, months=1)})
        self.assertEqual(action.action_code_id.code, "B.1")
        self.assertIn(action, self.notebook.action_ids)

    def test_non_member_cannot_add_an_action(self):
        # Odoo 11 checks Python constraints before the create rules: the read
        # done by the constraint is refused first, wrapped in a ValidationError.
        self.assertRefused(
            (AccessError, ValidationError), "cdb.action", [("notebook_id", "=", self.notebook.id)],
            lambda: self.env["cdb.action"].sudo(self.outsider).create({
                "notebook_id": self.notebook.id, "action_code": "B.1",
                "date_deadline": self._shift(self.today, months=1)}))

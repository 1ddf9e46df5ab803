"""Opening a carnet costs a bounded number of SQL queries, whatever the size
of its action plan (no query per action line)."""
import logging

from .common import CdbCase

_logger = logging.getLogger(__name__)

CHATTER_FIELDS = ("message_ids", "message_follower_ids", "activity_ids")
CODES = ("A.1.1", "A.1.2", "B.1", "D.1.1", "E.1.1", "G.2.1", "H.1.1")


class TestQueryBudget(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._member_count = 0
        cls.warmup = cls._big_notebook("Utbudgetchauffe", 1)
        cls.small = cls._big_notebook("Utbudgetpetit", 5)
        cls.large = cls._big_notebook("Utbudgetgrand", 200)
        cls.form = cls.env["cdb.notebook"].sudo(cls.referent).load_views(
            [(False, "form")])["fields_views"]["form"]
        cls.subviews = cls._subviews(cls.form)

    @classmethod
    def _big_notebook(cls, lastname, action_count):
        notebook = cls._notebook(lastname, cls.referent,
                                 date_start=cls._shift(cls.today, months=-3))
        people = [cls.referent, cls.accompagnateur, cls.accompagnateur2]
        for user in people[1:]:
            cls._member(notebook, user)
        objectives = cls.env["cdb.objective"]
        for index in range(3):
            objectives |= cls.env["cdb.objective"].create({
                "notebook_id": notebook.id, "name": "Objectif %d" % index})
        for index in range(action_count):
            user = people[index % 3]
            late = index % 4 == 0
            cls._action(
                notebook, code=CODES[index % len(CODES)],
                objective_id=objectives[index % 3].id, user_id=user.id,
                structure_id=user.cdb_structure_id.id,
                date_start=cls._shift(cls.today, months=-2, days=index % 28),
                date_deadline=cls._shift(cls.today, days=-1 if late else 30 + index),
                state="in_progress" if late else "planned")
        cls.env["cdb.situation"].create({"notebook_id": notebook.id, "housing": "Locataire"})
        return notebook

    @classmethod
    def _subviews(cls, form):
        """The list views the web client loads for the x2many fields of the form."""
        subviews = {}
        for name, field in form["fields"].items():
            if field["type"] not in ("one2many", "many2many") or name in CHATTER_FIELDS:
                continue
            view = field.get("views", {}).get("tree")
            if not view:
                view_id = False
                if name == "event_ids":
                    view_id = cls.env.ref("carnet_de_bord.calendar_event_view_tree_cdb").id
                view = cls.env[field["relation"]].sudo(cls.referent).load_views(
                    [(view_id, "tree")])["fields_views"]["tree"]
            subviews[name] = (field["relation"], list(view["fields"]))
        return subviews

    def _open_form(self, notebook):
        """Read what the form shows, as the web client does: the record with
        the fields of the form, then the lines of each x2many field with the
        fields of its list view. Returns the number of queries."""
        self.env["cdb.notebook"].invalidate_cache()
        before = self.cr.sql_log_count
        data = self.env["cdb.notebook"].sudo(self.referent).browse(notebook.id).read(
            list(self.form["fields"]))[0]
        for name, (model, fields) in self.subviews.items():
            lines = self.env[model].sudo(self.referent).browse(data[name]).read(fields)
            self.assertEqual(len(lines), len(data[name]))
        return self.cr.sql_log_count - before, data

    def test_form_fields_cover_the_plan(self):
        self.assertIn("action_ids", self.subviews)
        self.assertIn("action_code_id", self.subviews["action_ids"][1])
        self.assertIn("user_id", self.subviews["action_ids"][1])
        self.assertIn("late_action_count", self.form["fields"])

    def test_opening_a_carnet_costs_the_same_with_5_or_200_actions(self):
        self._open_form(self.warmup)
        small_count, small = self._open_form(self.small)
        large_count, large = self._open_form(self.large)
        _logger.info("Opening a carnet: %d queries with 5 actions, %d with 200",
                     small_count, large_count)
        self.assertEqual(len(small["action_ids"]), 5)
        self.assertEqual(len(large["action_ids"]), 200)
        self.assertEqual(large["late_action_count"], 50)
        self.assertLessEqual(
            abs(large_count - small_count), 2,
            "opening a carnet: %d queries with 5 actions, %d with 200"
            % (small_count, large_count))


class TestQueryBudgetScale(CdbCase):
    """The SQL query count of a professional's pages does not grow with the
    number of carnets (issue 6, "the scale of a large département": the
    record rules are SQL conditions on indexed columns, not a query per
    carnet). bench/bench_open.py measures the time on 10,000 and 100,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.few = cls._user("ut.referent.few", "group_cdb_professional", cls.structure_a)
        cls.many = cls._user("ut.referent.many", "group_cdb_professional", cls.structure_a)
        cls.few_notebooks = cls._carnets("Utpeu", cls.few, 5)
        cls.many_notebooks = cls._carnets("Utbeaucoup", cls.many, 50)
        Notebook = cls.env["cdb.notebook"].sudo(cls.referent)
        cls.form = Notebook.load_views([(False, "form")])["fields_views"]["form"]
        cls.subviews = TestQueryBudget._subviews.__func__(cls, cls.form)
        action = cls.env.ref("carnet_de_bord.cdb_notebook_action_mine")
        modes = [mode for mode in action.view_mode.split(",") if mode in ("kanban", "tree")]
        views = Notebook.load_views([(False, mode) for mode in modes])["fields_views"]
        cls.views = {mode: list(views[mode]["fields"]) for mode in modes}

    @classmethod
    def _carnets(cls, lastname, referent, count):
        notebooks = cls.env["cdb.notebook"]
        for index in range(count):
            notebook = cls._notebook("%s%02d" % (lastname, index), referent,
                                     date_start=cls._shift(cls.today, months=-2))
            if index % 2:
                cls._member(notebook, cls.accompagnateur)
            cls._action(notebook, code="A.1.1", user_id=referent.id,
                        date_start=cls._shift(cls.today, months=-1),
                        date_deadline=cls._shift(cls.today, days=-1 if index % 3 else 30),
                        state="in_progress")
            cls.env["cdb.situation"].create({"notebook_id": notebook.id, "housing": "Locataire"})
            notebooks |= notebook
        return notebooks

    def _queries(self, function):
        function()  # warm the caches, as on a running server
        self.env["cdb.notebook"].invalidate_cache()
        before = self.cr.sql_log_count
        function()
        return self.cr.sql_log_count - before

    def _open(self, user, notebook):
        data = self.env["cdb.notebook"].sudo(user).browse(notebook.id).read(
            list(self.form["fields"]))[0]
        for name, (model, fields) in self.subviews.items():
            self.env[model].sudo(user).browse(data[name]).read(fields)
        return data

    def _my_list(self, user, fields, limit):
        """The web client's search_read of "My beneficiaries" (default
        filters of the menu) and its count when the page is full."""
        domain = ["&", "|", ("referent_id", "=", user.id), ("member_ids.user_id", "=", user.id),
                  ("state", "!=", "closed")]
        Notebook = self.env["cdb.notebook"].sudo(user)
        records = Notebook.search_read(domain, fields, limit=limit)
        if len(records) == limit:
            Notebook.search_count(domain)
        return records

    def test_my_beneficiaries_list_costs_the_same_with_5_or_50_carnets(self):
        self.assertEqual(len(self._my_list(self.few, self.views["tree"], 80)), 5)
        self.assertEqual(len(self._my_list(self.many, self.views["tree"], 80)), 50)
        # Pages of 4: both lists fill a page, so the web client also counts.
        for mode, limit in (("kanban", 4), ("tree", 4)):
            few = self._queries(lambda: self._my_list(self.few, self.views[mode], limit))
            many = self._queries(lambda: self._my_list(self.many, self.views[mode], limit))
            _logger.info("My beneficiaries (%s): %d queries with 5 carnets, %d with 50",
                         mode, few, many)
            self.assertEqual(few, many, "My beneficiaries (%s): %d queries with 5 carnets, "
                                        "%d with 50" % (mode, few, many))

    def test_opening_a_carnet_costs_the_same_with_5_or_50_carnets(self):
        few = self._queries(lambda: self._open(self.few, self.few_notebooks[0]))
        many = self._queries(lambda: self._open(self.many, self.many_notebooks[0]))
        _logger.info("Opening a carnet: %d queries for a référent of 5 carnets, %d of 50",
                     few, many)
        self.assertEqual(few, many, "opening a carnet: %d queries for a référent of 5 "
                                    "carnets, %d of 50" % (few, many))
        self.assertEqual(self._open(self.many, self.many_notebooks[0])["late_action_count"], 0)
        self.assertEqual(self._open(self.many, self.many_notebooks[1])["late_action_count"], 1)

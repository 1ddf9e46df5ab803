"""Each role's home (issue 14, "Land on one's work"): the home action set
by role, the page "Ma journée", the search box and the carnets opened
lately."""
from .common import CdbCase


class TestHomeAction(CdbCase):

    def _home(self, xmlid):
        return self.env["ir.actions.actions"].browse(self.env.ref(xmlid).id)

    def test_each_role_gets_its_home(self):
        """A professional lands on "Ma journée", a correspondant on the
        queue, a structure administrator on the carnets of their structure;
        a portal user gets none."""
        self.assertEqual(self.referent.action_id, self._home("carnet_de_bord.cdb_day_action"))
        correspondant = self._user("ut.home.correspondant", "group_cdb_correspondant")
        self.assertEqual(correspondant.action_id,
                         self._home("carnet_de_bord.cdb_queue_action"))
        admin = self._user("ut.home.admin", "group_cdb_structure_admin", self.structure_a)
        self.assertEqual(admin.action_id,
                         self._home("carnet_de_bord.cdb_notebook_action_structure"))
        portal = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "UT Portal Home", "login": "ut.home.portal",
            "groups_id": [(6, 0, self.env.ref("base.group_portal").ids)]})
        self.assertFalse(portal.action_id)

    def test_home_follows_the_groups(self):
        """Promoted to correspondant, the référent's home becomes the queue;
        back to a professional, "Ma journée" again."""
        user = self._user("ut.home.promoted", "group_cdb_professional", self.structure_a)
        correspondant = self.env.ref("carnet_de_bord.group_cdb_correspondant")
        user.write({"groups_id": [(4, correspondant.id)]})
        self.assertEqual(user.action_id, self._home("carnet_de_bord.cdb_queue_action"))
        user.write({"groups_id": [(3, correspondant.id)]})
        self.assertEqual(user.action_id, self._home("carnet_de_bord.cdb_day_action"))

    def test_reified_group_fields_change_the_home(self):
        """The user form writes the groups through its reified fields."""
        user = self._user("ut.home.reified", "group_cdb_professional", self.structure_a)
        correspondant = self.env.ref("carnet_de_bord.group_cdb_correspondant")
        user.write({"in_group_%d" % correspondant.id: True})
        self.assertIn(correspondant, user.groups_id)
        self.assertEqual(user.action_id, self._home("carnet_de_bord.cdb_queue_action"))

    def test_home_chosen_by_hand_is_kept(self):
        """An action the administrator chose by hand is not replaced, neither
        when the groups change nor by the data file's pass."""
        chosen = self._home("carnet_de_bord.cdb_notebook_action_mine")
        user = self._user("ut.home.chosen", "group_cdb_professional", self.structure_a)
        user.write({"action_id": chosen.id})
        user.write({"groups_id": [(4, self.env.ref(
            "carnet_de_bord.group_cdb_correspondant").id)]})
        self.assertEqual(user.action_id, chosen)
        self.env["res.users"]._cdb_set_all_home_actions()
        self.assertEqual(user.action_id, chosen)

    def test_existing_users_get_their_home(self):
        """The data file's pass gives the users without a home theirs."""
        user = self._user("ut.home.existing", "group_cdb_professional", self.structure_a)
        user.write({"action_id": False})
        self.assertFalse(user.action_id)
        self.env["res.users"]._cdb_set_all_home_actions()
        self.assertEqual(user.action_id, self._home("carnet_de_bord.cdb_day_action"))


class TestMyDay(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Journee", referent=cls.referent,
                                     date_start=cls._shift(cls.today, months=-8))
        cls.other = cls._notebook("Autrui", referent=cls.referent2)
        cls.late = cls._action(cls.notebook, date_start=cls._shift(cls.today, months=-3),
                               date_deadline=cls._shift(cls.today, days=-2))
        cls._action(cls.notebook, code="A.1.2")
        cls._action(cls.other, date_start=cls._shift(cls.today, months=-3),
                    date_deadline=cls._shift(cls.today, days=-2))

    def _day(self, user, **vals):
        return self.env["cdb.day"].sudo(user).create(vals)

    def test_the_page_is_named_in_the_breadcrumb(self):
        day = self._day(self.referent).with_context(lang="fr_FR")
        queue = self._day(self.referent, mode="queue").with_context(lang="fr_FR")
        self.assertEqual(day.display_name, "Ma journée")
        self.assertEqual(queue.display_name, "Décisions à prendre")

    def test_late_actions_of_my_carnets_only(self):
        day = self._day(self.referent)
        self.assertEqual(day.late_action_ids, self.late)

    def test_appointments_today_and_this_week(self):
        Event = self.env["calendar.event"].sudo(self.referent)
        noon = self.today + " 11:00:00"
        in_three_days = self._shift(self.today, days=3) + " 09:00:00"
        today_event = Event.create({"name": "UT today", "start": noon, "stop": noon,
                                    "cdb_notebook_id": self.notebook.id,
                                    "partner_ids": [(6, 0, self.referent.partner_id.ids)]})
        week_event = Event.create({"name": "UT week", "start": in_three_days,
                                   "stop": in_three_days, "cdb_notebook_id": self.notebook.id,
                                   "partner_ids": [(6, 0, self.referent.partner_id.ids)]})
        day = self._day(self.referent)
        self.assertIn(today_event, day.today_event_ids)
        self.assertNotIn(week_event, day.today_event_ids)
        self.assertIn(week_event, day.week_event_ids)
        self.assertFalse(self._day(self.referent2).today_event_ids & today_event)

    def test_reviews_due(self):
        review = self.env["cdb.review"].create({
            "notebook_id": self.notebook.id, "reason": "periodic",
            "deadline": self._shift(self.today, days=3)})
        self.assertIn(review, self._day(self.referent).due_review_ids)
        self.assertNotIn(review, self._day(self.referent2).due_review_ids)

    def test_queue_shows_no_day_sections(self):
        day = self._day(self.referent, mode="queue")
        self.assertFalse(day.late_action_ids)

    def test_search_by_name_number_and_birth_date(self):
        day = self._day(self.referent)
        beneficiary = self.notebook.beneficiary_id
        for text in ("journee", beneficiary.caf_number,
                     "17/05/1980", "1980-05-17"):
            day.search_text = text
            self.assertIn(self.notebook, day.found_notebook_ids, text)
        day.search_text = "journee"
        self.assertNotIn(self.other, day.found_notebook_ids)
        day.search_text = False
        self.assertFalse(day.found_notebook_ids)

    def test_search_reads_as_the_user(self):
        """The search finds only the carnets the user may read."""
        day = self._day(self.outsider)
        day.search_text = "journee"
        self.assertFalse(day.found_notebook_ids)

    def test_open_notebook_from_a_row(self):
        action = self.late.sudo(self.referent).action_cdb_open_notebook()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("cdb.notebook", self.notebook.id))

    def test_carnets_opened_lately(self):
        """Reading the carnet's form (its marker field) lists it on the
        home, most recent first, for that user only."""
        Notebook = self.env["cdb.notebook"].sudo(self.referent)
        Notebook.browse(self.notebook.id).read(["beneficiary_id", "cdb_opened_mark"])
        self.assertEqual(self._day(self.referent).recent_notebook_ids, self.notebook)
        self.assertFalse(self._day(self.referent2).recent_notebook_ids)
        # A list read (no marker) does not count.
        Notebook.browse(self.notebook.id).read(["beneficiary_id"])
        self.assertEqual(self.env["cdb.notebook.recent"].search_count(
            [("user_id", "=", self.referent.id)]), 1)

    def test_carnets_opened_lately_drop_what_is_no_longer_readable(self):
        Notebook = self.env["cdb.notebook"].sudo(self.referent)
        Notebook.browse(self.notebook.id).read(["cdb_opened_mark"])
        self.env["cdb.notebook.recent"].create({
            "user_id": self.referent.id, "notebook_id": self.other.id})
        self.assertEqual(self._day(self.referent).recent_notebook_ids, self.notebook)


class TestCatalogueSearch(CdbCase):

    def test_words_of_the_label_and_theme(self):
        """Words of the label, of the parent or of the theme find an action;
        the code still does."""
        Code = self.env["cdb.action.code"].sudo(self.referent)
        found = [code for code, _label in Code.name_search("logement FSL", limit=200)]
        self.assertIn(self._code("A.1.1").id, found)
        self.assertNotIn(self._code("G.2.3").id, found)
        found = [code for code, _label in Code.name_search("A.1.1")]
        self.assertEqual(found[0], self._code("A.1.1").id)


class TestGlance(CdbCase):

    def test_header_shows_what_the_referent_checks_first(self):
        """Phone and address, the next appointment, the beneficiary's last
        comment (not a professional's)."""
        notebook = self._notebook("Coupdoeil", referent=self.referent)
        notebook.beneficiary_id.write({"phone": "03 21 00 00 00", "street": "1 rue Haute",
                                       "city": "Arras"})
        later = self._shift(self.today, days=20) + " 09:00:00"
        event = self.env["calendar.event"].sudo(self.referent).create({
            "name": "UT glance", "start": later, "stop": later,
            "cdb_notebook_id": notebook.id})
        for author, body in ((notebook.beneficiary_id, "<p>Mon avis</p>"),
                             (self.referent.partner_id, "<p>Note du référent</p>")):
            notebook.sudo().message_post(body=body, message_type="comment",
                                         author_id=author.id)
        seen = notebook.sudo(self.referent)
        seen.invalidate_cache()
        self.assertEqual(seen.beneficiary_phone, "03 21 00 00 00")
        self.assertIn("1 rue Haute", seen.beneficiary_address)
        self.assertEqual(seen.next_event_start, event.start)
        self.assertEqual(seen.beneficiary_last_comment, "Mon avis")


class TestStructureHome(CdbCase):

    def test_carnets_of_my_structure(self):
        """The structure administrator's home lists the carnets of their
        structure and those a member of their structure follows."""
        admin_b = self._user("ut.home.admin.b", "group_cdb_structure_admin", self.structure_b)
        own = self._notebook("Structureb", referent=self.accompagnateur)
        followed = self._notebook("Suivipartenaire", referent=self.referent)
        self._member(followed, self.accompagnateur2)
        other = self._notebook("Autrestructure", referent=self.referent2)
        found = self.env["cdb.notebook"].sudo(admin_b).search(
            [("cdb_in_my_structure", "=", True)])
        self.assertIn(own, found)
        self.assertIn(followed, found)
        self.assertNotIn(other, found)

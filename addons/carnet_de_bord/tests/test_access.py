"""Who sees a carnet: only its active members (and the administrators of
their structure, and the département managers). Every way of reaching the
data is checked: read, search, name_search, read_group, export, messages,
attachments, the beneficiary and the records hanging off the carnet."""
import base64

from odoo.exceptions import AccessError

from .common import CdbCase

# The text of a message (test data, not a message of the code).
NOTE = "Note confidentielle Utconfidentiel"


class TestAccessCase(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utconfidentiel", cls.referent)
        cls.beneficiary = cls.notebook.beneficiary_id
        cls.objective = cls.env["cdb.objective"].create({
            "notebook_id": cls.notebook.id, "name": "Accéder à un logement"})
        cls.action = cls._action(cls.notebook, objective_id=cls.objective.id)
        cls.situation = cls.env["cdb.situation"].create({
            "notebook_id": cls.notebook.id, "summary": "Information de santé confidentielle"})
        cls.member = cls.notebook.member_ids
        cls.event = cls.env["calendar.event"].create({
            "name": "Entretien Utconfidentiel", "cdb_notebook_id": cls.notebook.id,
            "user_id": cls.referent.id,
            "start": cls.today + " 09:00:00", "stop": cls.today + " 10:00:00",
            "duration": 1.0})
        cls.message = cls.notebook.message_post(
            body=NOTE, message_type="comment",
            subtype="mail.mt_note")
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "bilan-utconfidentiel.txt", "datas_fname": "bilan-utconfidentiel.txt",
            "datas": base64.b64encode(b"bilan"),
            "res_model": "cdb.notebook", "res_id": cls.notebook.id})

    def _add_outsider(self):
        self._member(self.notebook, self.outsider)
        self.env["cdb.notebook"].invalidate_cache()

    def _as(self, model, user=None):
        return self.env[model].sudo(user or self.outsider)


class TestNonMemberProfessional(TestAccessCase):
    """A professional who is not a member of the carnet sees nothing of it."""

    def test_cannot_read(self):
        with self.assertRaises(AccessError):
            self._as("cdb.notebook").browse(self.notebook.id).read(["state"])

    def test_cannot_read_field_by_field(self):
        with self.assertRaises(AccessError):
            self._as("cdb.notebook").browse(self.notebook.id).beneficiary_id.name

    def test_cannot_write(self):
        self.assertRefused(
            AccessError, "cdb.notebook",
            [("id", "=", self.notebook.id), ("date_start", "=", self.notebook.date_start)],
            lambda: self._as("cdb.notebook").browse(self.notebook.id).write(
                {"date_start": self._shift(self.today, days=-1)}))

    def test_search_finds_nothing(self):
        Notebook = self._as("cdb.notebook")
        self.assertFalse(Notebook.search([("id", "=", self.notebook.id)]))
        self.assertFalse(Notebook.search([("beneficiary_id.lastname", "=", "Utconfidentiel")]))
        self.assertEqual(Notebook.search_count([("id", "=", self.notebook.id)]), 0)

    def test_name_search_finds_nothing(self):
        self.assertFalse(self._as("cdb.notebook").name_search("Utconfidentiel"))

    def test_read_group_counts_nothing(self):
        groups = self._as("cdb.notebook").read_group(
            [("id", "=", self.notebook.id)], ["state"], ["state"])
        self.assertEqual(sum(g["state_count"] for g in groups), 0)

    def test_export_data_refused(self):
        with self.assertRaises(AccessError):
            self._as("cdb.notebook").browse(self.notebook.id).export_data(
                ["beneficiary_id", "caf_number", "situation_summary"])

    def test_messages_not_found(self):
        messages = self._as("mail.message").search([
            ("model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)])
        self.assertFalse(messages)

    def test_message_not_readable(self):
        with self.assertRaises(AccessError):
            self._as("mail.message").browse(self.message.id).read(["body"])

    def test_attachment_not_found(self):
        attachments = self._as("ir.attachment").search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)])
        self.assertFalse(attachments)

    def test_attachment_not_readable(self):
        with self.assertRaises(AccessError):
            self._as("ir.attachment").browse(self.attachment.id).read(["datas"])

    def test_beneficiary_not_found(self):
        partners = self._as("res.partner").search(
            [("caf_number", "=", self.beneficiary.caf_number)])
        self.assertFalse(partners)
        self.assertFalse(self._as("res.partner").name_search("Utconfidentiel"))

    def test_beneficiary_not_readable(self):
        with self.assertRaises(AccessError):
            self._as("res.partner").browse(self.beneficiary.id).read(["caf_number"])

    def test_child_records_not_found(self):
        for model in ("cdb.action", "cdb.objective", "cdb.situation",
                      "cdb.notebook.member"):
            with self.subTest(model=model):
                self.assertFalse(self._as(model).with_context(active_test=False).search(
                    [("notebook_id", "=", self.notebook.id)]))
        self.assertFalse(self._as("calendar.event").search(
            [("cdb_notebook_id", "=", self.notebook.id)]))

    def test_child_records_not_readable(self):
        for record in (self.action, self.objective, self.situation, self.member,
                       self.event):
            with self.subTest(model=record._name):
                with self.assertRaises(AccessError):
                    record.sudo(self.outsider).read(["display_name"])

    def test_cannot_add_an_objective(self):
        self.assertRefused(
            AccessError, "cdb.objective", [("notebook_id", "=", self.notebook.id)],
            lambda: self._as("cdb.objective").create(
                {"notebook_id": self.notebook.id, "name": "Intrusion"}))

    def test_cannot_make_themself_member(self):
        self.assertRefused(
            AccessError, "cdb.notebook.member", [("notebook_id", "=", self.notebook.id)],
            lambda: self._as("cdb.notebook.member").create(
                {"notebook_id": self.notebook.id, "user_id": self.outsider.id}))


class TestMemberProfessional(TestAccessCase):
    """Once added as member, the same professional reaches all of it."""

    def setUp(self):
        super().setUp()
        self._add_outsider()

    def test_can_read(self):
        data = self._as("cdb.notebook").browse(self.notebook.id).read(
            ["beneficiary_id", "caf_number", "situation_summary"])
        self.assertEqual(data[0]["beneficiary_id"][0], self.beneficiary.id)
        self.assertEqual(data[0]["situation_summary"], "Information de santé confidentielle")

    def test_search_finds_it(self):
        self.assertEqual(self._as("cdb.notebook").search(
            [("beneficiary_id.lastname", "=", "Utconfidentiel")]).ids, [self.notebook.id])

    def test_name_search_finds_it(self):
        self.assertIn(self.notebook.id, [
            id_ for id_, _name in self._as("cdb.notebook").name_search("Utconfidentiel")])

    def test_read_group_counts_it(self):
        groups = self._as("cdb.notebook").read_group(
            [("id", "=", self.notebook.id)], ["state"], ["state"])
        self.assertEqual(sum(g["state_count"] for g in groups), 1)

    def test_export_data(self):
        rows = self._as("cdb.notebook").browse(self.notebook.id).export_data(
            ["caf_number", "situation_summary"])["datas"]
        self.assertEqual(rows, [[self.beneficiary.caf_number,
                                 "Information de santé confidentielle"]])

    def test_messages_found_and_readable(self):
        messages = self._as("mail.message").search([
            ("model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)])
        self.assertIn(self.message, messages)
        self.assertIn("Note confidentielle", self._as("mail.message").browse(
            self.message.id).read(["body"])[0]["body"])

    def test_attachment_found_and_readable(self):
        attachments = self._as("ir.attachment").search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)])
        self.assertEqual(attachments, self.attachment)
        data = attachments.read(["datas"])[0]["datas"]
        self.assertEqual(base64.b64decode(data), b"bilan")

    def test_beneficiary_found_and_readable(self):
        partner = self._as("res.partner").search(
            [("caf_number", "=", self.beneficiary.caf_number)])
        self.assertEqual(partner.id, self.beneficiary.id)
        partner.read(["caf_number"])

    def test_child_records_found_and_readable(self):
        for record in (self.action, self.objective, self.situation, self.member,
                       self.event):
            with self.subTest(model=record._name):
                field = "cdb_notebook_id" if record._name == "calendar.event" else "notebook_id"
                found = self._as(record._name).search([(field, "=", self.notebook.id)])
                self.assertIn(record.id, found.ids)
                record.sudo(self.outsider).read(["display_name"])


class TestFormerMember(TestAccessCase):

    def test_ended_membership_gives_no_access(self):
        member = self._member(self.notebook, self.outsider)
        member.write({"active": False, "date_end": self.today})
        self.env["cdb.notebook"].invalidate_cache()
        with self.assertRaises(AccessError):
            self._as("cdb.notebook").browse(self.notebook.id).read(["state"])

    def test_ended_membership_gives_no_access_with_active_test_off(self):
        """The context is under the client's control (RPC): asking for
        archived records must not revive an ended membership."""
        member = self._member(self.notebook, self.outsider)
        member.write({"active": False, "date_end": self.today})
        self.env["cdb.notebook"].invalidate_cache()
        Notebook = self._as("cdb.notebook").with_context(active_test=False)
        self.assertFalse(Notebook.search([("id", "=", self.notebook.id)]))
        with self.assertRaises(AccessError):
            Notebook.browse(self.notebook.id).read(["state"])


class TestCreateAccess(TestAccessCase):

    def test_professional_creates_carnet_as_referent(self):
        beneficiary = self._as("res.partner", self.outsider).create({
            "lastname": "Utnouveau", "firstname": "Léa", "is_rsa_beneficiary": True,
            "caf_number": self._next_caf(), "zip": "62000"})
        notebook = self._as("cdb.notebook").create({
            "beneficiary_id": beneficiary.id, "referent_id": self.outsider.id})
        self.assertEqual(notebook.member_ids.user_id, self.outsider)
        notebook.read(["state"])

    def test_professional_cannot_create_carnet_for_another_referent(self):
        beneficiary = self._as("res.partner", self.outsider).create({
            "lastname": "Utnouveau", "firstname": "Léo", "is_rsa_beneficiary": True,
            "caf_number": self._next_caf(), "zip": "62000"})
        self.assertRefused(
            AccessError, "cdb.notebook", [("beneficiary_id", "=", beneficiary.id)],
            lambda: self._as("cdb.notebook").create({
                "beneficiary_id": beneficiary.id, "referent_id": self.referent.id}))


class TestStructureAdminAndManager(TestAccessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referent_b = cls._user("ut.referent.b", "group_cdb_professional", cls.structure_b)
        cls.notebook_b = cls._notebook("Utstructureb", cls.referent_b)
        cls.admin_a = cls._user("ut.admin.a", "group_cdb_structure_admin", cls.structure_a)
        cls.manager = cls._user("ut.manager", "group_cdb_manager", cls.structure_a)
        cls.employee = cls._user("ut.employee", "base.group_user")

    def test_structure_admin_sees_carnets_of_their_structure(self):
        Notebook = self._as("cdb.notebook", self.admin_a)
        found = Notebook.search([("id", "in", (self.notebook | self.notebook_b).ids)])
        self.assertEqual(found, self.notebook)
        Notebook.browse(self.notebook.id).read(["state"])
        self._as("res.partner", self.admin_a).browse(self.beneficiary.id).read(["caf_number"])

    def test_structure_admin_does_not_see_other_structures(self):
        with self.assertRaises(AccessError):
            self._as("cdb.notebook", self.admin_a).browse(self.notebook_b.id).read(["state"])
        with self.assertRaises(AccessError):
            self._as("res.partner", self.admin_a).browse(
                self.notebook_b.beneficiary_id.id).read(["caf_number"])

    def test_structure_admin_without_structure_sees_nothing(self):
        admin = self._user("ut.admin.none", "group_cdb_structure_admin")
        self.assertFalse(self._as("cdb.notebook", admin).search(
            [("id", "in", (self.notebook | self.notebook_b).ids)]))

    def test_structure_admin_moved_to_another_structure(self):
        """The rules read user.cdb_structure_id: changing it takes effect at
        once (Odoo caches each user's rule domains)."""
        Notebook = self._as("cdb.notebook", self.admin_a)
        Notebook.browse(self.notebook.id).read(["state"])
        self.admin_a.write({"cdb_structure_id": self.structure_b.id})
        self.env["cdb.notebook"].invalidate_cache()
        found = Notebook.search([("id", "in", (self.notebook | self.notebook_b).ids)])
        self.assertEqual(found, self.notebook_b)

    def test_structure_admin_loses_carnet_when_member_leaves(self):
        self.notebook._set_referent(self.referent_b)
        self.env["cdb.notebook"].invalidate_cache()
        with self.assertRaises(AccessError):
            self._as("cdb.notebook", self.admin_a).browse(self.notebook.id).read(["state"])

    def test_manager_sees_every_carnet(self):
        Notebook = self._as("cdb.notebook", self.manager)
        self.assertEqual(Notebook.search_count([]),
                         self.env["cdb.notebook"].search_count([]))
        Notebook.browse((self.notebook | self.notebook_b).ids).read(["state"])
        self._as("calendar.event", self.manager).browse(self.event.id).read(["name"])

    def test_internal_user_sees_no_carnet(self):
        with self.assertRaises(AccessError):
            self._as("cdb.notebook", self.employee).browse(self.notebook.id).read(["state"])
        with self.assertRaises(AccessError):
            self._as("cdb.notebook", self.employee).search([])

    def test_internal_user_does_not_see_beneficiaries(self):
        self.assertFalse(self._as("res.partner", self.employee).search(
            [("is_rsa_beneficiary", "=", True)]))

    def test_internal_user_does_not_see_carnet_appointments(self):
        self.assertFalse(self._as("calendar.event", self.employee).search(
            [("cdb_notebook_id", "=", self.notebook.id)]))
        with self.assertRaises(AccessError):
            self.event.sudo(self.employee).read(["name"])

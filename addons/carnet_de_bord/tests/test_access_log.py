"""Reading a carnet from outside its groupe de suivi needs a reason and
leaves a line in the journal of accesses (issue "Audit and data
protection"; seed 000: "Il ne constitue pas un outil de contrôle")."""
from odoo.exceptions import AccessError, UserError

from ..models.cdb_notebook_audit import CdbAccessReasonRequired
from .common import CdbCase

CONTENT = ["situation_housing", "objective_ids", "member_ids"]
LIST = ["beneficiary_id", "caf_number", "referent_id", "structure_id", "date_start",
        "next_review_date", "late_action_count", "review_due", "state"]


class TestAccessLog(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._user("ut.manager", "group_cdb_manager", cls.structure_a)
        cls.notebook = cls._notebook("Utjournal", cls.referent)
        cls._member(cls.notebook, cls.accompagnateur)
        cls.env["cdb.situation"].create({"notebook_id": cls.notebook.id,
                                         "housing": "Hébergé chez un tiers"})
        cls.other = cls._notebook("Utjournalautre", cls.referent2)

    def _logs(self, notebook=None):
        return self.env["cdb.access.log"].sudo().search(
            [("notebook_id", "=", (notebook or self.notebook).id)])

    def _read(self, user, fields, reason=None, notebooks=None):
        Notebook = self.env["cdb.notebook"].sudo(user)
        if reason:
            Notebook = Notebook.with_context(cdb_access_reason=reason)
        return Notebook.browse((notebooks or self.notebook).ids).read(fields)

    def _age_logs(self, hours):
        self.env.cr.execute(
            "UPDATE cdb_access_log SET date = date - %s * interval '1 hour'", (hours,))

    def test_member_reads_without_reason_nor_log(self):
        for user in (self.referent, self.accompagnateur):
            values = self._read(user, CONTENT)
            self.assertEqual(values[0]["situation_housing"], "Hébergé chez un tiers")
        self.assertFalse(self._logs())

    def test_non_member_reads_the_lists_freely(self):
        self._read(self.manager, LIST, notebooks=self.notebook | self.other)
        self.assertFalse(self._logs())

    def test_non_member_without_reason_refused(self):
        with self.assertRaises(CdbAccessReasonRequired) as caught:
            self._read(self.manager, CONTENT)
        self.assertEqual(caught.exception.args[1], [self.notebook.id])
        self.assertIsInstance(caught.exception, UserError)
        self.assertFalse(self._logs())

    def test_reading_every_field_is_reading_the_carnet(self):
        with self.assertRaises(CdbAccessReasonRequired):
            self.env["cdb.notebook"].sudo(self.manager).browse(self.notebook.id).read()

    def test_reason_logged_with_who_when_why(self):
        values = self._read(self.manager, CONTENT, reason="Préparation de l'EP")
        self.assertEqual(values[0]["situation_housing"], "Hébergé chez un tiers")
        log = self._logs()
        self.assertEqual(len(log), 1)
        self.assertEqual((log.user_id, log.reason), (self.manager, "Préparation de l'EP"))
        self.assertTrue(log.date)

    def test_blank_reason_is_no_reason(self):
        with self.assertRaises(CdbAccessReasonRequired):
            self._read(self.manager, CONTENT, reason="   ")

    def test_one_line_per_opening_not_per_read(self):
        self._read(self.manager, CONTENT, reason="Réclamation")
        self._read(self.manager, CONTENT)
        self._read(self.manager, ["situation_family"])
        self.assertEqual(len(self._logs()), 1)

    def test_reason_valid_for_a_working_day(self):
        """A later opening the same day reuses the reason and is logged."""
        self._read(self.manager, CONTENT, reason="Réclamation")
        self._age_logs(2)
        self._read(self.manager, CONTENT)
        logs = self._logs()
        self.assertEqual(len(logs), 2)
        self.assertEqual(set(logs.mapped("reason")), {"Réclamation"})

    def test_reason_expires(self):
        self._read(self.manager, CONTENT, reason="Réclamation")
        self._age_logs(9)
        with self.assertRaises(CdbAccessReasonRequired):
            self._read(self.manager, CONTENT)
        self.env["ir.config_parameter"].sudo().set_param(
            "carnet_de_bord.access_reason_hours", "24")
        self._read(self.manager, CONTENT)
        self.assertEqual(len(self._logs()), 2)

    def test_reason_is_per_user_and_per_carnet(self):
        self._read(self.manager, CONTENT, reason="Réclamation")
        with self.assertRaises(CdbAccessReasonRequired) as caught:
            self._read(self.manager, CONTENT, notebooks=self.notebook | self.other)
        self.assertEqual(caught.exception.args[1], [self.other.id])
        admin = self._user("ut.admin.fonc", "group_cdb_admin")
        with self.assertRaises(CdbAccessReasonRequired):
            self._read(admin, CONTENT)

    def test_bulk_read_one_line_per_carnet(self):
        self._read(self.manager, CONTENT, reason="Contrôle qualité",
                   notebooks=self.notebook | self.other)
        self.assertEqual(len(self._logs()), 1)
        self.assertEqual(len(self._logs(self.other)), 1)

    def test_queries_do_not_grow_with_the_number_of_carnets(self):
        few = self.notebook | self.other
        many = few
        for index in range(6):
            many |= self._notebook("Utjournalmasse%d" % index, self.referent)
        counts = []
        for notebooks in (few, many):
            audited = notebooks.sudo(self.manager).with_context(cdb_access_reason="Stat")
            before = self.cr.sql_log_count
            audited._cdb_audit_read(CONTENT)
            counts.append(self.cr.sql_log_count - before)
            self.env["cdb.access.log"].invalidate_cache()
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 6)

    def test_export_of_content_needs_a_reason(self):
        Notebook = self.env["cdb.notebook"].sudo(self.manager)
        Notebook.browse(self.notebook.id).export_data(["beneficiary_id", "state"])
        with self.assertRaises(CdbAccessReasonRequired):
            Notebook.browse(self.notebook.id).export_data(["situation_housing"])
        self.assertFalse(self._logs())

    def test_manager_reads_plan_records_in_bulk(self):
        """Dashboards and exports of situations, objectives and actions are
        not carnet openings."""
        self.env["cdb.situation"].sudo(self.manager).search([]).read(["housing"])
        self.assertFalse(self._logs())

    def test_superuser_not_logged(self):
        self.env["cdb.notebook"].sudo().browse(self.notebook.id).read(CONTENT)
        self.assertFalse(self._logs())

    def test_journal_is_append_only(self):
        self._read(self.manager, CONTENT, reason="Réclamation")
        log = self._logs()
        with self.assertRaises(AccessError):
            log.sudo(self.manager).write({"reason": "Autre"})
        with self.assertRaises(UserError):
            log.sudo().write({"reason": "Autre"})
        with self.assertRaises(UserError):
            log.sudo().unlink()
        with self.assertRaises(AccessError):
            self.env["cdb.access.log"].sudo(self.manager).create({
                "notebook_id": self.notebook.id, "user_id": self.manager.id,
                "reason": "Faux"})
        self.assertEqual(log.reason, "Réclamation")

    def test_members_and_managers_read_the_journal(self):
        self._read(self.manager, CONTENT, reason="Réclamation")
        for user in (self.referent, self.accompagnateur, self.manager):
            logs = self.env["cdb.access.log"].sudo(user).search([])
            self.assertIn(self._logs(), logs)
            self.assertEqual(logs.filtered(lambda l: l.notebook_id == self.notebook).reason,
                             "Réclamation")
        outsider_logs = self.env["cdb.access.log"].sudo(self.outsider).search([])
        self.assertFalse(outsider_logs)
        self.assertEqual(
            self.env["cdb.notebook"].sudo(self.referent).browse(
                self.notebook.id).access_log_count, 1)

    def test_wizard_logs_and_opens_the_carnet(self):
        wizard = self.env["cdb.access.reason.wizard"].sudo(self.manager).create({
            "notebook_id": self.notebook.id, "reason": "Demande du référent"})
        action = wizard.action_confirm()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("cdb.notebook", self.notebook.id))
        self.assertEqual(self._logs().reason, "Demande du référent")
        self._read(self.manager, CONTENT)
        self.assertEqual(len(self._logs()), 1)

    def test_wizard_refuses_a_carnet_one_cannot_read(self):
        wizard = self.env["cdb.access.reason.wizard"].sudo(self.outsider).create({
            "notebook_id": self.notebook.id, "reason": "Curiosité"})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(self._logs())

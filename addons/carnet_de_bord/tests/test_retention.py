"""Retention: a closed carnet is kept 5 years after the end of the
accompaniment (the public Carnet de bord service: "5 years after last
contact"), then its beneficiary is anonymised and its content deleted; the
cron says what it did."""
import base64

from .common import CdbCase

# The text of a message (test data, not a message of the code).
NOTE = "Note confidentielle"


class TestRetention(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old = cls._closed("Utretentionancien", years=6)
        cls.recent = cls._closed("Utretentionrecent", years=4)
        cls.open = cls._notebook("Utretentionouvert", cls.referent,
                                 date_start=cls._shift(cls.today, years=-10))
        cls.old_partner = cls.old.beneficiary_id
        cls.old_partner_id = cls.old_partner.id

    @classmethod
    def _closed(cls, lastname, years):
        notebook = cls._notebook(lastname, cls.referent,
                                 date_start=cls._shift(cls.today, years=-(years + 2)))
        cls._member(notebook, cls.accompagnateur)
        cls.env["cdb.situation"].create({"notebook_id": notebook.id,
                                         "health": "Suivi psychiatrique"})
        objective = cls.env["cdb.objective"].create({
            "notebook_id": notebook.id, "name": "Trouver un logement"})
        cls._action(notebook, objective_id=objective.id)
        cls.env["calendar.event"].create({
            "name": "Entretien", "cdb_notebook_id": notebook.id,
            "start": "2019-01-10 09:00:00", "stop": "2019-01-10 10:00:00"})
        notebook.message_post(body=NOTE)
        cls.env["ir.attachment"].create({
            "name": "attestation.pdf", "datas": base64.b64encode(b"PDF"),
            "res_model": "cdb.notebook", "res_id": notebook.id})
        notebook.beneficiary_id.write({
            "email": "%s@ut.example" % lastname, "phone": "0600000000",
            "birth_place": "Arras", "france_travail_id": "1234567A"})
        notebook._close(cls.env.ref("carnet_de_bord.end_reason_rights"),
                        cls._shift(cls.today, years=-years, days=-1))
        return notebook

    def _run(self):
        return self.env["cdb.retention.log"]._cron_apply_retention()

    def _content(self, notebook):
        return {
            "situations": self.env["cdb.situation"].sudo().search_count(
                [("notebook_id", "=", notebook.id)]),
            "objectives": self.env["cdb.objective"].sudo().search_count(
                [("notebook_id", "=", notebook.id)]),
            "actions": self.env["cdb.action"].sudo().search_count(
                [("notebook_id", "=", notebook.id)]),
            "events": self.env["calendar.event"].sudo().with_context(
                active_test=False).search_count([("cdb_notebook_id", "=", notebook.id)]),
            "members": self.env["cdb.notebook.member"].sudo().with_context(
                active_test=False).search_count([("notebook_id", "=", notebook.id)]),
            "messages": self.env["mail.message"].sudo().search_count(
                [("model", "=", "cdb.notebook"), ("res_id", "=", notebook.id)]),
            "attachments": self.env["ir.attachment"].sudo().search_count(
                [("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id)]),
        }

    def test_carnet_past_retention_anonymised(self):
        log = self._run()
        partner = self.env["res.partner"].with_context(active_test=False).browse(
            self.old_partner_id)
        self.assertEqual(partner.name, "Anonymous %s" % partner.id)
        for field in ("caf_number", "birthdate_date", "birth_place", "email", "phone",
                      "france_travail_id", "firstname", "active"):
            self.assertFalse(partner[field], field)
        self.assertEqual(set(self._content(self.old).values()), {0})
        self.assertEqual(self.old.retention_purge_date, self.today)
        # Anonymous statistics stay.
        self.assertEqual(self.old.state, "closed")
        self.assertTrue(self.old.date_start and self.old.date_end)
        self.assertEqual(self.old.referent_id, self.referent)
        self.assertEqual(log.notebook_count, 1)
        self.assertGreaterEqual(log.record_count, 5)
        self.assertIn("Situation", log.details)

    def test_carnets_within_retention_kept(self):
        self._run()
        for notebook in (self.recent, self.open):
            self.assertFalse(notebook.retention_purge_date)
            self.assertTrue(notebook.beneficiary_id.caf_number)
        content = self._content(self.recent)
        self.assertTrue(all(content.values()), content)

    def test_parameter_sets_the_threshold(self):
        self.env["ir.config_parameter"].sudo().set_param("carnet_de_bord.retention_years", "3")
        log = self._run()
        self.assertEqual(log.notebook_count, 2)
        self.assertTrue(self.recent.retention_purge_date)
        self.assertFalse(self.open.retention_purge_date)

    def test_anonymised_once(self):
        self._run()
        self.assertEqual(self._run().notebook_count, 0)

    def test_other_beneficiaries_untouched(self):
        name = self.recent.beneficiary_id.name
        self._run()
        self.assertEqual(self.recent.beneficiary_id.name, name)

    def test_expired_access_lines_deleted(self):
        Log = self.env["cdb.access.log"].sudo()
        Log._log_accesses([self.recent.id, self.open.id], "Réclamation", user=self.outsider)
        self.env.cr.execute(
            "UPDATE cdb_access_log SET date = date - interval '13 months' WHERE notebook_id = %s",
            (self.recent.id,))
        log = self._run()
        self.assertEqual(log.access_log_count, 1)
        mine = Log.search([("notebook_id", "in", (self.recent | self.open).ids)])
        self.assertEqual(mine.mapped("notebook_id"), self.open)

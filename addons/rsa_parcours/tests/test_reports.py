"""The notification letter (one and several), the dashboard's figures of
the law and the yearly OARSA export, on carnets of a territory of their
own (the demo data does not count)."""
import xlrd

from odoo.exceptions import AccessError, UserError

from .common import ParcoursCase


class TestReports(ParcoursCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._param("rsa_orientation.new_regime_date", "2025-01-01")
        cls.manager.cdb_territory_ids = cls.territory
        # The first rendering builds the report stylesheet bundle: once, as admin.
        first = cls._law_orientation(cls._law_notebook("Utletterfirst"), decide=True)
        cls.env.ref("rsa_parcours.action_report_orientation_notification").render_qweb_html(
            first.ids)

    @classmethod
    def _subject(cls, lastname, days_ago):
        start = cls._shift(cls.today, days=-days_ago)
        return cls._law_notebook(lastname, rsa_entry_date=start,
                                 rsa_flux_rights_duties="subject",
                                 rsa_flux_rights_duties_date=start)

    @classmethod
    def _signed_contract(cls, orientation, signed):
        contract = cls.env["cer.contract"]._workflow_create({
            "notebook_id": orientation.notebook_id.id, "orientation_id": orientation.id,
            "referent_id": orientation.referent_id.id, "state": "running",
            "contract_type": "cer_solidarity", "date_start": signed, "duration_months": 6,
            "beneficiary_signed_date": signed, "referent_signed_date": signed})
        cls.env["cdb.notebook"].invalidate_cache()
        return contract

    # ------------------------------------------------------------- letter
    def _letter(self, orientations, user=None):
        report = self.env.ref("rsa_parcours.action_report_orientation_notification")
        html = (report.sudo(user) if user else report).render_qweb_html(orientations.ids)[0]
        return html.decode() if isinstance(html, bytes) else html

    def test_notification_letter(self):
        orientation = self._law_orientation(self._law_notebook("Utletter"), self.social,
                                            self.asso, decide=True, notify=True)
        html = self._letter(orientation)
        self.assertIn("Objet : notification de votre orientation", html)
        self.assertIn(self.social.name, html)
        self.assertIn(self.asso.name, html)
        self.assertIn("contrat d'engagement", html)

    def test_letters_in_bulk(self):
        first = self._law_orientation(self._law_notebook("Utletterone"), decide=True)
        second = self._law_orientation(self._law_notebook("Utlettertwo"), decide=True)
        html = self._letter(first | second)
        self.assertIn(first.beneficiary_id.name, html)
        self.assertIn(second.beneficiary_id.name, html)
        self.assertEqual(html.count("Objet : notification de votre orientation"), 2)
        action = first.action_print_notification()
        self.assertEqual(action["report_name"], "rsa_parcours.report_orientation_notification")

    def test_letter_refused_to_an_outsider(self):
        orientation = self._law_orientation(self._law_notebook("Utletterout"), decide=True)
        with self.assertRaises(AccessError):
            self._letter(orientation, self.outsider)

    # ---------------------------------------------------------- dashboard
    def test_dashboard_figures(self):
        in_time = self._subject("Utdashok", 60)
        self._law_orientation(in_time, decide=True,
                              date_decision=self._shift(self.today, days=-20))
        late = self._subject("Utdashlate", 60)
        self._law_orientation(late, decide=True, date_decision=self._shift(self.today, days=-10))
        self._subject("Utdashover", 50)      # not oriented, overdue
        self._subject("Utdashrun", 20)       # clock running: not counted yet
        dashboard = self.env["cdb.dashboard"].sudo(self.manager).create(
            {"territory_id": self.territory.id})
        self.assertEqual(dashboard.clock_over_count, 3)
        self.assertEqual(dashboard.oriented_in_time_count, 1)
        self.assertAlmostEqual(dashboard.oriented_in_time_rate, 100.0 / 3, 1)
        self.assertEqual(dashboard.orientation_overdue_count, 1)
        action = dashboard.action_open_orientation_overdue()
        self.assertEqual(len(self.env["cdb.notebook"].search(action["domain"])), 1)

    def test_dashboard_contract_within_the_month(self):
        signed_in_time = self._law_orientation(
            self._law_notebook("Utdashc1"), self.social, self.asso, decide=True)
        signed_in_time._workflow_write({"notification_date": self._shift(self.today, days=-40)})
        self._signed_contract(signed_in_time, self._shift(self.today, days=-15))
        signed_late = self._law_orientation(
            self._law_notebook("Utdashc2"), self.social, self.asso, decide=True)
        signed_late._workflow_write({"notification_date": self._shift(self.today, days=-60)})
        self._signed_contract(signed_late, self._shift(self.today, days=-5))
        waiting = self._law_orientation(
            self._law_notebook("Utdashc3"), self.social, self.asso, decide=True)
        waiting._workflow_write({"notification_date": self._shift(self.today, days=-3)})
        dashboard = self.env["cdb.dashboard"].sudo(self.manager).create(
            {"territory_id": self.territory.id})
        self.assertEqual(dashboard.contract_month_over_count, 2)
        self.assertEqual(dashboard.contract_in_time_count, 1)
        self.assertAlmostEqual(dashboard.contract_in_time_rate, 50.0, 1)
        action = dashboard.action_open_contract_in_time()
        self.assertEqual(self.env["rsa.orientation"].search(action["domain"]), signed_in_time)

    # --------------------------------------------------------------- OARSA
    def _oarsa(self, year, user=None):
        report = self.env.ref("rsa_parcours.report_export_oarsa").sudo(user or self.manager)
        content, file_type = report.render([], {"year": year, "filters": {
            "territory_id": self.territory.id}})
        self.assertEqual(file_type, "xlsx")
        return xlrd.open_workbook(file_contents=content)

    def test_oarsa_yearly_statistics(self):
        year = int(self.today[:4]) - 1
        oriented = self._law_notebook("Utoarsa1", rsa_entry_date="%d-03-01" % year,
                                      rsa_flux_rights_duties="subject",
                                      rsa_flux_rights_duties_date="%d-03-01" % year)
        orientation = self._law_orientation(oriented, self.social, self.asso, decide=True,
                                            date_decision="%d-04-01" % year)
        orientation._workflow_write({"notification_date": "%d-07-20" % year})
        self._signed_contract(orientation, "%d-08-01" % year)
        self._law_notebook("Utoarsa2", rsa_entry_date="%d-11-01" % year,
                           rsa_flux_rights_duties="subject",
                           rsa_flux_rights_duties_date="%d-11-01" % year)
        self._law_notebook("Utoarsa3", rsa_entry_date="%d-01-05" % (year + 1),
                           rsa_flux_rights_duties="subject",
                           rsa_flux_rights_duties_date="%d-01-05" % (year + 1))
        workbook = self._oarsa(year)
        summary = workbook.sheet_by_index(0)
        values = [summary.row_values(r)[1] for r in range(1, summary.nrows)]
        # subject on 31/12, oriented, under the law, with a contract, oriented in
        # the year, within the delay, median days to the orientation, notified and
        # signed, median days to the contract
        self.assertEqual(values, [2, 1, 1, 1, 1, 1, 31, 1, 12])
        by_parcours = workbook.sheet_by_index(1)
        self.assertEqual(by_parcours.row_values(1), [self.social.name, self.asso.name, 1, 1])

    def test_oarsa_counts_only_what_the_user_reads(self):
        year = int(self.today[:4]) - 1
        self._law_notebook("Utoarsaout", rsa_entry_date="%d-03-01" % year,
                           rsa_flux_rights_duties="subject",
                           rsa_flux_rights_duties_date="%d-03-01" % year)
        summary = self._oarsa(year, self.referent2).sheet_by_index(0)
        self.assertEqual(summary.row_values(1)[1], 0)

    # ------------------------------------------- the orientations' export
    def test_orientations_export_has_the_law_sheet(self):
        law = self._law_orientation(self._law_notebook("Utexplaw"), self.social, self.asso,
                                    decide=True)
        law._workflow_write({"notification_date": self._shift(self.today, days=-40)})
        self._signed_contract(law, self._shift(self.today, days=-20))
        self._orientation(self._law_notebook("Utexpguide"), "solidarity", decide=True,
                          date_decision="2024-06-03")
        report = self.env.ref("cdb_departement.report_export_orientations").sudo(self.manager)
        content, _file_type = report.render([], {"filters": {
            "territory_id": self.territory.id}})
        workbook = xlrd.open_workbook(file_contents=content)
        # (with the class's first orientation under the law, not notified)
        self.assertEqual(workbook.sheet_by_index(0).nrows - 1, 3, "the guide's sheet: all")
        sheet = workbook.sheet_by_index(1)
        rows = {sheet.row_values(r)[0]: sheet.row_values(r) for r in range(1, sheet.nrows)}
        self.assertEqual(len(rows), 2, "the law's sheet: the orientations with a parcours")
        header = sheet.row_values(0)
        row = rows[law.beneficiary_id.name]
        self.assertEqual(row[header.index("Parcours")], self.social.name)
        self.assertEqual(row[header.index("Days from the notification to the contract")], 20)
        self.assertEqual(row[header.index("Signed within the month")], "Yes")

    def test_oarsa_wizard_figures_open_their_lists(self):
        year = int(self.today[:4]) - 1
        subject = self._law_notebook("Utoarsawiz", rsa_entry_date="%d-05-01" % year,
                                     rsa_flux_rights_duties="subject",
                                     rsa_flux_rights_duties_date="%d-05-01" % year)
        wizard = self.env["rsa.oarsa.wizard"].sudo(self.manager).create({
            "year": year, "territory_id": self.territory.id})
        wizard.action_show()
        self.assertTrue(wizard.computed)
        self.assertEqual((wizard.subject_count, wizard.oriented_count), (1, 0))
        action = wizard.with_context(oarsa_figure="subject").action_open_figure()
        self.assertEqual(self.env["cdb.notebook"].search(action["domain"]), subject)
        with self.assertRaises(UserError):
            wizard.with_context(oarsa_figure="nothing").action_open_figure()
        wizard.year = 1990
        with self.assertRaises(UserError):
            wizard.action_show()

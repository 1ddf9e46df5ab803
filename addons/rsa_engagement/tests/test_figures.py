"""The figures of the law in force on the managers' dashboard and the
spreadsheet of the failures: each counts what the user may read."""
import xlrd

from odoo import fields

from .common import EngagementCase


class TestFigures(EngagementCase):

    def test_dashboard_counts(self):
        Dashboard = self.env["cdb.dashboard"].sudo(self.manager)
        before = Dashboard.create({})
        counts = (before.engagement_count, before.to_convert_count,
                  before.manquement_suspended_count, before.manquement_remobilised_count)
        notebook = self._oriented_notebook(scale=False)
        self._running_engagement(notebook, hours=(10.0, 2.0), weekly_hours_target=12.0,
                                 hours_reason="health",
                                 hours_review_date=self._shift(self.today, months=6))
        self._guide_ppae()
        self._decide(self._observed(notebook))
        after = Dashboard.create({})
        self.assertEqual((after.engagement_count, after.to_convert_count,
                          after.manquement_suspended_count,
                          after.manquement_remobilised_count),
                         (counts[0] + 1, counts[1] + 1, counts[2] + 1, counts[3]))
        self.assertGreaterEqual(after.engagement_reduced_count, 1)
        self.assertEqual(after.action_open_manquements()["res_model"], "rsa.manquement")

    def test_dashboard_counts_what_the_user_reads(self):
        notebook = self._oriented_notebook(scale=False)
        self._decide(self._observed(notebook))
        outsider = self.env["cdb.dashboard"].sudo(self.outsider).create({})
        self.assertEqual(outsider.manquement_suspended_count, 0)

    def test_xlsx_of_the_failures(self):
        notebook = self._oriented_notebook(scale=False)
        record = self._decide(self._observed(notebook), rate=40, months=2)
        content, report_format = self.env.ref(
            "rsa_engagement.report_export_manquements").sudo(self.manager).render(
                record.ids, {})
        self.assertEqual(report_format, "xlsx")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.nrows, 2)
        self.assertEqual(sheet.cell_value(1, 0), record.name)
        self.assertEqual(int(sheet.cell_value(1, 10)), 40)

    def test_xlsx_of_the_engagements(self):
        notebook = self._oriented_notebook(scale=False)
        contract = self._running_engagement(notebook)
        week = self.env["rsa.activity.week"].sudo(self.referent).create({
            "contract_id": contract.id, "hours": 12.0,
            "week_start": self._shift(contract.date_start, days=7 - fields.Date.from_string(
                contract.date_start).weekday())})
        content, _format = self.env.ref(
            "rsa_engagement.report_export_engagements").sudo(self.manager).render(
                contract.ids, {})
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.nrows, 2)
        row = sheet.row_values(1)
        self.assertEqual(row[0], contract.name)
        self.assertEqual((row[7], row[10], row[11], row[12]), (15.0, 15.0, 12.0, 1.0))
        self.assertTrue(week)
        outsider = self.env.ref("rsa_engagement.report_export_engagements").sudo(
            self.outsider).render(contract.ids, {})[0]
        self.assertEqual(xlrd.open_workbook(file_contents=outsider).sheet_by_index(0).nrows, 1)

"""The spreadsheet exports, read back: header, rows, cell types (dates are
dates, numbers are numbers), frozen header row, autofilter; only what the
user may read; the wizard's filters."""
import io
import re
import zipfile

import xlrd
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common_exports import DepartementCase


class TestExport(DepartementCase):

    def _render(self, kind, user=None, docids=None, **filters):
        """The workbook of the export ``kind`` as ``user`` (the manager by
        default): from the wizard's ``filters``, or the list's ``docids``."""
        report = self.env.ref("cdb_departement.report_export_%s" % kind).sudo(
            user or self.manager)
        data = {} if docids is not None else {"filters": filters}
        content, file_type = report.render(docids, data)
        self.assertEqual(file_type, "xlsx")
        return content, xlrd.open_workbook(file_contents=content)

    def _rows(self, sheet):
        return [sheet.row_values(r) for r in range(1, sheet.nrows)]

    def _date(self, workbook, sheet, row, col):
        cell = sheet.cell(row, col)
        self.assertEqual(cell.ctype, xlrd.XL_CELL_DATE, "a date is a date cell")
        return fields.Date.to_string(xlrd.xldate.xldate_as_datetime(cell.value, workbook.datemode))

    def test_contracts_rows_types_and_format(self):
        content, workbook = self._render("contracts", territory_id=self.territory_a.id)
        sheet = workbook.sheet_by_index(0)
        self.assertEqual(sheet.row_values(0), [
            "Number", "Beneficiary", "Référent", "Type", "State", "Start", "End",
            "Orientation", "Orientation date", "Contract deadline", "Signed on",
            "Delay since the orientation (days)", "Legal deadline (days)", "Late"])
        contracts = self.territory_a_notebooks.mapped("contract_ids")
        self.assertEqual(sorted(r[0] for r in self._rows(sheet)),
                         sorted(contracts.mapped("name")))
        row = [r for r in range(1, sheet.nrows)
               if sheet.cell_value(r, 0) == self.nb_expiring.contract_ids.name][0]
        values = sheet.row_values(row)
        self.assertEqual(values[1], self.nb_expiring.beneficiary_id.name)
        self.assertEqual(values[3], "PPAE (France Travail)")
        self.assertEqual(values[4], "Running")
        self.assertEqual(self._date(workbook, sheet, row, 8), self._day(-60))
        self.assertEqual(self._date(workbook, sheet, row, 10), self._day(-20))
        self.assertEqual(self._date(workbook, sheet, row, 6), self._day(10))
        self.assertEqual(sheet.cell(row, 11).ctype, xlrd.XL_CELL_NUMBER)
        self.assertEqual(values[11], 40)
        decided = fields.Date.from_string(self._day(-60))
        self.assertEqual(values[12], ((decided + relativedelta(months=1)) - decided).days)
        self.assertEqual(values[13], "Yes")
        draft = [r for r in self._rows(sheet)
                 if r[0] == self.nb_draft.contract_ids.name][0]
        self.assertEqual((draft[10], draft[11]), ("", ""), "a draft has no signature")
        self.assertEqual(draft[13], "Yes", "its deadline (T-70 + 2 months) has passed")
        self._assert_frozen_and_filtered(content, "A1:N%d" % sheet.nrows)

    def _assert_frozen_and_filtered(self, content, filter_range):
        xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
        pane = re.search(r"<pane [^>]*>", xml).group(0)
        self.assertIn('ySplit="1"', pane)
        self.assertIn('state="frozen"', pane)
        self.assertIn('<autoFilter ref="%s"/>' % filter_range, xml)

    def test_notebooks_one_row_per_carnet(self):
        content, workbook = self._render("notebooks", territory_id=self.territory_a.id)
        sheet = workbook.sheet_by_index(0)
        self.assertEqual(sheet.nrows - 1, len(self.territory_a_notebooks))
        names = {r[0]: r for r in self._rows(sheet)}
        self.assertEqual(set(names), set(self.territory_a_notebooks.mapped("beneficiary_id.name")))
        review = names[self.nb_review.beneficiary_id.name]
        header = sheet.row_values(0)
        self.assertEqual(review[header.index("Review overdue")], "Yes")
        self.assertEqual(review[header.index("Référent")], self.referent.name)
        running = names[self.nb_running.beneficiary_id.name]
        self.assertEqual(running[header.index("Orientation")], "Solidarity")
        self.assertEqual(running[header.index("Contract in force")], "CER solidarité")
        row = 1 + [r[0] for r in self._rows(sheet)].index(self.nb_running.beneficiary_id.name)
        self.assertEqual(self._date(workbook, sheet, row, header.index("Birth date")),
                         "1980-05-17")
        self.assertEqual(sheet.cell(row, header.index("Late actions")).ctype,
                         xlrd.XL_CELL_NUMBER)
        closed = names[self.nb_closed.beneficiary_id.name]
        self.assertEqual(closed[header.index("End reason")], "Reprise d'emploi")
        self.assertEqual(closed[header.index("State")], "Closed")
        self.assertEqual(running[header.index("End reason")], "")
        self._assert_frozen_and_filtered(content, "A1:R%d" % sheet.nrows)

    def test_professional_gets_only_their_carnets(self):
        """From the wizard and from the list: the records of others are left
        out, even when their ids are asked for."""
        _content, workbook = self._render("notebooks", user=self.referent2)
        self.assertEqual([r[0] for r in self._rows(workbook.sheet_by_index(0))],
                         [self.nb_other.beneficiary_id.name])
        _content, workbook = self._render(
            "notebooks", user=self.referent2, docids=(self.nb_running | self.nb_other).ids)
        self.assertEqual([r[0] for r in self._rows(workbook.sheet_by_index(0))],
                         [self.nb_other.beneficiary_id.name])
        _content, workbook = self._render("contracts", user=self.referent2)
        self.assertEqual([r[0] for r in self._rows(workbook.sheet_by_index(0))],
                         self.nb_other.contract_ids.mapped("name"))

    def test_queries_do_not_grow_with_rows(self):
        """Streaming: the carnets export runs the same number of SQL queries
        for 1 carnet (territory B) as for 7 (territory A), the rows of both
        taking two FETCH."""
        for territory in (self.territory_b, self.territory_a):  # warm the caches
            self._render("notebooks", territory_id=territory.id)
        counts = []
        for territory in (self.territory_b, self.territory_a):
            before = self.cr.sql_log_count
            self._render("notebooks", territory_id=territory.id)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    def test_refused_without_access(self):
        outsider = self._user("dep.employee", "base.group_user")
        with self.assertRaises(AccessError):
            self._render("notebooks", user=outsider)

    def test_caseload(self):
        _content, workbook = self._render("caseload", territory_id=self.territory_a.id)
        sheet = workbook.sheet_by_index(0)
        rows = {r[1]: r for r in self._rows(sheet)}
        self.assertEqual(set(rows), {self.referent.name, "No référent"})
        # carnets, accompanied, with a contract in force, without, reviews overdue
        self.assertEqual(rows[self.referent.name][2:], [5, 5, 2, 3, 1])
        self.assertEqual(rows["No référent"][2:], [2, 0, 0, 0, 0])
        self.assertEqual(sheet.cell(1, 2).ctype, xlrd.XL_CELL_NUMBER)

    def test_a_contract_past_its_end_is_not_in_force(self):
        """cer_contracts: a contract is in force until its end date included
        (IN_FORCE_SQL), whether or not its daily job marked it échu."""
        past = self._carnet("Lens", self.referent)
        self._contract(past, "solidarity", self._day(-200), self._day(-190), "running")
        self.assertLess(past.contract_ids.date_end, self.today)
        _content, workbook = self._render("caseload", territory_id=self.territory_a.id)
        rows = {r[1]: r for r in self._rows(workbook.sheet_by_index(0))}
        # one more accompanied carnet, without a contract in force
        self.assertEqual(rows[self.referent.name][2:], [6, 6, 2, 4, 1])
        _content, workbook = self._render("notebooks", territory_id=self.territory_a.id)
        sheet = workbook.sheet_by_index(0)
        header = sheet.row_values(0)
        row = {r[0]: r for r in self._rows(sheet)}[past.beneficiary_id.name]
        self.assertEqual(row[header.index("Contract in force")], "")

    def test_date_range_filter(self):
        """The contracts started from T-30 on: the two PPAE (T-20), one per
        territory; with the territory, one."""
        _content, workbook = self._render("contracts", date_from=self._day(-30))
        names = [r[0] for r in self._rows(workbook.sheet_by_index(0))]
        self.assertEqual(set(names) & set((self.territory_a_notebooks | self.nb_other).mapped(
            "contract_ids.name")), set((self.nb_expiring | self.nb_other).mapped(
                "contract_ids.name")))
        _content, workbook = self._render("contracts", date_from=self._day(-30),
                                          date_to=self.today, territory_id=self.territory_a.id)
        self.assertEqual([r[0] for r in self._rows(workbook.sheet_by_index(0))],
                         self.nb_expiring.contract_ids.mapped("name"))

    def test_orientations_and_actions(self):
        self._action(self.nb_running, "A.1.1", date_deadline=self._day(-1),
                     date_start=self._day(-10))
        self._action(self.nb_running, "B.2")
        _content, workbook = self._render("orientations", territory_id=self.territory_a.id)
        sheet = workbook.sheet_by_index(0)
        header = sheet.row_values(0)
        rows = {r[0]: r for r in self._rows(sheet)}
        self.assertEqual(len(rows), 4)
        draft = rows[self.nb_draft.beneficiary_id.name]
        self.assertEqual(draft[header.index("Contract overdue")], "Yes")
        late = rows[self.nb_expiring.beneficiary_id.name]
        self.assertEqual(late[header.index("Delay to the contract (days)")], 40)
        _content, workbook = self._render("actions", territory_id=self.territory_a.id)
        by_theme = {r[0]: r for r in self._rows(workbook.sheet_by_index(0))}
        # code, theme, planned, in progress, done, abandoned, late, total
        self.assertEqual(by_theme["A"][2:], [1, 0, 0, 0, 1, 1])
        self.assertEqual(by_theme["B"][2:], [1, 0, 0, 0, 0, 1])
        self.assertEqual(workbook.sheet_by_index(1).nrows - 1, 2)

    def test_wizard(self):
        wizard = self.env["cdb.export.wizard"].sudo(self.manager).create({
            "export_kind": "contracts", "territory_id": self.territory_a.id,
            "date_from": self._day(-30)})
        action = wizard.action_export()
        self.assertEqual(action["report_name"], "cdb_departement.export_contracts")
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["data"]["filters"]["territory_id"], self.territory_a.id)
        wizard.date_to = self._day(-31)
        with self.assertRaises(UserError):
            wizard.action_export()

    def _assessment(self, notebook, date, palier, agree=True):
        """An assessment of the default scale with ``palier`` on every item."""
        scale = self.env["rsa.ede.scale"]._get_default_scale()
        assessment = self.env["rsa.ede.assessment"].create({
            "notebook_id": notebook.id, "scale_id": scale.id, "date": date,
            "line_ids": [(0, 0, {"item_id": item.id, "level_id": item.level_ids.filtered(
                lambda l: l.sequence == palier).id}) for item in scale.item_ids]})
        if agree:
            assessment.action_done()
        return assessment

    def test_ede_distribution_and_evolution(self):
        """Distribution over the paliers at the last agreed assessment of each
        carnet; evolution from the first to the last; drafts left out."""
        first = self._assessment(self.nb_running, self._day(-60), 1)
        last = self._assessment(self.nb_running, self._day(-10), 2)
        only = self._assessment(self.nb_expiring, self._day(-30), 1)
        self._assessment(self.nb_expiring, self.today, 3, agree=False)
        _content, workbook = self._render("ede", territory_id=self.territory_a.id)
        distribution = workbook.sheet_by_index(0)
        items = self.env["rsa.ede.scale"]._get_default_scale().item_ids
        self.assertEqual(distribution.nrows - 1, 2 * len(items))
        for row in self._rows(distribution):
            # palier, beneficiaries, share of the item
            self.assertIn(row[1], (1, 2))
            self.assertEqual((row[5], row[6]), (1, 0.5))
        evolution = workbook.sheet_by_index(1)
        rows = {r[0]: r for r in self._rows(evolution)}
        self.assertEqual(set(rows), set((self.nb_running | self.nb_expiring).mapped(
            "beneficiary_id.name")))
        running = rows[self.nb_running.beneficiary_id.name]
        self.assertEqual(running[1], 2)
        self.assertEqual((running[3], running[6], running[8]), (
            first.total_points, last.total_points, last.total_points - first.total_points))
        row = 1 + [r[0] for r in self._rows(evolution)].index(self.nb_running.beneficiary_id.name)
        self.assertEqual(self._date(workbook, evolution, row, 2), self._day(-60))
        self.assertEqual(self._date(workbook, evolution, row, 5), self._day(-10))
        self.assertEqual(rows[self.nb_expiring.beneficiary_id.name][1:4:2],
                         [1, only.total_points])

import base64
import io

import xlrd
import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

BENEFICIARY_HEADER = [
    "Nom", "Prénom", "Date de naissance", "Numéro CAF/MSA", "Identifiant interne",
    "Code postal", "Ville", "E-mail", "Niveau d'études", "Métiers recherchés (ROME)",
    "Structure", "E-mail du référent", "E-mails des accompagnateurs", "Orientation",
    "Date d'orientation", "Situation : logement", "Ressources du foyer",
    "Activité professionnelle",
]


def beneficiary_row(index, **overrides):
    """A valid line of the beneficiaries' template (test users and structure
    of ImportCase)."""
    values = {
        "Nom": "Import%05d" % index, "Prénom": "Élodie", "Date de naissance": "14/03/1985",
        "Numéro CAF/MSA": "%07d" % (8000000 + index), "Identifiant interne": "REF-%d" % index,
        "Code postal": "62000", "Ville": "Arras", "E-mail": "",
        "Niveau d'études": "IV", "Métiers recherchés (ROME)": "K1302, K1304",
        "Structure": "Structure des tests d'import",
        "E-mail du référent": "referent.import@test.example",
        "E-mails des accompagnateurs": "accompagnateur.import@test.example",
        "Orientation": "Solidarité", "Date d'orientation": "02/09/2026",
        "Situation : logement": "Locataire", "Ressources du foyer": "300,50",
        "Activité professionnelle": "non",
    }
    values.update(overrides)
    return [values.get(column, "") for column in BENEFICIARY_HEADER]


def csv_bytes(header, rows, delimiter=";", encoding="utf-8-sig"):
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


class ImportCase(SavepointCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env["res.partner"].create({
            "name": "Structure des tests d'import", "is_company": True,
            "cdb_is_structure": True})
        group = cls.env.ref("carnet_de_bord.group_cdb_professional")
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.referent = users.create({
            "name": "Référent Import", "login": "referent.import@test.example",
            "email": "referent.import@test.example", "cdb_structure_id": cls.structure.id,
            "groups_id": [(6, 0, [group.id])]})
        cls.accompagnateur = users.create({
            "name": "Accompagnateur Import", "login": "accompagnateur.import@test.example",
            "email": "accompagnateur.import@test.example",
            "groups_id": [(6, 0, [group.id])]})
        cls.manager = users.create({
            "name": "Manager Import", "login": "manager.import@test.example",
            "email": "manager.import@test.example",
            "groups_id": [(6, 0, [cls.env.ref("carnet_de_bord.group_cdb_manager").id])]})
        cls.Job = cls.env["cdb.import.job"].sudo(cls.manager)

    def _job(self, content, import_type="beneficiary", filename="import.csv", partial=False):
        return self.Job.create({"import_type": import_type, "filename": filename,
                                "file": base64.b64encode(content), "partial": partial})

    def _beneficiaries(self, prefix="Import"):
        return self.env["res.partner"].search([("lastname", "=like", prefix + "%")])

    def _report(self, job):
        return {(line.line, line.column) for line in job.line_ids}


class TestImportValidation(ImportCase):

    def test_every_kind_of_bad_line_is_reported_and_nothing_written(self):
        rows = [
            beneficiary_row(1),
            beneficiary_row(2, **{"Prénom": ""}),
            beneficiary_row(3, **{"Date de naissance": "31/02/1985"}),
            beneficiary_row(4, **{"Numéro CAF/MSA": "12AB"}),
            beneficiary_row(5, **{"Métiers recherchés (ROME)": "K1302, Z9999"}),
            beneficiary_row(6, **{"Niveau d'études": "Doctorat"}),
            beneficiary_row(7, **{"Structure": "Structure inconnue"}),
            beneficiary_row(8, **{"E-mail du référent": "personne@test.example"}),
            beneficiary_row(9, **{"E-mail": "pas-un-email"}),
            beneficiary_row(10, **{"Numéro CAF/MSA": "8000001"}),  # same as line 2
            beneficiary_row(11, **{"Orientation": "Inconnue"}),
        ]
        job = self._job(csv_bytes(BENEFICIARY_HEADER, rows))
        job.action_import()
        self.assertEqual(job.state, "invalid")
        self.assertEqual(job.rejected_count, 10)
        self.assertEqual(self._report(job), {
            (3, "Prénom"), (4, "Date de naissance"), (5, "Numéro CAF/MSA"),
            (6, "Métiers recherchés (ROME)"), (7, "Niveau d'études"), (8, "Structure"),
            (9, "E-mail du référent"), (10, "E-mail"), (11, "Numéro CAF/MSA"),
            (12, "Orientation"),
        })
        self.assertIn("Z9999", job.line_ids.filtered(lambda l: l.line == 6).reason)
        self.assertEqual(job.line_ids.filtered(lambda l: l.line == 4).value, "31/02/1985")
        self.assertFalse(self._beneficiaries(), "all or nothing: no line is written")
        self.assertEqual(job.created_count, 0)

    def test_partial_option_imports_the_valid_lines_and_reports_the_others(self):
        rows = [beneficiary_row(1), beneficiary_row(2, **{"Date de naissance": "hier"}),
                beneficiary_row(3)]
        job = self._job(csv_bytes(BENEFICIARY_HEADER, rows), partial=True)
        job.action_import()
        self.assertEqual(job.state, "done")
        self.assertEqual((job.created_count, job.rejected_count), (2, 1))
        self.assertEqual(self._beneficiaries().mapped("lastname"), ["Import00001", "Import00003"])
        self.assertEqual(self._report(job), {(3, "Date de naissance")})

    def test_missing_required_column_rejects_the_file(self):
        header = [c for c in BENEFICIARY_HEADER if c != "Date de naissance"]
        rows = [[v for c, v in zip(BENEFICIARY_HEADER, beneficiary_row(1)) if c in header]]
        job = self._job(csv_bytes(header, rows), partial=True)
        job.action_import()
        self.assertEqual(job.state, "invalid")
        self.assertEqual(self._report(job), {(1, "Date de naissance")})
        self.assertFalse(self._beneficiaries())

    def test_validate_only_writes_nothing(self):
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1)]))
        job.action_validate()
        self.assertEqual((job.state, job.rejected_count), ("ready", 0))
        self.assertFalse(self._beneficiaries())

    def test_run_now_is_for_small_files_only(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "cdb_departement.import_sync_max_rows", "1")
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1), beneficiary_row(2)]))
        with self.assertRaises(UserError):
            job.action_run_now()
        self.assertEqual(job.state, "draft")
        small = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(3)]))
        small.action_run_now()
        self.assertEqual((small.state, small.created_count), ("done", 1))

    def test_unreadable_file_is_reported(self):
        job = self._job(b"not a workbook", filename="import.xlsx")
        job.action_run_now()
        self.assertEqual(job.state, "failed")
        self.assertIn("XLSX", job.error_message)
        empty = self._job(b"\xef\xbb\xbf\r\n;;\r\n")
        empty.action_import()
        self.assertEqual(empty.state, "failed")
        self.assertNotEqual(empty.error_message, job.error_message)

    def test_report_downloads_as_csv(self):
        rows = [beneficiary_row(1, **{"Numéro CAF/MSA": "12"})]
        job = self._job(csv_bytes(BENEFICIARY_HEADER, rows))
        job.action_import()
        job.action_download_report_csv()
        report = base64.b64decode(job.download_file).decode("utf-8-sig").splitlines()
        self.assertEqual(len(report), 2)
        self.assertTrue(report[1].startswith("2;Numéro CAF/MSA;12;"))


class TestImportBeneficiaries(ImportCase):

    def test_import_creates_beneficiary_with_carnet(self):
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1)]))
        job.action_import()
        self.assertEqual((job.state, job.created_count), ("done", 1))
        partner = self._beneficiaries()
        self.assertTrue(partner.is_rsa_beneficiary)
        self.assertEqual((partner.caf_number, partner.birthdate_date, partner.department_code),
                         ("8000001", "1985-03-14", "62"))
        self.assertEqual(partner.rsa_household_resources, 300.5)
        notebook = partner.cdb_notebook_ids
        self.assertEqual((notebook.referent_id, notebook.structure_id, notebook.state),
                         (self.referent, self.structure, "in_progress"))
        self.assertEqual(set(notebook.member_ids.mapped("user_id")),
                         {self.referent, self.accompagnateur})
        self.assertEqual(notebook.situation_id.rome_code_ids.mapped("code"), ["K1302", "K1304"])
        self.assertEqual(notebook.situation_id.diploma_level_id.code, "IV")
        self.assertEqual((notebook.orientation_id.orientation_type,
                          notebook.orientation_id.contract_deadline),
                         ("solidarity", "2026-11-02"))

    def test_reimport_updates_and_never_duplicates(self):
        content = csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1), beneficiary_row(2)])
        self._job(content).action_import()
        again = self._job(content)
        again.action_import()
        self.assertEqual((again.created_count, again.updated_count, again.unchanged_count),
                         (0, 0, 2))
        changed = csv_bytes(BENEFICIARY_HEADER, [
            beneficiary_row(1, **{"Ville": "Lens", "Code postal": "62300"}),
            # found by name and birth date: no CAF number, no reference in the file
            beneficiary_row(2, **{"Numéro CAF/MSA": "", "Identifiant interne": "",
                                  "Métiers recherchés (ROME)": "A1101"}),
        ])
        third = self._job(changed)
        third.action_import()
        self.assertEqual((third.created_count, third.updated_count), (0, 2))
        partners = self._beneficiaries()
        self.assertEqual(len(partners), 2)
        self.assertEqual(len(partners.mapped("cdb_notebook_ids")), 2)
        first = partners.filtered(lambda p: p.lastname == "Import00001")
        self.assertEqual((first.city, first.department_code), ("Lens", "62"))
        second = partners - first
        self.assertEqual(second.caf_number, "8000002", "an empty cell erases nothing")
        situations = second.cdb_notebook_ids.situation_ids
        self.assertEqual(len(situations), 2, "a changed situation is a new version")
        self.assertEqual(situations[0].rome_code_ids.mapped("code"), ["A1101"])

    def test_caf_number_of_another_beneficiary_is_rejected(self):
        self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1), beneficiary_row(2)])
                  ).action_import()
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [
            beneficiary_row(2, **{"Numéro CAF/MSA": "8000001"})]))
        job.action_import()
        self.assertEqual(self._report(job), {(2, "Numéro CAF/MSA")})

    def test_csv_with_commas_windows_encoding_spaces_and_empty_lines(self):
        rows = [beneficiary_row(1, **{"Nom": "  Import00001  ", "Ville": " Béthune "}),
                [""] * len(BENEFICIARY_HEADER), beneficiary_row(2)]
        rows = [[cell.replace(",", " ") for cell in row] for row in rows]
        content = csv_bytes(BENEFICIARY_HEADER, rows, delimiter=",", encoding="cp1252")
        content = content.replace(b"\r\n", b"\r\n\r\n", 1)  # a blank line after the header
        job = self._job(content)
        job.action_import()
        self.assertEqual((job.state, job.created_count), ("done", 2), job.line_ids.mapped("reason"))
        first = self._beneficiaries().filtered(lambda p: p.lastname == "Import00001")
        self.assertEqual((first.city, first.firstname), ("Béthune", "Élodie"))

    def test_csv_with_bom_and_headers_without_accents(self):
        header = [h.upper().replace("É", "E").replace("È", "E") for h in BENEFICIARY_HEADER]
        job = self._job(csv_bytes(header, [beneficiary_row(1)]))
        job.action_import()
        self.assertEqual((job.state, job.created_count), ("done", 1), job.line_ids.mapped("reason"))

    def test_xlsx_with_excel_date_cells(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet()
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_row(0, 0, BENEFICIARY_HEADER)
        row = beneficiary_row(1)
        sheet.write_row(1, 0, row)
        sheet.write_number(1, 2, 31121, date_format)  # 15/03/1985 as an Excel date cell
        sheet.write_number(1, 3, 8000001)  # the CAF number as a number cell
        workbook.close()
        job = self._job(output.getvalue(), filename="import.xlsx")
        job.action_import()
        self.assertEqual(job.state, "done", job.line_ids.mapped("reason"))
        self.assertEqual(self._beneficiaries().birthdate_date, "1985-03-15")
        self.assertEqual(self._beneficiaries().caf_number, "8000001")

    def test_fast_path_creates_what_the_orm_creates(self):
        params = self.env["ir.config_parameter"].sudo()
        housing = {"Situation : logement": "Locataire \\ 100 % HLM, N°3"}  # COPY escapes
        params.set_param("cdb_departement.import_fast_path", "0")
        self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1, **housing)])).action_import()
        params.set_param("cdb_departement.import_fast_path", "1")
        self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(2, **housing)])).action_import()
        orm, fast = self._beneficiaries().sorted("lastname")
        differing = {"id", "create_date", "write_date", "lastname", "name", "display_name",
                     "caf_number", "cdb_import_ref", "commercial_partner_id",
                     "beneficiary_id", "notebook_id", "__last_update",
                     "cdb_identity_key"}  # from lastname, checked below

        def stored(record):
            return {name: record._fields[name].convert_to_write(record[name], record)
                    for name, field in record._fields.items()
                    if field.store and name not in differing and field.type != "one2many"}
        self.assertEqual(stored(orm), stored(fast))
        self.assertEqual(fast.commercial_partner_id, fast)
        self.assertEqual(fast.name, "Import00002 Élodie")
        self.assertEqual(fast.cdb_identity_key, "import00002|elodie")
        self.assertEqual(fast.cdb_notebook_ids.situation_housing, "Locataire \\ 100 % HLM, N°3")
        for name in ("cdb_notebook_ids", "cdb_notebook_ids.member_ids",
                     "cdb_notebook_ids.situation_ids", "cdb_notebook_ids.orientation_ids"):
            orm_records, fast_records = orm.mapped(name), fast.mapped(name)
            self.assertEqual(len(orm_records), len(fast_records), name)
            self.assertEqual([stored(r) for r in orm_records.sorted("id")],
                             [stored(r) for r in fast_records.sorted("id")], name)

    def test_large_file_runs_in_the_background_cron(self):
        count = 10000
        content = csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(i) for i in range(count)])
        job = self._job(content)
        job.action_import()
        self.assertEqual(job.state, "queued")
        self.assertFalse(self._beneficiaries(), "nothing written before the cron runs")
        cron = self.env.ref("cdb_departement.ir_cron_import_jobs")
        self.assertLessEqual(cron.nextcall, job.write_date, "the cron is woken up")
        self.env["cdb.import.job"]._cron_process_jobs()
        self.assertEqual((job.state, job.created_count, job.rows_done, job.progress),
                         ("done", count, count, 100.0))
        self.assertEqual(self.env["cdb.notebook"].search_count(
            [("beneficiary_id.lastname", "=like", "Import%")]), count)
        self.assertIn("10000", job.message_ids[0].body)


class TestImportOtherTypes(ImportCase):

    def test_structures_professionals_assignments_and_reorientations(self):
        structures = self._job(csv_bytes(
            ["Nom", "Identifiant interne", "Code postal", "Ville"],
            [["Association Import", "STR-1", "62400", "Béthune"]]), "structure")
        structures.action_import()
        structure = self.env["res.partner"].search([("cdb_import_ref", "=", "STR-1")])
        self.assertTrue(structure.cdb_is_structure)
        professionals = self._job(csv_bytes(
            ["Nom", "Prénom", "E-mail", "Structure", "Profil"],
            [["Nouveau", "Pro", "nouveau.pro@test.example", "STR-1", "Administrateur de structure"],
             ["Mauvais", "Pro", "autre@test.example", "Inconnue", ""]]), "professional")
        professionals.action_import()
        self.assertEqual(self._report(professionals), {(3, "Structure")})
        professionals.partial = True
        professionals.action_import()
        user = self.env["res.users"].search([("login", "=", "nouveau.pro@test.example")])
        self.assertEqual(user.cdb_structure_id, structure)
        self.assertTrue(user.has_group("carnet_de_bord.group_cdb_structure_admin"))

        self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1)])).action_import()
        notebook = self._beneficiaries().cdb_notebook_ids
        assignment = csv_bytes(["Numéro CAF/MSA", "E-mail du référent"],
                               [["8000001", "nouveau.pro@test.example"],
                                ["9999999", "nouveau.pro@test.example"]])
        job = self._job(assignment, "referent_assignment", partial=True)
        job.action_import()
        self.assertEqual((job.updated_count, job.rejected_count), (1, 1))
        self.assertEqual((notebook.referent_id, notebook.structure_id), (user, structure))
        former = notebook.with_context(active_test=False).member_ids.filtered(
            lambda m: m.user_id == self.referent)
        self.assertFalse(former.active, "the former référent leaves, kept in the history")

        reorientation = csv_bytes(
            ["Identifiant interne", "Orientation", "Date de décision", "E-mail du référent"],
            [["REF-1", "Professionnelle – France Travail", "01/10/2026",
              "referent.import@test.example"]])
        job = self._job(reorientation, "reorientation")
        job.action_import()
        self.assertEqual(job.created_count, 1)
        self.assertEqual(notebook.orientation_id.orientation_type, "professional_ft")
        self.assertEqual(notebook.orientation_ids.mapped("state"), ["decided", "replaced"])
        self.assertEqual(notebook.referent_id, self.referent)
        again = self._job(reorientation, "reorientation")
        again.action_import()
        self.assertEqual((again.created_count, again.unchanged_count), (0, 1))

    def test_template_describes_every_column(self):
        job = self.Job.create({"import_type": "beneficiary"})
        job.action_download_template_xlsx()
        book = xlrd.open_workbook(file_contents=base64.b64decode(job.download_file))
        columns = self.env["cdb.import.column"].search([("import_type", "=", "beneficiary")])
        self.assertEqual(book.sheet_by_index(0).row_values(0), columns.mapped("name"))
        documentation = book.sheet_by_index(1)
        self.assertEqual(documentation.nrows, len(columns) + 1)
        self.assertTrue(all(documentation.col_values(4)[1:]), "every column is described")
        job.action_download_template_csv()
        template = base64.b64decode(job.download_file)
        self.assertTrue(template.startswith(b"\xef\xbb\xbfIdentifiant interne;"))

    def test_professional_cannot_import(self):
        with self.assertRaises(AccessError):
            self.env["cdb.import.job"].sudo(self.referent).create({"import_type": "structure"})

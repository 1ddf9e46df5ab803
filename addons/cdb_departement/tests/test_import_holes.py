"""The holes of the imports closed by issue 10: health details in the health
section, the duplicate rule of the form, the professionals import held to
the professionals, the job's workflow fields, formula injection in the
report, bad input answered in French on its line, the templates' examples."""
import base64
import csv
import io
from unittest import mock

import xlrd

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from ..models.cdb_import_handler_structure import CdbImportHandlerStructure
from ..settings import IMPORT_FAST_PATH, IMPORT_MAX_CELL_LENGTH
from .common import BENEFICIARY_HEADER, ImportCase, beneficiary_row, csv_bytes

HEALTH = "Situation : santé"


class TestImportHealth(ImportCase):

    def _health(self, notebook, user=None):
        Health = self.env["cdb.health"]
        return (Health.sudo(user) if user else Health).search([("notebook_id", "=", notebook.id)])

    def test_health_column_fills_the_health_details_on_both_paths(self):
        header = BENEFICIARY_HEADER + [HEALTH]
        for fast, index in ((True, 1), (False, 2)):
            self._set_param(IMPORT_FAST_PATH, fast)
            job = self._import(header, [beneficiary_row(index, header, **{HEALTH: "Asthme"})])
            self.assertEqual((job.state, job.created_count), ("done", 1))
        for partner in self._beneficiaries():
            notebook = partner.cdb_notebook_ids
            self.assertEqual(self._health(notebook).mapped("description"), ["Asthme"])
            self.assertNotIn("health", self.env["cdb.situation"]._fields)
            # the référent reads it; the accompagnateur and the importer do not
            self.assertEqual(len(self._health(notebook, self.referent)), 1)
            self.assertFalse(self._health(notebook, self.accompagnateur))
            self.assertFalse(self._health(notebook, self.manager))

    def test_health_update_is_a_new_version_the_counts_do_not_reveal(self):
        header = BENEFICIARY_HEADER + [HEALTH]
        self._import(header, [beneficiary_row(1, header, **{HEALTH: "Asthme"})])
        notebook = self._beneficiaries().cdb_notebook_ids
        again = self._import(header, [beneficiary_row(1, header, **{HEALTH: "Asthme"})])
        changed = self._import(header, [beneficiary_row(1, header, **{HEALTH: "Diabète"})])
        self.assertEqual((again.unchanged_count, changed.unchanged_count), (1, 1))
        self.assertEqual(self._health(notebook).mapped("description"), ["Diabète", "Asthme"])

    def test_fast_path_clears_the_rule_cache_of_the_new_referent(self):
        self.assertFalse(self.env["cdb.health"].sudo(self.referent).search([]))  # cached
        header = BENEFICIARY_HEADER + [HEALTH]
        self._import(header, [beneficiary_row(1, header, **{HEALTH: "Asthme"})])
        notebook = self._beneficiaries().cdb_notebook_ids
        self.assertEqual(len(self._health(notebook, self.referent)), 1)


class TestImportDuplicateRule(ImportCase):
    """The duplicate rule of the beneficiary form: CAF/MSA number, or the
    normalised name (cdb_base.tools.identity_key) and birth date in the
    same département."""

    HEADER = ["Nom", "Prénom", "Date de naissance", "Code postal", "Numéro CAF/MSA"]

    def _line(self, lastname, firstname, zip_code="62000", caf=""):
        return [lastname, firstname, "14/03/1985", zip_code, caf]

    def test_same_person_written_otherwise_is_updated_not_duplicated(self):
        existing = self._beneficiary("Lecœur", "Élodie-Marie", birthdate="1985-03-14",
                                     zip_code="62000")
        job = self._import(self.HEADER, [self._line("LECOEUR", "elodie  marie", "62300")])
        self.assertEqual((job.state, job.created_count, job.updated_count), ("done", 0, 1),
                         job.line_ids.mapped("reason"))
        self.assertEqual(existing.zip, "62300")

    def test_same_name_in_another_departement_is_another_person(self):
        other = self._beneficiary("Martin", "Paul", birthdate="1985-03-14", zip_code="59000")
        job = self._import(self.HEADER, [self._line("Martin", "Paul", "62000")])
        self.assertEqual((job.state, job.created_count), ("done", 1))
        self.assertEqual(other.zip, "59000", "the person of the Nord is left alone")

    def test_caf_number_of_another_person_is_a_conflict(self):
        other = self._beneficiary("Martin", "Paul", birthdate="1980-01-01", caf_number="7000001")
        job = self._import(self.HEADER, [self._line("Durand", "Jeanne", caf="7000001")])
        self.assertEqual(job.state, "invalid")
        self.assertEqual(self._report(job), {(2, "Numéro CAF/MSA")})
        self.assertEqual((other.lastname, other.firstname), ("Martin", "Paul"))

    def test_same_person_twice_in_the_file(self):
        job = self._import(self.HEADER, [self._line("Dupont", "Marie-Claire"),
                                         self._line("DUPONT", "Marie Claire")])
        self.assertEqual(self._report(job), {(3, "Nom")})


class TestImportProfessionals(ImportCase):
    HEADER = ["Nom", "Prénom", "E-mail", "Structure", "Profil"]

    def _line(self, email, profile="Professionnel", lastname="Changé"):
        return [lastname, "Pro", email, self.structure.name, profile]

    def test_only_professionals_are_changed(self):
        sysadmin = self._user("ut.sysadmin", "base.group_system")
        archived = self._user("ut.archived", "group_cdb_professional")
        archived.active = False
        portal = self._user("ut.portal", "base.group_portal")
        others = {"a manager": self.manager, "the administrator": self.env.ref("base.user_root"),
                  "a system administrator": sysadmin, "an archived account": archived,
                  "a portal account": portal}
        for who, user in others.items():
            with self.subTest(who=who):
                name, groups = user.name, user.groups_id
                job = self._import(self.HEADER, [self._line(user.email)], "professional")
                self.assertEqual(self._report(job), {(2, "E-mail")})
                self.assertEqual((user.name, user.groups_id), (name, groups))
        job = self._import(self.HEADER, [self._line(self.referent.login)], "professional")
        self.assertEqual((job.state, job.updated_count), ("done", 1))
        self.assertEqual(self.referent.lastname, "Changé")

    def test_no_profile_the_importer_does_not_hold(self):
        Job = self.env["cdb.import.job"].sudo(self._importer())
        job = self._job(csv_bytes(self.HEADER, [
            self._line("new.correspondant@ut.example", "Correspondant du département"),
            self._line("new.pro@ut.example")]), "professional", partial=True, Job=Job)
        job.action_import()
        self.assertEqual(self._report(job), {(2, "Profil")})
        Users = self.env["res.users"]
        self.assertFalse(Users.search([("login", "=", "new.correspondant@ut.example")]))
        self.assertTrue(Users.search([("login", "=", "new.pro@ut.example")]))


class TestImportWorkflowFields(ImportCase):

    def test_job_results_change_through_its_actions_only(self):
        job = self._import(BENEFICIARY_HEADER, [beneficiary_row(1)])
        line_job = self._import(BENEFICIARY_HEADER, [beneficiary_row(2, **{"Nom": ""})])
        forged = {"state": "done", "created_count": 99, "rejected_count": 5,
                  "user_id": self.referent.id, "error_message": "ok", "rows_done": 7,
                  "date_end": "2020-01-01 00:00:00", "download_filename": "x.xlsx"}
        for who, Job in (("manager", self.Job), ("administrator", self.env["cdb.import.job"])):
            for name, value in forged.items():
                with self.subTest(who=who, field=name):
                    with self.assertRaises(AccessError):
                        Job.browse(line_job.id).write({name: value})
                    with self.assertRaises(AccessError):
                        Job.create({"import_type": "structure", name: value})
            with self.subTest(who=who, field="file of a done job"):
                with self.assertRaises(AccessError):
                    Job.browse(job.id).write({"file": base64.b64encode(b"Nom\nX\n")})
        line = line_job.line_ids
        for Line in (line.sudo(self.manager), line):
            with self.assertRaises(AccessError):
                Line.write({"reason": "nothing"})
            with self.assertRaises(AccessError):
                Line.create({"job_id": line_job.id, "reason": "forged", "line": 9})
        with self.assertRaises(AccessError):
            line.sudo(self.manager).unlink()
        self.assertEqual((line_job.state, line_job.rejected_count), ("invalid", 1))

    def test_actions_answer_over_xmlrpc(self):
        """Every button answers True or an action (XML-RPC cannot send None)."""
        job = self._job(csv_bytes(BENEFICIARY_HEADER, [beneficiary_row(1, **{"Nom": ""})]))
        for action in ("action_validate", "action_import", "action_run_now", "action_reset",
                       "action_queue", "action_download_template_xlsx",
                       "action_download_template_csv", "action_download_report_xlsx",
                       "action_download_report_csv"):
            with self.subTest(action=action):
                if job.state == "queued":
                    job._workflow_write({"state": "draft"})
                result = getattr(job, action)()
                self.assertTrue(result is True or isinstance(result, dict), result)
        self.assertEqual(job.user_id, self.manager, "who ran it")


class TestImportBadInput(ImportCase):

    def test_messages_in_the_users_language(self):
        Job = self.Job.with_context(lang="fr_FR")
        header = [c for c in BENEFICIARY_HEADER if c != "Date de naissance"]
        job = self._job(csv_bytes(header, [beneficiary_row(1, header)]), Job=Job)
        job.action_import()
        source = "Required column missing from the file."
        self.assertEqual(job.line_ids.reason, self._french(source))
        self.assertNotEqual(self._french(source), source)
        for content, filename, kind in ((b"not a workbook", "import.xlsx", "excel"),
                                        (b"\xef\xbb\xbf\r\n;;\r\n", "import.csv", "empty"),
                                        (b"\x81\x8d\x8f\x90\x9d", "import.csv", "encoding")):
            with self.subTest(kind=kind):
                job = self._job(content, filename=filename, Job=Job)
                job.action_import()
                self.assertEqual(job.state, "failed")
                source = job.with_context(lang="en_US")._file_error_message(kind)
                self.assertEqual(job.error_message, self._french(source))
                self.assertNotEqual(job.error_message, source)

    def test_a_huge_cell_is_rejected_on_its_line(self):
        rows = [beneficiary_row(1, **{"Nom": "A" * 5000000}),
                beneficiary_row(2, **{"Situation : logement": "B" * 5000000}),
                beneficiary_row(3, **{"Situation : logement": "C" * 5000})]
        job = self._import(BENEFICIARY_HEADER, rows, partial=True)
        self.assertEqual(self._report(job), {(2, "Nom"), (3, "Situation : logement")})
        self.assertEqual((job.state, job.created_count), ("done", 1))
        self._set_param(IMPORT_MAX_CELL_LENGTH, 1000)
        job = self._import(BENEFICIARY_HEADER, [beneficiary_row(3)] + rows[2:])
        self.assertEqual(self._report(job), {(3, "Situation : logement")})

    def test_every_column_has_a_length_limit(self):
        columns = self.env["cdb.import.column"].search([("import_type", "=", "beneficiary")])
        header = BENEFICIARY_HEADER + [c.name for c in columns if c.name not in
                                       BENEFICIARY_HEADER]
        longest = IMPORT_MAX_CELL_LENGTH.get(self.env)
        rows = [beneficiary_row(index, header, **{column.name: "9" * (
            column._max_length(longest) + 1)}) for index, column in enumerate(columns, 1)]
        job = self._import(header, rows)
        self.assertEqual(self._report(job), {(index + 1, column.name)
                                             for index, column in enumerate(columns, 1)})

    def test_birth_date_in_the_future_is_rejected(self):
        job = self._import(BENEFICIARY_HEADER, [
            beneficiary_row(1, **{"Date de naissance": "01/01/2099"})])
        self.assertEqual(self._report(job), {(2, "Date de naissance")})

    def test_a_line_refused_when_written_is_reported_on_its_line(self):
        header = ["Nom", "Identifiant interne"]
        rows = [["Structure A", "UT-A"], ["Boom", "UT-B"], ["Structure C", "UT-C"]]
        original = CdbImportHandlerStructure._write_rows

        def write_rows(handler, state, lines):
            if any(values["name"] == "Boom" for _line, values in lines):
                handler.env.cr.execute(  # a not-null violation of the database
                    "INSERT INTO cdb_import_job_line (job_id, reason) VALUES (NULL, 'x')")
            return original(handler, state, lines)
        with mock.patch.object(CdbImportHandlerStructure, "_write_rows", write_rows), \
                mute_logger("odoo.sql_db"):
            whole = self._import(header, rows, "structure")
            partial = self._import(header, rows, "structure", partial=True)
        structures = self.env["res.partner"].search([("cdb_import_ref", "=like", "UT-%")])
        self.assertEqual(whole.state, "failed")
        self.assertEqual(self._report(whole), {(3, "")})
        self.assertEqual((partial.state, partial.created_count, partial.rejected_count),
                         ("done", 2, 1))
        self.assertEqual(self._report(partial), {(3, "")})
        self.assertEqual(sorted(structures.mapped("cdb_import_ref")), ["UT-A", "UT-C"])

    def test_rejected_values_are_never_formulas_in_the_report(self):
        formulas = {"Date de naissance": '=HYPERLINK("http://x.example","y")',
                    "Numéro CAF/MSA": "+33612", "Code postal": "-2+3", "E-mail": "@SUM(1)"}
        job = self._import(BENEFICIARY_HEADER, [beneficiary_row(1, **formulas)])
        job.action_download_report_csv()
        rows = list(csv.reader(io.StringIO(
            base64.b64decode(job.download_file).decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(sorted(row[2] for row in rows[1:]),
                         sorted("'" + value for value in formulas.values()))
        job.action_download_report_xlsx()
        book = xlrd.open_workbook(file_contents=base64.b64decode(job.download_file))
        sheet = book.sheet_by_index(0)
        cells = [sheet.cell(row, 2) for row in range(1, sheet.nrows)]
        self.assertEqual({cell.ctype for cell in cells}, {xlrd.XL_CELL_TEXT})
        self.assertEqual(sorted(cell.value for cell in cells),
                         sorted("'" + value for value in formulas.values()))


class TestImportTerritories(ImportCase):

    def test_the_policy_of_a_new_carnet_holds_on_both_paths(self):
        """Who may not designate a référent nor write in a carnet (here a
        professional who may import) imports neither."""
        Job = self.env["cdb.import.job"].sudo(self._importer())
        header = BENEFICIARY_HEADER + [HEALTH]
        rows = [beneficiary_row(1, header),
                beneficiary_row(2, header, **{"E-mail du référent": "", HEALTH: "Asthme"})]
        for fast in (True, False):
            self._set_param(IMPORT_FAST_PATH, fast)
            job = self._job(csv_bytes(header, rows), Job=Job)
            job.action_import()
            self.assertEqual(self._report(job), {(2, "E-mail du référent"), (3, HEALTH)})
            self.assertFalse(self._beneficiaries())

    def test_a_manager_of_territories_creates_carnets_in_them_only(self):
        territory = self.env["cdb.territory"].create({"name": "UT Territoire import"})
        self.manager.cdb_territory_ids = territory
        header = BENEFICIARY_HEADER + ["Territoire"]
        job = self._import(header, [beneficiary_row(1, header),
                                    beneficiary_row(2, header, Territoire=territory.name)],
                           partial=True)
        # outside their territories they are no delegate either
        self.assertEqual(self._report(job), {(2, "Territoire"), (2, "E-mail du référent")})
        self.assertEqual(self._beneficiaries().mapped("cdb_notebook_ids.territory_id"),
                         territory)


class TestImportTemplates(ImportCase):
    """The example line of each template, imported as it is by the demo
    manager: valid, then imported (in this order: the beneficiary of the
    example is the one the référent assignment and the reorientation name)."""

    def test_each_template_example_imports(self):
        manager = self.env.ref("carnet_de_bord.demo_user_manager")
        Job = self.env["cdb.import.job"].sudo(manager)
        for import_type in ("structure", "professional", "beneficiary",
                            "referent_assignment", "reorientation"):
            with self.subTest(import_type=import_type):
                template = Job.create({"import_type": import_type})
                template.action_download_template_csv()
                job = self._job(base64.b64decode(template.download_file), import_type,
                                Job=Job)
                job.action_validate()
                self.assertEqual(job.state, "ready", job.line_ids.mapped("reason"))
                job.action_import()
                self.assertEqual(job.state, "done", job.error_message)
                self.assertEqual(job.created_count + job.updated_count, 1)


class TestImportSettings(ImportCase):

    def test_the_figures_are_on_the_settings_screen(self):
        Settings = self.env["res.config.settings"]
        arch = Settings.fields_view_get(view_type="form")["arch"]
        for name in ("cdb_import_sync_max_rows", "cdb_import_chunk_size",
                     "cdb_import_max_cell_length"):
            self.assertIn('name="%s"' % name, arch)
        Settings.create({"cdb_import_max_cell_length": 2000}).execute()
        self.assertEqual(IMPORT_MAX_CELL_LENGTH.get(self.env), 2000)
        with self.assertRaises(ValidationError):
            Settings.create({"cdb_import_chunk_size": 0}).execute()

    def test_the_referent_changes_as_a_delegate_does(self):
        """A new référent in a file is set as a delegate of the Président du
        Conseil départemental sets it (policy "change_referent"): a manager
        of the carnet's territory, not one of other territories."""
        self._import(BENEFICIARY_HEADER, [beneficiary_row(1)])
        notebook = self._beneficiaries().cdb_notebook_ids
        job = self._import(BENEFICIARY_HEADER, [beneficiary_row(1, **{
            "E-mail du référent": self.accompagnateur.login})])
        self.assertEqual((job.state, job.updated_count), ("done", 1))
        self.assertEqual(notebook.referent_id, self.accompagnateur)
        elsewhere = self._user("ut.manager.elsewhere", "group_cdb_manager")
        elsewhere.cdb_territory_ids = self.env["cdb.territory"].create({"name": "UT Ailleurs"})
        header = ["Numéro CAF/MSA", "E-mail du référent"]
        job = self._job(csv_bytes(header, [["8000001", self.referent.login]]),
                        "referent_assignment", Job=self.env["cdb.import.job"].sudo(elsewhere))
        job.action_import()
        self.assertEqual((job.state, self._report(job)), ("failed", {(2, "")}))
        self.assertEqual(notebook.referent_id, self.accompagnateur)

import tempfile

from ..models.caf_flux_reader import count_households, iter_flux
from .common import FluxCase, samples, shared


class TestCafFlux(FluxCase):
    """The CAF/MSA flux (readme/FLUX.rst): schema, households, persons,
    NIR, droits et devoirs, idempotence, an older flux, history."""

    def test_shared_sample_imports(self):
        job = self._flux_job(shared("caf-msa/RSABEM.xml"), "RSABEM.xml")
        job.action_import()
        self.assertEqual(job.state, "done", job.error_message)
        self.assertEqual((job.created_count, job.rejected_count), (2, 0))
        household = self._household("205599000000000")
        self.assertEqual(household.organism, "caf")
        self.assertEqual(household.right_state, "rsa_clos")
        self.assertEqual(household.rsa_request_date, "2018-08-06")
        self.assertEqual(household.member_count, 2)
        self.assertEqual(set(household.member_ids.mapped("role")), {"CJT"})
        tifour = self._partner_by_nir("2820251108030")
        self.assertEqual(tifour.lastname, "TIFOUR")
        self.assertEqual(tifour.rsa_entry_date, "2018-08-06")
        self.assertEqual(tifour.rsa_household_id, household)
        self.assertEqual(tifour.rsa_household_size, 2)
        self.assertTrue(tifour.rsa_rights_duties)
        self.assertEqual(tifour.rsa_rights_duties_source, "flux")
        self.assertEqual(tifour.rsa_rights_duties_date, "2022-02-28")
        self.assertEqual(tifour.france_travail_id, "1253359X")
        self.assertTrue(tifour.cdb_notebook_ids, "subject to rights and duties: a carnet")
        keller = self._partner_by_nir("1770393050005")
        self.assertFalse(keller.rsa_rights_duties)
        self.assertFalse(keller.cdb_notebook_ids)
        self.assertEqual(job.flux_stamp, "2022-03-05 01:18:36")
        self.assertEqual(len(job.file_sha256), 64)
        self.assertEqual(len(household.history_ids), 1)

    def test_same_flux_twice_changes_nothing(self):
        households = [samples.household(i) for i in range(1, 7)]
        first = self._run_flux(households)
        self.assertEqual((first.state, first.created_count), ("done", 6))
        counts = (self.env["res.partner"].search_count([]),
                  self.env["rsa.household.history"].search_count([]),
                  self.env["cdb.notebook"].search_count([]))
        second = self._run_flux(households)
        self.assertEqual((second.state, second.created_count, second.updated_count,
                          second.unchanged_count), ("done", 0, 0, 6))
        self.assertEqual(counts, (self.env["res.partner"].search_count([]),
                                  self.env["rsa.household.history"].search_count([]),
                                  self.env["cdb.notebook"].search_count([])))

    def test_household_changes_between_two_flux(self):
        applicant = samples.person(900, "DEM")
        spouse = samples.person(901, "CJT", rights_duties=False)
        child = samples.person(902, "ENF", rights_duties=None, birthdate="2016-01-01")
        first = samples.household(90, persons=[applicant, spouse, child])
        self._run_flux([first], created="2026-10-05")
        household = self._household(first["matricule"])
        self.assertEqual(household.member_count, 3)
        spouse_subject = dict(spouse, rights_duties=True)
        second = samples.household(90, persons=[applicant, spouse_subject], state="4")
        job = self._run_flux([second], created="2026-11-05")
        self.assertEqual((job.state, job.updated_count), ("done", 1))
        self.assertEqual(household.member_count, 2)
        self.assertEqual(household.right_state, "rsa_droit_ouvert_versement_suspendu")
        left = household.with_context(active_test=False).member_ids.filtered(
            lambda m: not m.active)
        self.assertEqual(left.partner_id.birthdate_date, "2016-01-01")
        self.assertEqual(left.date_end, "2026-11-05")
        partner = self._partner_by_nir(spouse["nir"])
        self.assertTrue(partner.rsa_rights_duties)
        self.assertEqual(partner.rsa_rights_duties_date, "2026-11-05")
        self.assertTrue(partner.cdb_notebook_ids, "now subject: a carnet")
        self.assertEqual(len(household.history_ids), 2)
        self.assertTrue(all(household.history_ids.mapped("applied")))

    def test_older_flux_never_overwrites_newer(self):
        values = samples.household(70, state="2")
        self._run_flux([values], created="2026-11-05")
        older = self._run_flux([dict(values, state="5")], created="2026-10-05")
        self.assertEqual(older.state, "done")
        household = self._household(values["matricule"])
        self.assertEqual(household.right_state, "rsa_droit_ouvert_versable")
        self.assertEqual(household.flux_stamp, "2026-11-05 01:18:36")
        self.assertEqual(sorted(household.history_ids.mapped("applied")), [False, True])

    def test_invalid_nir_rejects_the_flux(self):
        bad = samples.person(500, "DEM", nir="5820262041001")
        job = self._run_flux([samples.household(50, persons=[bad]), samples.household(51)])
        self.assertEqual(job.state, "invalid")
        self.assertIn("NIR", job.line_ids.mapped("column"))
        self.assertFalse(self._household(samples.household(51)["matricule"]),
                         "all or nothing: nothing written")

    def test_nir_of_another_person_is_a_conflict(self):
        values = samples.household(60)
        self._run_flux([values])
        other = samples.person(601, "DEM", nir=values["persons"][0]["nir"], lastname="AUTRE")
        job = self._run_flux([samples.household(61, persons=[other])])
        self.assertEqual(job.state, "invalid")
        self.assertEqual(job.line_ids.mapped("column"), ["NIR"])

    def test_file_not_following_the_schema_is_rejected(self):
        content = samples.flux_bytes([samples.household(80)]).replace(
            b"<ETATDOSRSA>2</ETATDOSRSA>", b"<ETATDOSRSA>22</ETATDOSRSA>")
        job = self._flux_job(content)
        job.action_import()
        self.assertEqual(job.state, "failed")
        self.assertTrue(job.line_ids, "the schema's errors are in the report")
        self.assertFalse(self._household(samples.household(80)["matricule"]))
        broken = self._flux_job(b"<Racine><IdentificationFlux>")
        broken.action_import()
        self.assertEqual(broken.state, "failed")

    def test_utf8_flux_and_existing_beneficiary_matched_by_name(self):
        existing = self.env["res.partner"].create({
            "lastname": "Dupont-Éloi", "firstname": "Anne", "birthdate_date": "1980-05-04",
            "is_rsa_beneficiary": True})
        person = samples.person(700, "DEM", lastname="DUPONT ELOI", firstname="ANNE",
                                birthdate="1980-05-04")
        job = self._run_flux([samples.household(71, persons=[person])], encoding="utf-8")
        self.assertEqual(job.state, "done", job.line_ids.mapped("reason"))
        self.assertEqual(self._partner_by_nir(person["nir"]), existing)
        self.assertEqual(existing.rsa_household_id.matricule,
                         samples.household(71)["matricule"])

    def test_carnets_setting(self):
        self.env["ir.config_parameter"].sudo().set_param("cdb_flux.caf_create_notebooks", "0")
        values = samples.household(72)
        self._run_flux([values])
        partner = self._partner_by_nir(values["persons"][0]["nir"])
        self.assertTrue(partner.rsa_rights_duties)
        self.assertFalse(partner.cdb_notebook_ids)

    def test_rights_duties_without_flux_follow_the_guide(self):
        partner = self.env["res.partner"].create({
            "lastname": "Guide", "firstname": "Règle", "is_rsa_beneficiary": True,
            "rsa_household_resources": 100.0, "rsa_entry_date": "2026-01-10"})
        self.assertEqual((partner.rsa_rights_duties, partner.rsa_rights_duties_date,
                          partner.rsa_rights_duties_source), (True, "2026-01-10", "guide"))
        partner.rsa_household_resources = 5000.0
        self.assertFalse(partner.rsa_rights_duties)

    def test_reader_counts_and_reads_every_household(self):
        with tempfile.NamedTemporaryFile(suffix=".xml") as handle:
            samples.write_flux(handle, (samples.household(i) for i in range(1, 200)))
            handle.flush()
            read = [v["matricule"] for kind, _line, v in iter_flux(handle.name)
                    if kind == "household"]
            self.assertEqual(count_households(handle.name), 199)
        self.assertEqual(read, [samples.household(i)["matricule"] for i in range(1, 200)])


class TestFluxFolder(FluxCase):
    """The scheduled job reads each new file of the flux folder once."""

    def test_folder_files_read_once(self):
        import os
        folder = tempfile.mkdtemp()
        self.env["ir.config_parameter"].sudo().set_param("cdb_flux.folder", folder)
        values = samples.household(40)
        with open(os.path.join(folder, "flux.xml"), "wb") as output:
            samples.write_flux(output, [values])
        with open(os.path.join(folder, "extract.csv"), "wb") as output:
            output.write(samples.france_travail_bytes([]))
        with open(os.path.join(folder, "notes.txt"), "wb") as output:
            output.write(b"not a flux")
        Job = self.env["cdb.import.job"]
        self.assertEqual(Job._cron_read_folder(), 2)
        jobs = Job.search([("source", "=", "folder"), ("source_path", "like", folder + "%")])
        self.assertEqual(sorted(jobs.mapped("import_type")), ["caf_flux", "france_travail"])
        self.assertEqual(set(jobs.mapped("state")), {"queued"})
        self.assertEqual(Job._cron_read_folder(), 0, "a file is read once")
        Job._cron_process_jobs()
        flux_job = jobs.filtered(lambda j: j.import_type == "caf_flux")
        self.assertEqual(flux_job.state, "done", flux_job.error_message)
        self.assertTrue(self._household(values["matricule"]))
        self.assertEqual(len(flux_job.file_sha256), 64)

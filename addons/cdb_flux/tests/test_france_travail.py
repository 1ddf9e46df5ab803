from .common import FluxCase, samples, shared


class TestFranceTravail(FluxCase):
    """The France Travail extract: matching, registration, référent member,
    each line read once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.beneficiary = cls.env["res.partner"].create({
            "lastname": "Bernard", "firstname": "Inès", "birthdate_date": "1984-02-03",
            "is_rsa_beneficiary": True})
        cls.notebook = cls.env["cdb.notebook"].create({"beneficiary_id": cls.beneficiary.id})

    def _ft_job(self, lines):
        job = self._job(samples.france_travail_bytes(lines), "france_travail", "ft.csv",
                        partial=True)
        job.action_import()
        return job

    def test_line_recorded_and_referent_member(self):
        line = samples.france_travail_line("uid-1", "BERNARD", "INES", "1984-02-03",
                                           "alice.referente@francetravail.test")
        job = self._ft_job([line])
        self.assertEqual((job.state, job.created_count), ("done", 1))
        record = self.env["cdb.france.travail.record"].search(
            [("partner_id", "=", self.beneficiary.id)])
        self.assertEqual(record.registration_date, "2026-03-02")
        self.assertEqual(record.modality, "GUIDE")
        self.assertEqual(record.category, "1")
        self.assertEqual(record.rome_code_ids.mapped("code"), ["K1304"])
        self.assertEqual(record.difficulties, "Financial, Housing")
        user = record.referent_user_id
        self.assertEqual(user.login, "alice.referente@francetravail.test")
        self.assertEqual(user.cdb_structure_id.name, "France Travail – ARRAS")
        self.assertIn(user, self.notebook.member_ids.filtered("active").mapped("user_id"))
        again = self._ft_job([line])
        self.assertEqual((again.created_count, again.unchanged_count), (0, 1))
        self.assertEqual(self.env["cdb.france.travail.record"].search_count(
            [("partner_id", "=", self.beneficiary.id)]), 1)

    def test_line_matching_no_one_is_left_in_the_report(self):
        lines = [samples.france_travail_line("uid-2", "INCONNU", "PERSONNE", "1990-01-01",
                                             "bob@francetravail.test"),
                 samples.france_travail_line("uid-3", "BERNARD", "INES", "1984-02-03", "")]
        job = self._ft_job(lines)
        self.assertEqual((job.state, job.created_count, job.rejected_count), ("done", 1, 1))
        self.assertEqual(job.line_ids.line, 2)
        self.assertFalse(self.env["res.users"].search([("login", "=", "bob@francetravail.test")]))

    def test_shared_extract_reads(self):
        job = self._job(shared("france-travail/extract_principal.csv"), "france_travail",
                        "extract.csv", partial=True)
        job.action_import()
        self.assertEqual(job.state, "invalid", "nobody of the extract is known here")
        self.assertEqual(job.rejected_count, 4)
        self.assertFalse(job.ignored_columns)

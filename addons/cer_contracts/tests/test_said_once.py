"""Said once (seed 002, "dites-le nous une fois"; issue 11): the RQTH, the
education level and the jobs sought (ROME) live in the carnet's situation;
the CER professionnel shows them — as they were when it was signed — and
lists the jobs sought without typing the ROME codes again."""
from .common import LiaisonCase


class TestContractSaidOnce(LiaisonCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pro_notebook = cls._oriented_notebook("professional_other")
        cls.level = cls.env.ref("carnet_de_bord.diploma_level_4")
        cls.rome = cls.env["cdb.rome.code"].search([], limit=2)
        cls.situation = cls.env["cdb.situation"].create({
            "notebook_id": cls.pro_notebook.id, "rqth": True,
            "diploma_level_id": cls.level.id, "rome_code_ids": [(6, 0, cls.rome.ids)]})

    def _draft(self):
        return self._contract(self.pro_notebook, contract_type="cer_professional",
                              duration_months=6)

    def test_the_contract_shows_the_situation(self):
        contract = self._draft()
        self.assertEqual((contract.rqth, contract.diploma_level_id, contract.rome_code_ids),
                         (True, self.level, self.rome))
        for name in ("rqth", "diploma_level_id", "rome_code_ids"):
            self.assertFalse(contract._fields[name].store, name)

    def test_the_form_lists_the_jobs_sought_of_the_situation(self):
        Contract = self.env["cer.contract"].sudo(self.referent)
        contract = Contract.new({"notebook_id": self.pro_notebook.id,
                                 "contract_type": "cer_professional"})
        contract._onchange_jobs_sought()
        self.assertEqual(contract.job_ids.mapped("rome_code_id"), self.rome)

    def test_a_signed_contract_keeps_what_was_said_when_signed(self):
        """The situation of the day of the signature; a later revision
        changes the situation, not the signed contract."""
        yesterday = self._shift(self.today, days=-1)
        self.env.cr.execute("UPDATE cdb_situation SET create_date = %s WHERE id = %s",
                            (self._shift(self.today, days=-2) + " 10:00:00", self.situation.id))
        contract = self._draft()
        self._pap_line(contract)
        contract.sudo(self.referent).write({"beneficiary_signed_date": yesterday,
                                            "referent_signed_date": yesterday,
                                            "reciprocity_answer": "declined"})
        contract.sudo(self.referent).action_sign()
        self.env["cdb.situation"].create({"notebook_id": self.pro_notebook.id,
                                          "rqth": False, "reason": "Plus de RQTH"})
        self.pro_notebook.invalidate_cache()
        contract.invalidate_cache()
        self.assertEqual(contract.signed_date, yesterday)
        self.assertEqual((contract.rqth, contract.diploma_level_id), (True, self.level))
        unsigned = self.env["cer.contract"].new({"notebook_id": self.pro_notebook.id,
                                                 "contract_type": "cer_professional"})
        self.assertFalse(unsigned.rqth, "an unsigned contract shows the current situation")

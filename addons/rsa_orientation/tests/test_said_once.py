"""Said once (seed 002, "dites-le nous une fois"; issue 11): the RQTH, the
education level and the jobs sought (ROME) live in the carnet's situation;
the socio-professional data (DSP) show them from there and nobody types
them again."""
from odoo.exceptions import AccessError

from .common import OrientationCase


class TestDspSaidOnce(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utditeunefois", cls.referent)
        cls._member(cls.notebook, cls.accompagnateur)
        cls.level = cls.env.ref("carnet_de_bord.diploma_level_5")
        cls.rome = cls.env["cdb.rome.code"].search([], limit=2)
        cls.env["cdb.situation"].create({
            "notebook_id": cls.notebook.id, "rqth": True, "diploma_level_id": cls.level.id,
            "rome_code_ids": [(6, 0, cls.rome.ids)]})
        cls.dsp = cls.env["rsa.dsp"].create({"notebook_id": cls.notebook.id,
                                             "professional_project": "Cariste"})

    def test_dsp_shows_the_situation(self):
        self.assertEqual((self.dsp.rqth, self.dsp.diploma_level_id, self.dsp.rome_code_ids),
                         (True, self.level, self.rome))

    def test_dsp_does_not_keep_a_copy(self):
        """Typed on the DSP, the items are not stored there: the situation
        stays the one place (a new version of it changes what the DSP shows)."""
        other = self.env["rsa.dsp"].create({
            "notebook_id": self.notebook.id, "rqth": False,
            "diploma_level_id": self.env.ref("carnet_de_bord.diploma_level_1").id})
        self.assertEqual((other.rqth, other.diploma_level_id), (True, self.level))
        self.notebook.invalidate_cache()
        self.env["cdb.situation"].create({"notebook_id": self.notebook.id, "rqth": False,
                                          "diploma_level_id": self.level.id})
        self.dsp.invalidate_cache()
        self.assertFalse(self.dsp.rqth)
        self.assertFalse(self.dsp.rome_code_ids)
        for name in ("rqth", "diploma_level_id", "rome_code_ids"):
            self.assertNotIn(name, self.env["rsa.dsp"]._revision_fields)
            self.assertFalse(self.env["rsa.dsp"]._fields[name].store)

    def test_a_member_the_situation_is_hidden_from_reads_nothing_of_it(self):
        member = self.notebook.member_ids.filtered(lambda m: m.user_id == self.accompagnateur)
        member.sudo(self.referent).write({"share_situation": False})
        dsp = self.env["rsa.dsp"].sudo(self.accompagnateur).browse(self.dsp.id)
        with self.assertRaises(AccessError):
            dsp.read(["rqth", "diploma_level_id", "rome_code_ids"])

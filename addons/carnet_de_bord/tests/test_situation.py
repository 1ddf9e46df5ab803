from odoo.exceptions import UserError

from .common import CdbCase


class TestSituationHistory(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utsituation", cls.referent)
        cls.level = cls.env.ref("carnet_de_bord.diploma_level_5")
        cls.rome = cls.env["cdb.rome.code"].search([("code", "=", "K1201")])
        cls.first = cls.env["cdb.situation"].sudo(cls.referent).create({
            "notebook_id": cls.notebook.id,
            "housing": "Hébergée chez un tiers",
            "resources": "RSA socle",
            "diploma_level_id": cls.level.id,
            "rome_code_ids": [(6, 0, cls.rome.ids)],
            "reason": "Premier diagnostic",
        })

    def _revise(self, **changes):
        """Revise as the web client does: open the dialog, save the prefilled
        form with the user's changes."""
        action = self.notebook.sudo(self.referent).action_revise_situation()
        Situation = self.env["cdb.situation"].sudo(self.referent).with_context(
            action["context"])
        values = Situation.default_get(list(Situation._fields))
        values.update(changes)
        situation = Situation.create(values)
        situation.action_save_revision()
        self.notebook.invalidate_cache()
        return situation

    def test_revising_creates_a_new_version(self):
        second = self._revise(housing="Locataire parc social", reason="Relogement")
        self.assertNotEqual(second, self.first)
        self.assertEqual(self.notebook.situation_ids, second | self.first)
        self.assertEqual(self.notebook.situation_id, second)
        self.assertEqual(self.notebook.situation_housing, "Locataire parc social")

    def test_old_version_kept_unchanged(self):
        self._revise(housing="Locataire parc social")
        self.first.invalidate_cache()
        self.assertEqual(self.first.housing, "Hébergée chez un tiers")
        self.assertEqual(self.first.reason, "Premier diagnostic")

    def test_revision_copies_unchanged_fields(self):
        second = self._revise(housing="Locataire parc social")
        self.assertEqual(second.resources, "RSA socle")
        self.assertEqual(second.diploma_level_id, self.level)
        self.assertEqual(second.rome_code_ids, self.rome)

    def test_writing_a_version_refused(self):
        for situation in (self.first, self._revise(housing="Locataire")):
            with self.subTest(situation=situation.id):
                self.assertRefused(
                    UserError, "cdb.situation",
                    [("id", "=", situation.id), ("resources", "=", "RSA socle")],
                    lambda: situation.sudo(self.referent).write({"resources": "Salaire"}),
                    rollback=False)

    def test_writing_a_version_refused_even_to_admin(self):
        with self.assertRaises(UserError):
            self.first.write({"housing": "Autre"})

    def test_history_not_deletable_by_professional(self):
        self.assertRefused(
            UserError, "cdb.situation", [("notebook_id", "=", self.notebook.id)],
            lambda: self.first.sudo(self.referent).unlink(), rollback=False)

    def test_revise_action_prefills_from_current_version(self):
        second = self._revise(housing="Locataire parc social", employment="Vendeuse")
        context = self.notebook.action_revise_situation()["context"]
        self.assertEqual(context["default_notebook_id"], self.notebook.id)
        self.assertEqual(context["default_housing"], "Locataire parc social")
        self.assertEqual(context["default_employment"], "Vendeuse")
        self.assertEqual(context["default_resources"], "RSA socle")
        self.assertEqual(context["default_diploma_level_id"], self.level.id)
        self.assertEqual(context["default_rome_code_ids"], [(6, 0, self.rome.ids)])
        self.assertNotIn("default_reason", context)
        self.assertEqual(self.notebook.situation_id, second)

    def test_revise_action_without_situation(self):
        notebook = self._notebook("Utsanssituation", self.referent)
        action = notebook.action_revise_situation()
        self.assertEqual(action["res_model"], "cdb.situation")
        self.assertEqual(action["context"], {"default_notebook_id": notebook.id})
        self.assertFalse(notebook.situation_id)

"""The migration to 11.0.1.2.0 (issue 11): the recorded review dates become
validated reviews, and the items said once that only the DSP or a contract
held go into a new version of the situation."""
import importlib.util
import os
from unittest.mock import patch

from odoo.modules.module import get_module_path

from .common import CdbCase


def _migration():
    path = os.path.join(get_module_path("carnet_de_bord"), "migrations", "11.0.1.2.0",
                        "post-migration.py")
    spec = importlib.util.spec_from_file_location("cdb_migration_11_0_1_2_0", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestMigration(CdbCase):

    def test_review_date_becomes_a_validated_review(self):
        notebook = self._notebook("Utmigrationbilan", self.referent)
        date = self._shift(self.today, months=-2)
        self.cr.execute("UPDATE cdb_notebook SET last_review_date = %s WHERE id = %s",
                        (date, notebook.id))
        _migration()._reviews_from_review_dates(self.cr)
        notebook.invalidate_cache()
        review = notebook.review_ids
        self.assertEqual((review.state, review.date), ("validated", date))
        notebook._compute_last_review_date()
        self.assertEqual(notebook.last_review_date, date)

    def test_items_said_once_join_the_situation(self):
        notebook = self._notebook("Utmigrationsituation", self.referent)
        level = self.env.ref("carnet_de_bord.diploma_level_4")
        rome = self.env["cdb.rome.code"].search([], limit=1)
        current = self.env["cdb.situation"].create({"notebook_id": notebook.id,
                                                    "housing": "Locataire"})
        migration = _migration()
        sources = {notebook.id: {"rqth": True, "diploma_level_id": level.id,
                                 "rome_code_ids": rome.ids}}
        with patch.object(migration, "_sources", return_value=sources):
            migration._said_once_into_the_situation(self.cr)
        notebook.invalidate_cache()
        new = notebook.situation_ids - current
        self.assertEqual(len(new), 1)
        self.assertEqual((new.rqth, new.diploma_level_id, new.rome_code_ids, new.housing),
                         (True, level, rome, "Locataire"))
        # nothing new when the situation already says it
        with patch.object(migration, "_sources", return_value=sources):
            migration._said_once_into_the_situation(self.cr)
        notebook.invalidate_cache()
        self.assertEqual(len(notebook.situation_ids), 2)

"""The "followed by" conditions of the record rules
(``cdb.notebook.followed.mixin``): the records of the carnets a user or a
structure follows through an active membership, of a référent's carnets, of
a territory's carnets — written ``EXISTS`` (``cdb_base.exists_leaf``), with
the results of the plain sub-select."""
from odoo.osv.expression import expression as Expression

from odoo.addons.cdb_base import exists_leaf

from .common import CdbCase


class TestFollowed(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.territory = cls.env["cdb.territory"].create({"name": "UT Territoire suivi"})
        cls.followed = cls._notebook("Utsuivi", cls.referent, territory_id=cls.territory.id)
        cls._member(cls.followed, cls.accompagnateur)
        cls.ended = cls._notebook("Utfini", cls.referent2)
        cls._member(cls.ended, cls.accompagnateur2).active = False
        cls.other = cls._notebook("Utautre", cls.referent2)
        cls.actions = {notebook: cls._action(notebook)
                       for notebook in (cls.followed, cls.ended, cls.other)}

    def _actions(self, domain):
        return self.env["cdb.action"].search(
            domain + [("id", "in", [action.id for action in self.actions.values()])])

    def _of(self, *notebooks):
        return self.env["cdb.action"].union(*(self.actions[notebook] for notebook in notebooks))

    def test_the_records_of_the_followed_carnets(self):
        cases = [
            ([("cdb_followed_by_user_id", "=", self.accompagnateur.id)], [self.followed]),
            ([("cdb_followed_by_user_id", "=", self.accompagnateur2.id)], []),  # ended
            ([("cdb_followed_by_user_id", "in", [self.referent.id, self.referent2.id])],
             [self.followed, self.ended, self.other]),
            ([("cdb_followed_by_structure_id", "=", self.structure_b.id)], [self.followed]),
            ([("cdb_notebook_referent_id", "=", self.referent2.id)], [self.ended, self.other]),
            ([("cdb_notebook_territory_id", "in", self.territory.ids)], [self.followed]),
            ([("cdb_notebook_territory_id", "in", [])], []),
            (["|", ("cdb_followed_by_user_id", "=", self.accompagnateur.id),
              ("cdb_notebook_referent_id", "=", self.referent2.id)],
             [self.followed, self.ended, self.other]),
        ]
        for domain, notebooks in cases:
            with self.subTest(domain=domain):
                self.assertEqual(self._actions(domain), self._of(*notebooks))

    def test_written_exists_with_the_results_of_in(self):
        Action = self.env["cdb.action"]
        domain = ["|", ("cdb_followed_by_structure_id", "=", self.structure_b.id),
                  ("cdb_notebook_territory_id", "in", self.territory.ids)]
        where = Action._where_calc(domain).get_sql()[1]
        self.assertEqual(where.count("EXISTS"), 2, where)
        as_exists = self._actions(domain)
        patched = Expression._expression__leaf_to_sql
        try:
            Expression._expression__leaf_to_sql = exists_leaf._leaf_to_sql  # Odoo's: IN
            where = Action._where_calc(domain).get_sql()[1]
            self.assertNotIn("EXISTS", where)
            self.assertEqual(self._actions(domain), as_exists)
        finally:
            Expression._expression__leaf_to_sql = patched
        self.assertEqual(as_exists, self._of(self.followed))

"""A territory is the scope of its correspondants and of the managers
restricted to it: archiving it changes no one's access, and it is not deleted
while it is held (a manager whose only territory disappeared would see the
whole département)."""
from odoo.exceptions import UserError

from ..models.cdb_notebook_policy import ROLE_CORRESPONDANT, ROLE_MANAGER
from .common import CdbCase


class TestTerritory(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Territory = cls.env["cdb.territory"]
        cls.north = Territory.create({"name": "UT Territoire nord"})
        cls.south = Territory.create({"name": "UT Territoire sud"})
        cls.correspondant = cls._user("ut.corr.nord", "group_cdb_correspondant")
        cls.correspondant.cdb_territory_ids = cls.north
        cls.manager = cls._user("ut.manager.nord", "group_cdb_manager")
        cls.manager.cdb_territory_ids = cls.north
        cls.in_north = cls._notebook("Utnord", cls.referent, territory_id=cls.north.id)
        cls.in_south = cls._notebook("Utsud", cls.referent2, territory_id=cls.south.id)

    def _seen_by(self, user):
        return self.env["cdb.notebook"].sudo(user).search(
            [("id", "in", (self.in_north | self.in_south).ids)])

    def test_archiving_the_territory_keeps_the_scopes(self):
        self.assertEqual(self._seen_by(self.manager), self.in_north)
        self.assertEqual(self._seen_by(self.correspondant), self.in_north)
        self.north.active = False
        self.env["ir.rule"].clear_caches()  # what a new request of another worker sees
        self.assertEqual(self.manager.cdb_territory_ids, self.north)
        self.assertEqual(self._seen_by(self.manager), self.in_north,
                         "the manager stays restricted to the archived territory")
        self.assertEqual(self._seen_by(self.correspondant), self.in_north)
        self.assertIn(ROLE_CORRESPONDANT, self.in_north._cdb_roles(self.correspondant))
        self.assertIn(ROLE_MANAGER, self.in_north._cdb_roles(self.manager))
        self.assertNotIn(ROLE_MANAGER, self.in_south._cdb_roles(self.manager))

    def test_a_held_territory_is_not_deleted(self):
        for territory in (self.north, self.south):  # held by users / by a carnet
            with self.subTest(territory=territory.name), \
                    self.assertRaisesRegex(UserError, territory.name):
                territory.unlink()
            self.assertTrue(territory.exists())
        self.assertEqual(self._seen_by(self.manager), self.in_north)

    def test_a_territory_no_one_holds_is_deleted(self):
        unused = self.env["cdb.territory"].create({"name": "UT Territoire vide"})
        unused.unlink()
        self.assertFalse(unused.exists())

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import _

from odoo.addons.cdb_base.exists_leaf import exists_leaf

# The carnets a user follows: those where they are an active member (the
# groupe de suivi), and those an active member of a structure follows.
FOLLOWED_BY_USER_SQL = "SELECT notebook_id FROM cdb_notebook_member WHERE active_user_id IN %s"
FOLLOWED_BY_STRUCTURE_SQL = ("SELECT notebook_id FROM cdb_notebook_member"
                             " WHERE active_structure_id IN %s")
# The carnets of référents.
REFERENT_SQL = "SELECT id FROM cdb_notebook WHERE referent_id IN %s"
# The carnets of territories (a correspondant's, a manager's).
TERRITORY_SQL = "SELECT id FROM cdb_notebook WHERE territory_id IN %s"


def followed_ids(operator, value):
    """The ids of a "followed by" search (a user or a structure, ``=`` or
    ``in``) as a tuple for SQL; -1 matches nothing."""
    if operator not in ("=", "in"):
        raise UserError(_("The carnets followed by someone are searched with = or in only."))
    values = value if isinstance(value, (list, tuple)) else [value]
    return tuple(item for item in values if item) or (-1,)


def sub_select(model, path, sql, params):
    """The domain leaf of the records of ``model`` whose many2one ``path``
    (``notebook_id``, ``contract_id.notebook_id``…) leads to a carnet of
    ``sql``: one SQL condition whatever the number of carnets (no list of
    ids), written ``EXISTS`` (``cdb_base.exists_leaf``: a form probes the
    index for its few rows, a list hashes the carnets)."""
    names = path.split(".")
    for index in range(len(names) - 1, 0, -1):
        owner = model
        for name in names[:index]:
            owner = model.env[owner._fields[name].comodel_name]
        sql = 'SELECT id FROM "%s" WHERE "%s" IN (%s)' % (owner._table, names[index], sql)
    return exists_leaf(names[0], sql, params)


class CdbNotebookFollowedMixin(models.AbstractModel):
    """The records of the carnets a user or a structure follows, as record
    rules ask for them: ``cdb_followed_by_user_id = user.id``,
    ``cdb_followed_by_structure_id = structure.id`` and
    ``cdb_notebook_territory_id in territories`` are SQL sub-selects on
    the active members and the carnets (issue 15: a structure administrator follows
    1,700 carnets, and a rule written ``notebook_id.member_ids.
    active_user_id`` fetched their ids on every read). ``_cdb_notebook_field``
    is the path of many2one fields from the record to its carnet."""

    _name = "cdb.notebook.followed.mixin"
    _description = "Record of the carnets a user follows"

    _cdb_notebook_field = "notebook_id"

    cdb_followed_by_user_id = fields.Many2one(
        "res.users", "Followed by (user)", compute="_compute_cdb_followed_by",
        search="_search_cdb_followed_by_user_id",
        help="Search only: the records of the carnets where this user is an active member.")
    cdb_followed_by_structure_id = fields.Many2one(
        "res.partner", "Followed by (structure)", compute="_compute_cdb_followed_by",
        search="_search_cdb_followed_by_structure_id",
        help="Search only: the records of the carnets an active member of this "
             "structure follows.")

    cdb_notebook_referent_id = fields.Many2one(
        "res.users", "Référent of the carnet", compute="_compute_cdb_followed_by",
        search="_search_cdb_notebook_referent_id",
        help="Search only: the records of the carnets of this référent.")
    cdb_notebook_territory_id = fields.Many2one(
        "cdb.territory", "Territory of the carnet", compute="_compute_cdb_followed_by",
        search="_search_cdb_notebook_territory_id",
        help="Search only: the records of the carnets of this territory.")

    def _compute_cdb_followed_by(self):
        """Search-only fields: nothing to show."""
        for record in self:
            record.cdb_followed_by_user_id = False
            record.cdb_followed_by_structure_id = False
            record.cdb_notebook_referent_id = False
            record.cdb_notebook_territory_id = False

    def _search_cdb_followed_by_user_id(self, operator, value):
        return [self._cdb_followed_leaf(FOLLOWED_BY_USER_SQL, [followed_ids(operator, value)])]

    def _search_cdb_followed_by_structure_id(self, operator, value):
        return [self._cdb_followed_leaf(FOLLOWED_BY_STRUCTURE_SQL,
                                        [followed_ids(operator, value)])]

    def _search_cdb_notebook_referent_id(self, operator, value):
        return [self._cdb_followed_leaf(REFERENT_SQL, [followed_ids(operator, value)])]

    def _search_cdb_notebook_territory_id(self, operator, value):
        return [self._cdb_followed_leaf(TERRITORY_SQL, [followed_ids(operator, value)])]

    def _cdb_followed_leaf(self, notebooks_sql, params):
        """The domain leaf of the records of the carnets ``notebooks_sql``
        selects."""
        return sub_select(self, self._cdb_notebook_field, notebooks_sql, params)

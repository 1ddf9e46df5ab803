from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

IMPORT_EXPORT_GROUP = "cdb_base.group_import_export"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.multi
    def name_get(self):
        """The user's name read alone: Odoo 11 loads every column of the user
        and of their partner to name them (res_partner.py, issue 15). As
        superuser (a many2one shown in a list or a form) one query gives
        the names of the page."""
        if self.env.uid != SUPERUSER_ID or not all(isinstance(id_, int) for id_ in self.ids):
            return super(ResUsers, self.with_context(prefetch_fields=False)).name_get()
        # the superuser reads every user: the name of their partner
        self.env.cr.execute("""
            SELECT users.id, partner.name FROM res_users users
              JOIN res_partner partner ON partner.id = users.partner_id
             WHERE users.id IN %s""", (tuple(self.ids) or (0,),))
        names = dict(self.env.cr.fetchall())
        return [(user.id, names.get(user.id) or "") for user in self]

    @api.model
    def _cdb_may_import_export(self):
        """Whether the current user may use Odoo's generic import and the
        import-compatible export (``group_import_export``)."""
        return self.env.user.has_group(IMPORT_EXPORT_GROUP)

    @api.model
    def _cdb_check_import_export(self):
        if not self._cdb_may_import_export():
            raise AccessError(_(
                "Importing files and the import-compatible export are reserved to the "
                "managers of the Département: use the exports of the application, or ask "
                "a manager."))

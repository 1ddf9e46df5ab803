from odoo import _, api, models
from odoo.exceptions import AccessError

IMPORT_EXPORT_GROUP = "cdb_base.group_import_export"


class ResUsers(models.Model):
    _inherit = "res.users"

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

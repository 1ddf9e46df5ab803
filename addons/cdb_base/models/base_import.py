from odoo import api, models


class BaseImport(models.TransientModel):
    """Odoo's generic import is refused on the server to who may not use it
    (``res.users._cdb_check_import_export``); the web client hides its
    button (static/src/js/import_export.js). A transient model has no access
    rights in Odoo 11: the check is here."""

    _inherit = "base_import.import"

    @api.multi
    def parse_preview(self, options, count=10):
        self.env["res.users"]._cdb_check_import_export()
        return super().parse_preview(options, count=count)

    @api.multi
    def do(self, fields, options, dryrun=False):
        self.env["res.users"]._cdb_check_import_export()
        return super().do(fields, options, dryrun=dryrun)

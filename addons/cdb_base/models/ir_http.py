from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """The web client hides the generic import and the import-compatible
        export from who may not use them (the server refuses them too)."""
        info = super().session_info()
        info["cdb_may_import_export"] = self.env["res.users"]._cdb_may_import_export()
        return info

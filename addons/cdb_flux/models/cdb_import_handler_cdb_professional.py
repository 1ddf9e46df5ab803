from odoo import models


class CdbImportHandlerCdbProfessional(models.AbstractModel):
    """The professionals template of the public Carnet de bord service
    (``import_professionnels.csv``): e-mail, names, phone, function; the
    line is imported as a line of our professionals import (matched on the
    e-mail, the "professional" profile)."""

    _name = "cdb.import.handler.cdb_professional"
    _inherit = "cdb.import.handler.professional"
    _description = "Import of the professionals of the public Carnet de bord service"

    def _check_row(self, state, line, values):
        values.pop("function", None)
        return super()._check_row(state, line, values)

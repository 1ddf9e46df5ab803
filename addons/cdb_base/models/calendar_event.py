from odoo import models


class CalendarEvent(models.Model):
    """An appointment linked to a protected document through
    ``res_model``/``res_id`` (scheduled from its chatter) is visible only to
    who may read that document (the modules built on this one add their own
    rules, e.g. carnet_de_bord's appointments of a carnet)."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        return self._cdb_document_clause(query)

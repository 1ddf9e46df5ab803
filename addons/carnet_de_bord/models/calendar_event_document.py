from odoo import models


class CalendarEvent(models.Model):
    """An appointment linked to a protected document through
    ``res_model``/``res_id`` (scheduled from its chatter) is visible only to
    who may read that document; appointments of a carnet (``cdb_notebook_id``)
    follow the rules of security/cdb_rules.xml."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        return self._cdb_document_clause(query)

from odoo import models


class CalendarAttendee(models.Model):
    """Every employee reads every attendee in Odoo 11, with the name and
    e-mail of the beneficiary invited to a carnet's appointment: an
    attendee is visible to the invited person and with its appointment."""

    _name = "calendar.attendee"
    _inherit = ["calendar.attendee", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        clause, params = self._cdb_parent_clause("event_id", "calendar.event")
        return self._cdb_any_of(clause, params, [
            (self._cdb_column("partner_id") + " = %s", [self.env.user.partner_id.id])])

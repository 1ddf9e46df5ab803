from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..settings import ACCESS_LOG_MONTHS

# Put in the context by _expire only: the retention period deletes lines, a
# client cannot (a Python object, not a value sent over RPC).
_EXPIRY_KEY = "cdb_access_log_expiry"
_EXPIRY = object()


class CdbAccessLog(models.Model):
    """Who read a carnet without being one of its active members, when and
    why (issue "Audit and data protection"). The carnet is shared "dans le
    respect des règles de confidentialité des informations personnelles
    (CNIL)" and "ne constitue pas un outil de contrôle" (seed 000): a
    consultation from outside the groupe de suivi leaves a trace its members
    and the beneficiary can read.

    Append-only: lines are written by the server (sudo) only; nobody
    modifies them and only the retention cron deletes them.
    """

    _name = "cdb.access.log"
    _inherit = "cdb.notebook.followed.mixin"
    _description = "Access to a carnet by a non-member"
    _order = "date desc, id desc"
    _rec_name = "date"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade",
        index=True, readonly=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", readonly=True, string="Beneficiary")
    user_id = fields.Many2one(
        "res.users", "Consulted by", required=True, ondelete="restrict", index=True,
        readonly=True)
    date = fields.Datetime(
        required=True, index=True, readonly=True, default=fields.Datetime.now)
    reason = fields.Text(required=True, readonly=True)

    @api.multi
    def write(self, vals):
        self.check_access_rights("write")
        if self:
            raise UserError(_("The journal of accesses cannot be modified."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.env.context.get(_EXPIRY_KEY) is not _EXPIRY:
            raise UserError(_("The journal of accesses cannot be deleted: its "
                              "lines expire with the retention period."))
        return super().unlink()

    def _expire(self):
        """Delete these lines: the retention period only (the cron, the
        anonymisation of a carnet)."""
        return self.with_context(**{_EXPIRY_KEY: _EXPIRY}).unlink()

    @api.model
    def _log_accesses(self, notebook_ids, reasons, user=None):
        """One line per carnet of ``notebook_ids`` for ``user`` (default:
        the current user), ``reasons`` being one text for all or a
        {notebook id: text} dict. A carnet already logged for that user in
        the last minute is skipped (a form reads its record several times).
        Two SQL queries whatever the number of carnets."""
        if not notebook_ids:
            return 0
        user_id = (user or self.env.user).id
        if not isinstance(reasons, dict):
            reasons = dict.fromkeys(notebook_ids, reasons)
        now = fields.Datetime.now()
        self.env.cr.execute("""
            SELECT DISTINCT notebook_id FROM cdb_access_log
             WHERE user_id = %s AND notebook_id IN %s
               AND date > %s::timestamp - interval '1 minute'
        """, (user_id, tuple(notebook_ids), now))
        recent = {row[0] for row in self.env.cr.fetchall()}
        rows = [(nid, user_id, now, reasons[nid], user_id, now, user_id, now)
                for nid in notebook_ids if nid not in recent]
        if rows:
            values = sql.SQL(", ").join([sql.SQL("(%s, %s, %s, %s, %s, %s, %s, %s)")] * len(rows))
            self.env.cr.execute(
                sql.SQL("INSERT INTO cdb_access_log (notebook_id, user_id, date, reason, "
                        "create_uid, create_date, write_uid, write_date) VALUES {}").format(values),
                [value for row in rows for value in row])
            self.invalidate_cache()
        return len(rows)

    @api.model
    def _recent_reasons(self, notebook_ids, hours, user=None):
        """{notebook id: reason} of the lines of ``user`` younger than
        ``hours`` for these carnets (one query)."""
        self.env.cr.execute("""
            SELECT DISTINCT ON (notebook_id) notebook_id, reason FROM cdb_access_log
             WHERE user_id = %s AND notebook_id IN %s
               AND date > %s::timestamp - %s * interval '1 hour'
             ORDER BY notebook_id, date DESC
        """, ((user or self.env.user).id, tuple(notebook_ids), fields.Datetime.now(), hours))
        return dict(self.env.cr.fetchall())

    @api.model
    def _access_log_months(self):
        """Months an access line is kept (the public Carnet de bord service
        keeps connection logs 12 months)."""
        return ACCESS_LOG_MONTHS.get(self.env)

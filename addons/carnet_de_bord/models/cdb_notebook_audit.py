import threading

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, except_orm

REASON_HOURS_PARAM = "carnet_de_bord.access_reason_hours"
DEFAULT_REASON_HOURS = 8
REASON_CONTEXT_KEY = "cdb_access_reason"

# Set while the ORM loads fields into its cache for code that uses them
# (record.field): such reads are not a person reading the carnet.
_prefetching = threading.local()


class CdbAccessReasonRequired(UserError):
    """A user who is not an active member of a carnet reads its content
    without saying why. ``args[1]`` lists the carnets concerned: the web
    client (static/src/js/cdb_access_reason.js) asks for the reason of the
    first one instead of showing an error."""

    def __init__(self, msg, notebook_ids):
        except_orm.__init__(self, msg, value=list(notebook_ids))


class CdbNotebook(models.Model):
    """Reading a carnet from outside its groupe de suivi is logged, with a
    reason (issue "Audit and data protection"; seed 000: shared "dans le
    respect des règles de confidentialité des informations personnelles
    (CNIL)", "Il ne constitue pas un outil de contrôle").

    "Reading the carnet" means reading any field outside
    ``_cdb_audit_free_fields`` (what lists, kanban cards and searches show)
    through ``read()`` (as the web client and XML-RPC do; not the ORM's own
    loading of fields for the code) or ``export_data()``, as an internal
    user who is not an active member nor the référent (the superuser and
    sudo are not concerned). The reason comes from the context key ``cdb_access_reason``
    (the "Motif de consultation" dialog, an XML-RPC client) or from a line
    of the same user for the same carnet younger than
    ``carnet_de_bord.access_reason_hours`` (one reason per working day).
    Each such read adds a line (not twice within a minute).
    """

    _inherit = "cdb.notebook"

    # Fields of lists, cards, searches and headers: reading them is not
    # reading the carnet. Other modules extend this set.
    _cdb_audit_free_fields = frozenset([
        "id", ".id", "display_name", "__last_update", "create_date", "create_uid",
        "write_date", "write_uid", "beneficiary_id", "caf_number", "birthdate_date",
        "referent_id", "structure_id", "territory_id", "state", "date_start",
        "date_end", "last_review_date", "next_review_date", "review_due",
        "late_action_count", "color", "retention_purge_date", "access_log_count",
        "activity_ids", "activity_state", "activity_date_deadline",
        "activity_summary", "activity_type_id", "activity_user_id",
        "message_needaction", "message_needaction_counter", "message_unread",
        "message_unread_counter", "message_is_follower", "message_has_error",
    ])

    access_log_ids = fields.One2many(
        "cdb.access.log", "notebook_id", "Accesses by non-members", readonly=True)
    access_log_count = fields.Integer(
        "Accesses by non-members", compute="_compute_access_log_count")

    def _compute_access_log_count(self):
        groups = self.env["cdb.access.log"].read_group(
            [("notebook_id", "in", self.ids)], ["notebook_id"], ["notebook_id"])
        counts = {g["notebook_id"][0]: g["notebook_id_count"] for g in groups}
        for notebook in self:
            notebook.access_log_count = counts.get(notebook.id, 0)

    # ---------------------------------------------------------------- reads
    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if not getattr(_prefetching, "depth", 0):
            self._cdb_audit_read(fields)
        return result

    def _prefetch_field(self, field):
        _prefetching.depth = getattr(_prefetching, "depth", 0) + 1
        try:
            return super()._prefetch_field(field)
        finally:
            _prefetching.depth -= 1

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        result = super().export_data(fields_to_export, raw_data=raw_data)
        self._cdb_audit_read([path.split("/")[0] for path in fields_to_export])
        return result

    def _cdb_audit_read(self, field_names):
        """Log the read of ``field_names`` on the carnets of ``self`` that
        the user does not follow; raise CdbAccessReasonRequired when one of
        them has no reason. A bounded number of queries for any number of
        carnets."""
        if not self._cdb_audit_applies(field_names):
            return
        outside = self._cdb_not_followed_ids()
        if not outside:
            return
        Log = self.env["cdb.access.log"].sudo()
        reason = (self.env.context.get(REASON_CONTEXT_KEY) or "").strip()
        if reason:
            Log._log_accesses(outside, reason, user=self.env.user)
            return
        recent = Log._recent_reasons(outside, self._cdb_reason_hours(), user=self.env.user)
        missing = [nid for nid in outside if nid not in recent]
        if missing:
            raise CdbAccessReasonRequired(_(
                "You are not a member of this carnet: state the reason for "
                "your consultation."), missing)
        Log._log_accesses(outside, recent, user=self.env.user)

    def _cdb_audit_applies(self, field_names):
        if not self.ids or self.env.uid == SUPERUSER_ID or self.env.user.share:
            return False
        if field_names is None:
            return True
        return bool(set(field_names) - self._cdb_audit_free_fields)

    def _cdb_not_followed_ids(self):
        """Ids of ``self`` whose user is neither the référent nor an active
        member (one query)."""
        self.env.cr.execute("""
            SELECT n.id FROM cdb_notebook n
             WHERE n.id IN %s AND n.referent_id IS DISTINCT FROM %s
               AND NOT EXISTS (SELECT 1 FROM cdb_notebook_member m
                                WHERE m.notebook_id = n.id AND m.active_user_id = %s)
             ORDER BY n.id
        """, (tuple(self.ids), self.env.uid, self.env.uid))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cdb_reason_hours(self):
        return float(self.env["ir.config_parameter"].sudo().get_param(
            REASON_HOURS_PARAM, DEFAULT_REASON_HOURS))

    # -------------------------------------------------------------- actions
    @api.multi
    def action_open_access_log(self):
        self.ensure_one()
        action = self.env.ref("carnet_de_bord.cdb_access_log_action").read()[0]
        action["domain"] = [("notebook_id", "=", self.id)]
        action["context"] = {"default_notebook_id": self.id}
        return action

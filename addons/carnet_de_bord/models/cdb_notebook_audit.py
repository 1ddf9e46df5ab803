from odoo import _, api, models
from odoo.exceptions import UserError, except_orm

from ..settings import ACCESS_REASON_HOURS

REASON_CONTEXT_KEY = "cdb_access_reason"


class CdbAccessReasonRequired(UserError):
    """A user who is not an active member of a carnet reads its content
    without saying why. ``args[1]`` lists the carnets concerned: the web
    client (static/src/js/cdb_access_reason.js) asks for the reason of the
    first one instead of showing an error."""

    def __init__(self, msg, notebook_ids):
        except_orm.__init__(self, msg, value=list(notebook_ids))


class CdbNotebookAudit(models.AbstractModel):
    """Reading a carnet from outside its groupe de suivi is logged, with a
    reason (issue "Audit and data protection"; seed 000: shared "dans le
    respect des règles de confidentialité des informations personnelles
    (CNIL)", "Il ne constitue pas un outil de contrôle").

    The reads come through cdb_base's hook (``cdb.read.audit.mixin``):
    ``read()`` (forms, lists, ``search_read``, XML-RPC), ``export_data()``
    and the prints (any QWeb report of the carnet or of one of its parts),
    not the ORM's own loading of fields for the code. "Reading the carnet"
    means reading any field outside ``_cdb_audit_free_fields`` (what lists,
    kanban cards and searches show), as an internal user who is not an
    active member nor the référent (the superuser, sudo and portal users
    are not concerned). The reason comes from the context key
    ``cdb_access_reason`` (the "Motif de consultation" dialog, an XML-RPC
    client: a key that *adds* a reason, never one that removes a check) or
    from a line of the same user for the same carnet younger than
    ``ACCESS_REASON_HOURS`` (one reason per working day). Each such read
    adds a line (not twice within a minute).

    A named mixin of ``cdb.notebook`` (listed in its ``_inherit``).
    """

    _name = "cdb.notebook.audit"
    _inherit = "cdb.read.audit.mixin"
    _description = "Journal of the reads of a carnet by non-members"

    # Fields of lists, cards, searches and headers: reading them is not
    # reading the carnet. Other modules extend this set.
    _cdb_audit_free_fields = frozenset([
        "id", ".id", "display_name", "__last_update", "create_date", "create_uid",
        "write_date", "write_uid", "beneficiary_id", "caf_number", "birthdate_date",
        "referent_id", "structure_id", "territory_id", "state", "date_start",
        "date_end", "last_review_date", "next_review_date", "review_due",
        "late_action_count", "color", "retention_purge_date", "access_log_count",
        "end_reason_id", "cdb_may_review", "cdb_may_close",
        "activity_ids", "activity_state", "activity_date_deadline",
        "activity_summary", "activity_type_id", "activity_user_id",
        "message_needaction", "message_needaction_counter", "message_unread",
        "message_unread_counter", "message_is_follower", "message_has_error",
    ])

    # ---------------------------------------------------------------- reads
    def _cdb_audit_content_read(self, field_names):
        """Log the read of the carnets of ``self`` that the user does not
        follow; raise CdbAccessReasonRequired when one of them has no
        reason. A bounded number of queries for any number of carnets."""
        outside = self._cdb_not_followed_ids()
        if not outside:
            return
        # sudo: the journal is written by the server only (nobody has write
        # access to it); the line records the current user
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
        return ACCESS_REASON_HOURS.get(self.env)

    # -------------------------------------------------------------- actions
    @api.multi
    def action_open_access_log(self):
        self.ensure_one()
        action = self.env.ref("carnet_de_bord.cdb_access_log_action").read()[0]
        action["domain"] = [("notebook_id", "=", self.id)]
        action["context"] = {"default_notebook_id": self.id}
        return action

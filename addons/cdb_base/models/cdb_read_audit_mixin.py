"""Every read of a record's content goes through one hook.

Odoo 11 reads a record's fields in several places: ``read()`` (the web
client's forms and lists, ``search_read``, XML-RPC), ``export_data()`` (the
Export menu), the reports (``ir.actions.report``, see
``models/ir_actions_report.py``) and the ORM's own loading of fields into
its cache for the code (``record.field``, ``_prefetch_field``), which is not
a person reading. A model that inherits ``cdb.read.audit.mixin`` gets
``_cdb_audit_read(field_names)`` called for the first three with the names
of the fields read (``None`` for "everything", a print), never for the
fourth. What is done with it — asking a reason, logging the access — is the
inheriting module's business (``_cdb_audit_content_read``).

A read of ``_cdb_audit_free_fields`` only (what lists, cards and searches
show) is not a read of the content. Neither are the reads of the superuser,
of code running ``sudo()`` or of portal users (``share``).
"""
import threading

from odoo import SUPERUSER_ID, api, models

# Set while the ORM loads fields into its cache for code that uses them
# (record.field): such reads are not a person reading the record.
_prefetching = threading.local()


class CdbReadAuditMixin(models.AbstractModel):
    _name = "cdb.read.audit.mixin"
    _description = "Reads of the content go through one hook"

    # Fields whose read is not a read of the content; models extend it.
    _cdb_audit_free_fields = frozenset([
        "id", ".id", "display_name", "__last_update", "create_date", "create_uid",
        "write_date", "write_uid",
    ])

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

    def _cdb_audit_print(self):
        """A report prints these records: a read of their whole content."""
        self._cdb_audit_read(None)

    def _cdb_audit_read(self, field_names):
        """The one hook: ``field_names`` of these records are read by the
        current user (``None``: all of them)."""
        if self._cdb_audit_applies(field_names):
            self._cdb_audit_content_read(field_names)

    def _cdb_audit_applies(self, field_names):
        if not self.ids or self.env.uid == SUPERUSER_ID or self.env.user.share:
            return False
        if field_names is None:
            return True
        return bool(set(field_names) - self._cdb_audit_free_fields)

    def _cdb_audit_content_read(self, field_names):
        """What a read of the content does (ask a reason, log it): to define
        in the inheriting module; raising refuses the read."""
        return None

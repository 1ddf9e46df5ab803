from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..settings import RETENTION_YEARS


class CdbNotebookDataProtection(models.AbstractModel):
    """Retention and right of access over everything a carnet holds.

    ``_cdb_personal_records()`` lists the records about the beneficiary that
    hang off the carnets; each module adds its own (rsa_orientation,
    cer_contracts, in their ``cdb.notebook`` class) so that the purge and the
    export cover them. The list is in deletion order: a record comes before
    the records it points to with ``ondelete="restrict"``.

    A named mixin of ``cdb.notebook`` (listed in its ``_inherit``).
    """

    _name = "cdb.notebook.data.protection"
    _description = "Retention and right of access of a carnet"

    retention_purge_date = fields.Date(
        "Anonymised on", readonly=True, copy=False, index=True,
        help="Date the retention cron anonymised the beneficiary and deleted "
             "the content of this closed carnet. Only anonymous statistics "
             "remain (state, dates, territory, structure).")

    def _cdb_personal_records(self):
        """Recordsets (sudo) of the records about the beneficiaries of these
        carnets, a record before those it depends on."""
        # sudo: the purge and the export cover every record (the export then
        # keeps what its user may read, cdb.data.export.wizard)
        notebooks = self.sudo().with_context(active_test=False)
        return [
            notebooks.mapped("event_ids"),
            notebooks.mapped("review_ids"),
            notebooks.mapped("action_ids"),
            notebooks.mapped("objective_ids"),
            notebooks.mapped("situation_ids"),
            notebooks.mapped("health_ids"),
            notebooks.mapped("member_ids"),
        ]

    # ------------------------------------------------------------ retention
    @api.model
    def _cdb_retention_years(self):
        """Years a closed carnet is kept after the end of the accompaniment
        (the public Carnet de bord service: "5 years after last contact")."""
        return RETENTION_YEARS.get(self.env)

    @api.model
    def _cdb_expired_notebooks(self):
        """Closed carnets whose accompaniment ended more than the retention
        period ago and that are not anonymised yet."""
        limit = fields.Date.from_string(fields.Date.context_today(self)) - relativedelta(
            years=self._cdb_retention_years())
        self.env.cr.execute("""
            SELECT id FROM cdb_notebook
             WHERE state = 'closed' AND retention_purge_date IS NULL
               AND COALESCE(date_end, write_date::date) < %s
        """, (fields.Date.to_string(limit),))
        # sudo: the retention cron
        return self.sudo().browse([row[0] for row in self.env.cr.fetchall()])

    def _cdb_retention_purge(self):
        """Delete the content of these carnets and anonymise their
        beneficiaries; keep the carnets themselves for anonymous statistics.
        Returns {model name: count of deleted records}."""
        counts = {}
        for records in self._cdb_personal_records():
            if records:
                counts[records._name] = counts.get(records._name, 0) + len(records)
                self._cdb_delete_records(records)
        self._cdb_delete_records_traces(self)
        logs = self.env["cdb.access.log"].sudo().search([("notebook_id", "in", self.ids)])
        counts[logs._name] = len(logs)
        logs._expire()
        self.mapped("beneficiary_id")._cdb_anonymize()
        self.sudo().write({"retention_purge_date": fields.Date.context_today(self)})
        return counts

    @api.model
    def _cdb_delete_records(self, records):
        """Delete ``records`` with their messages, attachments and activities,
        in SQL: the purge is not an edit, the checks that protect signed
        contracts or agreed assessments from users do not apply to it; the
        database cascades to the lines of these records."""
        self._cdb_delete_records_traces(records)
        self.env.cr.execute('DELETE FROM "%s" WHERE id IN %%s' % records._table,
                            (tuple(records.ids),))
        self.invalidate_cache()

    @api.model
    def _cdb_delete_records_traces(self, records):
        """Messages, attachments, activities and followers of ``records``
        (the retention cron, sudo)."""
        domain = [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        self.env["mail.message"].sudo().search(
            [("model", "=", records._name), ("res_id", "in", records.ids)]).unlink()
        for model in ("ir.attachment", "mail.activity", "mail.followers"):
            self.env[model].sudo().search(domain).unlink()

    # ------------------------------------------------------ right of access
    def _cdb_export_records(self):
        """Records of the right-of-access export: the carnets, what hangs off
        them and the lines of the journal of accesses."""
        # sudo: see _cdb_personal_records
        notebooks = self.sudo().with_context(active_test=False)
        records = [notebooks] + self._cdb_personal_records()
        records.append(notebooks.mapped("access_log_ids"))
        return [r for r in records if r]

    @api.multi
    def action_cdb_export_personal_data(self):
        """Open the right-of-access export of the carnet's beneficiary (the
        form's Action menu)."""
        self._cdb_ensure_one()
        return self.env["cdb.data.export.wizard"]._open_for(self.beneficiary_id)

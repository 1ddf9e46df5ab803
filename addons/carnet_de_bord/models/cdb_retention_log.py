import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

_logger = logging.getLogger(__name__)


class CdbRetentionLog(models.Model):
    """What the retention cron did on a day: how many closed carnets it
    anonymised, how many records it deleted and how many lines of the
    journal of accesses expired. Read by the functional administrators
    (issue "Audit and data protection": "a cron anonymises or deletes what
    is past it, and says what it did")."""

    _name = "cdb.retention.log"
    _description = "Run of the retention period"
    _order = "date desc, id desc"
    _rec_name = "date"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    retention_years = fields.Integer("Retention (years)", readonly=True)
    notebook_count = fields.Integer("Carnets anonymised", readonly=True)
    record_count = fields.Integer("Records deleted", readonly=True)
    access_log_count = fields.Integer("Expired access lines", readonly=True)
    details = fields.Text(readonly=True)

    @api.model
    def _cron_apply_retention(self):
        """Daily: anonymise the closed carnets past the retention period,
        delete the expired lines of the journal of accesses, record and log
        what was done."""
        Notebook = self.env["cdb.notebook"]
        notebooks = Notebook._cdb_expired_notebooks()
        counts = notebooks._cdb_retention_purge() if notebooks else {}
        expired_logs = self._expire_access_logs()
        Model = self.env["ir.model"]
        details = "\n".join(sorted("%s: %s" % (Model._get(name).name, count)
                                   for name, count in counts.items()))
        # sudo: the cron's report, read by the functional administrators
        log = self.sudo().create({
            "retention_years": Notebook._cdb_retention_years(),
            "notebook_count": len(notebooks),
            "record_count": sum(counts.values()),
            "access_log_count": expired_logs,
            "details": details or _("Nothing to anonymise."),
        })
        _logger.info("Retention: %d carnet(s) anonymised, %d record(s) deleted, "
                     "%d access line(s) expired. %s", log.notebook_count,
                     log.record_count, expired_logs, details.replace("\n", ", "))
        return log

    @api.model
    def _expire_access_logs(self):
        # sudo: only the retention period deletes lines of the journal
        Log = self.env["cdb.access.log"].sudo()
        limit = fields.Datetime.from_string(fields.Datetime.now()) - relativedelta(
            months=Log._access_log_months())
        expired = Log.search([("date", "<", fields.Datetime.to_string(limit))])
        expired._expire()
        return len(expired)

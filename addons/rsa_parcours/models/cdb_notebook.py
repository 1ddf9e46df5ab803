import threading
from datetime import timedelta

from odoo import _, api, fields, models

from odoo.addons.cdb_base.tools import format_date
from odoo.addons.rsa_orientation.settings import NEW_REGIME_DATE

from ..settings import ORIENTATION_DELAY_WEEKS

# The day the 6-week clock of a carnet starts: the beneficiary is subject
# to rights and duties since then (else: their RSA entry date).
CLOCK_START_SQL = "COALESCE(p.rsa_rights_duties_date, p.rsa_entry_date)"
# The carnets whose orientation is overdue under the law: open, the
# beneficiary subject to rights and duties since the new regime, the delay
# passed (start < %(limit)s), and no orientation decided since the start.
ORIENTATION_OVERDUE_SQL = """
SELECT n.id FROM cdb_notebook n JOIN res_partner p ON p.id = n.beneficiary_id
 WHERE n.state != 'closed' AND p.rsa_rights_duties
   AND {start} >= %(regime)s AND {start} < %(limit)s
   AND NOT EXISTS (SELECT 1 FROM rsa_orientation o
                    WHERE o.notebook_id = n.id AND o.state IN ('decided', 'replaced')
                      AND o.date_decision >= {start})
""".format(start=CLOCK_START_SQL)
# Carnets whose clock ran since the new regime and is over: the delay
# passed or an orientation decided (the dashboard's population).
CLOCK_OVER_SQL = """
SELECT n.id FROM cdb_notebook n JOIN res_partner p ON p.id = n.beneficiary_id
 WHERE p.rsa_rights_duties AND {start} >= %(regime)s
   AND ({start} < %(limit)s OR EXISTS (
        SELECT 1 FROM rsa_orientation o WHERE o.notebook_id = n.id
           AND o.state IN ('decided', 'replaced') AND o.date_decision >= {start}))
""".format(start=CLOCK_START_SQL)
# Among them, the carnets oriented within the delay (%(days)s days).
ORIENTED_IN_TIME_SQL = CLOCK_OVER_SQL + """
   AND EXISTS (SELECT 1 FROM rsa_orientation o WHERE o.notebook_id = n.id
                  AND o.state IN ('decided', 'replaced') AND o.date_decision >= {start}
                  AND o.date_decision <= {start} + %(days)s)
""".format(start=CLOCK_START_SQL)
# The same, among given carnets (%(ids)s).
AMONG_IDS = {query: query + " AND n.id IN %(ids)s"
             for query in (ORIENTATION_OVERDUE_SQL, CLOCK_OVER_SQL, ORIENTED_IN_TIME_SQL)}
# The three of them among given carnets, in one query: (name, id) rows.
CLOCK_FLAGS_SQL = " UNION ALL ".join(
    "SELECT '%s', id FROM (%s) AS clock" % (name, AMONG_IDS[query])
    for name, query in (("overdue", ORIENTATION_OVERDUE_SQL), ("over", CLOCK_OVER_SQL),
                        ("in_time", ORIENTED_IN_TIME_SQL)))
# Carnets handled per batch by the daily job.
OVERDUE_BATCH = 200


class CdbNotebook(models.Model):
    """The 6-week clock of the orientation (décret n° 2024-1244 du 30
    décembre 2024): the orientation is decided within
    ``ORIENTATION_DELAY_WEEKS`` weeks of the day the beneficiary is subject
    to rights and duties (``rsa_rights_duties_date``; else the RSA entry
    date). It runs for the beneficiaries subject to rights and duties since
    the date of the new regime; a decided orientation dated from the start
    on stops it. Overdue carnets are listed (``orientation_overdue``) and a
    daily job gives the President's delegate an activity."""

    _inherit = "cdb.notebook"

    orientation_clock_start = fields.Date(
        "Orientation clock started on", compute="_compute_orientation_clock")
    orientation_due_date = fields.Date(
        "Orientation due", compute="_compute_orientation_clock",
        help="Décret n° 2024-1244: six weeks (a setting) after the beneficiary became "
             "subject to rights and duties (else after the RSA entry date).")
    orientation_overdue = fields.Boolean(
        compute="_compute_orientation_clock",
        search="_search_orientation_overdue")
    orientation_clock_over = fields.Boolean(
        "Orientation delay over", compute="_compute_orientation_clock",
        search="_search_orientation_clock_over",
        help="The 6-week delay passed, or an orientation was decided since the start.")
    oriented_in_time = fields.Boolean(
        "Oriented within the delay", compute="_compute_orientation_clock",
        search="_search_oriented_in_time")

    # --------------------------------------------------------------- clock
    def _compute_orientation_clock(self):
        regime = NEW_REGIME_DATE.get(self.env)
        weeks = ORIENTATION_DELAY_WEEKS.get(self.env)
        flags = self._clock_flags()
        overdue, over, in_time = flags["overdue"], flags["over"], flags["in_time"]
        for notebook in self:
            # sudo: the dates of the beneficiary the carnet is about
            partner = notebook.sudo().beneficiary_id
            start = partner.rsa_rights_duties_date or partner.rsa_entry_date
            in_scope = bool(partner.rsa_rights_duties and start and
                            fields.Date.from_string(start) >= regime)
            notebook.orientation_clock_start = start if in_scope else False
            notebook.orientation_due_date = fields.Date.to_string(
                fields.Date.from_string(start) + timedelta(weeks=weeks)) if in_scope else False
            notebook.orientation_overdue = notebook.id in overdue
            notebook.orientation_clock_over = notebook.id in over
            notebook.oriented_in_time = notebook.id in in_time

    @api.model
    def _orientation_overdue_limit(self):
        """A clock started before this day has passed its delay: due =
        start + delay, overdue when due < today."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(
            today - timedelta(weeks=ORIENTATION_DELAY_WEEKS.get(self.env)))

    @api.model
    def _orientation_overdue_params(self):
        return {"regime": fields.Date.to_string(NEW_REGIME_DATE.get(self.env)),
                "limit": self._orientation_overdue_limit(),
                "days": 7 * ORIENTATION_DELAY_WEEKS.get(self.env)}

    def _clock_flags(self):
        """{"overdue"|"over"|"in_time": ids among these carnets}, one query."""
        flags = {"overdue": set(), "over": set(), "in_time": set()}
        if not self.ids:
            return flags
        params = self._orientation_overdue_params()
        params["ids"] = tuple(self.ids)
        self.env.cr.execute(CLOCK_FLAGS_SQL, params)
        for name, notebook_id in self.env.cr.fetchall():
            flags[name].add(notebook_id)
        return flags

    @api.model
    def _clock_leaf(self, query, operator, value):
        """One SQL sub-select, whatever the number of carnets."""
        # a module constant, its values bound by psycopg2
        subselect = self.env.cr.mogrify(query, self._orientation_overdue_params()).decode()
        leaf = ("id", "inselect", (subselect, ()))
        return [leaf] if (operator == "=") == bool(value) else ["!", leaf]

    def _search_orientation_overdue(self, operator, value):
        return self._clock_leaf(ORIENTATION_OVERDUE_SQL, operator, value)

    def _search_orientation_clock_over(self, operator, value):
        return self._clock_leaf(CLOCK_OVER_SQL, operator, value)

    def _search_oriented_in_time(self, operator, value):
        return self._clock_leaf(ORIENTED_IN_TIME_SQL, operator, value)

    # ----------------------------------------------------- data protection
    def _cdb_personal_records(self):
        """The national criteria (health, housing… of the beneficiary) follow
        the carnet in the retention purge and the right-of-access export."""
        # sudo: the purge and the export cover every record (carnet_de_bord)
        criteria = self.env["rsa.orientation.criteria"].sudo().search(
            [("notebook_id", "in", self.ids)])
        return [criteria] + super()._cdb_personal_records()

    # ------------------------------------------------------------ daily job
    @api.model
    def _cron_orientation_overdue(self, batch=OVERDUE_BATCH):
        """Each carnet whose orientation is overdue gets one activity for the
        President's delegate (the correspondant of its territory, else a
        manager). Idempotent: a carnet with this activity open is skipped;
        batched: ``batch`` carnets at a time, committed between batches
        outside tests."""
        activity_type = self.env.ref("rsa_parcours.mail_activity_type_orientation_due")
        done = self.browse()
        while True:
            # sudo: the job sees every carnet; it only adds an activity
            # sudo: the job's own bookkeeping (which carnets already have it)
            notified = self.env["mail.activity"].sudo().search([
                ("res_model", "=", self._name),
                ("activity_type_id", "=", activity_type.id)]).mapped("res_id")
            notebooks = self.sudo().search([
                ("orientation_overdue", "=", True), ("id", "not in", done.ids + notified),
            ], limit=batch, order="id")
            if not notebooks:
                return done
            for notebook in notebooks:
                notebook._schedule_orientation_due_activity()
            done |= notebooks
            if not getattr(threading.current_thread(), "testing", False):
                self.env.cr.commit()  # pylint: disable=invalid-commit

    def _schedule_orientation_due_activity(self):
        delegate = self._orientation_delegate()
        if not delegate:
            return False
        return self._cdb_schedule_activity(
            "rsa_parcours.mail_activity_type_orientation_due",
            _("Orientation due since %s (6-week delay)") % format_date(
                self.orientation_due_date),
            self.orientation_due_date, delegate)

    def _orientation_delegate(self):
        """The correspondant of the carnet's territory, else a manager who
        sees it (the Président's delegates)."""
        Users = self.env["res.users"].sudo()
        if self.territory_id:
            correspondant = Users.search([
                ("groups_id", "=", self.env.ref("carnet_de_bord.group_cdb_correspondant").id),
                ("cdb_territory_ids", "=", self.territory_id.id)], limit=1, order="id")
            if correspondant:
                return correspondant
        managers = Users.search([
            ("groups_id", "=", self.env.ref("carnet_de_bord.group_cdb_manager").id)],
            order="id")
        return managers.filtered(
            lambda u: not u.cdb_territory_ids or self.territory_id in u.cdb_territory_ids)[:1]

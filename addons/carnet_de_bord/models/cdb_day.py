from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.cdb_base.tools import selection_label

from .cdb_review import DRAFT as REVIEW_DRAFT

DAY = "day"
QUEUE = "queue"
# How many rows a section of the home shows (the oldest or most urgent
# first): the page stays fast on a département's database.
SECTION_LIMIT = 40
# How far ahead "this week" and "reviews due" look.
WEEK_DAYS = 7
RECENT_LIMIT = 8


class CdbDay(models.TransientModel):
    """The home of the professionals (issue 14, "Land on one's work"): the
    référent's and the accompagnateur's *Ma journée* (appointments of today
    and of the week, late actions, reviews due, and — added by the modules
    that own them — contracts to sign or expiring, proposals and fiches
    waiting for an answer), the correspondant's queue (``mode`` ``queue``:
    what they decide, oldest first), a search box finding a beneficiary by
    name, CAF/MSA number or birth date, and the carnets last opened.

    Seed 000 (the national design) puts the daily follow-up of the
    beneficiaries by the référent at the centre of the carnet de bord: each
    row opens its carnet in one click (``action_cdb_open_notebook`` of the
    carnet's records). Every list reads what the user may read (record
    rules apply); nothing here is written but the page itself.
    """

    _name = "cdb.day"
    _description = "My day"

    mode = fields.Selection([(DAY, "My day"), (QUEUE, "Decisions to make")], "Page",
                            default=DAY, required=True)
    search_text = fields.Char(
        "Find a beneficiary",
        help="A name, a CAF/MSA number or a birth date (dd/mm/yyyy or yyyy-mm-dd).")
    found_notebook_ids = fields.Many2many(
        "cdb.notebook", "cdb_day_found_rel", string="Carnets found",
        compute="_compute_found_notebook_ids")
    recent_notebook_ids = fields.Many2many(
        "cdb.notebook", "cdb_day_recent_rel", string="Carnets opened lately",
        compute="_compute_sections")
    today_event_ids = fields.Many2many(
        "calendar.event", "cdb_day_today_event_rel", string="Appointments today",
        compute="_compute_sections")
    week_event_ids = fields.Many2many(
        "calendar.event", "cdb_day_week_event_rel", string="Appointments this week",
        compute="_compute_sections")
    late_action_ids = fields.Many2many(
        "cdb.action", "cdb_day_late_action_rel", string="Late actions",
        compute="_compute_sections")
    due_review_ids = fields.Many2many(
        "cdb.review", "cdb_day_due_review_rel", string="Reviews due",
        compute="_compute_sections")

    @api.multi
    def name_get(self):
        """The page's title in the breadcrumb: "Ma journée" or "Décisions à
        prendre", not the record's technical reference."""
        return [(day.id, selection_label(day, "mode")) for day in self]

    # ------------------------------------------------------------ sections
    def _day_bounds(self):
        """(start of today, start of tomorrow, start of the day a week
        later) in UTC strings, today being the user's (their time zone)."""
        tz = pytz.timezone(self.env.user.tz or self.env.context.get("tz") or "Europe/Paris")
        today = fields.Date.from_string(fields.Date.context_today(self))

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))
        return (utc(today), utc(today + timedelta(days=1)),
                utc(today + timedelta(days=WEEK_DAYS + 1)))

    def _my_events_domain(self):
        user = self.env.user
        return ["|", ("user_id", "=", user.id), ("partner_ids", "in", user.partner_id.ids)]

    def _section_values(self):
        """{field name: records} of the sections; modules add theirs."""
        Event = self.env["calendar.event"]
        start, tomorrow, week_end = self._day_bounds()
        today = fields.Date.context_today(self)
        review_limit = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=WEEK_DAYS))
        values = {"recent_notebook_ids": self.env["cdb.notebook.recent"]._recent_notebooks(
            RECENT_LIMIT)}
        if self.mode != DAY:
            return values
        events = self._my_events_domain()
        values.update({
            "today_event_ids": Event.search(
                events + [("start", ">=", start), ("start", "<", tomorrow)],
                order="start", limit=SECTION_LIMIT),
            "week_event_ids": Event.search(
                events + [("start", ">=", tomorrow), ("start", "<", week_end)],
                order="start", limit=SECTION_LIMIT),
            "late_action_ids": self.env["cdb.action"].search(
                [("is_late", "=", True)] + expression.OR([
                    [("user_id", "=", self.env.uid)],
                    [("notebook_id.referent_id", "=", self.env.uid)]]),
                order="date_deadline, id", limit=SECTION_LIMIT),
            "due_review_ids": self.env["cdb.review"].search(
                [("state", "=", REVIEW_DRAFT), ("deadline", "<=", review_limit),
                 ("notebook_id.referent_id", "=", self.env.uid)],
                order="deadline, id", limit=SECTION_LIMIT),
        })
        return values

    @api.depends("mode")
    def _compute_sections(self):
        sections = [name for name, field in self._fields.items()
                    if field.compute == "_compute_sections"]
        for day in self:
            for name in sections:
                day[name] = False
            for name, records in day._section_values().items():
                day[name] = records

    # -------------------------------------------------------------- search
    @api.model
    def _search_text_domain(self, text):
        """Domain on cdb.notebook of a search by name, CAF/MSA number or
        birth date (``dd/mm/yyyy``, ``dd-mm-yyyy`` or ``yyyy-mm-dd``)."""
        text = (text or "").strip()
        if not text:
            return None
        domain = [[("beneficiary_id", "ilike", text)],
                  [("caf_number", "=like", text.replace(" ", "") + "%")]]
        birthdate = self._parse_birthdate(text)
        if birthdate:
            domain.append([("birthdate_date", "=", birthdate)])
        return expression.OR(domain)

    @api.model
    def _parse_birthdate(self, text):
        for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
            try:
                return fields.Date.to_string(datetime.strptime(text, pattern).date())
            except ValueError:
                continue
        return None

    @api.depends("search_text")
    def _compute_found_notebook_ids(self):
        Notebook = self.env["cdb.notebook"]
        for day in self:
            domain = self._search_text_domain(day.search_text)
            day.found_notebook_ids = Notebook.search(domain, limit=SECTION_LIMIT) \
                if domain else Notebook

    # --------------------------------------------------------------- opens
    # The pages open from the window actions ``cdb_day_action`` and
    # ``cdb_queue_action`` (``default_mode``), in place like the managers'
    # dashboard: no breadcrumb, each visit computes the page again.
    @api.multi
    def action_cdb_search(self):
        """The carnets found, in their usual list (more than the page shows)."""
        self.ensure_one()
        domain = self._search_text_domain(self.search_text) or []
        action = self.env.ref("carnet_de_bord.cdb_notebook_action_all").read()[0]
        action.update({"domain": domain, "context": {}, "target": "current"})
        return action

from psycopg2 import sql as pgsql

from odoo import _, api, fields, models

from odoo.addons.cer_contracts.settings import EXPIRY_NOTICE_DAYS

from ..report.sql_queries import allowed_ids_query, orientation_signatures

MEDIAN_DELAY_SQL = """
WITH allowed AS ({allowed})
SELECT o.sphere, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.signed - o.date_decision),
       count(*)
  FROM rsa_orientation o
  JOIN allowed ON allowed.id = o.id
  JOIN ({signatures}) s ON s.orientation_id = o.id
 GROUP BY o.sphere
"""


class CdbDashboard(models.TransientModel):
    """The home of the département's managers (issue "manager home"): a few
    numbers, each opening the list behind it (with pivot and graph views).
    Every number counts only what the user may read (record rules), and
    optionally one territory.

    - the share of the accompanied beneficiaries (carnets in progress) with a
      contract in force;
    - the median delay from the orientation decision to the signed contract,
      by sphere, against the legal deadline (guide, "L'ACCOMPAGNEMENT": "sous
      un mois après l'orientation" in the professional sphere, "sous deux
      mois" in the solidarity sphere; parameters of rsa_orientation);
    - the contracts expiring within the reminder period of cer_contracts;
    - the open carnets without a référent;
    - the reviews overdue (seed 000: "a minima tous les 6 mois");
    - the carnets closed, by reason of the end of the path (the list opens
      grouped by ``end_reason_id``).
    """

    _name = "cdb.dashboard"
    _description = "Manager dashboard"

    territory_id = fields.Many2one("cdb.territory", "Territory")
    accompanied_count = fields.Integer("Accompanied beneficiaries", compute="_compute_figures")
    with_contract_count = fields.Integer("With a contract in force", compute="_compute_figures")
    without_contract_count = fields.Integer("Without a contract", compute="_compute_figures")
    contract_rate = fields.Float(
        "Share with a contract in force (%)", digits=(16, 1), compute="_compute_figures")
    median_delay_professional = fields.Float(
        "Median delay, professional sphere (days)", digits=(16, 1),
        compute="_compute_figures")
    median_delay_solidarity = fields.Float(
        "Median delay, solidarity sphere (days)", digits=(16, 1), compute="_compute_figures")
    signed_professional_count = fields.Integer(
        "Contracts signed, professional sphere", compute="_compute_figures")
    signed_solidarity_count = fields.Integer(
        "Contracts signed, solidarity sphere", compute="_compute_figures")
    deadline_professional_months = fields.Integer(
        "Legal deadline, professional sphere (months)", compute="_compute_figures")
    deadline_solidarity_months = fields.Integer(
        "Legal deadline, solidarity sphere (months)", compute="_compute_figures")
    signed_late_count = fields.Integer(
        "Contracts signed after the deadline", compute="_compute_figures")
    expiring_count = fields.Integer("Contracts expiring soon", compute="_compute_figures")
    expiry_days = fields.Integer("Within (days)", compute="_compute_figures")
    without_referent_count = fields.Integer("Carnets without référent",
                                            compute="_compute_figures")
    review_overdue_count = fields.Integer("Reviews overdue", compute="_compute_figures")
    closed_count = fields.Integer("Carnets closed", compute="_compute_figures")
    # Each figure readable without a legend (issue 14): sentences.
    contract_sentence = fields.Char("Contracts in force", compute="_compute_figures")
    median_professional_sentence = fields.Char("Delay to the contract, professional sphere",
                                               compute="_compute_figures")
    median_solidarity_sentence = fields.Char("Delay to the contract, solidarity sphere",
                                             compute="_compute_figures")

    @api.multi
    def name_get(self):
        """The breadcrumb of the lists the numbers open."""
        return [(dashboard.id, _("Dashboard")) for dashboard in self]

    # ------------------------------------------------------------- figures
    @api.depends("territory_id")
    def _compute_figures(self):
        Notebook = self.env["cdb.notebook"]
        Orientation = self.env["rsa.orientation"]
        for dashboard in self:
            accompanied = Notebook.search_count(dashboard._accompanied_domain())
            with_contract = Notebook.search_count(dashboard._with_contract_domain())
            medians = dashboard._median_delays()
            dashboard.update({
                "accompanied_count": accompanied,
                "with_contract_count": with_contract,
                "without_contract_count": accompanied - with_contract,
                "contract_rate": 100.0 * with_contract / accompanied if accompanied else 0.0,
                "median_delay_professional": medians.get("professional", (0.0, 0))[0],
                "signed_professional_count": medians.get("professional", (0.0, 0))[1],
                "median_delay_solidarity": medians.get("solidarity", (0.0, 0))[0],
                "signed_solidarity_count": medians.get("solidarity", (0.0, 0))[1],
                "deadline_professional_months": Orientation._deadline_months("professional"),
                "deadline_solidarity_months": Orientation._deadline_months("solidarity"),
                "signed_late_count": Orientation.search_count(dashboard._signed_late_domain()),
                "expiring_count": self.env["cer.contract"].search_count(
                    dashboard._expiring_domain()),
                "expiry_days": dashboard._expiry_days(),
                "without_referent_count": Notebook.search_count(
                    dashboard._without_referent_domain()),
                "review_overdue_count": Notebook.search_count(
                    dashboard._review_overdue_domain()),
                "closed_count": Notebook.search_count(dashboard._closed_domain()),
            })
            dashboard.update(dashboard._sentences())

    def _sentences(self):
        """The figures as sentences a manager reads without a legend ("5
        contracts out of 12" rather than "5 / 12")."""
        return {
            "contract_sentence": _(
                "%(with)s accompanied beneficiaries out of %(all)s have a contract in force."
            ) % {"with": self.with_contract_count, "all": self.accompanied_count},
            "median_professional_sentence": self._median_sentence(
                _("Professional sphere"), self.median_delay_professional,
                self.signed_professional_count, self.deadline_professional_months),
            "median_solidarity_sentence": self._median_sentence(
                _("Solidarity sphere"), self.median_delay_solidarity,
                self.signed_solidarity_count, self.deadline_solidarity_months),
        }

    @staticmethod
    def _median_sentence(sphere, median, count, months):
        if not count:
            return _("%(sphere)s: no contract signed yet (legal deadline: %(months)s "
                     "month(s)).") % {"sphere": sphere, "months": months}
        return _("%(sphere)s: %(median).1f days (median) from the orientation to the "
                 "signed contract, over %(count)s contracts; legal deadline: %(months)s "
                 "month(s).") % {"sphere": sphere, "median": median, "count": count,
                                 "months": months}

    def _median_delays(self):
        """{sphere: (median days from the decision to the first signed
        contract, number of orientations with a signed contract)}, over
        the orientations the user may read."""
        allowed, params = allowed_ids_query(self.env["rsa.orientation"], self._signed_domain())
        # the query of a search (allowed_ids_query) and cer_contracts' SQL
        # expression, the values bound by psycopg2
        query = pgsql.SQL(MEDIAN_DELAY_SQL).format(
            allowed=pgsql.SQL(allowed), signatures=pgsql.SQL(orientation_signatures()))
        self.env.cr.execute(query, params)
        return {sphere: (median or 0.0, count)
                for sphere, median, count in self.env.cr.fetchall()}

    def _expiry_days(self):
        return EXPIRY_NOTICE_DAYS.get(self.env)

    # ------------------------------------------------------------- domains
    def _scope(self, path=""):
        """The territory chosen, on the carnet reached through ``path``."""
        if not self.territory_id:
            return []
        return [(path + "territory_id", "=", self.territory_id.id)]

    def _accompanied_domain(self):
        return self._scope() + [("state", "=", "in_progress")]

    def _with_contract_domain(self):
        return self._accompanied_domain() + [("has_contract_in_force", "=", True)]

    def _without_contract_domain(self):
        return self._accompanied_domain() + [("has_contract_in_force", "=", False)]

    def _signed_domain(self):
        return self._scope("notebook_id.") + [("date_decision", "!=", False)] + \
            self.env["cer.contract"]._signed_domain("contract_ids.")

    def _signed_late_domain(self):
        return self._scope("notebook_id.") + [("contract_signed_late", "=", True)]

    def _expiring_domain(self):
        return self._scope("notebook_id.") + self.env["cer.contract"]._expiring_domain()

    def _without_referent_domain(self):
        return self._scope() + [("state", "!=", "closed"), ("referent_id", "=", False)]

    def _review_overdue_domain(self):
        return self._scope() + [("state", "!=", "closed"), ("review_due", "=", True)]

    def _closed_domain(self):
        return self._scope() + [("state", "=", "closed")]

    # ------------------------------------------------------------- actions
    def _open(self, model, domain, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "tree,form,pivot,graph",
            "views": [(False, "tree"), (False, "form"), (False, "pivot"), (False, "graph")],
            "domain": domain,
            "context": {},
            "target": "current",
        }

    @api.multi
    def action_open_with_contract(self):
        return self._open("cdb.notebook", self._with_contract_domain(),
                          _("Accompanied, with a contract in force"))

    @api.multi
    def action_open_without_contract(self):
        return self._open("cdb.notebook", self._without_contract_domain(),
                          _("Accompanied, without a contract in force"))

    @api.multi
    def action_open_signed(self):
        return self._open("rsa.orientation", self._signed_domain(),
                          _("Orientations followed by a signed contract"))

    @api.multi
    def action_open_signed_late(self):
        return self._open("rsa.orientation", self._signed_late_domain(),
                          _("Contracts signed after the deadline"))

    @api.multi
    def action_open_expiring(self):
        return self._open("cer.contract", self._expiring_domain(),
                          _("Contracts expiring soon"))

    @api.multi
    def action_open_without_referent(self):
        return self._open("cdb.notebook", self._without_referent_domain(),
                          _("Carnets without référent"))

    @api.multi
    def action_open_closed(self):
        """The carnets closed, counted by reason of the end of the path."""
        action = self._open("cdb.notebook", self._closed_domain(),
                            _("Carnets closed, by reason"))
        action["context"] = {"group_by": "end_reason_id"}
        return action

    @api.multi
    def action_open_trends(self):
        """The key figures month by month, as a line chart (and a pivot)."""
        action = self.env.ref("cdb_departement.cdb_monthly_figure_action").read()[0]
        if self.territory_id:
            action["domain"] = [("territory_id", "=", self.territory_id.id)]
        return action

    @api.multi
    def action_open_review_overdue(self):
        return self._open("cdb.notebook", self._review_overdue_domain(),
                          _("Reviews overdue"))

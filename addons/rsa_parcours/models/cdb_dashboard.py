from odoo import _, api, fields, models

from ..settings import ORIENTATION_DELAY_WEEKS


class CdbDashboard(models.TransientModel):
    """The law's figures on the managers' home (cdb_departement): the share
    of the beneficiaries oriented within 6 weeks (décret n° 2024-1244), the
    share of the notified orientations followed by a contract within 1
    month, and the orientations overdue now. Each figure counts what the
    user may read and opens its list."""

    _inherit = "cdb.dashboard"

    clock_over_count = fields.Integer("Orientation delays over", compute="_compute_law_figures")
    oriented_in_time_count = fields.Integer(
        "Oriented within the delay", compute="_compute_law_figures")
    oriented_in_time_rate = fields.Float(
        "Share oriented within the delay (%)", digits=(16, 1), compute="_compute_law_figures")
    orientation_overdue_count = fields.Integer(
        "Orientations overdue", compute="_compute_law_figures")
    orientation_delay_weeks = fields.Integer(
        "Orientation delay (weeks)", compute="_compute_law_figures")
    contract_month_over_count = fields.Integer(
        "Notified orientations whose month is over", compute="_compute_law_figures")
    contract_in_time_count = fields.Integer(
        "Contracts signed within the month", compute="_compute_law_figures")
    contract_in_time_rate = fields.Float(
        "Share with a contract within 1 month of the notification (%)", digits=(16, 1),
        compute="_compute_law_figures")

    @api.depends("territory_id")
    def _compute_law_figures(self):
        Notebook = self.env["cdb.notebook"]
        Orientation = self.env["rsa.orientation"]
        for dashboard in self:
            over = Notebook.search_count(dashboard._clock_over_domain())
            in_time = Notebook.search_count(dashboard._oriented_in_time_domain())
            month_over = Orientation.search_count(dashboard._contract_month_over_domain())
            signed = Orientation.search_count(dashboard._contract_in_time_domain())
            dashboard.update({
                "clock_over_count": over,
                "oriented_in_time_count": in_time,
                "oriented_in_time_rate": 100.0 * in_time / over if over else 0.0,
                "orientation_overdue_count": Notebook.search_count(
                    dashboard._orientation_overdue_domain()),
                "orientation_delay_weeks": ORIENTATION_DELAY_WEEKS.get(self.env),
                "contract_month_over_count": month_over,
                "contract_in_time_count": signed,
                "contract_in_time_rate": 100.0 * signed / month_over if month_over else 0.0,
            })

    # ------------------------------------------------------------- domains
    def _clock_over_domain(self):
        return self._scope() + [("orientation_clock_over", "=", True)]

    def _oriented_in_time_domain(self):
        return self._scope() + [("oriented_in_time", "=", True)]

    def _orientation_overdue_domain(self):
        return self._scope() + [("orientation_overdue", "=", True)]

    def _contract_month_over_domain(self):
        return self._scope("notebook_id.") + [("law_contract_month_over", "=", True)]

    def _contract_in_time_domain(self):
        return self._scope("notebook_id.") + [("law_contract_in_time", "=", True)]

    # ------------------------------------------------------------- actions
    @api.multi
    def action_open_oriented_in_time(self):
        return self._open("cdb.notebook", self._oriented_in_time_domain(),
                          _("Oriented within the delay"))

    @api.multi
    def action_open_orientation_overdue(self):
        return self._open("cdb.notebook", self._orientation_overdue_domain(),
                          _("Orientations overdue"))

    @api.multi
    def action_open_contract_in_time(self):
        return self._open("rsa.orientation", self._contract_in_time_domain(),
                          _("Contracts signed within the month of the notification"))

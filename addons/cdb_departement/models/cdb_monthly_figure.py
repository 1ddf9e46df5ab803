from odoo import fields, models, tools

# The key figures counted month by month, each word once.
FIGURES = [
    ("opened", "Carnets opened"),
    ("oriented", "Orientations decided"),
    ("signed", "Contracts signed"),
    ("reviewed", "Reviews done"),
]

MONTHLY_FIGURES_SQL = """
CREATE OR REPLACE VIEW cdb_monthly_figure AS (
    SELECT row_number() OVER (ORDER BY figures.month, figures.figure, figures.notebook_id)
               AS id,
           figures.*
      FROM (
        SELECT date_trunc('month', COALESCE(n.date_start, n.create_date::date))::date
                   AS month,
               'opened' AS figure, n.id AS notebook_id, n.territory_id, 1 AS number
          FROM cdb_notebook n
        UNION ALL
        SELECT date_trunc('month', o.date_decision)::date, 'oriented', o.notebook_id,
               n.territory_id, 1
          FROM rsa_orientation o
          JOIN cdb_notebook n ON n.id = o.notebook_id
         WHERE o.date_decision IS NOT NULL AND o.state IN ('decided', 'replaced')
        UNION ALL
        SELECT date_trunc('month', c.signed_date)::date, 'signed', c.notebook_id,
               n.territory_id, 1
          FROM cer_contract c
          JOIN cdb_notebook n ON n.id = c.notebook_id
         WHERE c.signed_date IS NOT NULL
        UNION ALL
        SELECT date_trunc('month', r.date)::date, 'reviewed', r.notebook_id,
               n.territory_id, 1
          FROM cdb_review r
          JOIN cdb_notebook n ON n.id = r.notebook_id
         WHERE r.state = 'validated' AND r.date IS NOT NULL
      ) figures
)
"""


class CdbMonthlyFigure(models.Model):
    """The key figures of the dashboard month by month (issue 14, "The
    manager's dashboard": "a trend … so a manager sees where the département
    is going"): one row per carnet opened (its start), orientation decided
    (its decision date), contract signed (its signature date) and review
    done (validated by the référent and the beneficiary, its date), for the
    graph and pivot views. Read by the managers, on the carnets of their
    territories (a record rule as on the carnets)."""

    _name = "cdb.monthly.figure"
    _description = "Key figures per month"
    _auto = False
    _order = "month desc"

    month = fields.Date(readonly=True)
    figure = fields.Selection(FIGURES, readonly=True)
    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", readonly=True)
    territory_id = fields.Many2one("cdb.territory", "Territory", readonly=True)
    number = fields.Integer(readonly=True, group_operator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(MONTHLY_FIGURES_SQL)

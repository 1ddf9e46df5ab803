from odoo import _, models

from .xlsx_sheet import DATE, INTEGER, PERCENT, Column

# The last agreed assessment of each carnet: how the beneficiaries stand now.
DISTRIBUTION_SQL = """
, latest AS (SELECT DISTINCT ON (a.notebook_id) a.id
               FROM rsa_ede_assessment a JOIN allowed ON allowed.id = a.id
              ORDER BY a.notebook_id, a.date DESC, a.id DESC)
SELECT i.name, lv.sequence, lv.name, lv.points, lv.color, count(*),
       count(*)::float / sum(count(*)) OVER (PARTITION BY i.id)
  FROM rsa_ede_assessment_line l
  JOIN latest ON latest.id = l.assessment_id
  JOIN rsa_ede_item i ON i.id = l.item_id
  JOIN rsa_ede_level lv ON lv.id = l.level_id
 GROUP BY i.id, i.name, i.sequence, lv.id, lv.sequence, lv.name, lv.points, lv.color
 ORDER BY i.sequence, i.id, lv.sequence
"""

# The first and the last agreed assessment of each carnet.
EVOLUTION_SQL = """
, ranked AS (SELECT a.notebook_id, a.date, a.total_points, a.proposed_orientation,
                    row_number() OVER (PARTITION BY a.notebook_id ORDER BY a.date, a.id) AS first,
                    row_number() OVER (PARTITION BY a.notebook_id
                                       ORDER BY a.date DESC, a.id DESC) AS last,
                    count(*) OVER (PARTITION BY a.notebook_id) AS assessments
               FROM rsa_ede_assessment a JOIN allowed ON allowed.id = a.id)
SELECT bp.name, f.assessments, f.date, f.total_points, f.proposed_orientation,
       l.date, l.total_points, l.proposed_orientation, l.total_points - f.total_points
  FROM ranked f
  JOIN ranked l ON l.notebook_id = f.notebook_id AND l.last = 1
  JOIN cdb_notebook n ON n.id = f.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
 WHERE f.first = 1
 ORDER BY bp.name, n.id
"""


class ExportEde(models.AbstractModel):
    """The employment-distance scale (seed 003, "UTILISATION DE L'ECHELLE A
    DISTANCE POUR L'EMPLOI": it "doit mesurer l'évolution de la personne"):
    the distribution of the beneficiaries over the paliers of each item at
    their last agreed assessment, and the evolution from their first to their
    last agreed assessment. Drafts are left out."""

    _name = "report.cdb_departement.export_ede"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the employment-distance scale"
    _export_model = "rsa.ede.assessment"
    _date_field = "date"

    def _export_domain(self, data, objs):
        return super()._export_domain(data, objs) + [("state", "=", "done")]

    def _write_sheets(self, workbook, ids_sql, ids_params):
        colours = self._labels("rsa.ede.level", "color")
        columns = [
            Column(_("Item"), width=34), Column(_("Palier"), INTEGER, 8),
            Column(_("Level"), width=40), Column(_("Points"), INTEGER, 8),
            Column(_("Colour"), width=24), Column(_("Beneficiaries"), INTEGER, 12),
            Column(_("Share of the item"), PERCENT, 12),
        ]

        def convert_distribution(row):
            row = list(row)
            row[4] = colours.get(row[4])
            return row

        self._write_query(workbook, _("Distribution"), columns, DISTRIBUTION_SQL,
                          ids_sql, ids_params, convert=convert_distribution)

        proposals = self._labels("rsa.ede.assessment", "proposed_orientation")
        columns = [
            Column(_("Beneficiary"), width=30), Column(_("Assessments"), INTEGER, 12),
            Column(_("First assessment"), DATE, 14), Column(_("First total"), INTEGER),
            Column(_("First proposal"), width=30), Column(_("Last assessment"), DATE, 14),
            Column(_("Last total"), INTEGER), Column(_("Last proposal"), width=30),
            Column(_("Change in points"), INTEGER, 12),
        ]

        def convert_evolution(row):
            row = list(row)
            row[4] = proposals.get(row[4])
            row[7] = proposals.get(row[7])
            return row

        self._write_query(workbook, _("Evolution"), columns, EVOLUTION_SQL,
                          ids_sql, ids_params, convert=convert_evolution)

from odoo import _, models

from odoo.addons.cer_contracts.models.cer_contract import IN_FORCE_SQL

from .xlsx_sheet import INTEGER, Column

CASELOAD_SQL = """
SELECT sp.name, rp.name, count(*),
       count(*) FILTER (WHERE n.state = 'in_progress'),
       count(*) FILTER (WHERE n.state = 'in_progress' AND c.notebook_id IS NOT NULL),
       count(*) FILTER (WHERE n.state = 'in_progress' AND c.notebook_id IS NULL),
       count(*) FILTER (WHERE n.state != 'closed' AND n.next_review_date <= %(today)s)
  FROM cdb_notebook n
  JOIN allowed ON allowed.id = n.id
  LEFT JOIN (SELECT DISTINCT notebook_id FROM cer_contract
              WHERE """ + IN_FORCE_SQL + """) c ON c.notebook_id = n.id
  LEFT JOIN res_partner sp ON sp.id = n.structure_id
  LEFT JOIN res_users ru ON ru.id = n.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
 GROUP BY n.structure_id, sp.name, n.referent_id, rp.name
 ORDER BY sp.name NULLS FIRST, rp.name NULLS FIRST
"""


class ExportCaseload(models.AbstractModel):
    """The caseload ("file active") by accompaniment structure and référent:
    carnets, accompanied beneficiaries, with and without a contract in
    force, and reviews overdue (seed 000: "a minima tous les 6 mois")."""

    _name = "report.cdb_departement.export_caseload"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the caseload by référent and structure"
    _export_model = "cdb.notebook"
    _notebook_path = ""

    def _write_sheets(self, workbook, ids_sql, ids_params):
        columns = [
            Column(_("Accompaniment structure"), width=34), Column(_("Référent"), width=28),
            Column(_("Carnets"), INTEGER), Column(_("Accompanied"), INTEGER, 12),
            Column(_("With a contract in force"), INTEGER, 14),
            Column(_("Without a contract"), INTEGER, 14),
            Column(_("Reviews overdue"), INTEGER, 14),
        ]

        def convert(row):
            return (row[0] or _("No structure"), row[1] or _("No référent")) + tuple(row[2:])

        self._write_query(workbook, _("Caseload"), columns, CASELOAD_SQL, ids_sql,
                          ids_params, self.env["cer.contract"]._in_force_sql_params(), convert)

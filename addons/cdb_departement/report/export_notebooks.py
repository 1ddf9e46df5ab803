from odoo import _, models

from odoo.addons.carnet_de_bord.models.cdb_action import OPEN_STATES
from odoo.addons.cer_contracts.models.cer_contract import IN_FORCE_SQL

from .xlsx_sheet import DATE, INTEGER, Column

NOTEBOOKS_SQL = """
SELECT bp.name, bp.caf_number, bp.birthdate_date, t.name, sp.name, rp.name, n.state,
       n.date_start, n.last_review_date, n.next_review_date,
       n.state != 'closed' AND n.next_review_date <= %(today)s,
       o.orientation_type, o.date_decision, c.contract_type, c.date_end,
       COALESCE(la.late, 0), n.date_end, er.name
  FROM cdb_notebook n
  JOIN allowed ON allowed.id = n.id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  LEFT JOIN cdb_territory t ON t.id = n.territory_id
  LEFT JOIN res_partner sp ON sp.id = n.structure_id
  LEFT JOIN res_users ru ON ru.id = n.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
  LEFT JOIN cdb_end_reason er ON er.id = n.end_reason_id
  LEFT JOIN (SELECT DISTINCT ON (notebook_id) notebook_id, orientation_type, date_decision
               FROM rsa_orientation WHERE state = 'decided'
              ORDER BY notebook_id, date_decision DESC, id DESC) o ON o.notebook_id = n.id
  LEFT JOIN (SELECT DISTINCT ON (notebook_id) notebook_id, contract_type, date_end
               FROM cer_contract WHERE """ + IN_FORCE_SQL + """
              ORDER BY notebook_id, date_start DESC, id DESC) c ON c.notebook_id = n.id
  LEFT JOIN (SELECT notebook_id, count(*) AS late FROM cdb_action
              WHERE state IN %(open)s AND date_deadline < %(today)s
              GROUP BY notebook_id) la ON la.notebook_id = n.id
 ORDER BY bp.name, n.id
"""


class ExportNotebooks(models.AbstractModel):
    """One row per carnet de bord: the beneficiary, who follows them, the
    reviews (seed 000: "a minima tous les 6 mois"), the current orientation,
    the contract in force, and the end of the path with its reason
    (carnet_de_bord's ``cdb.end.reason``)."""

    _name = "report.cdb_departement.export_notebooks"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the carnets de bord"
    _export_model = "cdb.notebook"
    _notebook_path = ""
    _date_field = "date_start"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        states = self._labels("cdb.notebook", "state")
        orientations = self._labels("rsa.orientation", "orientation_type")
        contracts = self._labels("cer.contract", "contract_type")
        columns = [
            Column(_("Beneficiary"), width=30), Column(_("CAF/MSA number"), width=14),
            Column(_("Birth date"), DATE), Column(_("Territory")),
            Column(_("Accompaniment structure"), width=30), Column(_("Référent")),
            Column(_("State"), width=12), Column(_("Accompaniment start"), DATE),
            Column(_("Last review"), DATE), Column(_("Next review"), DATE),
            Column(_("Review overdue"), width=10), Column(_("Orientation"), width=30),
            Column(_("Orientation date"), DATE), Column(_("Contract in force"), width=22),
            Column(_("Contract end"), DATE), Column(_("Late actions"), INTEGER),
            Column(_("Accompaniment end"), DATE), Column(_("End reason"), width=30),
        ]

        yes_no = self._yes_no_labels()

        def convert(row):
            row = list(row)
            row[6] = states.get(row[6])
            row[10] = yes_no(row[10])
            row[11] = orientations.get(row[11])
            row[13] = contracts.get(row[13])
            return row

        params = dict(self.env["cer.contract"]._in_force_sql_params(),
                      today=self._today(), open=OPEN_STATES)
        self._write_query(workbook, _("Carnets"), columns, NOTEBOOKS_SQL,
                          ids_sql, ids_params, params, convert)

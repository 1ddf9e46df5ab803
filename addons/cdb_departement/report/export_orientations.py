from odoo import _, models

from .sql_queries import orientation_signatures
from .xlsx_sheet import DATE, INTEGER, Column

ORIENTATIONS_SQL = """
SELECT bp.name, o.orientation_type, o.state, o.date_decision, o.basis, org.name,
       rp.name, cp.name, o.contract_deadline, s.signed, s.signed - o.date_decision,
       o.state = 'decided' AND s.signed IS NULL AND o.contract_deadline < %(today)s
  FROM rsa_orientation o
  JOIN allowed ON allowed.id = o.id
  JOIN cdb_notebook n ON n.id = o.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  LEFT JOIN res_partner org ON org.id = o.organism_id
  LEFT JOIN res_users ru ON ru.id = o.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
  LEFT JOIN res_users cu ON cu.id = o.correspondant_id
  LEFT JOIN res_partner cp ON cp.id = cu.partner_id
  LEFT JOIN ({signatures}) s ON s.orientation_id = o.id
 ORDER BY o.date_decision DESC NULLS LAST, o.id DESC
""".format(signatures=orientation_signatures())


class ExportOrientations(models.AbstractModel):
    """One row per orientation decision, with the contract deadline it
    starts and when the contract was signed."""

    _name = "report.cdb_departement.export_orientations"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the orientations"
    _export_model = "rsa.orientation"
    _date_field = "date_decision"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        types = self._labels("rsa.orientation", "orientation_type")
        states = self._labels("rsa.orientation", "state")
        bases = self._labels("rsa.orientation", "basis")
        columns = [
            Column(_("Beneficiary"), width=30), Column(_("Orientation"), width=30),
            Column(_("State"), width=12), Column(_("Decision date"), DATE),
            Column(_("Basis"), width=30), Column(_("Designated organism"), width=30),
            Column(_("Référent")), Column(_("Correspondant")),
            Column(_("Contract deadline"), DATE), Column(_("Contract signed on"), DATE),
            Column(_("Delay to the contract (days)"), INTEGER, 14),
            Column(_("Contract overdue"), width=10),
        ]

        yes_no = self._yes_no_labels()

        def convert(row):
            row = list(row)
            row[1] = types.get(row[1])
            row[2] = states.get(row[2])
            row[4] = bases.get(row[4])
            row[11] = yes_no(row[11])
            return row

        self._write_query(workbook, _("Orientations"), columns, ORIENTATIONS_SQL,
                          ids_sql, ids_params, convert=convert)

from odoo import _, models

from .sql_queries import DEADLINE_DAYS, DELAY_DAYS, IS_LATE, SIGNATURE_DATE
from .xlsx_sheet import DATE, INTEGER, Column

CONTRACTS_SQL = """
SELECT c.name, bp.name, rp.name, c.contract_type, c.state, c.date_start, c.date_end,
       o.orientation_type, o.date_decision, o.contract_deadline, {signature},
       {delay}, {deadline}, {late}
  FROM cer_contract c
  JOIN allowed ON allowed.id = c.id
  JOIN cdb_notebook n ON n.id = c.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  LEFT JOIN res_users ru ON ru.id = c.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
  LEFT JOIN rsa_orientation o ON o.id = c.orientation_id
 ORDER BY c.date_start DESC, c.id DESC
""".format(signature=SIGNATURE_DATE, delay=DELAY_DAYS, deadline=DEADLINE_DAYS, late=IS_LATE)


class ExportContracts(models.AbstractModel):
    """One row per contract, with the delay since the orientation decision
    against the legal deadline (see ``contract_delay``)."""

    _name = "report.cdb_departement.export_contracts"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the contracts"
    _export_model = "cer.contract"
    _date_field = "date_start"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        types = self._labels("cer.contract", "contract_type")
        states = self._labels("cer.contract", "state")
        orientations = self._labels("rsa.orientation", "orientation_type")
        columns = [
            Column(_("Number"), width=16), Column(_("Beneficiary"), width=30),
            Column(_("Référent")), Column(_("Type"), width=20), Column(_("State"), width=12),
            Column(_("Start"), DATE), Column(_("End"), DATE),
            Column(_("Orientation"), width=30), Column(_("Orientation date"), DATE),
            Column(_("Contract deadline"), DATE), Column(_("Signed on"), DATE),
            Column(_("Delay since the orientation (days)"), INTEGER, 14),
            Column(_("Legal deadline (days)"), INTEGER, 12), Column(_("Late"), width=8),
        ]

        yes_no = self._yes_no_labels()

        def convert(row):
            row = list(row)
            row[3] = types.get(row[3])
            row[4] = states.get(row[4])
            row[7] = orientations.get(row[7])
            row[13] = None if row[13] is None else yes_no(row[13])
            return row

        self._write_query(workbook, _("Contracts"), columns, CONTRACTS_SQL,
                          ids_sql, ids_params, convert=convert)

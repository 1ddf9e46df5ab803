from odoo import _, models

from odoo.addons.cer_contracts.models.rsa_orientation import orientation_signatures
from odoo.addons.cdb_departement.report.xlsx_sheet import DATE, INTEGER, Column

LAW_ORIENTATIONS_SQL = """
SELECT bp.name, rp.name, org.name, o.state, o.date_decision, o.notification_date,
       o.law_contract_due_date, s.signed, s.signed - o.notification_date,
       s.signed IS NOT NULL AND s.signed <= o.law_contract_due_date,
       o.state = 'decided' AND s.signed IS NULL AND o.law_contract_due_date < %(today)s,
       o.joint_diagnostic_due_date, o.joint_diagnostic_date
  FROM rsa_orientation o
  JOIN allowed ON allowed.id = o.id
  JOIN rsa_parcours rp ON rp.id = o.parcours_id
  JOIN cdb_notebook n ON n.id = o.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  LEFT JOIN res_partner org ON org.id = o.organism_id
  LEFT JOIN ({signatures}) s ON s.orientation_id = o.id
 ORDER BY o.date_decision DESC NULLS LAST, o.id DESC
""".format(signatures=orientation_signatures())


class ExportOrientations(models.AbstractModel):
    """cdb_departement's export of the orientations gets a second sheet: the
    orientations under the law (loi pour le plein emploi), with their
    parcours and organisme référent, the notification, the contract due one
    month later and whether it was signed in time, and the joint
    diagnostic."""

    _inherit = "report.cdb_departement.export_orientations"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        result = super()._write_sheets(workbook, ids_sql, ids_params)
        self._write_law_sheet(workbook, ids_sql, ids_params)
        return result

    def _write_law_sheet(self, workbook, ids_sql, ids_params):
        states = self._labels("rsa.orientation", "state")
        yes_no = self._yes_no_labels()
        columns = [
            Column(_("Beneficiary"), width=30), Column(_("Parcours")),
            Column(_("Organisme référent"), width=30), Column(_("State"), width=12),
            Column(_("Decision date"), DATE), Column(_("Notified on"), DATE),
            Column(_("Contract due (law)"), DATE), Column(_("Contract signed on"), DATE),
            Column(_("Days from the notification to the contract"), INTEGER, 14),
            Column(_("Signed within the month"), width=10),
            Column(_("Contract overdue"), width=10),
            Column(_("Joint diagnostic due"), DATE), Column(_("Joint diagnostic done on"), DATE),
        ]

        def convert(row):
            row = list(row)
            row[3] = states.get(row[3])
            row[9] = yes_no(row[9])
            row[10] = yes_no(row[10])
            return row

        return self._write_query(workbook, _("Orientations (law)"), columns,
                                 LAW_ORIENTATIONS_SQL, ids_sql, ids_params, convert=convert)

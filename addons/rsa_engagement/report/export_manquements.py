from odoo import _, models

from odoo.addons.cdb_departement.report.xlsx_sheet import DATE, INTEGER, NUMBER, Column

MANQUEMENTS_SQL = """
SELECT m.name, bp.name, m.kind, m.date_failure, m.state, m.invitation_date,
       m.observation_deadline, m.observations_date, m.decision, m.failure_rank, m.rate,
       m.months, m.household_size, m.suspension_start, m.suspension_end, m.decision_date,
       m.remobilisation_date, m.remobilisation_reason, m.amount_withheld, m.caf_notice_date
  FROM rsa_manquement m
  JOIN allowed ON allowed.id = m.id
  JOIN cdb_notebook n ON n.id = m.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
 ORDER BY m.date_failure DESC, m.id DESC
"""


class ExportManquements(models.AbstractModel):
    """One row per failure with its stage, the sanction and the
    remobilisation (the notice to the CAF/MSA in a spreadsheet: the sums
    withheld due back and the date of the notice), through cdb_departement's
    export (record rules of the user, server-side cursor)."""

    _name = "report.rsa_engagement.export_manquements"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the failures and sanctions"
    _export_model = "rsa.manquement"
    _date_field = "date_failure"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        labels = {index: self._labels("rsa.manquement", name) for index, name in (
            (2, "kind"), (4, "state"), (8, "decision"), (9, "failure_rank"),
            (17, "remobilisation_reason"))}
        columns = [
            Column(_("Number"), width=16), Column(_("Beneficiary"), width=30),
            Column(_("Kind"), width=30), Column(_("Date of the failure"), DATE),
            Column(_("Stage"), width=22), Column(_("Invited on"), DATE),
            Column(_("Observations until"), DATE), Column(_("Observations received on"), DATE),
            Column(_("Decision"), width=22), Column(_("Failure"), width=22),
            Column(_("Suspended share (%)"), INTEGER), Column(_("Duration (months)"), INTEGER),
            Column(_("Persons in the household"), INTEGER), Column(_("Suspended from"), DATE),
            Column(_("Suspended until"), DATE), Column(_("Decided on"), DATE),
            Column(_("Remobilised on"), DATE), Column(_("Re-engagement"), width=24),
            Column(_("Sums withheld, due back (€)"), NUMBER),
            Column(_("Notice to the CAF/MSA on"), DATE),
        ]

        def convert(row):
            row = list(row)
            for index, values in labels.items():
                row[index] = values.get(row[index])
            return row

        self._write_query(workbook, _("Failures and sanctions"), columns, MANQUEMENTS_SQL,
                          ids_sql, ids_params, convert=convert)

from odoo import _, models

from .xlsx_sheet import DATE, Column

EP_CASES_SQL = """
SELECT e.name, e.beneficiary_name, rp.name, e.case_type, e.reorientation_reason,
       e.suspension_reason, s.name, e.date_submitted, e.opinion_deadline, e.opinion,
       e.opinion_date, e.decision, e.decision_date, e.state
  FROM rsa_ep_case e
  JOIN allowed ON allowed.id = e.id
  LEFT JOIN rsa_ep_session s ON s.id = e.session_id
  LEFT JOIN res_users ru ON ru.id = e.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
 ORDER BY e.date_submitted DESC NULLS LAST, e.id DESC
"""


class ExportEpCases(models.AbstractModel):
    """One row per case put before the équipe pluridisciplinaire (guide,
    "LES INSTANCES": "Elles ont un mois pour rendre leur recommandation")."""

    _name = "report.cdb_departement.export_ep_cases"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the EP cases"
    _export_model = "rsa.ep.case"
    _date_field = "date_submitted"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        labels = {name: self._labels("rsa.ep.case", name) for name in (
            "case_type", "reorientation_reason", "suspension_reason", "opinion",
            "decision", "state")}
        columns = [
            Column(_("Number"), width=16), Column(_("Beneficiary"), width=30),
            Column(_("Référent")), Column(_("Request"), width=14),
            Column(_("Reason"), width=36), Column(_("Session"), width=16),
            Column(_("Submitted on"), DATE), Column(_("Opinion due by"), DATE),
            Column(_("Opinion"), width=14), Column(_("Opinion date"), DATE),
            Column(_("President's decision"), width=18), Column(_("Decision date"), DATE),
            Column(_("State"), width=14),
        ]

        def convert(row):
            (number, beneficiary, referent, case_type, reorientation, suspension, session,
             submitted, due, opinion, opinion_date, decision, decision_date, state) = row
            reason = labels["reorientation_reason"].get(reorientation) \
                if case_type == "reorientation" else labels["suspension_reason"].get(suspension)
            return (number, beneficiary, referent, labels["case_type"].get(case_type), reason,
                    session, submitted, due, labels["opinion"].get(opinion), opinion_date,
                    labels["decision"].get(decision), decision_date, labels["state"].get(state))

        self._write_query(workbook, _("EP cases"), columns, EP_CASES_SQL,
                          ids_sql, ids_params, convert=convert)

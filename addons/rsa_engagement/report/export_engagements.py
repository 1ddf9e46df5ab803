from odoo import _, models

from odoo.addons.cdb_departement.report.xlsx_sheet import DATE, NUMBER, Column

from ..models.cer_contract import ENGAGEMENT

ENGAGEMENTS_SQL = """
SELECT c.name, bp.name, rp.name, op.name, c.state, c.date_start, c.date_end,
       c.weekly_hours_target, c.hours_reason, c.hours_review_date,
       (SELECT coalesce(sum(l.planned_weekly_hours), 0)
          FROM cer_pap_line l JOIN cdb_action a ON a.id = l.action_id
         WHERE l.contract_id = c.id AND a.state != 'abandoned'),
       (SELECT avg(w.hours) FROM rsa_activity_week w
         WHERE w.contract_id = c.id AND w.state = 'confirmed'),
       (SELECT count(*) FROM rsa_activity_week w
         WHERE w.contract_id = c.id AND w.state = 'confirmed'),
       pc.name
  FROM cer_contract c
  JOIN allowed ON allowed.id = c.id
  JOIN cdb_notebook n ON n.id = c.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  LEFT JOIN res_users ru ON ru.id = c.referent_id
  LEFT JOIN res_partner rp ON rp.id = ru.partner_id
  LEFT JOIN res_partner op ON op.id = c.organisme_id
  LEFT JOIN cer_contract pc ON pc.id = c.previous_contract_id
 WHERE c.contract_type = %(engagement)s
 ORDER BY c.date_start DESC, c.id DESC
"""


class ExportEngagements(models.AbstractModel):
    """One row per contrat d'engagement with its weekly activity: the
    target and its reason, the hours planned by the plan and the average
    realised over the confirmed weeks, and the contract it converted."""

    _name = "report.rsa_engagement.export_engagements"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the contrats d'engagement"
    _export_model = "cer.contract"
    _date_field = "date_start"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        states = self._labels("cer.contract", "state")
        reasons = self._labels("cer.contract", "hours_reason")
        columns = [
            Column(_("Number"), width=16), Column(_("Beneficiary"), width=30),
            Column(_("Référent")), Column(_("Organisme référent"), width=30),
            Column(_("State"), width=12), Column(_("Start"), DATE), Column(_("End"), DATE),
            Column(_("Weekly activity target (hours)"), NUMBER),
            Column(_("Reason for a lower target"), width=30),
            Column(_("Review of the target on"), DATE),
            Column(_("Planned hours a week"), NUMBER),
            Column(_("Realised hours a week (average)"), NUMBER),
            Column(_("Confirmed weeks"), NUMBER),
            Column(_("Converts"), width=16),
        ]

        def convert(row):
            row = list(row)
            row[4] = states.get(row[4])
            row[8] = reasons.get(row[8])
            row[11] = None if row[11] is None else float(row[11])
            return row

        self._write_query(workbook, _("Contrats d'engagement"), columns, ENGAGEMENTS_SQL,
                          ids_sql, ids_params, params={"engagement": ENGAGEMENT},
                          convert=convert)

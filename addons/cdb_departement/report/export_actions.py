from odoo import _, models

from odoo.addons.carnet_de_bord.models.cdb_action import OPEN_STATES

from .xlsx_sheet import DATE, INTEGER, Column

ACTION_STATES = ("planned", "in_progress", "done", "abandoned")
LATE = "a.state IN %(open)s AND a.date_deadline < %(today)s"

BY_THEME_SQL = """
SELECT t.code, t.name, {counts},
       count(*) FILTER (WHERE {late}), count(*)
  FROM cdb_action a
  JOIN allowed ON allowed.id = a.id
  JOIN cdb_action_code t ON t.id = a.theme_id
 GROUP BY t.id, t.code, t.name, t.sequence
 ORDER BY t.sequence, t.code
""".format(counts=", ".join(
    "count(*) FILTER (WHERE a.state = '%s')" % state for state in ACTION_STATES), late=LATE)

ACTIONS_SQL = """
SELECT bp.name, t.code || ' ' || t.name, ac.code, ac.name, a.state, a.date_start,
       a.date_deadline, up.name, sp.name, {late}
  FROM cdb_action a
  JOIN allowed ON allowed.id = a.id
  JOIN cdb_notebook n ON n.id = a.notebook_id
  JOIN res_partner bp ON bp.id = n.beneficiary_id
  JOIN cdb_action_code ac ON ac.id = a.action_code_id
  LEFT JOIN cdb_action_code t ON t.id = a.theme_id
  LEFT JOIN res_users u ON u.id = a.user_id
  LEFT JOIN res_partner up ON up.id = u.partner_id
  LEFT JOIN res_partner sp ON sp.id = a.structure_id
 ORDER BY bp.name, a.date_deadline, a.id
""".format(late=LATE)


class ExportActions(models.AbstractModel):
    """The actions of the plans by theme of the guide's codification (Annexe
    6, themes A to J) and status, then one row per action."""

    _name = "report.cdb_departement.export_actions"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Export of the actions by theme and status"
    _export_model = "cdb.action"
    _date_field = "date_start"

    def _write_sheets(self, workbook, ids_sql, ids_params):
        states = self._labels("cdb.action", "state")
        params = {"open": OPEN_STATES}
        columns = [Column(_("Code"), width=8), Column(_("Theme"), width=40)] + [
            Column(states[state], INTEGER, 12) for state in ACTION_STATES] + [
            Column(_("Late"), INTEGER), Column(_("Total"), INTEGER)]
        self._write_query(workbook, _("By theme and status"), columns, BY_THEME_SQL,
                          ids_sql, ids_params, params)
        columns = [
            Column(_("Beneficiary"), width=30), Column(_("Theme"), width=30),
            Column(_("Code"), width=8), Column(_("Action"), width=40),
            Column(_("Status"), width=12), Column(_("Start"), DATE), Column(_("Échéance"), DATE),
            Column(_("Accompagnateur in charge")), Column(_("Structure in charge")),
            Column(_("Late"), width=8),
        ]

        yes_no = self._yes_no_labels()

        def convert(row):
            row = list(row)
            row[4] = states.get(row[4])
            row[9] = yes_no(row[9])
            return row

        self._write_query(workbook, _("Actions"), columns, ACTIONS_SQL,
                          ids_sql, ids_params, params, convert)

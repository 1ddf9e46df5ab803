import datetime

from psycopg2 import sql as pgsql

from odoo import _, fields, models

from odoo.addons.cdb_departement.report.xlsx_sheet import INTEGER, NUMBER, Column, SheetWriter
from odoo.addons.cer_contracts.models.cer_contract import SIGNED_STATES

from ..models.cdb_notebook import CLOCK_START_SQL
from ..settings import ORIENTATION_DELAY_WEEKS

# The population and its situation on 31 December (%(end)s) of the year:
# the carnets the user may read (CTE ``allowed``) of beneficiaries subject to
# rights and duties since that day at the latest; their last orientation
# decided by then; whether a contract signed by then runs on that day.
POPULATION_SQL = """
, pop AS (
  SELECT n.id AS notebook_id, {start} AS start
    FROM cdb_notebook n JOIN allowed ON allowed.id = n.id
    JOIN res_partner p ON p.id = n.beneficiary_id
   WHERE p.rsa_rights_duties AND {start} <= %(end)s
), orient AS (
  SELECT DISTINCT ON (o.notebook_id) o.notebook_id, o.parcours_id, o.organism_id,
         o.orientation_type, o.date_decision, o.notification_date
    FROM rsa_orientation o JOIN pop ON pop.notebook_id = o.notebook_id
   WHERE o.state IN ('decided', 'replaced') AND o.date_decision <= %(end)s
   ORDER BY o.notebook_id, o.date_decision DESC, o.id DESC
), contract AS (
  SELECT DISTINCT c.notebook_id FROM cer_contract c JOIN pop ON pop.notebook_id = c.notebook_id
   WHERE c.state IN %(signed)s AND c.signed_date <= %(end)s
     AND c.date_start <= %(end)s AND c.date_end >= %(end)s
), first_contract AS (
  SELECT o.id AS orientation_id, o.notebook_id, o.notification_date, min(c.signed_date) AS signed
    FROM rsa_orientation o JOIN pop ON pop.notebook_id = o.notebook_id
    JOIN cer_contract c ON c.orientation_id = o.id
   WHERE o.notification_date BETWEEN %(begin)s AND %(end)s AND c.state IN %(signed)s
     AND c.signed_date IS NOT NULL
   GROUP BY o.id, o.notebook_id, o.notification_date
), year_orientation AS (
  SELECT DISTINCT ON (o.notebook_id) o.notebook_id, o.date_decision - pop.start AS days
    FROM rsa_orientation o JOIN pop ON pop.notebook_id = o.notebook_id
   WHERE o.state IN ('decided', 'replaced') AND o.date_decision BETWEEN %(begin)s AND %(end)s
     AND pop.start IS NOT NULL AND o.date_decision >= pop.start
   ORDER BY o.notebook_id, o.date_decision, o.id
)
""".format(start=CLOCK_START_SQL)
SUMMARY_SQL = POPULATION_SQL + """
SELECT (SELECT count(*) FROM pop),
       (SELECT count(*) FROM orient),
       (SELECT count(*) FROM orient WHERE parcours_id IS NOT NULL),
       (SELECT count(*) FROM contract),
       (SELECT count(*) FROM year_orientation),
       (SELECT count(*) FROM year_orientation WHERE days <= %(days)s),
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM year_orientation),
       (SELECT count(*) FROM first_contract),
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY signed - notification_date)
          FROM first_contract)
"""
# The carnets behind each figure of the summary (the wizard opens them).
FIGURE_SQL = {
    "subject": POPULATION_SQL + "SELECT notebook_id FROM pop",
    "oriented": POPULATION_SQL + "SELECT notebook_id FROM orient",
    "oriented_law": POPULATION_SQL +
    "SELECT notebook_id FROM orient WHERE parcours_id IS NOT NULL",
    "with_contract": POPULATION_SQL + "SELECT notebook_id FROM contract",
    "oriented_in_year": POPULATION_SQL + "SELECT notebook_id FROM year_orientation",
    "oriented_in_time": POPULATION_SQL +
    "SELECT notebook_id FROM year_orientation WHERE days <= %(days)s",
    "notified_signed": POPULATION_SQL + "SELECT DISTINCT notebook_id FROM first_contract",
}
BY_PARCOURS_SQL = POPULATION_SQL + """
SELECT COALESCE(rp.name, o.orientation_type), org.name, count(*),
       count(contract.notebook_id)
  FROM orient o
  LEFT JOIN rsa_parcours rp ON rp.id = o.parcours_id
  LEFT JOIN res_partner org ON org.id = o.organism_id
  LEFT JOIN contract ON contract.notebook_id = o.notebook_id
 GROUP BY COALESCE(rp.name, o.orientation_type), org.name
 ORDER BY 1, 2
"""


class ExportOarsa(models.AbstractModel):
    """The yearly statistics modelled on the DREES survey on the orientation
    and accompaniment of RSA beneficiaries (OARSA), for a year (data
    ``year``, default: last year), over the carnets the user may read:

    - beneficiaries subject to rights and duties on 31 December (subject
      today and since that day at the latest — the rights-and-duties date,
      else the RSA entry date; a person without either date is not counted:
      the product keeps the current status and its date, not its history);
    - oriented on 31 December (their last decision by then), of which under
      the law (with a parcours); by parcours (the guide's orientation type
      for an orientation without parcours) and organisme référent, with a
      contract running on 31 December (signed by then);
    - delays: orientations of the year within the 6-week delay, median days
      from the start of the clock to the orientation, median days from the
      notification to the first signed contract.
    """

    _name = "report.rsa_parcours.export_oarsa"
    _inherit = "report.cdb_departement.xlsx_export"
    _description = "Yearly statistics of orientation and accompaniment (OARSA)"
    _export_model = "cdb.notebook"
    _notebook_path = ""

    def generate_xlsx_report(self, workbook, data, objs):
        data = data or {}
        year = self._year(data)
        ids_sql, ids_params = self._allowed_ids_query(self._oarsa_domain(data, objs))
        params = self._params(year)
        self._write_summary(workbook, year, ids_sql, ids_params, params)
        self._write_by_parcours(workbook, ids_sql, ids_params, params)

    def _year(self, data):
        return int(data.get("year") or fields.Date.from_string(self._today()).year - 1)

    def _oarsa_domain(self, data, objs=None):
        if data.get("filters") is not None:
            return self._filter_domain(data["filters"])
        return [("id", "in", objs.ids)] if objs else []

    def _params(self, year):
        return {
            "begin": datetime.date(year, 1, 1), "end": datetime.date(year, 12, 31),
            "signed": SIGNED_STATES, "days": 7 * ORIENTATION_DELAY_WEEKS.get(self.env),
        }

    def _figures(self, data):
        """The summary's figures for the wizard's screen."""
        ids_sql, ids_params = self._allowed_ids_query(self._oarsa_domain(data))
        return self._summary_figures(ids_sql, ids_params, self._params(self._year(data)))

    def _figure_notebook_ids(self, data, key):
        """The carnets counted by the figure ``key`` (FIGURE_SQL)."""
        ids_sql, ids_params = self._allowed_ids_query(self._oarsa_domain(data))
        return [row[0] for row in self._fetch(FIGURE_SQL[key], ids_sql, ids_params,
                                              self._params(self._year(data)))]

    def _fetch(self, sql, ids_sql, ids_params, params):
        # module constants and the SQL of a search, the values bound by psycopg2
        query = pgsql.SQL("WITH allowed AS ({}) {}").format(
            pgsql.SQL(self._literal(ids_sql, ids_params)), pgsql.SQL(sql))
        self.env.cr.execute(query, params)
        return self.env.cr.fetchall()

    def _summary_figures(self, ids_sql, ids_params, params):
        row = self._fetch(SUMMARY_SQL, ids_sql, ids_params, params)[0]
        keys = ("subject", "oriented", "oriented_law", "with_contract", "oriented_in_year",
                "oriented_in_time", "median_orientation_days", "notified_signed",
                "median_contract_days")
        return dict(zip(keys, row))

    def _write_summary(self, workbook, year, ids_sql, ids_params, params):
        figures = self._summary_figures(ids_sql, ids_params, params)
        sheet = SheetWriter(workbook, _("Summary %d") % year,
                            [Column(_("Figure"), width=70), Column(_("Value"), NUMBER, 14)])
        rows = [
            (_("Beneficiaries subject to rights and duties on 31 December"), "subject"),
            (_("Oriented on 31 December"), "oriented"),
            (_("of which under the law (with a parcours)"), "oriented_law"),
            (_("With a contract running on 31 December"), "with_contract"),
            (_("Oriented during the year"), "oriented_in_year"),
            (_("of which within the orientation delay"), "oriented_in_time"),
            (_("Median delay from the start to the orientation (days)"),
             "median_orientation_days"),
            (_("Orientations notified during the year followed by a signed contract"),
             "notified_signed"),
            (_("Median delay from the notification to the contract (days)"),
             "median_contract_days"),
        ]
        for label, key in rows:
            value = figures[key]
            sheet.write_row([label, float(value) if value is not None else None])
        sheet.close()
        return figures

    def _write_by_parcours(self, workbook, ids_sql, ids_params, params):
        types = self._labels("rsa.orientation", "orientation_type")
        sheet = SheetWriter(workbook, _("By parcours and organism"), [
            Column(_("Parcours or orientation"), width=30),
            Column(_("Organisme référent"), width=30),
            Column(_("Oriented on 31 December"), INTEGER, 14),
            Column(_("With a contract running on 31 December"), INTEGER, 14)])
        for name, organism, count, with_contract in self._fetch(
                BY_PARCOURS_SQL, ids_sql, ids_params, params):
            sheet.write_row([types.get(name, name), organism or _("(none)"), count,
                             with_contract])
        return sheet.close()

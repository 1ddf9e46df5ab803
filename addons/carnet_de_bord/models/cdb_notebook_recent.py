from odoo import api, fields, models

# How many carnets each user's list keeps (the older rows are deleted).
KEEP = 20


class CdbNotebookRecent(models.Model):
    """The carnets a professional opened lately (issue 14: "the last
    carnets opened", as the public service had them), shown on their home.
    One row per user and carnet, its date moved at each opening, the
    ``KEEP`` latest kept: a convenience, not an audit (the read audit of
    cdb_base keeps the accesses of the non-members). Written and read by the
    server only (no access right for the users), for the user themselves."""

    _name = "cdb.notebook.recent"
    _description = "Carnet opened lately"
    _order = "date desc, id desc"

    user_id = fields.Many2one("res.users", "User", required=True, index=True, ondelete="cascade")
    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", required=True, index=True,
                                  ondelete="cascade")
    date = fields.Datetime("Opened on", required=True, default=fields.Datetime.now)

    _sql_constraints = [
        ("user_notebook_unique", "unique(user_id, notebook_id)",
         "A carnet is listed once for each user."),
    ]

    @api.model
    def _mark_opened(self, notebook):
        """``notebook`` was opened by the current user (its form read). Two
        queries whatever the user's list holds (the cost of opening a carnet
        stays constant, test_query_budget)."""
        user = self.env.user
        if user.share or not notebook:
            return
        params = {"user": user.id, "notebook": notebook.id, "now": fields.Datetime.now(),
                  "keep": KEEP}
        self.env.cr.execute("""
            INSERT INTO cdb_notebook_recent
                   (user_id, notebook_id, date, create_uid, create_date, write_uid, write_date)
            VALUES (%(user)s, %(notebook)s, %(now)s, %(user)s, %(now)s, %(user)s, %(now)s)
            ON CONFLICT (user_id, notebook_id)
            DO UPDATE SET date = EXCLUDED.date, write_date = EXCLUDED.write_date
        """, params)
        self.env.cr.execute("""
            DELETE FROM cdb_notebook_recent
             WHERE user_id = %(user)s AND id NOT IN (
                   SELECT id FROM cdb_notebook_recent WHERE user_id = %(user)s
                    ORDER BY date DESC, id DESC LIMIT %(keep)s)
        """, params)
        self.invalidate_cache()

    @api.model
    def _recent_notebooks(self, limit):
        """The carnets the current user opened lately and may still read."""
        # sudo: the user's own list
        rows = self.sudo().search([("user_id", "=", self.env.uid)], limit=KEEP)
        ids = rows.mapped("notebook_id").ids
        readable = set(self.env["cdb.notebook"].search([("id", "in", ids)]).ids)
        return self.env["cdb.notebook"].browse(
            [notebook_id for notebook_id in ids if notebook_id in readable][:limit])

from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    cdb_structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure",
        domain=[("cdb_is_structure", "=", True)],
        help="The structure this professional works for. Its structure "
             "administrators see the carnets this professional follows.")
    cdb_territory_ids = fields.Many2many(
        "cdb.territory", string="Territories",
        help="Territories followed by this correspondant or manager.")

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        # The record rules read these fields; Odoo caches each user's rules.
        if "cdb_structure_id" in vals or "cdb_territory_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return result

    # ------------------------------------------------------------- sharing
    # Read by the record rules of security/*_sharing_rules.xml: Odoo caches
    # each user's rule domains, cdb.notebook.member clears that cache when a
    # choice changes. Odoo 11 evaluates a dotted path of a domain as a
    # search of its own and turns a negated leaf into "!=", so a deny-list
    # is written "not in <the carnets that hide the section>", never as
    # "not (member_ids.x = user)" (which would mean "another member exists").
    def _cdb_hidden_notebook_ids(self, section):
        """Carnets whose ``section`` the beneficiary hid from this user."""
        self.ensure_one()
        # sudo: a rule domain is computed from this user's memberships,
        # whatever the user may read
        members = self.env["cdb.notebook.member"].sudo().with_context(
            active_test=False).search(
                [("user_id", "=", self.id),
                 (self.env["cdb.notebook.member"]._share_field(section), "=", False)])
        # ids only: search_read would also compute the carnets' display names
        return sorted(members.mapped("notebook_id").ids)

    def _cdb_sharing_domain(self, section, notebook_path="notebook_id"):
        """Rule domain of a shared section: everything but the records of the
        carnets that hide ``section`` from this user (``notebook_path``
        leads from the record to its carnet)."""
        hidden = self._cdb_hidden_notebook_ids(section)
        return [(notebook_path, "not in", hidden)] if hidden else []

    def _cdb_documents_domain(self):
        """Rule domain of ir.attachment: the documents of the carnets that
        hide the "documents" section from this user are left out."""
        hidden = self._cdb_hidden_notebook_ids("documents")
        if not hidden:
            return []
        return ["|", ("res_model", "!=", "cdb.notebook"), ("res_id", "not in", hidden)]

    def _cdb_health_domain(self):
        """Rule domain of cdb.health, an allow-list: the beneficiary's own
        carnet and the carnets where this user is an active member the
        beneficiary shares their health with (by default the référent)."""
        self.ensure_one()
        # sudo: see _cdb_hidden_notebook_ids
        notebook_ids = set(self.env["cdb.notebook"].sudo().search(
            [("beneficiary_id", "=", self.partner_id.id)]).ids)
        members = self.env["cdb.notebook.member"].sudo().search(
            [("active_user_id", "=", self.id), ("share_health", "=", True)])
        notebook_ids.update(members.mapped("notebook_id").ids)
        return [("notebook_id", "in", sorted(notebook_ids))]

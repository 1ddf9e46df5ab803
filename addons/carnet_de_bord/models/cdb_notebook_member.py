from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CdbNotebookMember(models.Model):
    """Who follows a carnet ("groupe de suivi"): the référent unique,
    accompagnateurs of partner structures, others. Only active members
    read the carnet (see security/cdb_rules.xml); an ended membership is
    kept inactive for the history."""

    _name = "cdb.notebook.member"
    _description = "Carnet de bord member"
    _order = "active desc, role, date_start desc"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", "User", required=True, index=True,
                              ondelete="cascade")
    role = fields.Selection([
        ("referent", "Référent"),
        ("accompagnateur", "Accompagnateur"),
        ("other", "Other"),
    ], required=True, default="accompagnateur")
    structure_id = fields.Many2one(
        "res.partner", "Structure", index=True, domain=[("cdb_is_structure", "=", True)])
    active = fields.Boolean(default=True, index=True)
    date_start = fields.Date("Since", default=fields.Date.context_today)
    date_end = fields.Date("Until")
    # What the record rules match (security/cdb_rules.xml): empty once the
    # membership ended, whatever active_test the caller puts in the context.
    active_user_id = fields.Many2one(
        "res.users", "Active member", compute="_compute_active_refs", store=True,
        index=True)
    active_structure_id = fields.Many2one(
        "res.partner", "Structure of an active member", compute="_compute_active_refs",
        store=True, index=True)

    _sql_constraints = [
        ("notebook_user_unique", "unique(notebook_id, user_id)",
         "This person is already a member of the carnet."),
    ]

    @api.depends("active", "user_id", "structure_id")
    def _compute_active_refs(self):
        for member in self:
            member.active_user_id = member.user_id if member.active else False
            member.active_structure_id = member.structure_id if member.active else False

    @api.model
    def create(self, vals):
        # Only who may already change the carnet adds members to it: the rule
        # of this model would accept the new membership itself.
        if vals.get("notebook_id"):
            self.env["cdb.notebook"].browse(vals["notebook_id"]).check_access_rule("write")
        return super().create(vals)

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id.cdb_structure_id:
            self.structure_id = self.user_id.cdb_structure_id

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_start and member.date_end and member.date_end < member.date_start:
                raise ValidationError(_(
                    "The end of a membership cannot be before its start."))

    @api.constrains("role", "active", "user_id")
    def _check_single_referent(self):
        for notebook in self.mapped("notebook_id"):
            referents = notebook.member_ids.filtered(
                lambda m: m.active and m.role == "referent")
            if len(referents) > 1:
                raise ValidationError(_(
                    "A carnet de bord has a single référent: change the "
                    "référent unique of the carnet instead."))

    @api.model
    def _end_expired_memberships(self):
        """Memberships whose end date has passed stop giving access."""
        today = fields.Date.context_today(self)
        expired = self.search([("date_end", "!=", False), ("date_end", "<", today)])
        expired.write({"active": False})
        return len(expired)

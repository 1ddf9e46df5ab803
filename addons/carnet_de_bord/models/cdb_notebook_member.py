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

    _sql_constraints = [
        ("notebook_user_unique", "unique(notebook_id, user_id)",
         "This person is already a member of the carnet."),
    ]

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
            referents = notebook.member_ids.filtered(lambda m: m.role == "referent")
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

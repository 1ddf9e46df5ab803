from odoo import api, fields, models


class RsaEpSession(models.Model):
    """A session of an équipe pluridisciplinaire or of an équipe d'orientation
    (guide, "LES INSTANCES"): "Une équipe par territoire présidée par un
    Conseiller Général, et composée par des professionnels de l'insertion …"
    The agenda lists the cases; the minutes record the opinions."""

    _name = "rsa.ep.session"
    _description = "EP / orientation team session"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, default=lambda self: self._default_name())
    team_type = fields.Selection([
        ("ep", "Équipe pluridisciplinaire"),
        ("orientation", "Orientation team"),
    ], "Team", required=True, default="ep")
    date = fields.Datetime(required=True, track_visibility="onchange")
    territory = fields.Char(required=True, track_visibility="onchange")
    place = fields.Char()
    president_id = fields.Many2one("res.users", "President")
    member_ids = fields.Many2many("res.users", string="Members")
    case_ids = fields.One2many("rsa.ep.case", "session_id", "Agenda")
    case_count = fields.Integer(compute="_compute_case_count")
    minutes = fields.Html()
    state = fields.Selection([
        ("planned", "Planned"),
        ("held", "Held"),
        ("closed", "Closed"),
    ], default="planned", required=True, track_visibility="onchange")

    @api.model
    def _default_name(self):
        return self.env["ir.sequence"].next_by_code("rsa.ep.session") or "/"

    @api.depends("case_ids")
    def _compute_case_count(self):
        for session in self:
            session.case_count = len(session.case_ids)

    @api.multi
    def action_hold(self):
        self.write({"state": "held"})
        return True

    @api.multi
    def action_close(self):
        self.write({"state": "closed"})
        return True

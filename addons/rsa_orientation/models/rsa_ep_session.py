from odoo import _, api, fields, models
from odoo.exceptions import UserError

# States of a session.
PLANNED, HELD, CLOSED = "planned", "held", "closed"
# The teams (seed 003, "LES INSTANCES"): the équipe pluridisciplinaire and
# the équipe d'orientation.
EP_TEAM, ORIENTATION_TEAM = "ep", "orientation"
TEAMS = [(EP_TEAM, "Équipe pluridisciplinaire"), (ORIENTATION_TEAM, "Orientation team")]


class RsaEpSession(models.Model):
    """A session of an équipe pluridisciplinaire or of an équipe d'orientation
    (seed 003, "LES INSTANCES"): "Une équipe par territoire présidée par un
    Conseiller Général, et composée par des professionnels de l'insertion …"
    The agenda lists the cases; the minutes record the opinions.

    The number comes from a sequence when the session is created (opening
    and leaving an empty form consumes none); the number and the state
    change only through the session's actions (its members and the
    managers, who may write it)."""

    _name = "rsa.ep.session"
    _description = "EP / orientation team session"
    _inherit = ["cdb.workflow.mixin", "cdb.numbered.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _sequence_code = "rsa.ep.session"
    _workflow_fields = ("name", "state")

    team_type = fields.Selection(TEAMS, "Team", required=True, default=EP_TEAM)
    date = fields.Datetime(required=True, track_visibility="onchange")
    territory = fields.Char(required=True, track_visibility="onchange")
    place = fields.Char()
    president_id = fields.Many2one("res.users", "President")
    member_ids = fields.Many2many("res.users", string="Members")
    case_ids = fields.One2many("rsa.ep.case", "session_id", "Agenda")
    case_count = fields.Integer(compute="_compute_case_count")
    minutes = fields.Html()
    state = fields.Selection([
        (PLANNED, "Planned"),
        (HELD, "Held"),
        (CLOSED, "Closed"),
    ], default=PLANNED, required=True, track_visibility="onchange")

    @api.depends("case_ids")
    def _compute_case_count(self):
        for session in self:
            session.case_count = len(session.case_ids)

    @api.multi
    def action_hold(self):
        if self.filtered(lambda s: s.state != PLANNED):
            raise UserError(_("Only a planned session can be marked as held."))
        self._workflow_write({"state": HELD})
        return True

    @api.multi
    def action_close(self):
        if self.filtered(lambda s: s.state != HELD):
            raise UserError(_("Only a session that was held can be closed."))
        self._workflow_write({"state": CLOSED})
        return True

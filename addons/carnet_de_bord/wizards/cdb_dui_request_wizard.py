from odoo import _, api, fields, models


class CdbDuiRequestWizard(models.TransientModel):
    """Record a professional's individual access request (seed 003,
    "Accessibilité à l'interface": "La demande d'accès individuelle :
    document cosigné par le référent et son responsable, indispensable à la
    création du compte et à l'envoi par le Conseil Général du login et mot de
    passe"): its date and the manager who co-signed it. The département's
    managers record it (res.users._cdb_check_may_record_access_request)."""

    _name = "cdb.dui.request.wizard"
    _description = "Individual access request of a professional"

    user_id = fields.Many2one("res.users", "Professional", required=True, ondelete="cascade")
    request_date = fields.Date("Access request of", required=True,
                               default=fields.Date.context_today)
    cosigner = fields.Char("Co-signed by (manager)", required=True,
                           help="Name and function of the manager who co-signed the request.")

    @api.model
    def _open_for(self, user):
        return {
            "type": "ir.actions.act_window",
            "name": _("Record the access request"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_user_id": user.id},
        }

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.user_id._cdb_check_may_record_access_request()
        self.user_id._cdb_record_access_request(self.request_date, self.cosigner)
        return {"type": "ir.actions.act_window_close"}

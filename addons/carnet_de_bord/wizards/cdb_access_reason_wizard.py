from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CdbAccessReasonWizard(models.TransientModel):
    """"Motif de consultation": a user who is not a member of a carnet says
    why they open it; the reason is logged and the carnet opens (see
    models/cdb_notebook_audit.py)."""

    _name = "cdb.access.reason.wizard"
    _description = "Reason for consulting a carnet"

    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", required=True,
                                  ondelete="cascade")
    reason = fields.Text(
        required=True,
        help="Why you consult this carnet although you are not a member of it "
             "(for example: request of the référent, EP case, complaint). "
             "The members of the carnet and the beneficiary can read it.")

    @api.multi
    def action_confirm(self):
        """Log the reason and open the carnet."""
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(_("Indicate the reason for your consultation."))
        notebook = self.notebook_id
        notebook.check_access_rights("read")
        notebook.check_access_rule("read")
        # sudo: the journal is written by the server only
        self.env["cdb.access.log"].sudo()._log_accesses(
            notebook._cdb_not_followed_ids(), reason, user=self.env.user)
        action = notebook.get_formview_action()
        action["context"] = {}
        return action

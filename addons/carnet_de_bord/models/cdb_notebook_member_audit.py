from odoo import _, api, models

from odoo.addons.cdb_base.tools import selection_label


class CdbNotebookMember(models.Model):
    """Changes of the groupe de suivi are written in the carnet's chatter
    (who joined, with which role, who left), as the tracked fields of the
    carnet are: a membership is what opens the carnet to someone."""

    _inherit = "cdb.notebook.member"

    _tracked_member_fields = ("active", "role", "date_end", "user_id")

    @api.model
    def create(self, vals):
        member = super().create(vals)
        member._post_on_notebook(_("%s joins the groupe de suivi as %s."))
        return member

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if any(name in vals for name in self._tracked_member_fields):
            for member in self:
                if member.active:
                    member._post_on_notebook(_("%s follows the carnet as %s."))
                else:
                    member._post_on_notebook(_("%s no longer follows the carnet (was %s)."))
        return result

    @api.multi
    def unlink(self):
        for member in self:
            member._post_on_notebook(_("%s is removed from the groupe de suivi (was %s)."))
        return super().unlink()

    def _post_on_notebook(self, template):
        if self.env.context.get("tracking_disable"):
            return
        for member in self.sudo():
            member.notebook_id.message_post(
                body=template % (member.user_id.name, selection_label(member, "role")),
                author_id=self.env.user.partner_id.id, subtype="mail.mt_note")

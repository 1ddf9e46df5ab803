from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class CdbNotebookMember(models.Model):
    """Who may bring someone into a carnet (issue "Access model": "inviting
    someone into a carnet requires being a member of it"): an active member
    of the carnet, an administrator of the structure of one of its active
    members, or a département manager who sees the carnet. A correspondant
    reads the memberships of their territory but does not change them."""

    _inherit = "cdb.notebook.member"

    @api.model
    def create(self, vals):
        if vals.get("notebook_id"):
            self._check_can_invite(self.env["cdb.notebook"].browse(vals["notebook_id"]))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        # Moving a membership to another carnet, or to another person, is an
        # invitation there: checked like one (the record rules are checked
        # before the change only).
        if "notebook_id" in vals or "user_id" in vals:
            notebooks = self.mapped("notebook_id")
            if vals.get("notebook_id"):
                notebooks = self.env["cdb.notebook"].browse(vals["notebook_id"])
            for notebook in notebooks:
                self._check_can_invite(notebook)
        return super().write(vals)

    @api.model
    def _check_can_invite(self, notebook):
        user = self.env.user
        if self.env.uid == SUPERUSER_ID:
            return
        notebook.check_access_rule("write")
        members = notebook.sudo().member_ids
        if user in members.mapped("active_user_id"):
            return
        if (user.has_group("carnet_de_bord.group_cdb_structure_admin") and user.cdb_structure_id
                and user.cdb_structure_id in members.mapped("active_structure_id")):
            return
        if user.has_group("carnet_de_bord.group_cdb_manager"):
            return
        raise AccessError(_(
            "Only an active member of this carnet de bord, an administrator of the "
            "structure of one of its members or a département manager can add a "
            "member to it."))

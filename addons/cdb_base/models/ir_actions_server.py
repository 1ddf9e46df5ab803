from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class IrActionsServer(models.Model):
    """Odoo 11 workaround: a server action bound to a model's Action menu
    cannot be restricted to groups (Odoo 12 added the field). The field
    ``groups_id`` of later versions: ``ir.actions.actions.get_bindings``
    already hides an action whose groups the user has none of, and running
    it is refused the same way. The methods it calls still check their own
    rules."""

    _inherit = "ir.actions.server"

    groups_id = fields.Many2many(
        "res.groups", "ir_act_server_group_rel", "act_id", "gid", string="Groups",
        help="When set, only the users of one of these groups see and run the action.")

    @api.multi
    def run(self):
        for action in self:
            # sudo: the groups of an action are configuration, read to check
            groups = action.sudo().groups_id
            if groups and not groups & self.env.user.groups_id:
                raise AccessError(_("You are not allowed to run the action \"%s\".")
                                  % action.name)
        return super().run()

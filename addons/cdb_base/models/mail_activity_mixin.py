from odoo import fields, models


class MailActivityMixin(models.AbstractModel):
    """Odoo 11 has no ``activity_schedule``: one way to remind someone of a
    deadline on any record of the carnet de bord modules."""

    _inherit = "mail.activity.mixin"

    def _cdb_schedule_activity(self, activity_type_xmlid, summary, deadline, user):
        self.ensure_one()
        return self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": self.env.ref(activity_type_xmlid).id,
            "summary": summary,
            "date_deadline": deadline or fields.Date.context_today(self),
            "user_id": user.id,
        })

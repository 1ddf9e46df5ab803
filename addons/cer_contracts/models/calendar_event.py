from odoo import _, api, models


class CalendarEvent(models.Model):
    """A missed appointment of a carnet starts a fiche de liaison (issue 14,
    "a missed appointment can start a fiche"; guide of the département,
    Annexe 7: "La personne ne s'est pas présentée au rendez-vous"): a
    "Demande d'appui" with the appointment already written, for the
    référent to complete and send to the correspondant."""

    _inherit = "calendar.event"

    @api.multi
    def action_cer_new_liaison(self):
        self.ensure_one()
        self.cdb_notebook_id._cdb_check("send_liaison")
        start = self._cdb_local_start()
        request = _("The beneficiary did not come to the appointment \"%s\" of %s at %s.") % (
            self.name, start.strftime("%d/%m/%Y"), start.strftime("%H:%M"))
        return {
            "type": "ir.actions.act_window",
            "res_model": "cer.liaison",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_notebook_id": self.cdb_notebook_id.id,
                "default_request_support": True,
                "default_support_request": request,
            },
        }

from odoo import _, fields, models
from odoo.exceptions import UserError


class CdbBeneficiaryReviewMixin(models.AbstractModel):
    """What the beneficiary says of an objective or an action from their
    portal: they validate it or comment on it (seed 000, "Qui le remplit et
    quand ?": "L'allocataire est responsable de son carnet de bord : il le
    valide et peut le modifier"; "Il ne constitue pas un outil de
    contrôle"). The comment reaches the référent in the record's chatter."""

    _name = "cdb.beneficiary.review.mixin"
    _description = "Validation and comments of the beneficiary"

    beneficiary_validated = fields.Boolean(
        "Validated by the beneficiary", readonly=True, copy=False,
        track_visibility="onchange")
    beneficiary_validation_date = fields.Date(
        "Validated by the beneficiary on", readonly=True, copy=False)

    def _beneficiary_validate(self):
        """The beneficiary agrees with this objective or action."""
        return self.write({"beneficiary_validated": True,
                           "beneficiary_validation_date": fields.Date.context_today(self)})

    def _beneficiary_comment(self, text):
        """Post the beneficiary's comment, notifying the référent."""
        self.ensure_one()
        text = (text or "").strip()
        if not text:
            raise UserError(_("Write your comment before sending it."))
        notebook = self.notebook_id
        return self.message_post(
            body=text, author_id=notebook.beneficiary_id.id,
            message_type="comment", subtype="mail.mt_comment",
            partner_ids=notebook.referent_id.partner_id.ids)

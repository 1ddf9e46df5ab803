from odoo import api, models


class MailThread(models.AbstractModel):
    """Who may follow a document: Odoo 11 lets anyone who may write a
    document subscribe anyone, and subscribes automatically the creator of a
    record, the author of a message, the recipients of a message sent with
    ``mail_post_autofollow`` and the users of tracked user fields. A module
    built on this one restricts the followers of its documents by answering
    ``_cdb_allowed_followers`` (carnet_de_bord: the active members of the
    carnet and its beneficiary); then:

    * the automatic subscriptions (``message_subscribe``, which they all go
      through, and the creator's subscription) leave out who may not follow
      (``message_subscribe`` then answers False, as Odoo does when it
      refuses);
    * creating a follower of someone else directly (``mail.followers``, the
      "Add followers" dialog) is refused (``models/mail_followers.py``).

    The module that restricts followers also removes those who may no longer
    follow (carnet_de_bord: when a membership ends).
    """

    _inherit = "mail.thread"

    @api.model
    def _cdb_restricts_followers(self):
        """Whether some records of this model restrict their followers."""
        return False

    def _cdb_allowed_followers(self):
        """``{record id: res.partner recordset}``: the partners who may follow
        each record of ``self`` that restricts its followers (channels never
        do); records left out follow Odoo's rules."""
        return {}

    # ------------------------------------------------------ subscriptions
    @api.model
    def create(self, values):
        context = self.env.context
        if not self._cdb_restricts_followers() or context.get("tracking_disable") \
                or context.get("mail_create_nosubscribe"):
            return super().create(values)
        # Odoo subscribes the creator inside create: here, only if they may
        record = super(MailThread, self.with_context(mail_create_nosubscribe=True)).create(
            values).with_env(self.env)
        record.message_subscribe(self.env.user.partner_id.ids)
        return record

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None,
                          force=True):
        allowed = self._cdb_allowed_followers() if self.ids else {}
        if not allowed:
            return super().message_subscribe(
                partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
                force=force)
        free = self.filtered(lambda record: record.id not in allowed)
        result = True
        if free:
            result = super(MailThread, free).message_subscribe(
                partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
                force=force)
        for record in self - free:
            partners = [pid for pid in partner_ids or [] if pid in allowed[record.id].ids]
            if partners:
                result = super(MailThread, record).message_subscribe(
                    partner_ids=partners, subtype_ids=subtype_ids, force=force) and result
            if channel_ids or len(partners) < len(partner_ids or []):
                result = False  # someone was left out
        return result

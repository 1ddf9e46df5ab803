"""The followers of a carnet and of its parts are always among its active
members and its beneficiary (issue 10, "Ending a membership leaves a
follower": an ended member or a former référent kept receiving the carnet's
new messages and could read them by id; "A non-member correspondant can …
subscribe others as followers")."""
from odoo.exceptions import AccessError

from .common import CdbCase

# The texts of messages (test data, not messages of the code).
REPORT = "Compte rendu d'entretien"
MANAGEMENT_NOTE = "Note de la direction"


class TestFollowers(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._user("ut.manager", "group_cdb_manager")
        cls.notebook = cls._notebook("Utabonnes", cls.referent)
        cls.member = cls._member(cls.notebook, cls.accompagnateur)
        cls.action = cls._action(cls.notebook)
        for user in (cls.referent, cls.accompagnateur):
            cls.notebook.message_subscribe_users(user.ids)
            cls.action.message_subscribe_users(user.ids)

    def _followers(self, record):
        return self.env["mail.followers"].sudo().search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]).mapped("partner_id")

    # ------------------------------------------------------- ending
    def test_ending_a_membership_unsubscribes_from_the_carnet_and_its_parts(self):
        partner = self.accompagnateur.partner_id
        self.assertIn(partner, self._followers(self.notebook))
        self.assertIn(partner, self._followers(self.action))
        self.member.sudo(self.referent).write({"active": False, "date_end": self.today})
        self.assertNotIn(partner, self._followers(self.notebook))
        self.assertNotIn(partner, self._followers(self.action))
        self.assertIn(self.referent.partner_id, self._followers(self.notebook))

    def test_removing_a_member_unsubscribes(self):
        self.member.sudo(self.referent).unlink()
        self.assertNotIn(self.accompagnateur.partner_id, self._followers(self.action))

    def test_former_referent_unsubscribed(self):
        self.notebook._set_referent(self.referent2)
        self.assertNotIn(self.referent.partner_id, self._followers(self.notebook))
        self.assertNotIn(self.referent.partner_id, self._followers(self.action))

    def test_ended_member_cannot_read_a_message_by_id(self):
        """Odoo lets the author and the recipients of a message read it
        whatever its document: not for a carnet's messages."""
        message = self.notebook.sudo(self.accompagnateur).message_post(
            body=REPORT, message_type="comment",
            subtype="mail.mt_comment", partner_ids=self.accompagnateur.partner_id.ids)
        self.member.sudo(self.referent).write({"active": False, "date_end": self.today})
        self.env["mail.message"].invalidate_cache()
        Message = self.env["mail.message"].sudo(self.accompagnateur)
        with self.assertRaises(AccessError):
            Message.browse(message.id).read(["body"])
        self.assertFalse(Message.search([("id", "=", message.id)]))

    # ---------------------------------------------------- subscribing
    def test_subscribing_a_non_member_is_refused(self):
        outsider = self.outsider.partner_id
        self.assertFalse(self.notebook.sudo(self.referent).message_subscribe(outsider.ids))
        self.assertNotIn(outsider, self._followers(self.notebook))
        self.assertFalse(self.action.sudo(self.referent).message_subscribe(outsider.ids))
        self.assertNotIn(outsider, self._followers(self.action))
        self.assertRefused(
            AccessError, "mail.followers",
            [("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)],
            lambda: self.env["mail.followers"].sudo(self.referent).create({
                "res_model": "cdb.notebook", "res_id": self.notebook.id,
                "partner_id": outsider.id}))

    def test_add_followers_dialog_refuses_a_non_member(self):
        wizard = self.env["mail.wizard.invite"].sudo(self.referent).create({
            "res_model": "cdb.notebook", "res_id": self.notebook.id,
            "partner_ids": [(6, 0, self.outsider.partner_id.ids)], "send_mail": False})
        with self.assertRaises(AccessError):
            wizard.add_followers()
        self.assertNotIn(self.outsider.partner_id, self._followers(self.notebook))

    def test_a_channel_cannot_follow(self):
        channel = self.env["mail.channel"].create({"name": "UT canal"})
        self.notebook.message_subscribe(channel_ids=channel.ids)
        self.assertFalse(self.env["mail.followers"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id),
            ("channel_id", "=", channel.id)]))

    def test_members_and_beneficiary_may_follow(self):
        beneficiary = self.notebook.beneficiary_id
        self.notebook.message_subscribe((beneficiary | self.accompagnateur.partner_id).ids)
        self.assertIn(beneficiary, self._followers(self.notebook))

    def test_non_member_writing_is_not_subscribed(self):
        """A manager who adds an action to a carnet they do not follow is
        not made a follower (Odoo subscribes the creator), and nothing
        fails."""
        Action = self.env["cdb.action"].sudo(self.manager).with_context(tracking_disable=False)
        action = Action.create({
            "notebook_id": self.notebook.id, "action_code_id": self._code("A.1.1").id,
            "date_start": self.today, "date_deadline": self._shift(self.today, months=1)})
        self.assertNotIn(self.manager.partner_id, self._followers(action))
        self.notebook.sudo(self.manager).message_post(
            body=MANAGEMENT_NOTE, message_type="comment", subtype="mail.mt_note")
        self.assertNotIn(self.manager.partner_id, self._followers(self.notebook))

    def test_professional_creating_their_carnet_follows_it(self):
        beneficiary = self._beneficiary("Utabonnecreation")
        notebook = self.env["cdb.notebook"].sudo(self.referent).with_context(
            tracking_disable=False).create({
                "beneficiary_id": beneficiary.id, "referent_id": self.referent.id})
        self.assertIn(self.referent.partner_id, self._followers(notebook))

    def test_member_creating_is_subscribed(self):
        action = self.env["cdb.action"].sudo(self.accompagnateur).with_context(
            tracking_disable=False).create({
                "notebook_id": self.notebook.id, "action_code_id": self._code("A.1.1").id,
                "date_start": self.today, "date_deadline": self._shift(self.today, months=1)})
        self.assertIn(self.accompagnateur.partner_id, self._followers(action))

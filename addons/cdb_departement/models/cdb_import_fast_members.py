from collections import OrderedDict

from odoo import models

NOTEBOOK = "cdb.notebook"


class CdbImportFastMembers(models.AbstractModel):
    """The memberships of carnets created in bulk (cdb.import.handler.
    beneficiary): what ``cdb.notebook._add_member`` makes for each one, at
    the speed of SQL COPY.

    The first member of each kind (user, role, structure) is added by
    ``_add_member`` itself, through the ORM: the sharing choices, the trail
    in the carnet's history ("… joins the groupe de suivi"), the rule cache,
    whatever the model does. The other members of that kind are copies of
    it in bulk, with their carnet, and so are its messages (their thread,
    record name and reply-to are the carnet's). A member whose creation
    leaves what cannot be copied (a notification, a follower's message…)
    makes the others of its kind added through the ORM too."""

    _name = "cdb.import.fast.members"
    _description = "Memberships of carnets created in bulk"

    def _create(self, members, notebooks):
        """Add ``members`` [{notebook_id, user_id, role, structure_id}],
        listed carnet by carnet in the order ``_add_member`` is called;
        ``notebooks``: the carnets (with the context of the import)."""
        first_message, copied = {}, False
        models = self.env["cdb.notebook.member"]
        for batch in self._rounds(members):
            templates, copies = {}, OrderedDict()
            for member in batch:
                key = (member["user_id"], member["role"], member["structure_id"])
                if key in templates and templates[key] is not None:
                    copies.setdefault(key, []).append(member["notebook_id"])
                else:
                    templates[key] = self._add_through_orm(notebooks, member, first_message)
            for key, notebook_ids in copies.items():
                self._copy(templates[key], notebook_ids, first_message)
                copied |= models.browse(templates[key]["id"])._changes_cached_rules()
        # as cdb.notebook.member's create, for the copies (their choices are
        # those of the member they copy)
        if copied:
            models._clear_rule_cache(self.env)

    @staticmethod
    def _rounds(members):
        """The first member of every carnet, then the second…: a copied
        message's thread is the carnet's first message (flat threads), posted
        in an earlier round."""
        rounds, position = [], {}
        for member in members:
            index = position[member["notebook_id"]] = position.get(member["notebook_id"], -1) + 1
            if index == len(rounds):
                rounds.append([])
            rounds[index].append(member)
        return rounds

    def _add_through_orm(self, notebooks, member, first_message):
        """Add ``member`` with ``_add_member``; answers what to copy for the
        other members of its kind, None when it cannot be copied."""
        notebook = notebooks.browse(member["notebook_id"])
        messages = self.env["mail.message"].sudo()
        followers = self.env["mail.followers"].sudo()
        last_message, last_follower = self._last_id("mail_message"), self._last_id("mail_followers")
        added = notebook._add_member(self.env["res.users"].browse(member["user_id"]),
                                     member["role"],
                                     self.env["res.partner"].browse(member["structure_id"]))
        posted = messages.search([("id", ">", last_message), ("model", "=", NOTEBOOK),
                                  ("res_id", "=", notebook.id)], order="id")
        if posted:
            first_message.setdefault(notebook.id, posted[0].id)
        fast = self.env["cdb.import.fast.create"]
        if followers.search_count([("id", ">", last_follower)]):
            return None
        try:
            return {
                "id": added.id,
                "member": (fast._stored_values(added.sudo()), added.sudo().create_uid.id),
                "messages": [(fast._stored_values(message, ignore=("child_ids",)),
                              message.create_uid.id) for message in posted],
            }
        except ValueError:
            return None

    def _last_id(self, table):
        self.env.cr.execute({"mail_message": "SELECT max(id) FROM mail_message",
                             "mail_followers": "SELECT max(id) FROM mail_followers"}[table])
        return self.env.cr.fetchone()[0] or 0

    def _copy(self, template, notebook_ids, first_message):
        """Copies of a template member in ``notebook_ids``."""
        fast = self.env["cdb.import.fast.create"]
        values, uid = template["member"]
        ids = fast._reserve_ids("cdb.notebook.member", len(notebook_ids))
        fast._create("cdb.notebook.member", [
            dict(values, id=member_id, notebook_id=notebook_id)
            for member_id, notebook_id in zip(ids, notebook_ids)], uid=uid)
        if template["messages"]:
            self._copy_messages(template["messages"], notebook_ids, first_message)

    def _copy_messages(self, messages, notebook_ids, first_message):
        """The messages of a member's creation, posted on each carnet as
        ``message_post`` would: the carnet's name and reply-to (mail.message's
        own helpers), the carnet's first message as the thread."""
        fast = self.env["cdb.import.fast.create"]
        mail = self.env["mail.message"].sudo()
        notebooks = self.env[NOTEBOOK].sudo().browse(notebook_ids)
        names = dict(notebooks.name_get())
        for values, uid in messages:
            reply_to = self.env[NOTEBOOK].message_get_reply_to(
                notebook_ids, default=values.get("email_from"))
            rows = []
            for message_id, notebook_id in zip(
                    fast._reserve_ids("mail.message", len(notebook_ids)), notebook_ids):
                rows.append(dict(
                    values, id=message_id, res_id=notebook_id, record_name=names[notebook_id],
                    reply_to=reply_to[notebook_id],
                    parent_id=first_message.get(notebook_id, False),
                    message_id=mail._get_message_id({"res_id": notebook_id, "model": NOTEBOOK})))
                first_message.setdefault(notebook_id, message_id)
            fast._create("mail.message", rows, uid=uid)

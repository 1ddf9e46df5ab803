"""Shared fixtures of the carnet de bord tests: structures, professionals
and a helper to build carnets, independent of the random demo content."""
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class CdbCase(SavepointCase):

    def __init_subclass__(cls, **kwargs):
        """A setUpClass that fails leaves Odoo 11's class cursor open, with
        its uncommitted records: the next class creating the same user waits
        for it forever. Each setUpClass of a subclass releases the cursor
        when it fails (Python 3.7 has no addClassCleanup)."""
        super().__init_subclass__(**kwargs)
        setup = cls.__dict__.get("setUpClass")
        if setup is None:
            return
        setup = setup.__func__

        def guarded(klass):
            try:
                setup(klass)
            except Exception:
                cursor = getattr(klass, "cr", None)
                if cursor is not None and not cursor.closed:
                    cursor.rollback()
                    cursor.close()
                raise
        cls.setUpClass = classmethod(guarded)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English messages (the demo users and admin are French), one time
        # zone for "today" whoever acts, no invitation e-mails: faster, and
        # not under test here. tracking_disable only stops the tracking of
        # fields (and Odoo's automatic subscriptions): the history of the
        # groupe de suivi is written whatever the context (test_tracking).
        cls.env = cls.env(context=dict(
            cls.env.context, lang="en_US", tz="Europe/Paris", tracking_disable=True,
            mail_create_nolog=True, no_mail_to_attendees=True))
        cls.today = fields.Date.context_today(cls.env["cdb.notebook"])
        Partner = cls.env["res.partner"]
        cls.structure_a = Partner.create({
            "name": "UT Structure A", "is_company": True, "cdb_is_structure": True})
        cls.structure_b = Partner.create({
            "name": "UT Structure B", "is_company": True, "cdb_is_structure": True})
        cls.referent = cls._user("ut.referent", "group_cdb_professional", cls.structure_a)
        cls.referent2 = cls._user("ut.referent2", "group_cdb_professional", cls.structure_a)
        cls.accompagnateur = cls._user("ut.accompagnateur", "group_cdb_professional",
                                       cls.structure_b)
        cls.accompagnateur2 = cls._user("ut.accompagnateur2", "group_cdb_professional",
                                        cls.structure_b)
        cls.outsider = cls._user("ut.outsider", "group_cdb_professional", cls.structure_b)
        cls._caf_seq = 0

    @classmethod
    def _user(cls, login, group, structure=None, dui=True):
        """A user of one group (``group_cdb_*`` of this module, or a full
        xmlid). With ``dui``, a professional has signed the user charter and
        their access request is recorded (seed 003, "Accessibilité à
        l'interface"), as the demo professionals."""
        group = cls.env.ref(group if "." in group else "carnet_de_bord." + group)
        user = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.replace(".", " ").title(),
            "login": login,
            "email": "%s@ut.example" % login,
            "groups_id": [(6, 0, group.ids)],
            "cdb_structure_id": structure.id if structure else False,
        })
        if dui:
            user._cdb_record_dui_access("UT")
        return user

    @classmethod
    def _next_caf(cls):
        cls._caf_seq += 1
        return "99%011d" % cls._caf_seq

    @classmethod
    def _beneficiary(cls, lastname, firstname="Test", zip_code="62000",
                     birthdate="1980-05-17", caf_number=None, **extra):
        vals = {
            "lastname": lastname, "firstname": firstname, "is_rsa_beneficiary": True,
            "zip": zip_code, "birthdate_date": birthdate,
            "caf_number": caf_number or cls._next_caf(),
        }
        vals.update(extra)
        return cls.env["res.partner"].create(vals)

    @classmethod
    def _notebook(cls, lastname, referent=None, **vals):
        beneficiary = cls._beneficiary(lastname)
        vals.update({"beneficiary_id": beneficiary.id,
                     "referent_id": referent.id if referent else False})
        return cls.env["cdb.notebook"].create(vals)

    @classmethod
    def _validated_review(cls, notebook, date, reason="periodic"):
        """A review of ``date`` validated by the référent and the beneficiary
        (the actions are tested in test_reviews)."""
        return cls.env["cdb.review"]._workflow_create({
            "notebook_id": notebook.id, "reason": reason, "date": date,
            "results": "Bilan du %s" % date, "state": "validated",
            "referent_validated_date": date, "beneficiary_validated_date": date,
            "beneficiary_validation_channel": "interview"})

    @classmethod
    def _code(cls, code):
        return cls.env["cdb.action.code"].find_by_code(code)

    @classmethod
    def _action(cls, notebook, code="A.1.1", **vals):
        values = {
            "notebook_id": notebook.id, "action_code_id": cls._code(code).id,
            "date_start": cls.today,
            "date_deadline": cls._shift(cls.today, months=2),
        }
        values.update(vals)
        return cls.env["cdb.action"].create(values)

    @classmethod
    def _member(cls, notebook, user, role="accompagnateur", **vals):
        values = {"notebook_id": notebook.id, "user_id": user.id, "role": role,
                  "structure_id": user.cdb_structure_id.id}
        values.update(vals)
        return cls.env["cdb.notebook.member"].create(values)

    @staticmethod
    def _shift(date, **delta):
        return fields.Date.to_string(fields.Date.from_string(date) + relativedelta(**delta))

    def assertRefused(self, exception, model, domain, func, rollback=True):
        """``func`` raises ``exception`` and the number of ``model`` records
        matching ``domain`` is unchanged afterwards.

        With ``rollback`` the call runs in a savepoint rolled back on error, as
        the server rolls back a failed request (Python constraints are checked
        after the INSERT); without it, the refusal must happen before any
        write."""
        Model = self.env[model].sudo().with_context(active_test=False)
        before = Model.search_count(domain)
        with self.assertRaises(exception) as caught:
            if rollback:
                with self.cr.savepoint():
                    func()
            else:
                func()
        self.env["cdb.notebook"].invalidate_cache()
        self.assertEqual(Model.search_count(domain), before,
                         "a refused operation must not write anything")
        return caught.exception

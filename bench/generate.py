"""Synthetic département for the scale benchmarks (issue 6).

Usage, from the repository root, on a database that already has
carnet_de_bord, rsa_orientation and cer_contracts installed (a copy of the
``base3`` template, for example; cdb_departement and cdb_security_policy may
be installed too):

    .local/venv/bin/python bench/generate.py -d DB -n 100000 [--seed 1] [--per-referent 80]
    .local/venv/bin/python bench/generate.py -d DB -n 300 --verify

It adds N RSA beneficiaries (res.partner, CAF numbers 8xxxxxxxx, birth dates,
Pas-de-Calais postal codes) each with a carnet de bord and, in realistic
proportions, members, situations with their health details (cdb.health),
objectives, actions of the catalogue, orientations and CER contracts in every
state. The professionals are generated too; every generated user's password
is their login:

    bench.manager          département manager (sees every carnet)
    bench.ref.00001 ...    référents, about one per --per-referent carnets
    bench.acc.00001 ...    accompagnateurs (one per 400 carnets)
    bench.admin.001 ...    structure administrators (one per structure)
    bench.corr.01 ...      correspondants (one per territory)

(référents and accompagnateurs after the first are copied in SQL, their
password hashed with 2,000 PBKDF2 rounds instead of Odoo's 25,000).

The reference data (users, structures, territories) is created through the
ORM; the big tables are filled with multi-row SQL INSERTs from rows that
carry every stored column the ORM would fill (defaults taken from a record
made through the ORM, stored computed fields computed here, the members'
sharing flags as their create() sets them: the référent reads every section,
health included, the others all but health), in chunks committed as they
go: 100,000 beneficiaries take a few minutes. The same seed gives the same
data. A database is generated once (the script refuses
a database that already has bench.manager).

--verify makes N beneficiaries both ways, through SQL and through the ORM
(create() with the same values), reads them back through the ORM and lists
every field that differs; it leaves the database unchanged and exits 1 on a
difference. Deliberately not generated: chatter (followers, messages,
tracking), the default avatar images of the partners, activities and
appointments, PAP lines of the contracts; orientations and contracts under the
law (the date of the law's regime is set after every generated date, see
``keep_the_guide``).
"""
import argparse
import datetime
import math
import os
import random
import sys
import time

import psycopg2.extras
from dateutil.relativedelta import relativedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import odoo_env  # noqa: E402

CHUNK = 2000
SIGNED_STATES = ("signed", "submitted", "validated", "running", "ended", "renewed")  # cer.contract
LANG = "fr_FR"
CONTEXT = {"lang": LANG, "tz": "Europe/Paris", "tracking_disable": True,
           "mail_create_nolog": True, "mail_create_nosubscribe": True,
           "mail_notrack": True, "no_reset_password": True}
MODELS = ["res.partner", "cdb.notebook", "cdb.notebook.member", "cdb.situation",
          "cdb.health", "cdb.objective", "cdb.action", "rsa.orientation", "cer.contract"]
SKIP_PREFIXES = ("message_", "activity_", "website_message", "image")
SKIP_FIELDS = {"id", "create_date", "write_date", "__last_update"}


class Ref(object):
    """A generated record referred to before it has an id."""
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key


class Spec(object):
    """One record to create: ``vals`` are what create() receives; ``computed``
    the stored computed columns the SQL path must fill itself."""
    __slots__ = ("model", "key", "vals", "computed")

    def __init__(self, model, key, vals, computed=None):
        self.model, self.key, self.vals, self.computed = model, key, vals, computed or {}


# ----------------------------------------------------------------- reference data
class Reference(object):
    """Territories, structures and professionals of the generated département."""

    def __init__(self, env, count, per_referent):
        from odoo.addons.carnet_de_bord.models.cdb_demo_generator import (
            CITIES, TERRITORY_BY_CITY)
        self.env = env
        self.cities = CITIES
        names = sorted(set(TERRITORY_BY_CITY.values()))
        self.territories = [self._territory(name) for name in names]
        self.territory_of_city = {city: self.territories[names.index(TERRITORY_BY_CITY[city])]
                                  for _zip, city in CITIES}
        n_structures = max(len(self.territories), count // 2000)
        self.structures = [self._structure(i) for i in range(n_structures)]
        self.territory_of_structure = {
            s.id: self.territories[i % len(self.territories)]
            for i, s in enumerate(self.structures)}
        group = lambda name: env.ref("carnet_de_bord.group_cdb_" + name)  # noqa: E731
        self.manager = self._user("bench.manager", "Manager Bench", group("manager"))
        self.correspondants = {
            t.id: self._user("bench.corr.%02d" % (i + 1), "Correspondant %s" % t.name,
                             group("correspondant"), territories=t)
            for i, t in enumerate(self.territories)}
        for i, structure in enumerate(self.structures):
            self._user("bench.admin.%03d" % (i + 1), "Admin %s" % structure.name,
                       group("structure_admin"), structure)
        self.referents = self._professionals(
            "bench.ref.%05d", "Référent",
            max(n_structures, int(math.ceil(count / float(per_referent)))))
        self.accompagnateurs = self._professionals(
            "bench.acc.%05d", "Accompagnateur", max(n_structures, count // 400))
        self.fr = env.ref("base.fr")
        self.diploma_levels = env["cdb.diploma.level"].search([]).ids
        codes = env["cdb.action.code"].with_context(lang=LANG).search([("is_theme", "=", False)])
        self.codes = {c.code: c for c in codes}
        self.code_names = dict(codes.name_get())

    def _territory(self, name):
        label = "%s (bench)" % name.capitalize()
        Territory = self.env["cdb.territory"]
        return Territory.search([("name", "=", label)]) or Territory.create(
            {"name": label, "code": "B-" + name[:6].upper()})

    def _structure(self, index):
        zip_code, city = self.cities[index % len(self.cities)]
        kind = ["CCAS", "Maison du Département Solidarité", "Association Insertion",
                "Agence France Travail"][index % 4]
        return self.env["res.partner"].create({
            "name": "%s %s n°%d (bench)" % (kind, city, index + 1), "is_company": True,
            "cdb_is_structure": True, "zip": zip_code, "city": city,
            "country_id": self.env.ref("base.fr").id})

    def _user(self, login, name, group, structure=None, territories=None):
        return self.env["res.users"].create({
            "login": login, "password": login, "name": name, "email": login + "@bench.example",
            "lang": LANG, "tz": "Europe/Paris", "groups_id": [(6, 0, group.ids)],
            "cdb_structure_id": structure.id if structure else False,
            "cdb_territory_ids": [(6, 0, territories.ids)] if territories else [],
        })

    def _professionals(self, login_pattern, title, count):
        """Users of the professional group, spread over the structures, by
        territory of their structure: the first made through the ORM, the
        others copied from it in SQL (the ORM takes a third of a second a user)."""
        group = self.env.ref("carnet_de_bord.group_cdb_professional")
        users = []
        for i in range(count):
            structure = self.structures[i % len(self.structures)]
            users.append((login_pattern % (i + 1), "%s %d" % (title, i + 1), structure.id))
        first = self._user(users[0][0], users[0][1], group, self.structures[0])
        ids = [first.id] + clone_users(self.env, first, users[1:])
        by_territory = {}
        for user_id, (_login, _name, structure_id) in zip(ids, users):
            territory = self.territory_of_structure[structure_id]
            by_territory.setdefault(territory.id, []).append((user_id, structure_id))
        return by_territory


FAST_HASH = None


def password_hash(password):
    """PBKDF2-SHA512 as Odoo's auth_crypt stores it, with fewer rounds than
    its default (25,000): a bench user is not a real account, and Odoo checks
    any number of rounds."""
    global FAST_HASH
    if FAST_HASH is None:
        from passlib.hash import pbkdf2_sha512
        FAST_HASH = pbkdf2_sha512.using(rounds=2000)
    return FAST_HASH.hash(password)


def clone_users(env, prototype, users):
    """Copy ``prototype`` (res.users and its partner, groups, companies) for
    each (login, name, structure id) of ``users``, with password = login."""
    if not users:
        return []
    cr = env.cr
    cr.execute("SELECT * FROM res_users WHERE id = %s", (prototype.id,))
    user_template = cr.dictfetchone()
    cr.execute("SELECT * FROM res_partner WHERE id = %s", (prototype.partner_id.id,))
    partner_template = cr.dictfetchone()
    cr.execute("SELECT gid FROM res_groups_users_rel WHERE uid = %s", (prototype.id,))
    group_ids = [row[0] for row in cr.fetchall()]
    cr.execute("SELECT cid FROM res_company_users_rel WHERE user_id = %s", (prototype.id,))
    company_ids = [row[0] for row in cr.fetchall()]
    cr.execute("SELECT nextval('res_partner_id_seq'), nextval('res_users_id_seq')"
               " FROM generate_series(1, %s)", (len(users),))
    new_ids = cr.fetchall()
    cr.execute("SELECT now() at time zone 'UTC'")
    now = cr.fetchone()[0]
    inverse = env["res.partner"]._get_inverse_name
    partners, rows, groups, companies = [], [], [], []
    for (partner_id, user_id), (login, name, structure_id) in zip(new_ids, users):
        partner = dict(partner_template, id=partner_id, name=name, display_name=name,
                       email=login + "@bench.example", commercial_partner_id=partner_id,
                       create_date=now, write_date=now, signup_token=None)
        partner.update(inverse(name))
        partners.append(partner)
        rows.append(dict(user_template, id=user_id, login=login, partner_id=partner_id,
                         password=None, password_crypt=password_hash(login),
                         cdb_structure_id=structure_id, create_date=now, write_date=now))
        groups.extend((gid, user_id) for gid in group_ids)
        companies.extend((cid, user_id) for cid in company_ids)
    for table, records in (("res_partner", partners), ("res_users", rows)):
        columns = list(records[0])
        psycopg2.extras.execute_values(
            cr._obj, 'INSERT INTO %s (%s) VALUES %%s' % (
                table, ", ".join('"%s"' % c for c in columns)),
            [tuple(r[c] for c in columns) for r in records], page_size=1000)
    psycopg2.extras.execute_values(
        cr._obj, "INSERT INTO res_groups_users_rel (gid, uid) VALUES %s", groups)
    psycopg2.extras.execute_values(
        cr._obj, "INSERT INTO res_company_users_rel (cid, user_id) VALUES %s", companies)
    if "res.users.pass.history" in env:
        # password_security (cdb_security_policy) keeps the hash of each
        # password a user was given: one line, as for a user made by the ORM
        psycopg2.extras.execute_values(
            cr._obj, "INSERT INTO res_users_pass_history"
                     " (user_id, password_crypt, date, create_uid, write_uid,"
                     " create_date, write_date) VALUES %s",
            [(row["id"], row["password_crypt"], now, env.uid, env.uid, now, now)
             for row in rows])
    env.cache.invalidate()
    return [user_id for _partner_id, user_id in new_ids]


def verify_users(env):
    """A copied user reads back like the one the ORM made, and logs in."""
    Users = env["res.users"].with_context(active_test=False)
    made = Users.search([("login", "in", ("bench.ref.00001", "bench.ref.00002"))],
                        order="login")
    differ = {"id", "login", "name", "display_name", "partner_id", "email", "create_date",
              "write_date", "__last_update", "password", "password_crypt", "new_password",
              "cdb_structure_id", "firstname", "lastname", "signup_url", "commercial_partner_id",
              "self", "image", "image_medium", "image_small", "user_ids", "contact_address",
              "email_formatted"}
    names = [n for n in Users._fields if n not in differ and not n.startswith(SKIP_PREFIXES)]
    orm, sql = made.read(names)
    for name in names:
        if Users._fields[name].type == "one2many":  # the user's own lines: count them
            orm[name], sql[name] = len(orm[name]), len(sql[name])
    differences = ["user %s: ORM %r, SQL %r" % (n, orm[n], sql[n])
                   for n in names if orm[n] != sql[n]]
    from odoo.exceptions import AccessDenied
    try:
        env["res.users"].sudo(made[1].id).check_credentials("bench.ref.00002")
    except AccessDenied:
        differences.append("bench.ref.00002 cannot log in with its login as password")
    return differences


# ------------------------------------------------------------------ the specs
class Builder(object):
    """Specs of the beneficiaries, from a seeded random generator."""

    def __init__(self, env, ref, seed, contract_names):
        from odoo.addons.carnet_de_bord.models import cdb_demo_generator as demo
        self.env, self.ref, self.demo = env, ref, demo
        self.rng = random.Random(seed)
        self.today = datetime.date.today()
        self.contract_names = contract_names
        env.cr.execute("SELECT firstname, lastname, birthdate_date FROM res_partner"
                       " WHERE is_rsa_beneficiary")
        self.seen = set(env.cr.fetchall())  # the beneficiaries already there
        self.turn = {}
        param = env["ir.config_parameter"].sudo().get_param
        self.review_months = int(param("carnet_de_bord.review_interval_months", 6))
        from odoo.addons.rsa_orientation import settings as orientation
        self.deadline_months = {
            "professional": orientation.CONTRACT_DEADLINE_PROFESSIONAL_MONTHS.get(env),
            "solidarity": orientation.CONTRACT_DEADLINE_SOLIDARITY_MONTHS.get(env)}
        Partner = env["res.partner"]
        self.lump_sum = orientation.LUMP_SUM_AMOUNT.get(env)
        self.activity_threshold = orientation.ACTIVITY_INCOME_THRESHOLD.get(env)
        self.computed_name = Partner._get_computed_name
        self.member_shares = {role: self._member_shares(env, role)
                              for role in ("referent", "accompagnateur")}

    @staticmethod
    def _member_shares(env, role):
        """The sharing flags create() gives a new member with ``role`` (no
        choice by structure exists for a generated carnet): the référent reads
        every section, health included; the others all but health."""
        Member = env["cdb.notebook.member"]
        shares = Member._default_shares({"role": role})
        if role == "referent":
            shares.update(Member._referent_shares({}))
        return shares

    def build(self, indexes):
        specs = []
        for index in indexes:
            specs.extend(self._beneficiary(index))
        return specs

    def _pick(self, pool_key, pool):
        """Round robin in a pool: each professional gets the same load."""
        position = self.turn.get(pool_key, 0)
        self.turn[pool_key] = position + 1
        return pool[position % len(pool)]

    @staticmethod
    def _d(day):
        return day.strftime("%Y-%m-%d") if day else False

    # ------------------------------------------------------- beneficiary
    def _beneficiary(self, index):
        rng, demo = self.rng, self.demo
        zip_code, city = rng.choice(self.ref.cities)
        firstname, lastname = rng.choice(demo.FIRST_NAMES), rng.choice(demo.LAST_NAMES)
        while True:  # the rule of the module: no two beneficiaries alike
            birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 45))
            if (firstname, lastname, birth) not in self.seen:
                self.seen.add((firstname, lastname, birth))
                break
        resources = round(rng.uniform(0, 900), 2)
        activity = rng.random() < 0.25
        income = round(rng.uniform(50, 900), 2) if activity else 0.0
        pkey = "p%d" % index
        vals = {
            "firstname": firstname, "lastname": lastname, "is_rsa_beneficiary": True,
            "birthdate_date": self._d(birth), "birth_place": rng.choice(self.ref.cities)[1],
            "caf_number": "8%08d" % index,
            "benefit_organism": "msa" if index % 17 == 0 else "caf",
            "france_travail_id": "%07d%s" % (rng.randint(1000000, 9999999),
                                             rng.choice("ABCDEFGHJK")) if index % 3 else False,
            "family_situation": rng.choice(demo.FAMILY),
            "street": "%d %s" % (rng.randint(1, 140), rng.choice(demo.STREETS)),
            "zip": zip_code, "city": city, "country_id": self.ref.fr.id,
            "mobile": "06 %02d %02d %02d %02d" % tuple(rng.randint(0, 99) for _ in range(4)),
            "rsa_household_resources": resources, "rsa_has_activity": activity,
            "rsa_activity_income": income,
        }
        name = self.computed_name(lastname, firstname)
        required = resources < self.lump_sum and not (
            activity and income >= self.activity_threshold)
        computed = {
            "name": name, "display_name": name, "commercial_partner_id": Ref(pkey),
            "department_code": zip_code[:2], "commercial_partner_country_id": self.ref.fr.id,
            "rsa_lump_sum": self.lump_sum, "rsa_accompaniment_required": required,
        }
        specs = [Spec("res.partner", pkey, vals, computed)]
        specs.extend(self._notebook(index, pkey, city))
        return specs

    # ----------------------------------------------------------- carnet
    def _profile(self):
        r = self.rng.random()
        for limit, profile in ((0.08, "new"), (0.18, "closed"), (0.38, "late"),
                               (0.50, "review_due")):
            if r < limit:
                return profile
        return "in_progress"

    def _notebook(self, index, pkey, city):
        rng, today = self.rng, self.today
        nkey = "n%d" % index
        territory = self.ref.territory_of_city[city]
        profile = self._profile()
        vals = {"beneficiary_id": Ref(pkey), "territory_id": territory.id}
        if profile == "new":
            specs = [Spec("cdb.notebook", nkey, vals, {"next_review_date": False})]
            if rng.random() < 0.3:
                specs.append(self._orientation(nkey + ".r0", nkey, pkey, "draft", None,
                                               False, territory))
            return specs
        referent_id, structure_id = self._pick(
            ("ref", territory.id), self.ref.referents[territory.id])
        months = rng.randint(1, 30)
        start = today - relativedelta(months=months, days=rng.randint(0, 27))
        last_review = False
        if profile == "review_due":
            start = today - relativedelta(months=max(months, 7), days=rng.randint(0, 27))
        elif months >= 6:
            last_review = today - relativedelta(months=rng.randint(0, 5), days=rng.randint(0, 27))
        vals.update({
            "referent_id": referent_id, "structure_id": structure_id,
            "state": "closed" if profile == "closed" else "in_progress",
            "date_start": self._d(start), "last_review_date": self._d(last_review),
        })
        if profile == "closed":
            vals["date_end"] = self._d(min(today, start + relativedelta(months=rng.randint(6, 24))))
        base = last_review or start
        computed = {"next_review_date": False if profile == "closed"
                    else self._d(base + relativedelta(months=self.review_months))}
        specs = [Spec("cdb.notebook", nkey, vals, computed)]
        members = [self._member(nkey + ".m0", nkey, referent_id, structure_id, "referent", start)]
        helper = None
        r = rng.random()
        if r < 0.40:
            helper = self._pick(("acc", territory.id), self.ref.accompagnateurs[territory.id])
            ended = r < 0.05  # a former accompagnateur: kept, without access
            day = start + datetime.timedelta(days=rng.randint(0, 60))
            members.append(self._member(
                nkey + ".m1", nkey, helper[0], helper[1], "accompagnateur", min(day, today),
                date_end=min(today, day + relativedelta(months=3)) if ended else False))
            if ended:
                helper = None
        specs.extend(members)
        specs.extend(self._situations(nkey, start))
        specs.extend(self._plan(nkey, profile, start, (referent_id, structure_id), helper))
        specs.extend(self._orientations_and_contracts(nkey, pkey, profile, start,
                                                      referent_id, structure_id, territory))
        return specs

    def _member(self, key, nkey, user_id, structure_id, role, start, date_end=False):
        active = not date_end
        return Spec("cdb.notebook.member", key, {
            "notebook_id": Ref(nkey), "user_id": user_id, "role": role,
            "structure_id": structure_id, "active": active, "date_start": self._d(start),
            "date_end": self._d(date_end)}, dict(
                self.member_shares[role],
                active_user_id=user_id if active else False,
                active_structure_id=structure_id if active else False))

    def _situations(self, nkey, start):
        """Versions of the situation, each with a version of the health
        details (cdb.health, shared apart from the situation)."""
        rng = self.rng
        specs = []
        for version in range(1 if rng.random() < 0.75 else 2):
            reason = "Premier diagnostic" if version == 0 else "Révision à six mois"
            values = dict(rng.choice(self.demo.SITUATIONS))
            values.update({
                "notebook_id": Ref(nkey),
                "family": rng.choice(["Vit seul(e)", "En couple, enfants à charge",
                                      "Parent isolé, deux enfants"]),
                "employment": "Sans emploi depuis %d mois." % rng.randint(6, 48),
            })
            # drawn between the employment and the diploma, where the health
            # field of the situation was: a seed gives the same data as before
            health = ("Pas de difficulté déclarée." if rng.random() < 0.7
                      else "Suivi médical régulier, à prendre en compte pour les horaires.")
            values.update({
                "diploma_level_id": rng.choice(self.ref.diploma_levels),
                "summary": "Diagnostic partagé lors de l'entretien.",
                "reason": reason,
            })
            specs.append(Spec("cdb.situation", "%s.s%d" % (nkey, version), values))
            specs.append(Spec("cdb.health", "%s.h%d" % (nkey, version), {
                "notebook_id": Ref(nkey), "description": health, "reason": reason}))
        return specs

    def _plan(self, nkey, profile, start, referent, helper):
        """Objectives and their actions. An action the guide forbids alone
        (not_alone) only follows another action that is not abandoned."""
        rng, today = self.rng, self.today
        specs, anchored, count = [], False, 0
        for o_index, (label, codes) in enumerate(rng.sample(self.demo.OBJECTIVES,
                                                            rng.randint(1, 3))):
            okey = "%s.o%d" % (nkey, o_index)
            specs.append(Spec("cdb.objective", okey, {
                "notebook_id": Ref(nkey), "name": label, "sequence": 10 + o_index,
                "state": rng.choice(["proposed", "validated", "validated", "achieved"])}))
            for position, code in enumerate(codes):
                action_code = self.ref.codes[code]
                if action_code.not_alone and not anchored:
                    continue
                begin = start + datetime.timedelta(days=7 * (position + o_index))
                deadline = begin + relativedelta(months=rng.randint(2, 6))
                state = rng.choice(["planned", "in_progress", "in_progress", "done", "done",
                                    "abandoned"])
                if profile == "late" and count == 0:
                    deadline, state = today - datetime.timedelta(days=rng.randint(3, 40)), \
                        "in_progress"
                elif profile == "closed":
                    state = rng.choice(["done", "done", "abandoned"])
                elif state in ("planned", "in_progress") and deadline <= today:
                    deadline = today + datetime.timedelta(days=rng.randint(10, 90))
                if deadline < begin:
                    begin = deadline - relativedelta(months=2)
                anchored = anchored or (state != "abandoned" and not action_code.not_alone)
                user_id, structure_id = helper if helper and rng.random() < 0.5 else referent
                specs.append(Spec("cdb.action", "%s.a%d" % (okey, position), {
                    "notebook_id": Ref(nkey), "objective_id": Ref(okey),
                    "action_code_id": action_code.id, "date_start": self._d(begin),
                    "date_deadline": self._d(deadline), "state": state,
                    "user_id": user_id, "structure_id": structure_id,
                    "result": "Action menée à son terme." if state == "done" else False,
                }, {"name": self.ref.code_names[action_code.id],
                    "theme_id": action_code.theme_id.id}))
                count += 1
        return specs

    # ----------------------------------------------- orientation, contract
    def _orientation(self, key, nkey, pkey, state, decided, referent_id, territory,
                     orientation_type=None, organism_id=False):
        rng = self.rng
        orientation_type = orientation_type or rng.choice(
            ["professional_ft", "professional_ft", "professional_other", "solidarity",
             "solidarity"])
        sphere = "solidarity" if orientation_type == "solidarity" else "professional"
        deadline = decided + relativedelta(months=self.deadline_months[sphere]) \
            if decided else False
        basis = "default" if orientation_type == "solidarity" and rng.random() < 0.3 else "team"
        return Spec("rsa.orientation", key, {
            "notebook_id": Ref(nkey), "orientation_type": orientation_type, "basis": basis,
            "organism_id": organism_id if orientation_type == "professional_other" else False,
            "referent_id": referent_id,
            "correspondant_id": self.ref.correspondants[territory.id].id,
            "date_decision": self._d(decided), "state": state,
        }, {"beneficiary_id": Ref(pkey), "sphere": sphere,
            "contract_deadline": self._d(deadline)})

    def _orientations_and_contracts(self, nkey, pkey, profile, start, referent_id,
                                    structure_id, territory):
        rng = self.rng
        specs = []
        if rng.random() < 0.15:
            earlier = start - relativedelta(months=rng.randint(8, 20))
            specs.append(self._orientation(nkey + ".r0", nkey, pkey, "replaced", earlier,
                                           referent_id, territory, organism_id=structure_id))
        decided = start - datetime.timedelta(days=rng.randint(0, 20))
        orientation = self._orientation(nkey + ".r1", nkey, pkey, "decided", decided,
                                        referent_id, territory, organism_id=structure_id)
        specs.append(orientation)
        if rng.random() < 0.2 and profile != "closed":
            return specs  # no contract yet: overdue once the deadline has passed
        ctype = {"professional_ft": "ppae", "professional_other": "cer_professional",
                 "solidarity": "cer_solidarity"}[orientation.vals["orientation_type"]]
        begin = decided + datetime.timedelta(days=rng.randint(5, 40))
        if rng.random() < 0.15:
            previous_start = begin - relativedelta(months=6)
            specs.append(self._contract(nkey + ".c0", nkey, pkey, orientation, ctype,
                                        previous_start, "renewed", referent_id, territory, 6))
            previous = Ref(nkey + ".c0")
        else:
            previous = False
        if profile == "closed":
            state = "ended"
        else:
            state = rng.choice(["draft"] * 8 + ["signed"] * 4 + ["submitted"] * 8 +
                               ["validated"] * 3 + ["running"] * 60 + ["rejected"] * 5 +
                               ["ended"] * 12)
        duration = 6 if ctype != "cer_professional" else rng.choice([3, 6, 9, 12])
        specs.append(self._contract(nkey + ".c1", nkey, pkey, orientation, ctype, begin,
                                    state, referent_id, territory, duration, previous))
        return specs

    def _contract(self, key, nkey, pkey, orientation, ctype, begin, state, referent_id,
                  territory, duration, previous=False):
        rng = self.rng
        ppae_end = begin + relativedelta(months=6) if ctype == "ppae" else False
        end = ppae_end or (begin + relativedelta(months=duration) - datetime.timedelta(days=1))
        signed = state != "draft"
        signed_date = self._d(begin - datetime.timedelta(days=7)) if signed else False
        decision = {"rejected": "rejected", "draft": False, "signed": False,
                    "submitted": False}.get(state, "validated")
        return Spec("cer.contract", key, {
            "name": next(self.contract_names), "notebook_id": Ref(nkey),
            "orientation_id": Ref(orientation.key), "contract_type": ctype,
            "date_start": self._d(begin), "duration_months": duration,
            "ppae_date_end": self._d(ppae_end), "state": state, "referent_id": referent_id,
            "previous_contract_id": previous,
            "beneficiary_signed_date": signed_date,
            "referent_signed_date": signed_date,
            "reciprocity_answer": rng.choice(["accepted", "declined"]) if signed else False,
            "decision": decision,
            "decision_date": self._d(begin - datetime.timedelta(days=2)) if decision else False,
            "decision_user_id": self.ref.correspondants[territory.id].id if decision else False,
            "decision_motive": (
                "Engagements insuffisamment précis." if decision == "rejected" else False),
            "end_case": {"renewed": "renewed", "ended": "evolved"}.get(state, False),
            "objectives": "Stabiliser la situation et construire le projet professionnel.",
        }, {"beneficiary_id": Ref(pkey), "date_end": self._d(end),
            # the later signature, once signed (cer.contract._compute_signed_date)
            "signed_date": signed_date if state in SIGNED_STATES else False})


# The generated orientations and contracts follow the guide's regime.
GUIDE_UNTIL = "2100-01-01"


def keep_the_guide(env):
    """Sets the date of the law's regime (rsa_orientation's setting) after
    every generated date: the generated orientations and contracts are the
    guide's (CER, PPAE), whatever today is. Under the law an orientation needs
    a parcours and an organisme référent and its contract is a contrat
    d'engagement with its weekly hours, which this generator does not make
    (docs/benchmarks.md says so next to the figures)."""
    from odoo.addons.rsa_orientation.settings import NEW_REGIME_DATE
    env["ir.config_parameter"].sudo().set_param(NEW_REGIME_DATE.key, GUIDE_UNTIL)


def open_the_access(env):
    """The generated professionals have signed the user charter of its
    current version and their individual access request is recorded (seed
    003, "Accessibilité à l'interface"): without it the record rules show
    them no carnet. Written in SQL as the département's DUI screen would
    record it, for every generated user at once."""
    from odoo import SUPERUSER_ID
    from odoo.addons.carnet_de_bord.settings import DUI_CHARTER_VERSION
    env.cr.execute("""
        UPDATE res_users
           SET cdb_charter_version = %s, cdb_charter_date = CURRENT_DATE,
               cdb_access_request_date = CURRENT_DATE,
               cdb_access_request_cosigner = 'Responsable (bench)',
               cdb_access_request_recorded_by = %s
         WHERE login LIKE 'bench.%%'""", (DUI_CHARTER_VERSION.get(env), SUPERUSER_ID))
    env["res.users"].invalidate_cache()


def contract_names(env):
    """Names from the contracts' own sequence, fetched in blocks."""
    sequence = env["ir.sequence"].search([("code", "=", "cer.contract")], limit=1)
    prefix, suffix = sequence._get_prefix_suffix()
    pattern = "%s%%0%dd%s" % (prefix, sequence.padding, suffix)
    while True:
        if sequence.implementation == "standard":
            env.cr.execute("SELECT nextval('ir_sequence_%03d') FROM generate_series(1, 1000)"
                           % sequence.id)
            numbers = [row[0] for row in env.cr.fetchall()]
        else:
            numbers = [sequence._next_do() for _i in range(1000)]
        for number in numbers:
            yield pattern % number if isinstance(number, int) else number


# ------------------------------------------------------------------ SQL path
class SqlWriter(object):
    """Multi-row INSERTs of specs, from template rows made by the ORM."""

    def __init__(self, env, templates):
        self.env, self.templates = env, templates
        self.booleans = {model: {name for name, field in env[model]._fields.items()
                                 if field.type == "boolean"} for model in MODELS}

    def write(self, specs):
        cr = self.env.cr
        ids = {}
        by_model = {}
        for spec in specs:
            by_model.setdefault(spec.model, []).append(spec)
        for model, group in by_model.items():
            seq = "%s_id_seq" % self.env[model]._table
            cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (seq, len(group)))
            for spec, (new_id,) in zip(group, cr.fetchall()):
                ids[spec.key] = new_id
        cr.execute("SELECT now() at time zone 'UTC'")
        now = cr.fetchone()[0]
        for model in MODELS:
            group = by_model.get(model)
            if not group:
                continue
            template, booleans = self.templates[model], self.booleans[model]
            columns = list(template)
            rows = []
            for spec in group:
                row = dict(template, id=ids[spec.key], create_date=now, write_date=now)
                for values in (spec.vals, spec.computed):
                    for name, value in values.items():
                        if isinstance(value, Ref):
                            value = ids[value.key]
                        elif name in booleans:
                            value = bool(value)
                        elif value is False:
                            value = None
                        row[name] = value
                rows.append(tuple(row[c] for c in columns))
            psycopg2.extras.execute_values(
                cr._obj, 'INSERT INTO "%s" (%s) VALUES %%s' % (
                    self.env[model]._table, ", ".join('"%s"' % c for c in columns)),
                rows, page_size=1000)
        return ids


# ------------------------------------------------------------------ ORM path
def orm_create(env, specs):
    """Create the specs through the ORM, the way the application would."""
    records = {}

    def resolve(vals):
        return {k: (records[v.key].id if isinstance(v, Ref) else v) for k, v in vals.items()}

    for spec in specs:
        vals = resolve(spec.vals)
        Model = env[spec.model]
        if hasattr(Model, "_workflow_transition"):
            # the state, decision… of a generated record are set as its actions set them
            Model = Model._workflow_transition()
        if spec.model == "cdb.notebook.member" and spec.vals["role"] == "referent":
            # create() of the carnet made the référent a member: complete it
            member = Model.with_context(active_test=False).search([
                ("notebook_id", "=", vals["notebook_id"]), ("user_id", "=", vals["user_id"])])
            member.write(vals)
            records[spec.key] = member
        else:
            records[spec.key] = Model.create(vals)
    return {key: record.id for key, record in records.items()}


def templates_from_orm(env, specs):
    """One full row per model, made through the ORM: the columns the SQL path
    does not set get the ORM's defaults."""
    env.cr.execute("SAVEPOINT bench_template")
    ids = orm_create(env, specs)
    templates = {}
    for spec in specs:
        if spec.model in templates:
            continue
        env.cr.execute('SELECT * FROM "%s" WHERE id = %%s' % env[spec.model]._table,
                       (ids[spec.key],))
        templates[spec.model] = _neutral(env[spec.model], env.cr.dictfetchone(), spec)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_template")
    env.cache.invalidate()
    missing = set(MODELS) - set(templates)
    if missing:
        raise RuntimeError("no template for %s" % ", ".join(sorted(missing)))
    return templates


def _neutral(Model, row, spec):
    """The template row with the values the spec chose put back to the
    field's default: a spec that leaves a field out gets the ORM default."""
    chosen = set(spec.vals) | set(spec.computed)
    defaults = Model.default_get(list(chosen))
    for name in chosen:
        field = Model._fields[name]
        if field.store and field.column_type:
            row[name] = field.convert_to_column(defaults.get(name, False), Model.browse())
    return row


def covering_specs(env, ref):
    """A few beneficiaries whose specs hold every generated model."""
    builder = Builder(env, ref, seed=424242, contract_names=iter(
        "CER-TEMPLATE-%d" % i for i in range(10 ** 6)))
    specs, seen, index = [], set(), 10 ** 7
    while set(MODELS) - seen:
        group = builder.build([index])
        index += 1
        if {s.model for s in group} - seen:
            specs.extend(group)
            seen |= {s.model for s in group}
    return specs


# -------------------------------------------------------------------- verify
def snapshot(env, specs, ids):
    """What the ORM reads back, generated ids replaced by spec keys."""
    env.cache.invalidate()
    key_of = {}
    for spec in specs:
        key_of[(spec.model, ids[spec.key])] = spec.key
    result = {}

    def unnamed(model, record_id, name):
        """Records without a name are shown as "model,id": compare the key."""
        if name == "%s,%s" % (model, record_id):
            return "%s,%s" % (model, key_of.get((model, record_id), record_id))
        return name

    for model in MODELS:
        Model = env[model].with_context(lang=LANG)
        names = [n for n, f in Model._fields.items()
                 if n not in SKIP_FIELDS and not n.startswith(SKIP_PREFIXES)]
        keys = [s.key for s in specs if s.model == model]
        for row in Model.browse([ids[k] for k in keys]).read(names):
            values = {}
            for name in names:
                field, value = Model._fields[name], row[name]
                if field.type == "many2one" and value:
                    value = (key_of.get((field.comodel_name, value[0]), value[0]),
                             unnamed(field.comodel_name, value[0], value[1]))
                elif field.type in ("one2many", "many2many"):
                    value = sorted(str(key_of.get((field.comodel_name, v), v)) for v in value)
                elif name == "display_name":
                    value = unnamed(model, row["id"], value)
                values[name] = value
            result[key_of[(model, row["id"])]] = values
    return result


def verify(env, specs, templates):
    differences = verify_users(env)
    env.cr.execute("SAVEPOINT bench_verify")
    sql_ids = SqlWriter(env, templates).write(specs)
    by_sql = snapshot(env, specs, sql_ids)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_verify")
    env.cache.invalidate()
    orm_ids = orm_create(env, specs)
    by_orm = snapshot(env, specs, orm_ids)
    for key, expected in by_orm.items():
        got = by_sql[key]
        for name, value in expected.items():
            if got[name] != value:
                differences.append("%s %s: ORM %r, SQL %r" % (key, name, value, got[name]))
    fields_compared = sum(len(v) for v in by_orm.values())
    odoo_env.progress("verify: %d records, %d field values compared, %d differences" % (
        len(by_orm), fields_compared, len(differences)))
    for line in differences[:50]:
        odoo_env.progress("  " + line)
    return not differences


# ---------------------------------------------------------------------- main
def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--count", type=int, required=True, help="beneficiaries")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-referent", type=int, default=80,
                        help="carnets per référent (default 80)")
    parser.add_argument("--verify", action="store_true",
                        help="compare SQL-made and ORM-made records; changes nothing")
    args = parser.parse_args()
    registry = odoo_env.load(args.database)
    started = time.time()
    with odoo_env.environment(registry, context=CONTEXT) as env:
        if env["res.users"].search([("login", "=", "bench.manager")]):
            if not args.verify:
                sys.exit("%s already holds a generated département (bench.manager)."
                         % args.database)
            sys.exit("--verify needs a database without generated data.")
        keep_the_guide(env)
        odoo_env.progress("Reference data (territories, structures, professionals)…")
        ref = Reference(env, args.count, args.per_referent)
        templates = templates_from_orm(env, covering_specs(env, ref))
        builder = Builder(env, ref, args.seed, contract_names(env))
        if args.verify:
            ok = verify(env, builder.build(range(args.count)), templates)
            env.cr.rollback()
            sys.exit(0 if ok else 1)
        open_the_access(env)
        env.cr.commit()
        odoo_env.progress("Reference data done (%.0f s)" % (time.time() - started))
        writer, totals = SqlWriter(env, templates), {}
        for first in range(0, args.count, CHUNK):
            specs = builder.build(range(first, min(first + CHUNK, args.count)))
            writer.write(specs)
            env.cr.commit()
            for spec in specs:
                totals[spec.model] = totals.get(spec.model, 0) + 1
            odoo_env.progress("%d/%d beneficiaries (%.0f s)" % (
                min(first + CHUNK, args.count), args.count, time.time() - started))
        for model in MODELS:
            env.cr.execute('ANALYZE "%s"' % env[model]._table)
        env.cr.commit()
        odoo_env.progress("Done in %.0f s: %s" % (time.time() - started, ", ".join(
            "%d %s" % (totals.get(m, 0), m) for m in MODELS)))


if __name__ == "__main__":
    main()

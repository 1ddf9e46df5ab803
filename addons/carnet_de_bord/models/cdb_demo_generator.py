"""Synthetic beneficiaries and carnets for demonstrations and benchmarks.

No real person: names are drawn from common French first and last names,
CAF numbers are random 7-digit numbers, addresses are in a fictional
département using real postal codes of the Pas-de-Calais (seed 003).
"""
import random
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

FIRST_NAMES = [
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline",
    "Aurélie", "Émilie", "Julie", "Camille", "Laura", "Manon", "Inès", "Fatima",
    "Jean", "Michel", "Philippe", "Alain", "Patrick", "Nicolas", "Christophe",
    "Sébastien", "Julien", "Kevin", "Mickaël", "Thomas", "Mehdi", "Yacine", "Loïc",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Leroy", "Moreau", "Fontaine",
    "Lemaire", "Dupont", "Lambert", "Caron", "Delattre", "Duhamel", "Lefèvre", "Vasseur",
    "Dumont", "Hennebelle", "Boulanger", "Carpentier", "Delcroix", "Wallart", "Bouchez",
    "Ramdani", "Kowalski", "Nowak", "Benhamou", "Traoré", "Da Silva", "Lenoir",
]
CITIES = [("62000", "Arras"), ("62300", "Lens"), ("62400", "Béthune"), ("62100", "Calais"),
          ("62200", "Boulogne-sur-Mer"), ("62800", "Liévin"), ("62500", "Saint-Omer")]
TERRITORY_BY_CITY = {
    "Arras": "arrageois", "Lens": "lens", "Liévin": "lens", "Béthune": "artois",
    "Calais": "calaisis", "Boulogne-sur-Mer": "boulonnais", "Saint-Omer": "audomarois",
}
STREETS = ["rue Jean Jaurès", "rue Victor Hugo", "rue de la République", "rue Pasteur",
           "avenue Roger Salengro", "rue des Mineurs", "cité des Fleurs", "rue Émile Zola"]
FAMILY = ["single", "single", "single", "married", "cohabiting", "divorced", "separated"]
OBJECTIVES = [
    ("Accéder à un logement autonome", ["A.1.1", "A.2"]),
    ("Prendre soin de sa santé", ["B.2", "B.1"]),
    ("Assainir son budget", ["D.1.1", "D.3"]),
    ("Rompre l'isolement", ["E.1.2", "E.1.1"]),
    ("Définir un projet professionnel", ["G.2.3", "G.2.1"]),
    ("Se former pour accéder à un métier", ["G.4.2", "G.4.1"]),
    ("Retrouver un emploi", ["H.3.3", "H.1.1"]),
    ("Obtenir le permis de conduire", ["I.2", "I.1"]),
]
SITUATIONS = [
    dict(housing="Hébergée chez un tiers depuis 8 mois, recherche un logement social.",
         resources="RSA socle, dettes de loyer anciennes (plan FSL en cours).",
         mobility="Pas de permis, dépend des transports en commun."),
    dict(housing="Locataire parc social, loyer à jour.",
         resources="RSA et prime d'activité ponctuelle ; budget tendu.",
         mobility="Permis B, véhicule en panne."),
    dict(housing="Locataire parc privé, logement humide.",
         resources="RSA majoré, aides CAF.",
         mobility="Permis B et véhicule."),
]


REVIEW_RESULTS = [
    "Démarches engagées comme prévu ; un entretien d'embauche obtenu.",
    "Formation suivie jusqu'au bout, attestation obtenue.",
    "Dossier logement déposé, en attente de réponse.",
]


class CdbDemoGenerator(models.AbstractModel):
    _name = "cdb.demo.generator"
    _description = "Synthetic carnets generator"

    @api.model
    def generate_demo_departement(self):
        """Demo data of the module: ~50 carnets for the demo professionals."""
        self._make_demo_users_french()
        users = {key: self.env.ref("carnet_de_bord.demo_user_" + key) for key in (
            "referent_social", "referent_social2", "referent_pro", "accompagnateur")}
        return self._in_french("carnet_de_bord").generate(50, users, seed=20261122)

    @api.model
    def _in_french(self, module):
        """Odoo loads a module's translations after its demo data: load them
        first so that the activities and messages the demo creates are French."""
        if not self.env["res.lang"].search([("code", "=", "fr_FR")], limit=1):
            self.env["res.lang"].load_lang("fr_FR")
        self.env["ir.module.module"].search([("name", "=", module)])._update_translations(
            filter_lang="fr_FR")
        return self.with_context(lang="fr_FR")

    def _make_demo_users_french(self):
        lang = self.env["res.lang"].search([("code", "=", "fr_FR")], limit=1)
        if not lang:
            self.env["res.lang"].load_lang("fr_FR")
        demo_users = self.env["res.users"].search([("login", "in", (
            "admin", "referent.social", "referent.social2", "referent.pro", "accompagnateur",
            "admin.structure", "correspondant", "manager"))])
        demo_users.write({"lang": "fr_FR", "tz": "Europe/Paris"})

    @api.model
    def generate(self, count, users, seed=0):
        """Create ``count`` beneficiaries with a carnet each. ``users`` maps
        the roles referent_social, referent_social2, referent_pro and
        accompagnateur to res.users. Returns the carnets."""
        rng = random.Random(seed)
        today = fields.Date.from_string(fields.Date.context_today(self))
        notebooks = self.env["cdb.notebook"]
        codes = {c.code: c for c in self.env["cdb.action.code"].search([])}
        for index in range(count):
            partner = self._create_beneficiary(rng, index)
            profile = self._profile(index, count)
            notebooks |= self._create_notebook(rng, partner, profile, users, codes, today)
        self.env["cdb.notebook"]._cron_schedule_reviews()
        return notebooks

    @staticmethod
    def _profile(index, count):
        """Spread the states: new (no référent), in progress, late actions,
        review due, closed."""
        ratio = index / float(count)
        if ratio < 0.12:
            return "new"
        if ratio < 0.20:
            return "closed"
        if ratio < 0.40:
            return "late"
        if ratio < 0.55:
            return "review_due"
        return "in_progress"

    def _create_beneficiary(self, rng, index):
        zip_code, city = rng.choice(CITIES)
        firstname, lastname = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        birth = date(1962, 1, 1) + timedelta(days=rng.randint(0, 365 * 40))
        return self.env["res.partner"].create({
            "firstname": firstname,
            "lastname": lastname,
            "is_rsa_beneficiary": True,
            "birthdate_date": fields.Date.to_string(birth),
            "birth_place": rng.choice([c[1] for c in CITIES] + ["Lille", "Amiens", "Roubaix"]),
            "caf_number": "%07d" % (1000000 + index * 7919 % 8999999 + rng.randint(0, 6)),
            "benefit_organism": "msa" if index % 17 == 0 else "caf",
            "france_travail_id": "%07d%s" % (
                rng.randint(1000000, 9999999), rng.choice("ABCDEFGHJK")) if index % 3 else False,
            "family_situation": rng.choice(FAMILY),
            "street": "%d %s" % (rng.randint(1, 140), rng.choice(STREETS)),
            "zip": zip_code,
            "city": city,
            "country_id": self.env.ref("base.fr").id,
            "mobile": "06 %02d %02d %02d %02d" % tuple(rng.randint(0, 99) for _ in range(4)),
        })

    def _create_notebook(self, rng, partner, profile, users, codes, today):
        territory = self.env.ref("carnet_de_bord.demo_territory_" + TERRITORY_BY_CITY[partner.city],
                                 raise_if_not_found=False)
        notebook = self.env["cdb.notebook"].create({
            "beneficiary_id": partner.id, "territory_id": territory.id if territory else False})
        if profile == "new":
            return notebook
        referent = rng.choice([users["referent_social"], users["referent_social2"],
                               users["referent_pro"]])
        start = today - relativedelta(months=rng.randint(2, 5), days=rng.randint(0, 27))
        if profile == "review_due":
            start = today - relativedelta(months=7, days=rng.randint(0, 40))
        notebook._set_referent(referent, referent.cdb_structure_id)
        notebook.write({"date_start": fields.Date.to_string(start)})
        self._add_situation(rng, notebook)
        with_accompagnateur = rng.random() < 0.5
        if with_accompagnateur:
            self.env["cdb.notebook.member"].create({
                "notebook_id": notebook.id, "user_id": users["accompagnateur"].id,
                "role": "accompagnateur",
                "structure_id": users["accompagnateur"].cdb_structure_id.id,
            })
        self._add_plan(rng, notebook, profile, codes, start, today,
                       users["accompagnateur"] if with_accompagnateur else referent)
        self._add_appointments(rng, notebook, referent, today)
        if profile in ("in_progress", "late"):
            self._add_review(rng, notebook, "periodic", start + relativedelta(months=1))
        if profile == "closed":
            self._close(rng, notebook, today)
        return notebook

    def _add_review(self, rng, notebook, reason, day):
        """A review validated by the référent and the beneficiary."""
        day = fields.Date.to_string(day)
        return self.env["cdb.review"]._workflow_create({
            "notebook_id": notebook.id, "reason": reason, "date": day,
            "objective_ids": [(6, 0, notebook.objective_ids.ids)],
            "results": rng.choice(REVIEW_RESULTS),
            "progression": rng.choice(["steady", "progress", "progress", "reached"]),
            "situation_evolution": "Situation stable depuis le dernier entretien.",
            "next_steps": "Poursuivre les actions engagées.",
            "beneficiary_opinion": "D'accord avec ce bilan.",
            "state": "validated", "referent_validated_date": day,
            "referent_validated_by": notebook.referent_id.id,
            "beneficiary_validated_date": day, "beneficiary_validation_channel": "interview",
        })

    def _close(self, rng, notebook, today):
        """The end of the path, with its reason (and the final review when
        the reason takes one)."""
        reason = self.env.ref("carnet_de_bord.end_reason_" + rng.choice(
            ["employment", "employment", "rights", "moving"]))
        if reason.review_required:
            self._add_review(rng, notebook, "end_of_path", today)
        notebook._close(reason, fields.Date.to_string(today))

    def _add_situation(self, rng, notebook):
        values = dict(rng.choice(SITUATIONS))
        values.update({
            "notebook_id": notebook.id,
            "family": "Vit seul(e)" if notebook.beneficiary_id.family_situation == "single"
                      else "En couple, enfants à charge",
            "employment": "Sans emploi depuis %d mois." % rng.randint(6, 48),
            "diploma_level_id": self.env["cdb.diploma.level"].search([])[rng.randint(2, 6)].id,
            "summary": "Diagnostic partagé lors du premier entretien.",
            "reason": "Premier diagnostic",
        })
        self.env["cdb.situation"].create(values)
        self.env["cdb.health"].create({
            "notebook_id": notebook.id,
            "description": "Pas de difficulté déclarée." if rng.random() < 0.7
            else "Suivi médical régulier, à prendre en compte pour les horaires.",
            "reason": "Premier diagnostic",
        })

    def _add_plan(self, rng, notebook, profile, codes, start, today, in_charge):
        for label, action_codes in rng.sample(OBJECTIVES, rng.randint(1, 2)):
            objective = self.env["cdb.objective"].create({
                "notebook_id": notebook.id, "name": label,
                "state": rng.choice(["proposed", "validated", "validated"]),
            })
            for position, code in enumerate(action_codes):
                begin = start + timedelta(days=7 * position)
                deadline = begin + relativedelta(months=rng.randint(2, 6))
                state = rng.choice(["planned", "in_progress", "in_progress", "done"])
                if profile == "late":
                    deadline, state = today - timedelta(days=rng.randint(3, 40)), "in_progress"
                elif state != "done" and deadline <= today:
                    deadline = today + timedelta(days=rng.randint(10, 90))
                if deadline < begin:
                    begin = deadline - relativedelta(months=2)
                self.env["cdb.action"].create({
                    "notebook_id": notebook.id, "objective_id": objective.id,
                    "action_code_id": codes[code].id,
                    "date_start": fields.Date.to_string(begin),
                    "date_deadline": fields.Date.to_string(deadline),
                    "state": state,
                    "user_id": in_charge.id,
                    "structure_id": in_charge.cdb_structure_id.id,
                })

    def _add_appointments(self, rng, notebook, referent, today):
        past = today - timedelta(days=rng.randint(10, 40))
        future = today + timedelta(days=rng.randint(3, 30))
        for day, attendance in ((past, rng.choice(["present", "present", "absent", "excused"])),
                                (future, False)):
            start = datetime.combine(day, time(rng.choice([8, 9, 12, 13]), 30))
            Event = self.env["calendar.event"].with_context(no_mail_to_attendees=True)
            Event._workflow_create({
                "name": "Entretien de suivi",
                "cdb_notebook_id": notebook.id,
                "user_id": referent.id,
                "start": fields.Datetime.to_string(start),
                "stop": fields.Datetime.to_string(start + timedelta(hours=1)),
                "duration": 1.0,
                "location": notebook.structure_id.city or "",
                "cdb_attendance": attendance,
            })

"""The figures of the contracts and fiches de liaison that a département may
change, each with its default and the text it comes from (shown on the
settings screen, Carnet de bord › Configuration › Paramètres, block
"Contrats d'engagements réciproques")."""
from odoo.addons.cdb_base.tools import Setting
from odoo.addons.rsa_orientation import settings as _rsa_settings

SOLIDARITY_DURATION_MONTHS = Setting(
    "cer_contracts.solidarity_duration_months", 6, int,
    "Guide, « LES CONTRATS D'ENGAGEMENTS RECIPROQUES » : « Le CER - Solidarité "
    "est conclu pour une durée de 6 mois, renouvelable une fois. »",
    minimum=1, maximum=12)

# The limit of the solidarity accompaniment is one figure with the daily job
# of rsa_orientation (an orientation this old goes to the EP): defined there,
# shown in its block of the settings screen.
SOLIDARITY_MAX_MONTHS = _rsa_settings.SOLIDARITY_MAX_MONTHS

PROFESSIONAL_DURATIONS_MONTHS = Setting(
    "cer_contracts.professional_durations_months", "3,6,9,12", str,
    "Guide, « CONTRAT D'ENGAGEMENTS RECIPROQUES – PROFESSIONNEL » : « conclu "
    "pour une durée de 3 mois, 6 mois, 9 mois ou 12 mois ».")

EXPIRY_NOTICE_DAYS = Setting(
    "cer_contracts.expiry_notice_days", 30, int,
    "Choix du département : le référent est prévenu avant l'échéance du contrat "
    "pour préparer le bilan (« A l'échéance des 6 mois : Cas 1 … Cas 2 … Cas 3 »).",
    minimum=1, maximum=180)

RENEWAL_DELAY_DAYS = Setting(
    "cer_contracts.renewal_delay_days", 30, int,
    "Guide, « L'ACCOMPAGNEMENT » : « Obligation de renouveler son contrat à échéance "
    "du précédent » ; « En cas de non-conclusion ou non-renouvellement du contrat, le "
    "montant du RSA sera réduit ». Choix du département : le délai après l'échéance au-delà "
    "duquel un contrat non renouvelé peut être présenté à l'équipe pluridisciplinaire.",
    minimum=0, maximum=180)

EDE_BEFORE_FIRST_CONTRACT = Setting(
    "cer_contracts.ede_before_first_contract", True, bool,
    "Guide, « LES CONTRATS D'ENGAGEMENTS RECIPROQUES (CER) » : « Au préalable, à "
    "l'élaboration du contrat, l'échelle de distance à l'emploi est à réaliser avec le "
    "bénéficiaire. » (à chaque renouvellement, elle est toujours demandée).")

LIAISON_ANSWER_DAYS = Setting(
    "cer_contracts.liaison_answer_days", 8, int,
    "Choix du département : le délai donné au correspondant pour répondre à "
    "une fiche de liaison (le guide n'en fixe pas).",
    minimum=1, maximum=60)

CONTRACT_DECISION_DAYS = Setting(
    "cer_contracts.contract_decision_days", 15, int,
    "Choix du département : le délai donné au délégué du Président (le correspondant du "
    "territoire) pour valider ou rejeter un contrat soumis (le guide n'en fixe pas).",
    minimum=1, maximum=90)

MAX_JOBS_SOUGHT = Setting(
    "cer_contracts.max_jobs_sought", 2, int,
    "Guide, CER professionnel : « Métier(s) recherché(s) : deux choix possibles ».",
    minimum=1, maximum=5)


def professional_durations(env):
    """The durations (months) a CER professionnel may last, as integers."""
    return parse_durations(PROFESSIONAL_DURATIONS_MONTHS.get(env)) or \
        parse_durations(PROFESSIONAL_DURATIONS_MONTHS.default)


def parse_durations(text):
    """``"3, 6,9"`` -> ``(3, 6, 9)``; None when the text is not a list of
    positive whole numbers of months."""
    try:
        values = tuple(sorted({int(part) for part in (text or "").split(",") if part.strip()}))
    except ValueError:
        return None
    if not values or any(value < 1 or value > 36 for value in values):
        return None
    return values

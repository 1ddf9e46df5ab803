"""The figures of the carnet de bord that a département may change, each
with its default and the text it comes from (shown on the settings screen,
Carnet de bord › Configuration › Paramètres, with their defaults and
sources). Existing system parameters keep their keys."""
from odoo.addons.cdb_base.tools import Setting

from .sections import SECTION_KEYS

REVIEW_INTERVAL_MONTHS = Setting(
    "carnet_de_bord.review_interval_months", 6, int,
    "Seed 000, « Suivi » : « De manière récurrente au cours du parcours "
    "(a minima tous les 6 mois …) ».", minimum=1, maximum=24)

ACCESS_REASON_HOURS = Setting(
    "carnet_de_bord.access_reason_hours", 8, float,
    "Choix du produit (readme/DATA_PROTECTION.rst) : un motif de consultation "
    "vaut pour une journée de travail ; seed 000 : partage « dans le respect des "
    "règles de confidentialité des informations personnelles (CNIL) ».",
    minimum=0, maximum=24)

RETENTION_YEARS = Setting(
    "carnet_de_bord.retention_years", 5, int,
    "Politique de confidentialité du service public Carnet de bord : "
    "conservation « 5 ans après le dernier contact ».", minimum=1, maximum=30)

ACCESS_LOG_MONTHS = Setting(
    "carnet_de_bord.access_log_retention_months", 12, int,
    "Politique de confidentialité du service public Carnet de bord : "
    "journaux de connexion conservés « 12 mois ».", minimum=1, maximum=120)

REFERENT_MINIMUM_SECTIONS = Setting(
    "carnet_de_bord.referent_minimum_sections", ["situation", "health", "plan", "contracts"],
    list,
    "Seed 000, « Carnet de bord » : « L'allocataire et son référent remplissent le "
    "carnet de bord, fixent les points de l'accompagnement au début de parcours et "
    "les font évoluer » ; le contrat reprend le diagnostic, les objectifs et le "
    "plan d'actions (readme/SHARING.rst).",
    choices=SECTION_KEYS)

SECTIONS_HIDDEN_BY_DEFAULT = Setting(
    "carnet_de_bord.sections_hidden_by_default", ["health"], list,
    "Seed 000, « Qui le remplit et quand ? Qui y a accès ? » : l'allocataire "
    "« choisit quelles informations sont accessibles et à qui (accompagnateurs, "
    "entreprises, etc.) » ; la santé n'est lue que par le référent tant qu'il ne "
    "la partage pas (readme/SHARING.rst).", choices=SECTION_KEYS)

DUI_CHARTER_VERSION = Setting(
    "carnet_de_bord.dui_charter_version", "1", str,
    "Seed 003, « Accessibilité à l'interface » : « L'accès au D.U.I. est conditionné "
    "par : La signature d'une charte utilisateur : Elle représente l'engagement entre "
    "la structure et le Conseil Général, notamment sur la confidentialité des "
    "informations consultées et/ou saisies dans l'outil » ; une nouvelle version de "
    "la charte se signe à nouveau avant d'ouvrir un carnet.")

APPOINTMENT_REMINDER_DAYS = Setting(
    "carnet_de_bord.appointment_reminder_days", 1, int,
    "Guide du département : « Obligation de répondre aux convocations de leur "
    "référent » ; choix du produit : un rappel la veille du rendez-vous "
    "(0 : pas de rappel).", minimum=0, maximum=14)

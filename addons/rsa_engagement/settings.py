"""The figures of the law in force that a département may change, each with
its default and the text it comes from, shown on the settings screen
(Carnet de bord › Configuration › Paramètres, block "Contrat d'engagement").
Read them with ``SETTING.get(env)``.

The date from which the law applies is rsa_orientation's
``NEW_REGIME_DATE`` (shared with rsa_parcours): not redefined here. An
orientation decided on or after it follows the law (rsa.orientation's
``_follows_law``) and its contract is a contrat d'engagement: the regime's
date is the one setting that keeps a département on the guide.
"""
from datetime import date

from odoo.addons.cdb_base.tools import Setting

LAW = "Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi"
DECREE_SUSPENSION = ("Décret du 30 mai 2025 relatif à la suspension-remobilisation du revenu "
                     "de solidarité active (en vigueur le 1er juin 2025)")

# ------------------------------------------------- contrat d'engagement
ENGAGEMENT_DURATION_MONTHS = Setting(
    "rsa_engagement.duration_months", 6, int,
    LAW + " : le contrat d'engagement fixe un plan d'action et sa durée ; durée "
    "proposée d'un nouveau contrat (choix du département).", minimum=1, maximum=24)
ENGAGEMENT_MAX_MONTHS = Setting(
    "rsa_engagement.max_months", 12, int,
    LAW + " : le plan d'action est réexaminé périodiquement ; durée la plus longue "
    "d'un contrat d'engagement avant son renouvellement (choix du département).",
    minimum=1, maximum=36)
WEEKLY_HOURS_TARGET = Setting(
    "rsa_engagement.weekly_hours_target", 15.0, float,
    LAW + " : le contrat d'engagement prévoit une durée hebdomadaire d'activité "
    "d'au moins quinze heures, qui peut être réduite, voire nulle, pour des raisons "
    "de santé, de handicap, de situation de parent isolé sans solution de garde ou "
    "de proche aidant.", minimum=0, maximum=35)
HOURS_REVIEW_MAX_MONTHS = Setting(
    "rsa_engagement.hours_review_max_months", 12, int,
    LAW + " : une durée réduite ou nulle est réexaminée ; délai le plus long avant "
    "son réexamen (choix du département).", minimum=1, maximum=24)

# ------------------------------------------------------------ conversion
CONVERSION_DEADLINE = Setting(
    "rsa_engagement.conversion_deadline", date(2027, 1, 1), date,
    LAW + " : les contrats d'engagements réciproques et les PPAE signés avant "
    "l'entrée en vigueur de la loi sont remplacés par un contrat d'engagement au plus "
    "tard le 1er janvier 2027.")

# ------------------------------------------------ suspension-remobilisation
OBSERVATION_DELAY_DAYS = Setting(
    "rsa_engagement.observation_delay_days", 10, int,
    DECREE_SUSPENSION + " : avant toute décision, la personne est invitée à présenter "
    "ses observations dans un délai fixé par le courrier (délai retenu par le "
    "département).", minimum=1, maximum=60)
EP_OPINION_REQUIRED = Setting(
    "rsa_engagement.ep_opinion_required", False, bool,
    DECREE_SUSPENSION + " : l'avis de l'équipe pluridisciplinaire est facultatif ; "
    "le département peut le demander avant chaque décision.")
SUSPENSION_RATE_MIN = Setting(
    "rsa_engagement.suspension_rate_min", 30, int,
    DECREE_SUSPENSION + " : la suspension porte sur 30 % à 100 % du montant de "
    "l'allocation (taux le plus bas).", minimum=1, maximum=100)
SUSPENSION_RATE_MAX = Setting(
    "rsa_engagement.suspension_rate_max", 100, int,
    DECREE_SUSPENSION + " : la suspension porte sur 30 % à 100 % du montant de "
    "l'allocation (taux le plus haut).", minimum=1, maximum=100)
HOUSEHOLD_RATE_CAP = Setting(
    "rsa_engagement.household_rate_cap", 50, int,
    DECREE_SUSPENSION + " : lorsque le foyer compte plus d'une personne, la "
    "suspension ne peut excéder 50 % du montant de l'allocation.", minimum=1, maximum=100)
FIRST_FAILURE_MIN_MONTHS = Setting(
    "rsa_engagement.first_failure_min_months", 1, int,
    DECREE_SUSPENSION + " : premier manquement, suspension d'un à deux mois (durée "
    "la plus courte).", minimum=1, maximum=12)
FIRST_FAILURE_MAX_MONTHS = Setting(
    "rsa_engagement.first_failure_max_months", 2, int,
    DECREE_SUSPENSION + " : premier manquement, suspension d'un à deux mois (durée "
    "la plus longue).", minimum=1, maximum=12)
REPEATED_FAILURE_MAX_MONTHS = Setting(
    "rsa_engagement.repeated_failure_max_months", 4, int,
    DECREE_SUSPENSION + " : manquement répété ou persistant, suspension d'un à quatre "
    "mois, ou radiation (durée la plus longue).", minimum=1, maximum=12)

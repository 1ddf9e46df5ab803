"""The figures of the law in force that a département may change, each with
its default and the text it comes from, shown on the settings screen
(Carnet de bord › Configuration › Paramètres, block "Parcours (loi pour le
plein emploi)"). Read them with ``SETTING.get(env)``.

The date from which the law applies is rsa_orientation's
``NEW_REGIME_DATE`` (shared with rsa_engagement).
"""
from odoo.addons.cdb_base.tools import Setting

ORIENTATION_DELAY_WEEKS = Setting(
    "rsa_parcours.orientation_delay_weeks", 6, int,
    "Décret n° 2024-1244 du 30 décembre 2024 : la décision d'orientation intervient "
    "dans un délai de six semaines à compter de la date à laquelle la personne est "
    "soumise aux droits et devoirs (à défaut d'autre date connue : l'entrée au RSA).",
    minimum=1, maximum=52)
CONTRACT_DELAY_MONTHS = Setting(
    "rsa_parcours.contract_delay_months", 1, int,
    "Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi et ses textes : le "
    "contrat d'engagement est signé dans le mois qui suit la notification de la "
    "décision d'orientation.", minimum=1, maximum=12)
JOINT_DIAGNOSTIC_MONTHS = Setting(
    "rsa_parcours.joint_diagnostic_months", 6, int,
    "Décret n° 2024-1244 du 30 décembre 2024 : dans le parcours social, un diagnostic "
    "conjoint avec France Travail est réalisé au terme d'un délai fixé par le "
    "département (6 mois par défaut ici).", minimum=1, maximum=12)
JOINT_DIAGNOSTIC_MAX_MONTHS = Setting(
    "rsa_parcours.joint_diagnostic_max_months", 12, int,
    "Décret n° 2024-1244 du 30 décembre 2024 : le délai du diagnostic conjoint peut "
    "être prolongé, sur motif, jusqu'à douze mois.", minimum=1, maximum=24)

"""The figures of the orientation module that a département may change, each
with its default and the text of the guide it comes from (seed 003), shown
on the settings screen (Carnet de bord › Configuration › Paramètres, block
"Orientation"). Read them with ``SETTING.get(env)``; the system parameters
keep their historical keys.

The sanction scale (durations of each step) is configuration data of its
own (``rsa.sanction.rule``, Configuration › Échelle des sanctions), and the
two orientation thresholds of an employment-distance scale belong to each
scale (a used scale never changes): ``EDE_PROFESSIONAL_BELOW`` and
``EDE_SOLIDARITY_ABOVE`` are the thresholds a new scale starts with.
"""
from datetime import date

from odoo.addons.cdb_base.tools import Setting

# ------------------------------------------------------------- two regimes
NEW_REGIME_DATE = Setting(
    "rsa_orientation.new_regime_date", date(2025, 1, 1), date,
    "Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi, art. 3 et 14 : "
    "l'orientation, le contrat d'engagement et la suspension-remobilisation "
    "s'appliquent à compter du 1er janvier 2025. Les orientations et contrats "
    "décidés avant cette date suivent les règles du guide (seed 003) jusqu'à leur "
    "fin ou leur conversion.")

# ------------------------------------------------------ droits et devoirs
LUMP_SUM_AMOUNT = Setting(
    "rsa_orientation.lump_sum_amount", 646.52, float,
    "Seed 003, « L'ORIENTATION » : « les ressources du foyer … qui doivent être "
    "inférieures au montant forfaitaire (=RSA socle) » ; montant d'une personne seule, "
    "proposé pour chaque foyer.", minimum=0)
ACTIVITY_INCOME_THRESHOLD = Setting(
    "rsa_orientation.activity_income_threshold", 500.0, float,
    "Seed 003, « L'ORIENTATION » : « … ou avoir des ressources professionnelles "
    "inférieures à 500 euros nets par mois ».", minimum=0)

# ------------------------------------------------------------- contracts
CONTRACT_DEADLINE_PROFESSIONAL_MONTHS = Setting(
    "rsa_orientation.contract_deadline_professional_months", 1, int,
    "Seed 003, « L'ACCOMPAGNEMENT PROFESSIONNEL » : le référent professionnel « Doit, "
    "sous un mois après l'orientation, conclure un contrat d'engagements réciproques "
    "professionnel ».", minimum=1, maximum=12)
CONTRACT_DEADLINE_SOLIDARITY_MONTHS = Setting(
    "rsa_orientation.contract_deadline_solidarity_months", 2, int,
    "Seed 003, « L'ACCOMPAGNEMENT SOCIAL » : « Il doit, sous deux mois après son "
    "orientation vers un organisme accompagnateur, conclure un Contrat d'Engagements "
    "Réciproques Solidarité ».", minimum=1, maximum=12)
SOLIDARITY_MAX_MONTHS = Setting(
    "rsa_orientation.solidarity_max_months", 12, int,
    "Seed 003, « L'ACCOMPAGNEMENT SOCIAL » : « un accompagnement social pendant une "
    "période de 6 mois pouvant aller jusqu'à 12 mois » ; au-delà, l'équipe "
    "pluridisciplinaire est saisie.", minimum=6, maximum=36)

# ----------------------------------------------------------- instances
EP_OPINION_DELAY_MONTHS = Setting(
    "rsa_orientation.ep_opinion_delay_months", 1, int,
    "Seed 003, « LES INSTANCES » : les équipes pluridisciplinaires « ont un mois pour "
    "rendre leur recommandation auprès du Président du Conseil Général ».",
    minimum=1, maximum=6)

# ------------------------------------------ échelle de distance à l'emploi
EDE_PROFESSIONAL_BELOW = Setting(
    "rsa_orientation.ede_professional_below", 18, int,
    "Seed 003, « L'ANALYSE DE L'ECHELLE A DISTANCE POUR L'EMPLOI » : « Si le total est "
    "inférieur à 18 points : on considère que l'orientation prioritaire est le Pôle "
    "Emploi » (seuil d'une nouvelle échelle).", minimum=0)
EDE_SOLIDARITY_ABOVE = Setting(
    "rsa_orientation.ede_solidarity_above", 35, int,
    "Seed 003, « L'ANALYSE DE L'ECHELLE A DISTANCE POUR L'EMPLOI » : « Si le total est "
    "supérieur à 35 points : l'orientation sera plus vers la sphère solidarité » "
    "(seuil d'une nouvelle échelle).", minimum=0)
EDE_MAX_LEVELS = Setting(
    "rsa_orientation.ede_max_levels", 6, int,
    "Seed 003, « LES ECHELLES DE DISTANCES A L'EMPLOI (Annexe 3) » : « 8 items "
    "comportant 6 paliers ».", minimum=2, maximum=10)

# ------------------------------------------------------------- sanctions
RADIATION_AFTER_MONTHS = Setting(
    "rsa_orientation.radiation_after_months", 4, int,
    "Seed 003, « Les sanctions » : « La radiation du dispositif interviendra au bout de "
    "4 mois de suspension totale » (à compter du début de l'étape de suspension).",
    minimum=1, maximum=24)

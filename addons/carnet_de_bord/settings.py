"""The figures of the carnet de bord that a département may change, each
with its default and the text it comes from (shown on the settings screen,
Carnet de bord › Configuration › Paramètres)."""
from odoo.addons.cdb_base.tools import Setting

REVIEW_INTERVAL_MONTHS = Setting(
    "carnet_de_bord.review_interval_months", 6, int,
    "Seed 000, « Suivi » : « De manière récurrente au cours du parcours "
    "(a minima tous les 6 mois …) ».", minimum=1, maximum=24)

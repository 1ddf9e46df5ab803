"""The security figures of the département, each with its default and the
text it comes from (shown on the settings screen, Carnet de bord ›
Configuration › Paramètres, block "Security").

The password policy itself lives on the company (fields of OCA
``password_security``, set by ``data/cdb_security_policy_data.xml``):
``PASSWORD_POLICY_SOURCE`` is the text shown next to those fields.
"""
from odoo.addons.cdb_base.tools import Setting

PASSWORD_POLICY_SOURCE = (
    "CNIL, délibération n° 2022-100 du 21 juillet 2022 (recommandation relative aux "
    "mots de passe), cas n° 1 « mot de passe seul », exemple 1 : au moins 12 caractères "
    "comprenant des majuscules, des minuscules, des chiffres et des caractères spéciaux "
    "(déjà le cas n° 1 de la délibération n° 2017-012). Renouvellement et historique : "
    "choix du département.")

MAX_FAILURES_BY_LOGIN = Setting(
    # key of OCA auth_brute_force, which reads it with the same default
    "auth_brute_force.max_by_ip_user", 10, int,
    "CNIL, délibération n° 2022-100, cas n° 2 « mot de passe et restriction d'accès au "
    "compte » (temporisation après plusieurs échecs) ; la délibération n° 2017-012 "
    "fixait au plus 10 échecs avant le blocage.", minimum=1, maximum=100)

MAX_FAILURES_BY_ADDRESS = Setting(
    "auth_brute_force.max_by_ip", 50, int,
    "OCA auth_brute_force (défaut 50) : une adresse qui essaie de nombreux comptes est "
    "bloquée ; derrière un proxy, régler proxy_mode pour voir l'adresse réelle.",
    minimum=1, maximum=10000)

BAN_DELAY_MINUTES = Setting(
    "cdb_security_policy.ban_delay_minutes", 15, int,
    "CNIL, délibération n° 2022-100, cas n° 2 : « temporisation d'accès au compte après "
    "plusieurs échecs » ; durée : choix du département.", minimum=1, maximum=1440)

SESSION_TIMEOUT_SECONDS = Setting(
    # key of OCA auth_session_timeout
    "inactive_session_time_out_delay", 7200, int,
    "Choix du département : une session sans activité pendant 2 heures se ferme "
    "(données personnelles et de santé à l'écran).", minimum=300, maximum=86400)

TOTP_REQUIRED = Setting(
    "cdb_security_policy.totp_required", False, bool,
    "ANSSI, « Recommandations relatives à l'authentification multifacteur et aux mots "
    "de passe » (2021) : authentification multifacteur pour l'accès aux données "
    "sensibles ; ici les rôles qui peuvent lire les détails de santé (les "
    "professionnels du carnet de bord).")

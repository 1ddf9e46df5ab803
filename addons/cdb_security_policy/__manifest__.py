# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Carnet de bord RSA : mots de passe et sessions",
    "summary": "Password policy, protection against password guessing, two-factor "
               "authentication and inactive-session timeout of the département",
    "version": "11.0.1.1.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": [
        "carnet_de_bord",
        "password_security",
        "auth_session_timeout",
        "auth_brute_force",
        "auth_totp",
        "auth_totp_password_security",
    ],
    "external_dependencies": {"python": ["pyotp"]},
    "data": [
        "security/ir.model.access.csv",
        "data/cdb_security_policy_data.xml",
        "views/res_config_settings_views.xml",
        "views/cdb_totp_enrol_templates.xml",
    ],
    "installable": True,
}

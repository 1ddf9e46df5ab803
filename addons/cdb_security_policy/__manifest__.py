# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Carnet de bord RSA : mots de passe et sessions",
    "summary": "Password policy and inactive-session timeout of the "
               "département (OCA password_security and auth_session_timeout)",
    "version": "11.0.1.0.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["password_security", "auth_session_timeout"],
    "data": [
        "data/cdb_security_policy_data.xml",
    ],
    "installable": True,
}

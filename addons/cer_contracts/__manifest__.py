# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Contrats d'engagements réciproques",
    "summary": "CER solidarité and professionnel, PPAE, PAP lines, signatures, "
               "renewals, amendments and fiches de liaison",
    "version": "11.0.0.1.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["carnet_de_bord", "rsa_orientation"],
    "data": [
        "security/cer_contracts_security.xml",
        "views/cer_contracts_menus.xml",
    ],
    "installable": True,
}

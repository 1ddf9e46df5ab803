# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "RSA orientation",
    "summary": "Socio-professional data, employment-distance scale (EDE), "
               "orientation decisions and équipes pluridisciplinaires",
    "version": "11.0.0.1.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["carnet_de_bord"],
    "data": [
        "security/rsa_orientation_security.xml",
        "views/rsa_orientation_menus.xml",
    ],
    "installable": True,
}

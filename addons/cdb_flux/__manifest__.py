# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Carnet de bord RSA : flux CAF/MSA, France Travail, migration",
    "summary": "Imports the CAF/MSA flux bénéficiaires (VRSB0801), the France Travail "
               "extract and the files of the public Carnet de bord service",
    "version": "11.0.1.0.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["cdb_departement"],
    "external_dependencies": {"python": ["lxml"]},
    "data": [
        "security/ir.model.access.csv",
        "security/cdb_flux_rules.xml",
        "data/cdb_flux_cron.xml",
        "data/cdb_flux_columns.xml",
        "views/cdb_import_job_views.xml",
        "views/cdb_france_travail_record_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}

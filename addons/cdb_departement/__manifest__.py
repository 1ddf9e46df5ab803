# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Carnet de bord RSA : outils du département",
    "summary": "Imports of beneficiaries, structures and professionals, "
               "spreadsheet exports and the manager dashboard",
    "version": "11.0.1.0.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["cer_contracts", "report_xlsx"],
    "external_dependencies": {"python": ["xlrd", "xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/cdb_departement_rules.xml",
        "views/cdb_departement_menus.xml",
        "report/cdb_export_reports.xml",
        "views/cdb_dashboard_views.xml",
        "views/cdb_export_views.xml",
        "data/cdb_import_columns.xml",
        "data/cdb_import_data.xml",
        "views/cdb_import_job_views.xml",
        "views/cdb_import_column_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/cdb_departement_demo_company.xml"],
    "installable": True,
}

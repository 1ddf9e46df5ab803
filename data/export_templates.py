"""Write the template of every import (header and example line, CSV ``;``
UTF-8 with BOM, as the import form's "Template (CSV)" button gives it) to
data/templates/. Run in the Odoo shell of a database with the modules:

    bash scripts/odoo.sh shell -d carnet_de_bord < data/export_templates.py
"""
import os

from odoo.addons.cdb_departement.models.cdb_import_writer import csv_bytes

FOLDER = os.path.join(os.getcwd(), "data", "templates")
Job = env["cdb.import.job"]  # noqa: F821 (the Odoo shell's env)
for import_type, _label in Job._fields["import_type"].selection:
    job = Job.new({"import_type": import_type})
    if not job._template_columns():
        continue
    with open(os.path.join(FOLDER, "%s.csv" % import_type), "wb") as output:
        output.write(csv_bytes(job._template_rows()))
    print(import_type)

"""The figures of the flux imports a département may change (Carnet de bord ›
Configuration › Paramètres, block "Flux CAF/MSA et France Travail"), each
with its default and what decides it. See readme/FLUX.rst."""
from odoo.addons.cdb_base.tools import Setting

CAF_CREATE_NOTEBOOKS = Setting(
    "cdb_flux.caf_create_notebooks", True, bool,
    "Code de l'action sociale et des familles, art. L262-27 et L262-29: the beneficiary "
    "subject to rights and duties is oriented and accompanied; the département decides "
    "whether the CAF/MSA flux opens their carnet de bord at once (1) or leaves it to the "
    "orientation (0).")
CAF_XSD_PATH = Setting(
    "cdb_flux.caf_xsd_path", "", str,
    "The published schema of the CAF/MSA flux (vrsb0801.xsd, CNAF) is not shipped with the "
    "product (its licence is the CNAF's): the path of the département's copy on the server. "
    "Empty: the option cdb_caf_xsd_path of odoo.conf, else the reference copy beside the "
    "project (../shared/formats/caf-msa/vrsb0801.xsd).")
FLUX_FOLDER = Setting(
    "cdb_flux.folder", "", str,
    "Choice of the département: the folder on the server where the CAF/MSA flux and France "
    "Travail extracts are dropped; a scheduled job reads each new file once (empty: the "
    "option cdb_flux_folder of odoo.conf, else no folder is read).")

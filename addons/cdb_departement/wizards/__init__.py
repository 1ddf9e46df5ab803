from . import cdb_export_wizard

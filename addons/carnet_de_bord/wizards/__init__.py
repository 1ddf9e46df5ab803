from . import cdb_access_reason_wizard
from . import cdb_data_export_wizard

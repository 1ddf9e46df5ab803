from . import cdb_access_reason_wizard
from . import cdb_data_export_wizard
from . import cdb_referent_change_wizard
from . import cdb_notebook_close_wizard
from . import cdb_dui_request_wizard

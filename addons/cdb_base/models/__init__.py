from . import cdb_workflow_mixin
from . import res_config_settings

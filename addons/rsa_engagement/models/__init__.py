from . import cer_contract
from . import cer_pap_line
from . import cdb_action_code
from . import rsa_activity_week
from . import rsa_manquement
from . import cdb_notebook
from . import res_config_settings
from . import cdb_dashboard

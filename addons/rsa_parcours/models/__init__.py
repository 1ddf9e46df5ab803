from . import rsa_parcours
from . import res_partner
from . import rsa_orientation_criteria
from . import rsa_orientation
from . import cdb_notebook
from . import cdb_dashboard
from . import res_config_settings
from . import cdb_demo_generator

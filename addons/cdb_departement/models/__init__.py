from . import cdb_dashboard
from . import cdb_notebook
from . import rsa_orientation

from . import test_caf_flux
from . import test_france_travail
from . import test_migration
from . import test_flux_access

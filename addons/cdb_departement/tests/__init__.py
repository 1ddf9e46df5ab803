from . import test_dashboard
from . import test_export
from . import test_import
from . import test_departement_access
from . import test_import_parity
from . import test_import_holes
from . import test_import_interrupted

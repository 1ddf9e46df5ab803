from . import test_orientation
from . import test_ep
from . import test_rights
from . import test_orientation_access
from . import test_ede

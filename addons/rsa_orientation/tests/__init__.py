from . import test_orientation
from . import test_ep
from . import test_rights
from . import test_orientation_access
from . import test_ede
from . import test_policy
from . import test_workflow
from . import test_settings

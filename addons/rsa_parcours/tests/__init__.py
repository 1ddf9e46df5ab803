from . import test_access
from . import test_clock
from . import test_criteria
from . import test_france_travail
from . import test_joint_diagnostic
from . import test_notification
from . import test_parcours
from . import test_reports

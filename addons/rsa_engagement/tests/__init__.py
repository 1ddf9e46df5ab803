from . import test_engagement
from . import test_weekly_hours
from . import test_conversion
from . import test_manquement
from . import test_access
from . import test_figures
from . import test_two_regimes

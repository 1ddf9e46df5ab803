from . import test_access
from . import test_action_plan
from . import test_beneficiary
from . import test_catalogue
from . import test_notebook
from . import test_query_budget
from . import test_reviews
from . import test_situation

from . import test_liaison
from . import test_reports
from . import test_contract
from . import test_pap
from . import test_amendment
from . import test_contract_access
from . import test_access_matrix
from . import test_data_protection

from . import test_liaison
from . import test_reports
from . import test_contract
from . import test_pap
from . import test_amendment
from . import test_contract_access
from . import test_contract_sharing
from . import test_portal_contracts

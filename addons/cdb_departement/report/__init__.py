from . import cdb_xlsx_export
from . import export_actions
from . import export_caseload
from . import export_contracts
from . import export_ede
from . import export_ep_cases
from . import export_notebooks
from . import export_orientations

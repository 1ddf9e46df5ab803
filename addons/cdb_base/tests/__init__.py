from . import test_tools
from . import test_rpc
from . import test_database_unavailable
from . import test_import_export
from . import test_one2many_read
from . import test_names

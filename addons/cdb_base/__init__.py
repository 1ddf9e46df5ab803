from . import rpc
from . import database_unavailable
from . import one2many_read
from . import exists_leaf
from . import models
from . import controllers

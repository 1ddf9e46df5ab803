from . import rpc
from . import database_unavailable
from . import models
from . import controllers

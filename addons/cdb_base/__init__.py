from . import rpc
from . import models

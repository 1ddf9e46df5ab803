from . import export_oarsa
from . import rsa_orientation_notification

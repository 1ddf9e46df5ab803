from . import export_oarsa
from . import export_orientations
from . import rsa_orientation_notification

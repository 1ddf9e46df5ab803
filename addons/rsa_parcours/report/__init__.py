from . import export_oarsa

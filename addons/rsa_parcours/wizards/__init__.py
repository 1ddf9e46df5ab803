from . import rsa_oarsa_wizard

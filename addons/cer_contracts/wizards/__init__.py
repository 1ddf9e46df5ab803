from . import cer_sign_wizard

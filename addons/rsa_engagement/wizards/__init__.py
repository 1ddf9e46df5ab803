from . import rsa_sanction_decision_wizard
from . import rsa_remobilisation_wizard

from . import rsa_ep_case_opinion_wizard
from . import rsa_ep_case_decision_wizard

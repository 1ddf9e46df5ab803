from . import cer_sign_wizard
from . import cer_contract_decision_wizard
from . import cer_liaison_opinion_wizard
from . import cer_liaison_decision_wizard

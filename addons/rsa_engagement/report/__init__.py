from . import export_manquements
from . import export_engagements

from . import export_manquements

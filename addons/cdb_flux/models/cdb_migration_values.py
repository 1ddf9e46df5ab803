"""The values of the public Carnet de bord service's files (its import
templates and its carnet export), recognised as it wrote them: rights codes
(``rsa_droit_ouvert_versable``…), education levels (``NV1``…``NV5``), "Oui" /
"Non", ROME jobs as "label (code)", several phones or e-mails in one cell.
No Odoo model here: pure functions."""
import re

from odoo.addons.cdb_departement.models.cdb_import_reader import normalize
from odoo.addons.rsa_orientation.models.rsa_household import RIGHT_STATES

# France Travail's education levels (the service's) -> our diploma levels.
EDUCATION_LEVELS = {
    "nv1": "I", "nv2": "II", "nv3": "III", "nv4": "IV", "nv5": "V",
    "afs": "NONE", "c12": "NONE", "c3a": "NONE", "cfg": "NONE", "cp4": "NONE",
}
# The service's work situations, in French for the carnet's situation.
WORK_SITUATIONS = {
    "recherche_emploi": "En recherche d'emploi", "recherche_formation": "En recherche de formation",
    "recherche_alternance": "En recherche d'alternance",
    "recherche_stage": "En recherche de stage", "emploi": "En emploi",
    "cdi_temps_plein": "CDI à temps plein", "cdi_temps_partiel": "CDI à temps partiel",
    "cdd_temps_plein": "CDD à temps plein", "cdd_temps_partiel": "CDD à temps partiel",
    "iae": "Insertion par l'activité économique (IAE)", "interim": "Intérim",
    "formation": "En formation", "stage": "En stage", "alternance": "En alternance",
    "service_civique": "Service civique", "creation_entreprise": "Création d'entreprise",
    "auto_entrepreneur": "Auto-entrepreneur", "sans_emploi": "Sans emploi",
    "contrat_professionnalisation": "Contrat de professionnalisation",
    "inactif": "Inactif",
}
RIGHT_LABELS = dict(RIGHT_STATES)
TRUE_WORDS = {"oui", "o", "true", "1", "yes", "vrai"}
FALSE_WORDS = {"non", "n", "false", "0", "no", "faux"}
ROME_CODE_RE = re.compile(r"\(([A-Za-z][0-9]{4})\)\s*$")
PLAIN_ROME_RE = re.compile(r"^[A-Za-z][0-9]{4}$")


def yes_no(text):
    """True, False or None (empty or not a yes/no word)."""
    word = normalize(text or "")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def split_cell(text):
    """The items of a cell holding several (", " or ";" between them)."""
    return [item.strip() for item in re.split(r"[,;]", text or "") if item.strip()]


def rome_codes(text):
    """[(code, label)] of a cell of jobs: "label (code)", or plain codes,
    several separated by commas (a label may hold " / ")."""
    result = []
    for item in re.split(r",\s*(?=[^,]*\([A-Za-z][0-9]{4}\)|[A-Za-z][0-9]{4}\b)", text or ""):
        item = item.strip()
        if not item:
            continue
        match = ROME_CODE_RE.search(item)
        if match:
            result.append((match.group(1).upper(), item[:match.start()].strip()))
        elif PLAIN_ROME_RE.match(item):
            result.append((item.upper(), ""))
        else:
            result.append((None, item))
    return result


def right_label(code):
    """The French label of a rights code of the service, None when unknown."""
    return RIGHT_LABELS.get((code or "").strip().lower())


def work_situation_label(code):
    return WORK_SITUATIONS.get((code or "").strip().lower())

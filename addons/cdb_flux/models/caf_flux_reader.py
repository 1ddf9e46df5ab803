"""Reading the CAF/MSA "flux bénéficiaires du RSA" (VRSB0801): an XML file
``Racine`` / ``IdentificationFlux`` / ``InfosFoyerRSA``* / ``TransmissionFlux``,
windows-1252 or UTF-8, validated against the published schema
``vrsb0801.xsd`` and read household by household with ``lxml.etree.iterparse``
(each household is cleared once read: the memory does not grow with the
file). No Odoo model here: pure functions, see readme/FLUX.rst."""
import hashlib
import json

from lxml import etree

HOUSEHOLD_TAG = "InfosFoyerRSA"
HEADER_TAG = "IdentificationFlux"
HEADER_FIELDS = ("APPLIEME", "NUMVERSIONAPPLIEME", "TYPEFLUX", "NATFLUX", "DTCREAFLUX",
                 "HEUCREAFLUX", "DTREF")
# The role of a person in the RSA request: the ROLEPERS of their "RSA"
# benefit, else of their first one.
RSA_BENEFIT = "RSA"


class FluxError(Exception):
    """The file is not a flux that can be read (not XML, not valid against
    the schema): ``errors`` [(line, message)] say where and why."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def load_schema(path):
    """The XMLSchema of ``path`` (vrsb0801.xsd)."""
    return etree.XMLSchema(etree.parse(path))


def _text(element, path):
    if element is None:
        return None
    value = element.findtext(path)
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _flag(element, path):
    """A boolean of the flux (xsd:boolean: 1/0/true/false); None when absent."""
    value = _text(element, path)
    if value is None:
        return None
    return value in ("1", "true")


def _clear(element):
    """Free a household once read, and what came before it."""
    element.clear()
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]


def iter_flux(path, schema=None):
    """Yield ("header", line, {field: value}) for ``IdentificationFlux`` then
    ("household", line, values) for each ``InfosFoyerRSA`` of the file at
    ``path``, validating against ``schema`` as it reads when given. Raises
    ``FluxError`` when the file is not well-formed XML or not valid."""
    context = etree.iterparse(path, events=("end",), tag=(HEADER_TAG, HOUSEHOLD_TAG),
                              schema=schema, huge_tree=True, remove_comments=True,
                              remove_pis=True)
    try:
        for _event, element in context:
            if element.tag == HEADER_TAG:
                yield "header", element.sourceline, {
                    name: _text(element, name) for name in HEADER_FIELDS}
            else:
                yield "household", element.sourceline, household_values(element)
            _clear(element)
    except etree.XMLSyntaxError as error:
        raise FluxError(_errors(error, context))


def _errors(error, context):
    log = getattr(context, "error_log", None) or error.error_log
    errors = [(entry.line, entry.message) for entry in log
              if entry.level_name in ("ERROR", "FATAL")]
    return errors or [(getattr(error, "lineno", 0) or 0, str(error))]


def count_households(path, block=1 << 20):
    """How many households the file holds, read in blocks (no parsing)."""
    needle, count, tail = b"<" + HOUSEHOLD_TAG.encode() + b">", 0, b""
    with open(path, "rb") as source:
        while True:
            data = source.read(block)
            if not data:
                return count
            chunk = tail + data
            count += chunk.count(needle)
            tail = chunk[-(len(needle) - 1):]
            count -= tail.count(needle)


def _fields(element):
    """{tag: text} of the children of ``element`` (the first of each tag),
    spaces cleaned, None when empty: one pass over the children."""
    result = {}
    if element is None:
        return result
    for child in element:
        if child.tag not in result:
            text = child.text
            result[child.tag] = " ".join(text.split()) or None if text else None
    return result


def _day(value):
    return value[:10] if value else None


def _bool(value):
    return None if value is None else value in ("1", "true")


def _number(value):
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def household_values(element):
    """What a household (``InfosFoyerRSA``) says, as plain values."""
    organism = _fields(element.find("IdentificationRSA/Organisme"))
    request = _fields(element.find("IdentificationRSA/DemandeRSA"))
    common = _fields(element.find("PrestationRSA/DetailDroitRSA/TroncCommunDroitRSA"))
    amounts = _fields(element.find("PrestationRSA/DetailDroitRSA/MontantsCalculDroitRSA"))
    situation = element.find("PrestationRSA/SituationDossierRSA")
    values = {
        "organism": (organism.get("FONORG") or "").upper(),
        "organism_code": organism.get("NUMORG"),
        "matricule": organism.get("MATRICULE"),
        "request_date": _day(request.get("DTDEMRSA")),
        "request_number": request.get("NUMDEMRSA"),
        "persons": [person_values(person) for person in element.iterfind("Personne")],
        "family_situation": _text(element, "DonneesAdministratives/SituationFamille/SITFAM"),
        "address": address_values(element.find("DonneesAdministratives/Adresse")),
        "right_state": _text(situation, "EtatDossierRSA/ETATDOSRSA"),
        "right_reason": right_reason(situation),
        "rights_duties": _bool(common.get("TOPFOYDRODEVORSA")),
        "resources": _number(amounts.get("MTRESSMENRSA")),
        "guaranteed_income": _number(amounts.get("MTREVMINIGARARSA")),
    }
    values["fingerprint"] = fingerprint(values)
    return values


def right_reason(situation):
    """The code and date of why the right is refused, suspended or closed."""
    for path, code, date in (("FinDroit", "MOTICLORSA", "DTCLORSA"),
                             ("FinDroitMoisAnterieur", "MOTICLORSA", "DTCLORSA"),
                             ("SuspensionDroit", "MOTISUSDRORSA", "DDSUSDRORSA"),
                             ("SuspensionVersement", "MOTISUSVERSRSA", "DDSUSVERSRSA"),
                             ("Refus", "MOTIREFURSA", "DTREFURSA")):
        block = situation.find(path) if situation is not None else None
        if block is not None:
            block = _fields(block)
            return {"kind": path, "code": block.get(code), "date": _day(block.get(date))}
    return None


def person_values(person):
    identity = _fields(person.find("Identification"))
    folder = _fields(person.find("DossierCAF"))
    amounts = _fields(person.find("MontantCalculDroitRSAPersonne"))
    benefits = [_fields(benefit) for benefit in person.iterfind("Prestations")]
    rsa = [b for b in benefits if b.get("NATPREST") == RSA_BENEFIT] or benefits
    return {
        "title": identity.get("QUAL"),
        "lastname": identity.get("NOM"),
        "birth_name": identity.get("NOMNAI"),
        "firstname": identity.get("PRENOM"),
        "birth_place": identity.get("NOMCOMNAI"),
        "birthdate": _day(identity.get("DTNAI")),
        "nir": identity.get("NIR"),
        "sex": identity.get("SEXE"),
        "role": rsa[0].get("ROLEPERS") if rsa else None,
        "responsible": _bool(folder.get("TOPRESPDOS")),
        "date_start": _day(folder.get("DDRATDOS")),
        "date_end": _day(folder.get("DFRATDOS")),
        "france_travail_id": _text(person, "DossierPoleEmploi/IDASSEDIC"),
        "rights_duties": _bool(amounts.get("TOPPERSDRODEVORSA")),
        "no_resources": _flag(person, "Ressources/GeneraliteRessourcesTrimestre/TOPRESSNUL"),
        "resources": _number(amounts.get("MTPERSRESSMENRSA")),
        "activities": [
            {"code": activity.get("ACT"), "start": _day(activity.get("DDACT")),
             "end": _day(activity.get("DFACT"))}
            for activity in map(_fields, person.iterfind("Activite"))],
    }


def address_values(address):
    if address is None:
        return None
    france = _fields(address.find("AdresseDetailleeFrance"))
    if not france:
        return None
    street = " ".join(filter(None, (france.get("NUMVOIE"), france.get("LIBTYPEVOIE"),
                                    france.get("NOMVOIE"))))
    street2 = " ".join(filter(None, (france.get("COMPLIDEADR"), france.get("COMPLADR"),
                                     france.get("LIEUDIST"))))
    zip_code = france.get("CODEPOS")
    return {"street": street or None, "street2": street2 or None,
            "zip": zip_code.zfill(5) if zip_code else None, "city": france.get("NOMCOM")}


def fingerprint(values):
    """SHA-256 of what the flux says of a household."""
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()

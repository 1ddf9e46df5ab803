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


def _date(element, path):
    value = _text(element, path)
    return value[:10] if value else None


def _flag(element, path):
    """A boolean of the flux (xsd:boolean: 1/0/true/false); None when absent."""
    value = _text(element, path)
    if value is None:
        return None
    return value in ("1", "true")


def _amount(element, path):
    value = _text(element, path)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


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
                              schema=schema, huge_tree=True, remove_comments=True)
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


def household_values(element):
    """What a household (``InfosFoyerRSA``) says, as plain values."""
    identification = element.find("IdentificationRSA")
    rights = element.find("PrestationRSA/DetailDroitRSA")
    situation = element.find("PrestationRSA/SituationDossierRSA")
    values = {
        "organism": (_text(identification, "Organisme/FONORG") or "").upper(),
        "organism_code": _text(identification, "Organisme/NUMORG"),
        "matricule": _text(identification, "Organisme/MATRICULE"),
        "request_date": _date(identification, "DemandeRSA/DTDEMRSA"),
        "request_number": _text(identification, "DemandeRSA/NUMDEMRSA"),
        "persons": [person_values(person) for person in element.iterfind("Personne")],
        "family_situation": _text(element, "DonneesAdministratives/SituationFamille/SITFAM"),
        "address": address_values(element.find("DonneesAdministratives/Adresse")),
        "right_state": _text(situation, "EtatDossierRSA/ETATDOSRSA"),
        "right_reason": right_reason(situation),
        "rights_duties": _flag(rights, "TroncCommunDroitRSA/TOPFOYDRODEVORSA"),
        "resources": _amount(rights, "MontantsCalculDroitRSA/MTRESSMENRSA"),
        "guaranteed_income": _amount(rights, "MontantsCalculDroitRSA/MTREVMINIGARARSA"),
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
            return {"kind": path, "code": _text(block, code), "date": _date(block, date)}
    return None


def person_values(person):
    identity = person.find("Identification")
    benefits = person.findall("Prestations")
    rsa = [b for b in benefits if _text(b, "NATPREST") == RSA_BENEFIT] or benefits
    values = {
        "title": _text(identity, "QUAL"),
        "lastname": _text(identity, "NOM"),
        "birth_name": _text(identity, "NOMNAI"),
        "firstname": _text(identity, "PRENOM"),
        "birth_place": _text(identity, "NOMCOMNAI"),
        "birthdate": _date(identity, "DTNAI"),
        "nir": _text(identity, "NIR"),
        "sex": _text(identity, "SEXE"),
        "role": _text(rsa[0], "ROLEPERS") if rsa else None,
        "responsible": _flag(person, "DossierCAF/TOPRESPDOS"),
        "date_start": _date(person, "DossierCAF/DDRATDOS"),
        "date_end": _date(person, "DossierCAF/DFRATDOS"),
        "france_travail_id": _text(person, "DossierPoleEmploi/IDASSEDIC"),
        "rights_duties": _flag(person, "MontantCalculDroitRSAPersonne/TOPPERSDRODEVORSA"),
        "no_resources": _flag(person, "Ressources/GeneraliteRessourcesTrimestre/TOPRESSNUL"),
        "resources": _amount(person, "MontantCalculDroitRSAPersonne/MTPERSRESSMENRSA"),
        "activities": [
            {"code": _text(activity, "ACT"), "start": _date(activity, "DDACT"),
             "end": _date(activity, "DFACT")}
            for activity in person.iterfind("Activite")],
    }
    return values


def address_values(address):
    if address is None:
        return None
    france = address.find("AdresseDetailleeFrance")
    if france is None:
        return None
    street = " ".join(filter(None, (_text(france, "NUMVOIE"), _text(france, "LIBTYPEVOIE"),
                                    _text(france, "NOMVOIE"))))
    street2 = " ".join(filter(None, (_text(france, "COMPLIDEADR"), _text(france, "COMPLADR"),
                                     _text(france, "LIEUDIST"))))
    zip_code = _text(france, "CODEPOS")
    return {"street": street or None, "street2": street2 or None,
            "zip": zip_code.zfill(5) if zip_code else None, "city": _text(france, "NOMCOM")}


def fingerprint(values):
    """SHA-256 of what the flux says of a household."""
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()

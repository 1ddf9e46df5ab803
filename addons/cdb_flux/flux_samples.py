"""Synthetic files of the formats the module reads (no Odoo here): a
CAF/MSA flux VRSB0801 following the schema, of any size, written as a
stream (the benchmark writes 100,000 households), a France Travail
"principal" extract and a carnet export of the public Carnet de bord
service. Used by the tests, ``bench/caf_flux.py`` and the samples of
``data/``. Every person is made up: names from short lists, NIRs with a
valid format and key."""
import io
import json
import random

FIRST_NAMES = ("CAMILLE", "LUCAS", "EMMA", "HUGO", "LEA", "NATHAN", "CHLOE", "LOUIS",
               "MANON", "JULES", "INES", "ADAM", "SARAH", "ARTHUR", "JADE", "NOAH")
LAST_NAMES = ("MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT",
              "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL")
STREETS = ("RUE DES LILAS", "AVENUE DE LA GARE", "PLACE DU MARCHE", "CHEMIN DES VIGNES")
CITIES = (("62000", "62041", "ARRAS"), ("62300", "62498", "LENS"), ("62100", "62193", "CALAIS"))
HEADER = """<?xml version="1.0" encoding="{encoding}"?>
<Racine>
<IdentificationFlux><APPLIEME>CRI</APPLIEME><NUMVERSIONAPPLIEME>6200</NUMVERSIONAPPLIEME>\
<TYPEFLUX>{type}</TYPEFLUX><NATFLUX>D</NATFLUX><DTCREAFLUX>{created}</DTCREAFLUX>\
<HEUCREAFLUX>{time}</HEUCREAFLUX><DTREF>{reference}</DTREF></IdentificationFlux>
"""
FOOTER = """<TransmissionFlux><NBTOTDOSRSATRANSM>{count:08d}</NBTOTDOSRSATRANSM>\
<NBTOTDOSRSATRANSMANO>00000000</NBTOTDOSRSATRANSMANO></TransmissionFlux>
</Racine>
"""


def nir13(sex, birthdate, department, commune, order):
    """13 characters of a NIR of this made-up person."""
    return "%d%s%s%s%03d%03d" % (sex, birthdate[2:4], birthdate[5:7], department,
                                 commune % 1000, order % 1000)


def person(index, role, rights_duties=True, birthdate=None, nir=True, lastname=None,
           firstname=None, sex=None):
    """A person of a household, as ``household_xml`` takes it."""
    rng = random.Random(index)
    sex = sex or rng.choice((1, 2))
    birthdate = birthdate or "%04d-%02d-%02d" % (rng.randint(1960, 2000), rng.randint(1, 12),
                                                 rng.randint(1, 28))
    return {
        "lastname": lastname or "%s%d" % (rng.choice(LAST_NAMES), index),
        "firstname": firstname or rng.choice(FIRST_NAMES),
        "birthdate": birthdate, "sex": sex, "role": role,
        "nir": nir13(sex, birthdate, "62", index // 1000, index) if nir is True else nir,
        "rights_duties": rights_duties,
        "france_travail_id": "%07dX" % index if role == "DEM" else None,
    }


def household(index, persons=None, state="2", rights_duties=True, request_date="2024-03-01",
              organism="CAF", matricule=None, resources="350.00"):
    """A household of the flux; ``persons`` default to an applicant (and a
    spouse and a child for one household in three)."""
    if persons is None:
        persons = [person(index * 3, "DEM")]
        if index % 3 == 0:
            persons.append(person(index * 3 + 1, "CJT", rights_duties=False))
            persons.append(person(index * 3 + 2, "ENF", rights_duties=False,
                                  birthdate="2015-06-%02d" % (index % 28 + 1)))
    return {"index": index, "organism": organism,
            "matricule": matricule or "%07d00000000" % (1000000 + index),
            "request_date": request_date, "state": state, "rights_duties": rights_duties,
            "persons": persons, "resources": resources}


def _flag(value):
    return "1" if value else "0"


def person_xml(values):
    parts = ["<Personne><Identification><QUAL>%s</QUAL><NOM>%s</NOM><NOMNAI>%s</NOMNAI>"
             "<PRENOM>%s</PRENOM><NOMCOMNAI>ARRAS</NOMCOMNAI><DTNAI>%s</DTNAI>" % (
                 "MR" if values["sex"] == 1 else "MME", values["lastname"], values["lastname"],
                 values["firstname"], values["birthdate"])]
    if values["nir"]:
        parts.append("<NIR>%s</NIR><TOPVALIEC>1</TOPVALIEC>" % values["nir"])
    parts.append("<SEXE>%d</SEXE></Identification>" % values["sex"])
    parts.append("<DossierCAF><TOPRESPDOS>%s</TOPRESPDOS><DDRATDOS>2020-01-01</DDRATDOS>"
                 "</DossierCAF>" % _flag(values["role"] == "DEM"))
    for benefit in ("PFA", "RSA"):
        parts.append("<Prestations><NATPREST>%s</NATPREST><ROLEPERS>%s</ROLEPERS>"
                     "<TOPCHAPERS>0</TOPCHAPERS></Prestations>" % (benefit, values["role"]))
    if values.get("france_travail_id"):
        parts.append("<DossierPoleEmploi><IDASSEDIC>%s</IDASSEDIC></DossierPoleEmploi>"
                     % values["france_travail_id"])
    if values["rights_duties"] is not None:
        parts.append("<MontantCalculDroitRSAPersonne><TOPPERSDRODEVORSA>%s</TOPPERSDRODEVORSA>"
                     "</MontantCalculDroitRSAPersonne>" % _flag(values["rights_duties"]))
    parts.append("</Personne>")
    return "".join(parts)


def household_xml(values):
    zip_code, commune, city = CITIES[values["index"] % len(CITIES)]
    return "".join([
        "<InfosFoyerRSA><IdentificationRSA><Organisme><FONORG>%s</FONORG><NUMORG>621</NUMORG>"
        "<MATRICULE>%s</MATRICULE></Organisme><Partenaire><TYPEPARTE>CG</TYPEPARTE>"
        "<IDEPARTE>062</IDEPARTE></Partenaire><DemandeRSA><DTDEMRSA>%s</DTDEMRSA>"
        "<NUMDEMRSA>%011d</NUMDEMRSA></DemandeRSA></IdentificationRSA>" % (
            values["organism"], values["matricule"], values["request_date"], values["index"]),
        "".join(person_xml(p) for p in values["persons"]),
        "<DonneesAdministratives><SituationFamille><SITFAM>%s</SITFAM>"
        "<DDSITFAM>2020-01-01</DDSITFAM></SituationFamille><Adresse><TroncCommunAdresse>"
        "<RGADR>01</RGADR><PAYS>FRA</PAYS><TYPEADR>D</TYPEADR><ETATADR>CO</ETATADR>"
        "</TroncCommunAdresse><AdresseDetailleeFrance><COMPLIDEADR/><COMPLADR/>"
        "<NUMVOIE>%d</NUMVOIE><LIBTYPEVOIE/><NOMVOIE>%s</NOMVOIE><LIEUDIST/>"
        "<NUMCOM>%s</NUMCOM><CODEPOS>%s</CODEPOS><NOMCOM>%s</NOMCOM></AdresseDetailleeFrance>"
        "</Adresse></DonneesAdministratives>" % (
            "MAR" if len(values["persons"]) > 1 else "CEL", values["index"] % 90 + 1,
            STREETS[values["index"] % len(STREETS)], commune, zip_code, city),
        "<PrestationRSA><SituationDossierRSA><EtatDossierRSA><ETATDOSRSA>%s</ETATDOSRSA>"
        "</EtatDossierRSA></SituationDossierRSA><DetailDroitRSA><TroncCommunDroitRSA>"
        "<TOPSANSDOMFIXE>0</TOPSANSDOMFIXE><ORIDEMRSA>DEM</ORIDEMRSA>"
        "<TOPFOYDRODEVORSA>%s</TOPFOYDRODEVORSA></TroncCommunDroitRSA>"
        "<MontantsCalculDroitRSA><DDELECAL>%s</DDELECAL><MTREVMINIGARARSA>607.75"
        "</MTREVMINIGARARSA><MTREVGARARSA>607.75</MTREVGARARSA><MTRESSMENRSA>%s"
        "</MTRESSMENRSA><MTTOTDRORSA>257.75</MTTOTDRORSA></MontantsCalculDroitRSA>"
        "</DetailDroitRSA></PrestationRSA></InfosFoyerRSA>\n" % (
            values["state"], _flag(values["rights_duties"]), values["request_date"],
            values["resources"]),
    ])


def write_flux(output, households, created="2026-11-05", time="01:18:36", reference=None,
               encoding="windows-1252", flux_type="M"):
    """Write a flux of ``households`` (an iterable: a generator keeps the
    memory flat) to the binary stream ``output``; answers their count."""
    output.write(HEADER.format(encoding=encoding, type=flux_type, created=created, time=time,
                               reference=reference or created).encode(encoding))
    count = 0
    for values in households:
        output.write(household_xml(values).encode(encoding))
        count += 1
    output.write(FOOTER.format(count=count).encode(encoding))
    return count


def flux_bytes(households, **options):
    buffer = io.BytesIO()
    write_flux(buffer, households, **options)
    return buffer.getvalue()


FT_HEADER = (
    "identifiant_unique_de;civilite;nom;prenom;lieu_naissance;code_lieu_naissance;"
    "date_naissance;adresse_ligne2;adresse_ligne3;adresse_ligne4;adresse_ligne5;"
    "adresse_ligne6;departement;dr;rome_1;appelation_rome_1;rome_2;appelation_rome_2;"
    "mrech.axetravailprincipal;mrech.axetravailsecondaire;der_entretien_ppae;der_entretien;"
    "inscription;code_motif_inscription;motif_inscription;categorie_inscription;"
    "struct_principale;referent_civilite;referent_nom;referent_prenom;referent_mail;"
    "code_safir;modalite_accompagnement;struct_suivi;suivi_debut;suivi_fin_prev;"
    "dif_financiere;dif_admin_jur;dif_sante;dif_logement;dif_transport;dif_inser_com;"
    "dif_familiale;brsa")


def france_travail_line(uid, lastname, firstname, birthdate, referent_mail,
                        agency="ARRAS", rome=("K1304", "Aide à domicile")):
    """A line of the "principal" extract (``birthdate`` ISO)."""
    return ";".join([
        uid, "MME", lastname, firstname, "ARRAS", "62041", birthdate + " 00:00:00.0",
        "NULL", "NULL", "NULL", "NULL", "62000 ARRAS", "62", "032", rome[0], rome[1],
        "NULL", "NULL", "ELABORAT. PROJET PRO.", "NULL", "2026-09-01 00:00:00.0",
        "2026-10-12 00:00:00.0", "2026-03-02 00:00:00.0", "14",
        "FIN DE CDD OU DE CONTRAT AIDE", "1", agency, "Mme", "REFERENTE", "Alice",
        referent_mail, "62001", "GUIDE", agency, "2026-03-15 00:00:00.0",
        "2027-03-15 00:00:00.0", "O", "N", "NULL", "O", "NULL", "NULL", "NULL", "O"])


def france_travail_bytes(lines):
    return ("\n".join([FT_HEADER] + list(lines)) + "\n").encode("utf-8")


def carnet_export(lastname, firstname, birthdate, theme="logement", caf_number="7654321",
                  actions=("Demande de logement social",)):
    """One carnet of the public service's export (``export_notebook.json``)."""
    return {
        "beneficiary": {
            "address1": "3 rue des Lilas", "address2": None, "caf_number": caf_number,
            "city": "Arras", "created_at": "2022-03-30 09:02:50+00:00",
            "date_of_birth": birthdate, "email": None, "firstname": firstname,
            "lastname": lastname, "mobile_number": "0600000000", "pe_number": "1234567A",
            "place_of_birth": "Arras", "postal_code": "62000",
            "updated_at": "2023-02-07 17:01:27+00:00", "right_are": False,
            "right_ass": True, "right_bonus": False, "right_rsa": "rsa_droit_ouvert_versable",
        },
        "contract_end_date": None, "contract_sign_date": "2023-01-05",
        "contract_start_date": "2023-01-05", "contract_type": "cer",
        "created_at": "2021-09-21 11:51:37+00:00", "education_level": "NV4",
        "focuses": [{
            "created_at": "2021-09-21 13:15:54+00:00", "theme": theme,
            "updated_at": "2022-08-30 05:54:09+00:00",
            "targets": [{
                "target": "Accéder à un logement", "status": "in_progress",
                "created_at": "2021-09-21 13:17:53+00:00",
                "updated_at": "2022-08-30 05:54:09+00:00",
                "actions": [{"action": action, "status": "in_progress",
                             "created_at": "2022-01-05 13:55:43+00:00",
                             "updated_at": "2022-08-30 05:54:09+00:00"}
                            for action in actions],
            }],
        }],
        "members": [{"active": True, "member_type": "referent",
                     "created_at": "2021-09-21 11:51:37+00:00"}],
        "right_rqth": False, "updated_at": "2022-03-30 09:17:52+00:00",
        "professional_projects": [{"rome_code": {
            "code": "K1304", "description": "Aide à domicile",
            "label": "Aide à domicile (K1304)"}}],
        "work_situation": "recherche_emploi", "work_situation_date": "2021-09-22",
        "work_situation_end_date": None,
    }


def carnet_export_bytes(carnets):
    return json.dumps(carnets, ensure_ascii=False, indent=1).encode("utf-8")

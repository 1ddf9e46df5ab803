"""Benchmark of the imports of cdb_departement (issue 6): N beneficiaries
with their carnets through our import, against Odoo's own base_import of
the same people into res.partner (partners only: no carnet).

Run it in an Odoo shell of a dedicated database (template base3 +
cdb_departement), e.g.:

    source scripts/lib.sh
    psql_cmd -d postgres -c 'create database imports_bench template base3'
    bash scripts/odoo.sh -d imports_bench -i cdb_departement --stop-after-init
    N=100000 BASE_IMPORT_N=2000 bash scripts/odoo.sh shell -d imports_bench \\
        --http-port=8362 < bench/bench_import.py

N: lines of our import (default 10000); BASE_IMPORT_N: lines of
base_import (default 2000, 0 to skip: it is slow); BASE_IMPORT_PLAIN=1: base_import
without the column is_rsa_beneficiary (plain contacts: carnet_de_bord's duplicate
check of beneficiaries does not run). Our import runs as the
background job does (committing after each chunk of
cdb_departement.import_chunk_size lines): the database keeps the records,
each run uses new CAF numbers and names. Prints lines/s of each and the
ratio.
"""
import base64
import os
import random
import time

from odoo.addons.cdb_departement.tests.common import csv_bytes

FIRST_NAMES = ["Élodie", "Karim", "Sophie", "Julien", "Nadia", "Thomas", "Inès", "Lucas",
               "Chloé", "Mehdi", "Léa", "Hugo", "Manon", "Yanis", "Camille", "Théo"]
LAST_NAMES = ["Durand", "Lefebvre", "Martin", "Benali", "Dubois", "Haddad", "Petit", "Roux",
              "Fournier", "Girard", "Lambert", "Bonnet", "François", "Mercier", "Dupont"]
CITIES = [("62000", "Arras"), ("62300", "Lens"), ("62400", "Béthune"), ("62100", "Calais"),
          ("62200", "Boulogne-sur-Mer"), ("62500", "Saint-Omer")]
HEADER = ["Identifiant interne", "Numéro CAF/MSA", "Nom", "Prénom", "Date de naissance",
          "Lieu de naissance", "E-mail", "Téléphone portable", "Adresse", "Code postal", "Ville",
          "Situation familiale", "Ressources du foyer", "Activité professionnelle",
          "Niveau d'études", "Métiers recherchés (ROME)", "Structure", "E-mail du référent",
          "Orientation", "Date d'orientation"]
BASE_IMPORT_FIELDS = ["cdb_import_ref", "caf_number", "lastname", "firstname",
                      "birthdate_date", "birth_place", "email", "mobile", "street", "zip",
                      "city", "rsa_household_resources", "is_rsa_beneficiary"]


def people(count, run, rng, structure, referent):
    for index in range(count):
        zip_code, city = rng.choice(CITIES)
        yield {
            "ref": "B%d-%d" % (run, index), "caf": "%013d" % (run * 10 ** 7 + index),
            "lastname": "%s-%d-%d" % (rng.choice(LAST_NAMES), run, index),
            "firstname": rng.choice(FIRST_NAMES),
            "birthdate": "%02d/%02d/%d" % (rng.randint(1, 28), rng.randint(1, 12),
                                           rng.randint(1960, 2004)),
            "birth_place": rng.choice(CITIES)[1], "email": "b%d.%d@example.org" % (run, index),
            "mobile": "06 %02d %02d %02d %02d" % tuple(rng.randint(0, 99) for _ in range(4)),
            "street": "%d rue des Lilas" % rng.randint(1, 140), "zip": zip_code, "city": city,
            "resources": "%d,%02d" % (rng.randint(0, 600), rng.randint(0, 99)),
            "structure": structure, "referent": referent,
        }


def our_row(p, rng):
    return [p["ref"], p["caf"], p["lastname"], p["firstname"], p["birthdate"],
            p["birth_place"], p["email"], p["mobile"], p["street"], p["zip"], p["city"],
            rng.choice(["Célibataire", "Marié(e)", "Divorcé(e)"]), p["resources"], "non",
            rng.choice(["IV", "V", "NONE"]), rng.choice(["K1302", "K1304, N1103", "G1602"]),
            p["structure"], p["referent"],
            rng.choice(["Solidarité", "Professionnelle – France Travail"]), "02/09/2026"]


def base_import_row(p):
    day, month, year = p["birthdate"].split("/")
    return [p["ref"], p["caf"], p["lastname"], p["firstname"], "%s-%s-%s" % (year, month, day),
            p["birth_place"], p["email"], p["mobile"], p["street"], p["zip"], p["city"],
            p["resources"].replace(",", "."), "1"]


def load():
    return os.popen("uptime").read().strip()


def bench_ours(env, count, run):
    rng = random.Random(run)
    structure = env.ref("carnet_de_bord.demo_structure_departement").name
    referent = env.ref("carnet_de_bord.demo_user_referent_social").login
    rows = [our_row(p, rng) for p in people(count, run, rng, structure, referent)]
    job = env["cdb.import.job"].create({
        "import_type": "beneficiary", "filename": "bench.csv",
        "file": base64.b64encode(csv_bytes(HEADER, rows))})
    env.cr.commit()
    before = load()
    start = time.time()
    job._process(commit=True)
    elapsed = time.time() - start
    assert job.state == "done" and job.created_count == count, (job.state, job.error_message)
    notebooks = env["cdb.notebook"].search_count([("beneficiary_id.cdb_import_ref", "=like",
                                                   "B%d-%%" % run)])
    assert notebooks == count, notebooks
    return elapsed, before


def bench_base_import(env, count, run, plain):
    rng = random.Random(run)
    rows = [base_import_row(p) for p in people(count, run, rng, "", "")]
    fields_ = BASE_IMPORT_FIELDS[:-1] if plain else BASE_IMPORT_FIELDS
    rows = [row[:len(fields_)] for row in rows]
    wizard = env["base_import.import"].create({
        "res_model": "res.partner", "file_name": "bench.csv", "file_type": "text/csv",
        "file": csv_bytes(fields_, rows, encoding="utf-8")})
    options = {"headers": True, "separator": ";", "quoting": '"', "encoding": "utf-8",
               "date_format": "%Y-%m-%d", "float_decimal_separator": ".",
               "float_thousand_separator": ""}
    env.cr.commit()
    before = load()
    start = time.time()
    messages = wizard.do(fields_, options)
    env.cr.commit()
    elapsed = time.time() - start
    assert not messages, messages[:3]
    assert env["res.partner"].search_count([("cdb_import_ref", "=like", "B%d-%%" % run)]) == count
    return elapsed, before


def main(env):
    count = int(os.environ.get("N", "10000"))
    base_count = int(os.environ.get("BASE_IMPORT_N", "2000"))
    run = int(time.time()) % 100000
    print("cpu: %s cores; %s" % (os.cpu_count(), load()))
    elapsed, before = bench_ours(env, count, run)
    ours = count / elapsed
    print("ours:        %7d beneficiaries with carnets in %7.1f s = %7.0f lines/s"
          "  (load before: %s)" % (count, elapsed, ours, before.split("load average:")[-1].strip()))
    if base_count:
        plain = os.environ.get("BASE_IMPORT_PLAIN") == "1"
        elapsed, before = bench_base_import(env, base_count, run + 1, plain)
        theirs = base_count / elapsed
        print("base_import: %7d partners (no carnet)%s in %7.1f s = %7.0f lines/s"
              "  (load before: %s)" % (base_count, " plain" if plain else "      ", elapsed, theirs,
                                       before.split("load average:")[-1].strip()))
        print("ratio: %.1f x" % (ours / theirs))
    print("after: %s" % load())


main(env)  # noqa: F821 (the Odoo shell's environment)

"""Benchmark of the CAF/MSA flux import (issue "dites-le nous une fois" for
real): a synthetic flux of N households (one in three with a spouse and a
child: about 1.7 persons per household, made by
addons/cdb_flux/flux_samples.py, written as a stream), validated against
the schema and imported as the background job does (committing after each
chunk), then the same flux again (nothing to change), and, in the same run,
our beneficiaries import (cdb_departement) of BENEFICIARIES lines for the
rate to compare with. Measures the time of each, the peak memory of the
process (ru_maxrss) and the load average.

Run it in an Odoo shell of a dedicated database (a copy of a database with
the modules, e.g. the test database), e.g.:

    source scripts/lib.sh
    psql_cmd -d postgres -c 'create database flux_bench template cdb_test'
    N=100000 BENEFICIARIES=10000 bash scripts/odoo.sh shell -d flux_bench \\
        --http-port=8363 < bench/bench_caf_flux.py

The schema is the one of the settings / odoo.conf, else
../shared/formats/caf-msa/vrsb0801.xsd beside the repository.
"""
import base64
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.getcwd(), "addons", "cdb_flux"))
import flux_samples  # noqa: E402

from odoo.addons.cdb_departement.tests.common import beneficiary_row, csv_bytes  # noqa: E402

N = int(os.environ.get("N", "10000"))
BENEFICIARIES = int(os.environ.get("BENEFICIARIES", "2000"))
RUN = int(os.environ.get("RUN", "0"))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load():
    return os.popen("uptime").read().strip()


def run_job(env, values, validate_only=False):
    job = env["cdb.import.job"].create(values)
    env.cr.commit()
    start = time.time()
    job._process(validate_only=validate_only, commit=True)
    env.cr.commit()
    return job, time.time() - start


def main(env):
    env = env(user=env.ref("base.user_root").id, context={"lang": "fr_FR"})
    env["ir.config_parameter"].sudo().set_param("cdb_departement.import_chunk_size", "2000")
    print("load before:", load())
    with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as handle:
        start = time.time()
        count = flux_samples.write_flux(handle, (
            flux_samples.household(RUN * 200000 + index) for index in range(1, N + 1)))
        path = handle.name
    size = os.path.getsize(path) / 1024.0 / 1024.0
    print("flux: %d households, %.1f MB, written in %.1f s" % (count, size, time.time() - start))
    values = {"import_type": "caf_flux", "filename": os.path.basename(path)}
    try:
        job = env["cdb.import.job"].create(dict(values))
        job._workflow_write({"source": "folder", "source_path": path})
        env.cr.commit()
        start = time.time()
        job._process(validate_only=True, commit=True)
        env.cr.commit()
        validation = time.time() - start
        print("validation only: %.1f s (%s), peak %.0f MB" % (validation, job.state, peak_mb()))
        start = time.time()
        job._process(commit=True)
        env.cr.commit()
        first = time.time() - start
        print("validation + import: %.1f s, %s: %d created, %d rejected, %.0f households/s, "
              "peak %.0f MB, load %s" % (first, job.state, job.created_count,
                                         job.rejected_count, count / first, peak_mb(), load()))
        again = env["cdb.import.job"].create(dict(values))
        again._workflow_write({"source": "folder", "source_path": path})
        env.cr.commit()
        start = time.time()
        again._process(commit=True)
        env.cr.commit()
        second = time.time() - start
        print("same flux again: %.1f s (%.0f %% of the first), %d unchanged, peak %.0f MB, "
              "load %s" % (second, 100.0 * second / first, again.unchanged_count, peak_mb(),
                           load()))
    finally:
        os.unlink(path)
    if BENEFICIARIES:
        header = ["Nom", "Prénom", "Date de naissance", "Numéro CAF/MSA", "Code postal",
                  "Ville", "Ressources du foyer", "Activité professionnelle"]
        rows = [beneficiary_row(RUN * 10 ** 6 + 500000 + index, header, **{
            "Nom": "Flux%d-%07d" % (RUN, index),
            "Numéro CAF/MSA": "%013d" % (9 * 10 ** 12 + RUN * 10 ** 7 + index)})
            for index in range(BENEFICIARIES)]
        job, elapsed = run_job(env, {"import_type": "beneficiary", "filename": "b.csv",
                                     "file": base64.b64encode(csv_bytes(header, rows))})
        print("beneficiaries import: %d lines in %.1f s, %.0f lines/s (%s, %d created)" % (
            BENEFICIARIES, elapsed, BENEFICIARIES / elapsed, job.state, job.created_count))
    print("load after:", load())


main(env)  # noqa: F821 (the Odoo shell's env)

"""Benchmark of the XLSX export of the carnets (issue 6: "XLSX export of
100,000 carnets — target ≤ 30 s and ≤ 300 MB peak RSS").

Usage, from the repository root, on a database made by bench/generate.py
(100,000 beneficiaries) with cdb_departement installed:

    /usr/bin/time -v .local/venv/bin/python bench/bench_export.py -d DB \
        [--login bench.manager] [--kind notebooks] [--output /tmp/carnets.xlsx] [--check] \
        [--dashboard]

It loads Odoo as a library (bench/odoo_env.py), then renders the export as
``--login`` exactly as the web client's download does
(``ir.actions.report.render`` of report_xlsx with the wizard's empty
filters: every carnet the user may read), and prints the wall time of the
export, the resident memory before it and the peak resident memory of the
process (``ru_maxrss``: Odoo's own baseline included), and the CPU time of
the Odoo process during the export (on a shared machine the wall time also
measures the others). ``--check`` reads
the file back (xlrd) and prints its number of rows, after the measure.
"""
import argparse
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import odoo_env  # noqa: E402


def rss_mb():
    """The current resident memory of this process, in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def cpu_seconds():
    """User + system CPU time of this process (the machine is shared: the
    wall time depends on the other processes, this does not)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--login", default="bench.manager")
    parser.add_argument("--kind", default="notebooks",
                        help="caseload, notebooks, contracts, orientations, ede, actions, ep_cases")
    parser.add_argument("--output", help="write the XLSX file there")
    parser.add_argument("--check", action="store_true", help="read the file back")
    parser.add_argument("--dashboard", action="store_true",
                        help="also time the manager dashboard's numbers (after the export)")
    args = parser.parse_args()

    registry = odoo_env.load(args.database)
    with odoo_env.environment(registry) as env:
        user = env["res.users"].search([("login", "=", args.login)])
        if not user:
            sys.exit("No user %r in %s." % (args.login, args.database))
        env = env(user=user.id, context=dict(env.context, lang=user.lang or "fr_FR"))
        report = env.ref("cdb_departement.report_export_%s" % args.kind)
        visible = env[report.model].search_count([])
        before = rss_mb()
        start, start_cpu = time.time(), cpu_seconds()
        content, _file_type = report.render(None, {"filters": {}})
        elapsed, cpu = time.time() - start, cpu_seconds() - start_cpu
        peak = peak_rss_mb()
        if args.dashboard:
            start_dashboard = time.time()
            dashboard = env["cdb.dashboard"].create({})
            figures = dashboard.read()[0]
            dashboard_time = time.time() - start_dashboard
        env.cr.rollback()
    odoo_env.progress("export %s as %s: %d %s records visible" % (
        args.kind, args.login, visible, report.model))
    odoo_env.progress("wall time of the export: %.1f s (CPU of the Odoo process: %.1f s; "
                      "the SQL runs in PostgreSQL)" % (elapsed, cpu))
    odoo_env.progress("file: %.1f MB" % (len(content) / 1048576.0))
    odoo_env.progress("RSS before the export: %.0f MB; peak RSS of the process: %.0f MB" % (
        before, peak))
    if args.dashboard:
        odoo_env.progress("dashboard: %.1f s (%s)" % (dashboard_time, ", ".join(
            "%s %s" % (name, figures[name]) for name in sorted(figures)
            if name.endswith(("_count", "_rate")) or name.startswith("median"))))
    if args.output:
        with open(args.output, "wb") as output:
            output.write(content)
    if args.check:
        import xlrd
        workbook = xlrd.open_workbook(file_contents=content, on_demand=True)
        odoo_env.progress("rows read back (header excluded): %s" % ", ".join(
            "%s %d" % (name, workbook.sheet_by_name(name).nrows - 1)
            for name in workbook.sheet_names()))


if __name__ == "__main__":
    main()

"""Backup-and-restore drill (README, "Sauvegarde et restauration"):
scripts/backup.sh of the test database while its server runs, then
scripts/restore.sh of that backup into a new database, which must hold
the same carnets, the same attachments (same files, same checksums) and
the same PDFs, the printed carnet summary among them."""
import base64
import http.cookiejar
import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUMMARY_REPORT = "cer_contracts.report_cdb_notebook_summary"
QUERIES = {
    "carnets": "select id, beneficiary_id, referent_id, state, write_date "
               "from cdb_notebook order by id",
    "attachments": "select id, res_model, res_id, name, checksum, file_size, mimetype, "
                   "store_fname from ir_attachment where store_fname is not null order by id",
    "pdfs": "select id, checksum from ir_attachment "
            "where mimetype = 'application/pdf' order by id",
    "uuid": "select value from ir_config_parameter where key = 'database.uuid'",
}


def _lib(script, *args):
    """Run ``script`` (bash, after scripts/lib.sh and backup-lib.sh) with
    ``args`` as its positional parameters: values never go into the text."""
    command = 'source scripts/lib.sh >/dev/null && source scripts/backup-lib.sh && ' + script
    return subprocess.run(["bash", "-c", command, "lib"] + list(args), cwd=str(ROOT),
                          check=True, stdout=subprocess.PIPE).stdout.decode()


def _sql(db, query):
    return _lib('psql_cmd -d "$1" -v ON_ERROR_STOP=1 -tA -c "$2"', db, query)


def _drop(db):
    _lib('drop_db "$1" && rm -rf "$(filestore_of "$1")"', db)


def _print_summary(url, db, notebook_id):
    """The carnet summary as the browser downloads it (as admin)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = urllib.request.Request(url + "/web/session/authenticate", json.dumps({
        "jsonrpc": "2.0", "method": "call", "id": 1,
        "params": {"db": db, "login": "admin", "password": "admin"}}).encode(),
        headers={"Content-Type": "application/json"})
    assert json.loads(opener.open(login, timeout=60).read())["result"]["uid"]
    with opener.open("%s/report/pdf/%s/%d" % (url, SUMMARY_REPORT, notebook_id),
                     timeout=300) as response:
        return response.read()


@pytest.fixture
def restored_name(db_name):
    name = db_name + "_drill"
    _drop(name)  # a previous run stopped in the middle
    yield name
    _drop(name)


def test_backup_and_restore_drill(odoo_server, connect, db_name, restored_name, tmp_path):
    admin = connect("admin", "admin")
    notebook_id = admin.call("cdb.notebook", "search", [], limit=1, order="id")[0]
    pdf = _print_summary(odoo_server.url, db_name, notebook_id)
    assert pdf.startswith(b"%PDF")
    attachment_id = admin.call("ir.attachment", "create", {
        "name": "Carnet de bord (drill).pdf", "datas_fname": "drill.pdf",
        "datas": base64.b64encode(pdf).decode(), "res_model": "cdb.notebook",
        "res_id": notebook_id})
    admin.call("ir.attachment", "create", {
        "name": "Justificatif (drill).txt", "datas_fname": "drill.txt",
        "datas": base64.b64encode("Attestation de domicile\n".encode()).decode(),
        "res_model": "cdb.notebook", "res_id": notebook_id})

    backup = subprocess.run(["bash", "scripts/backup.sh", "-d", db_name, "-o", str(tmp_path)],
                            cwd=str(ROOT), check=True, stdout=subprocess.PIPE)
    folder = backup.stdout.decode().strip().splitlines()[-1]
    assert sorted(p.name for p in Path(folder).iterdir()) == [
        "SHA256SUMS", "db.dump", "filestore.tgz", "manifest.txt"]
    subprocess.run(["bash", "scripts/restore.sh", folder, "-d", restored_name, "--copy"],
                   cwd=str(ROOT), check=True)

    for name in ("carnets", "attachments", "pdfs"):
        original = _sql(db_name, QUERIES[name])
        assert original.strip(), name
        assert _sql(restored_name, QUERIES[name]) == original, name
    assert _sql(restored_name, QUERIES["uuid"]) != _sql(db_name, QUERIES["uuid"]), \
        "a restored copy gets its own database.uuid"
    rows = [line.split("|") for line in _sql(restored_name, QUERIES["attachments"]).splitlines()]
    store_fname = [row[-1] for row in rows if row[0] == str(attachment_id)][0]
    restored_file = Path(_lib('filestore_of "$1"', restored_name).strip()) / store_fname
    assert restored_file.read_bytes() == pdf, "the printed PDF comes back byte for byte"


def test_restore_refuses_an_existing_database(db_name, tmp_path):
    (tmp_path / "db.dump").write_bytes(b"")
    (tmp_path / "filestore.tgz").write_bytes(b"")
    result = subprocess.run(["bash", "scripts/restore.sh", str(tmp_path), "-d", db_name],
                            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert result.returncode != 0
    assert b"exists" in result.stderr

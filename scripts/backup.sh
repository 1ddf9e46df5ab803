#!/usr/bin/env bash
# Backs up a database and its filestore (attachments, stored PDF prints).
#
#   bash scripts/backup.sh [-d DB] [-o FOLDER]
#
# DB: the database (default CDB_DB_NAME, else carnet_de_bord); FOLDER: where
# the backup folder is made (default backups/ in the repository, git-ignored;
# in production a folder on another disk or machine).
# It writes FOLDER/DB-YYYYMMDD-HHMMSS/ with
#   db.dump         pg_dump in custom format (compressed; pg_restore reads it)
#   filestore.tgz   the database's filestore: data_dir/filestore/DB
#   manifest.txt    database, date, PostgreSQL version, counts
#   SHA256SUMS      checksums of the two files (restore.sh checks them)
# and prints the folder's path on its last line. The database is dumped
# first (one consistent snapshot, the server may keep running), then the
# filestore: its files are never changed once written, so every file the
# dump refers to is there (restore.sh checks it).
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/backup-lib.sh
source "$ROOT/scripts/backup-lib.sh"

DB="${CDB_DB_NAME:-carnet_de_bord}"
OUT="$ROOT/backups"
while [ $# -gt 0 ]; do
    case "$1" in
        -d) [ $# -ge 2 ] || die "-d needs a database name"; DB="$2"; shift 2 ;;
        -o) [ $# -ge 2 ] || die "-o needs a folder"; OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "Unknown argument: $1 (see bash scripts/backup.sh --help)" ;;
    esac
done
valid_db_name "$DB"
start_postgres
db_exists "$DB" || die "No database $DB."

umask 077  # a backup holds personal data: for its owner only
target="$OUT/$DB-$(date -u +%Y%m%d-%H%M%S)"
[ ! -e "$target" ] || die "$target already exists."
mkdir -p "$target"

log "Dumping the database $DB"
pg_client pg_dump --format=custom --no-owner --file="$target/db.dump" "$DB"

filestore="$(filestore_of "$DB")"
log "Archiving its filestore ($filestore)"
if [ -d "$filestore" ]; then
    tar -C "$filestore" -czf "$target/filestore.tgz" .
else
    tar -czf "$target/filestore.tgz" -T /dev/null  # no attachment yet
fi

{
    echo "database: $DB"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "postgresql: $(psql_cmd -d "$DB" -tAc 'show server_version')"
    echo "carnets: $(psql_cmd -d "$DB" -tAc 'select count(*) from cdb_notebook' 2>/dev/null || echo -)"
    echo "files: $(psql_cmd -d "$DB" -tAc 'select count(*) from ir_attachment where store_fname is not null')"
} > "$target/manifest.txt"
(cd "$target" && sha256sum db.dump filestore.tgz > SHA256SUMS)
log "Backup of $DB: $(du -sh "$target" | cut -f1)"
echo "$target"

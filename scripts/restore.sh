#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into a new database.
#
#   bash scripts/restore.sh BACKUP_FOLDER -d NEWDB [--copy]
#
# Checks the backup's checksums, creates NEWDB (it must not exist: drop a
# database by hand, never by mistake), restores the dump into it and its
# filestore into data_dir/filestore/NEWDB (which must not exist either),
# then checks that every file the database refers to is in the filestore
# with its checksum (exit 1 otherwise).
# --copy: the restored database is a copy living beside the original (a
# drill, a test copy): it gets a new database.uuid and database.secret, as
# Odoo's own "restore as a copy" does. Without it, it is the same database
# (restoring production after a loss).
# Serve it with: bash scripts/odoo.sh -d NEWDB --db-filter='^NEWDB$'
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/backup-lib.sh
source "$ROOT/scripts/backup-lib.sh"

BACKUP=""
DB=""
COPY=0
while [ $# -gt 0 ]; do
    case "$1" in
        -d) [ $# -ge 2 ] || die "-d needs a database name"; DB="$2"; shift 2 ;;
        --copy) COPY=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        -*) die "Unknown option: $1 (see bash scripts/restore.sh --help)" ;;
        *) [ -z "$BACKUP" ] || die "One backup folder only"; BACKUP="$1"; shift ;;
    esac
done
if [ -z "$BACKUP" ] || [ -z "$DB" ]; then
    die "Usage: bash scripts/restore.sh BACKUP_FOLDER -d NEWDB [--copy]"
fi
valid_db_name "$DB"
if [ ! -f "$BACKUP/db.dump" ] || [ ! -f "$BACKUP/filestore.tgz" ]; then
    die "$BACKUP is not a backup of scripts/backup.sh."
fi
start_postgres
db_exists "$DB" && die "The database $DB exists: restore into a new database."
filestore="$(filestore_of "$DB")"
[ ! -e "$filestore" ] || die "$filestore exists: remove it or restore under another name."

log "Checking the backup's checksums"
(cd "$BACKUP" && sha256sum --quiet -c SHA256SUMS) || die "The backup $BACKUP is damaged."

log "Creating $DB and restoring the dump"
psql_cmd -d postgres -v ON_ERROR_STOP=1 -v db="$DB" -q <<'SQL'
create database :"db" encoding 'UTF8' template template0;
SQL
pg_client pg_restore --no-owner --exit-on-error --jobs=2 --dbname="$DB" "$BACKUP/db.dump"

log "Restoring the filestore into $filestore"
mkdir -p "$filestore"
tar -C "$filestore" -xzf "$BACKUP/filestore.tgz"

if [ "$COPY" = 1 ]; then
    log "A copy: new database.uuid and database.secret"
    psql_cmd -d "$DB" -v ON_ERROR_STOP=1 -q \
        -v uuid="$(cat /proc/sys/kernel/random/uuid)" \
        -v secret="$(cat /proc/sys/kernel/random/uuid)" <<'SQL'
update ir_config_parameter set value = :'uuid' where key = 'database.uuid';
update ir_config_parameter set value = :'secret' where key = 'database.secret';
SQL
fi

log "Checking every stored file against its checksum"
sums="$(mktemp)"
trap 'rm -f "$sums"' EXIT
# "checksum  path" lines, as sha1sum -c reads them (Odoo's checksum is the SHA-1)
psql_cmd -d "$DB" -v ON_ERROR_STOP=1 -tA -F '  ' > "$sums" <<'SQL'
select distinct checksum, store_fname from ir_attachment
 where store_fname is not null and checksum is not null order by 2;
SQL
checked="$(wc -l < "$sums")"
if ! bad="$(cd "$filestore" && sha1sum --quiet -c "$sums" 2>/dev/null)"; then
    printf '%s\n' "$bad" | head -10 >&2
    die "$(printf '%s\n' "$bad" | grep -c 'FAILED' || true) of $checked files are missing or different in $filestore (the backup's filestore was incomplete); the database $DB is restored: inspect it, or drop it."
fi
log "Restored $DB: $(psql_cmd -d "$DB" -tAc 'select count(*) from cdb_notebook' 2>/dev/null || echo '?') carnets, $checked files checked"

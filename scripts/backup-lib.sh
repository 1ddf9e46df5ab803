# Shared by backup.sh and restore.sh: the PostgreSQL client programs on the
# product's server and the filestore's folder. Sourced after lib.sh.
# shellcheck shell=bash

pg_client() {  # pg_client PROGRAM ARGS...: pg_dump, pg_restore... on the product's server
    # The password of an external server goes in the environment (PGPASSWORD),
    # never on a command line (ps shows it to every user).
    local program="$PG_BIN/$1"; shift
    if use_external_db; then
        PGPASSWORD="${CDB_DB_PASSWORD:-}" "$program" -h "$CDB_DB_HOST" \
            -p "${CDB_DB_PORT:-5432}" -U "${CDB_DB_USER:-odoo}" "$@"
    else
        "$program" -h "$PGSOCK" -p "$PG_PORT" -U odoo "$@"
    fi
}

data_dir() {  # Odoo's data_dir (odoo.conf; relative paths are from the repository root)
    local dir
    dir="$(sed -n 's/^[[:space:]]*data_dir[[:space:]]*=[[:space:]]*//p' "$ROOT/odoo.conf" | tail -1)"
    [ -n "$dir" ] || die "No data_dir in odoo.conf."
    case "$dir" in
        /*) echo "$dir" ;;
        *) echo "$ROOT/$dir" ;;
    esac
}

filestore_of() { echo "$(data_dir)/filestore/$1"; }

valid_db_name() {  # the names Odoo itself accepts for a database
    [[ "$1" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "Invalid database name: $1"
}

# Shared set-up of the scripts (run.sh, test.sh, lint.sh, odoo.sh, stop.sh,
# reset.sh, i18n-check.sh). Sourced, not run.
# Idempotent: each step checks a stamp and does nothing when nothing changed.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
VENV="$LOCAL/venv"
TESTVENV="$LOCAL/testvenv"
LINTVENV="$LOCAL/lintvenv"
NODE_DIR="$LOCAL/node"
AXE_VERSION="4.10.2"
AXE_JS="$NODE_DIR/node_modules/axe-core/axe.min.js"
# The embedded cluster runs as the postgres account, which may not traverse
# the folders above a checkout (a clone in a private temporary folder, /root):
# as root it lives under /var/tmp, one cluster per checkout.
if [ -f "$LOCAL/pgdata/PG_VERSION" ]; then
    PGHOME="$LOCAL"  # a checkout that already has its cluster inside keeps it
elif [ "$(id -u)" = 0 ]; then
    PGHOME="${CDB_PG_HOME:-/var/tmp/carnet-de-bord-pg/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)}"
else
    PGHOME="${CDB_PG_HOME:-$LOCAL}"
fi
PGDATA="$PGHOME/pgdata"
PGSOCK="$PGHOME/pgsock"
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_pg_port() {  # the port recorded for this cluster, or the first free one from 5439
    if [ -n "${CDB_PG_PORT:-}" ]; then echo "$CDB_PG_PORT"; return; fi
    if [ -f "$PGHOME/port" ]; then cat "$PGHOME/port"; return; fi
    local port=5439
    while ! port_free "$port"; do port=$((port + 1)); done
    mkdir -p "$PGHOME"; echo "$port" > "$PGHOME/port"; echo "$port"
}
PG_PORT="$(pick_pg_port)"
PG_BIN="${CDB_PG_BIN:-/usr/lib/postgresql/15/bin}"
PY37="${CDB_PYTHON37:-}"
cd "$ROOT"
mkdir -p "$LOCAL"

log() { printf '\033[1m[cdb]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[cdb] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

stamp_ok() {  # stamp_ok NAME FILE... : true when FILEs did not change since last stamp_write
    local want; want="$(cat "${@:2}" | sha256sum | cut -d' ' -f1)"
    [ -f "$LOCAL/$1.stamp" ] && [ "$(cat "$LOCAL/$1.stamp")" = "$want" ]
}
stamp_write() { cat "${@:2}" | sha256sum | cut -d' ' -f1 > "$LOCAL/$1.stamp"; }

SYSTEM_PACKAGES=(postgresql libldap2-dev libsasl2-dev libpq-dev wkhtmltopdf chromium
                 fonts-dejavu-core poppler-utils nodejs npm git)

install_system_packages() {
    local missing=()
    for p in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    # node/npm may come from elsewhere than Debian's packages: keep them if present.
    if command -v node >/dev/null && command -v npm >/dev/null; then
        missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
    fi
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | grep -v '^$' || true)
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
}

find_python37() {
    [ -n "$PY37" ] && return 0
    local candidates=()
    command -v pyenv >/dev/null && candidates+=("$(pyenv root)/versions/3.7.16/bin/python")
    candidates+=("$HOME/.pyenv/versions/3.7.16/bin/python" /root/.pyenv/versions/3.7.16/bin/python
                 "$(command -v python3.7 || true)")
    for c in "${candidates[@]}"; do
        [ -n "$c" ] && [ -x "$c" ] && { PY37="$c"; return 0; }
    done
    die "Python 3.7 not found (Odoo 11 needs it): install it with pyenv or set CDB_PYTHON37."
}

install_venv() {
    find_python37
    if [ -x "$VENV/bin/python" ] && stamp_ok venv requirements.txt requirements-oca.txt; then
        return 0
    fi
    log "Creating the Python 3.7 virtualenv (.local/venv)"
    rm -rf "$VENV"
    "$PY37" -m venv "$VENV"
    local pip=(env PIP_EXTRA_INDEX_URL='' "$VENV/bin/pip" install -q --disable-pip-version-check)
    "${pip[@]}" 'setuptools<58' wheel
    "${pip[@]}" --no-build-isolation vatnumber==1.2
    "${pip[@]}" -r requirements.txt
    "${pip[@]}" --no-deps -r requirements-oca.txt
    stamp_write venv requirements.txt requirements-oca.txt
}

install_lessc() {
    # Odoo 11's web client compiles its LESS with lessc; Debian's node-less
    # does not run on recent Node (see ../shared/PLATFORM.md). axe-core is
    # the accessibility checker the browser suite injects in the portal's
    # pages (tests/test_portal_a11y.py).
    if [ -x "$NODE_DIR/node_modules/.bin/lessc" ] && [ -f "$AXE_JS" ] \
            && stamp_ok node scripts/lib.sh; then
        return 0
    fi
    log "Installing lessc 3.0.4 and axe-core $AXE_VERSION (.local/node)"
    mkdir -p "$NODE_DIR"
    (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund less@3.0.4 \
        less-plugin-clean-css@1.5.1 "axe-core@$AXE_VERSION" >/dev/null)
    stamp_write node scripts/lib.sh
}

install_lint_venv() {
    # The linters run on Odoo's Python (3.7): they parse the code as it runs.
    find_python37
    if [ -x "$LINTVENV/bin/python" ] && stamp_ok lintvenv requirements-lint.txt; then
        return 0
    fi
    log "Creating the lint virtualenv (.local/lintvenv)"
    rm -rf "$LINTVENV"
    "$PY37" -m venv "$LINTVENV"
    PIP_EXTRA_INDEX_URL='' "$LINTVENV/bin/pip" install -q --disable-pip-version-check \
        -r requirements-lint.txt
    stamp_write lintvenv requirements-lint.txt
}

install_test_venv() {
    if [ -x "$TESTVENV/bin/python" ] && stamp_ok testvenv requirements-test.txt; then
        return 0
    fi
    log "Creating the test virtualenv (.local/testvenv)"
    rm -rf "$TESTVENV"
    python3 -m venv "$TESTVENV"
    PIP_EXTRA_INDEX_URL='' "$TESTVENV/bin/pip" install -q --disable-pip-version-check -r requirements-test.txt
    stamp_write testvenv requirements-test.txt
}

# ------------------------------------------------------------------ PostgreSQL
use_external_db() { [ -n "${CDB_DB_HOST:-}" ]; }

db_args() {  # Odoo's --db_* arguments, one per line. No password on a command
    # line (ps shows it to every user): Odoo's libpq reads PGPASSWORD, which
    # odoo() exports from CDB_DB_PASSWORD.
    if use_external_db; then
        printf '%s\n' "--db_host=$CDB_DB_HOST" "--db_port=${CDB_DB_PORT:-5432}" \
            "--db_user=${CDB_DB_USER:-odoo}"
    else
        printf '%s\n' "--db_host=$PGSOCK" "--db_port=$PG_PORT" "--db_user=odoo"
    fi
}
mapfile -t DB_ARGS < <(db_args)

pg_as_owner() {  # initdb/pg_ctl refuse to run as root: use the postgres account.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
    use_external_db && return 0
    [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL binaries not found in $PG_BIN (set CDB_PG_BIN)."
    mkdir -p "$PGSOCK"
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$PGHOME" "$PGSOCK"
        [ -d "$PGDATA" ] && chown -R postgres "$PGDATA"
    fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        log "Creating the project-local PostgreSQL cluster ($PGDATA)"
        pg_as_owner "$PG_BIN/initdb" -D "$PGDATA" -U odoo --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        return 0
    fi
    log "Starting PostgreSQL on $PGSOCK port $PG_PORT"
    # jit=off: PostgreSQL's JIT compiles a query whose estimated cost is
    # high, and the record rules' EXISTS (cdb_base/exists_leaf.py) are costed
    # as if probed row by row: 200 ms of compiling for a 15 ms count of the
    # carnets (README, "Passer à l'échelle").
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
        -o "-k $PGSOCK -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off -c jit=off" start >/dev/null
}

stop_postgres() {
    use_external_db && return 0
    [ -f "$PGDATA/PG_VERSION" ] || return 0
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}

psql_cmd() {  # psql on the product's server; values go in as psql variables (-v)
    if use_external_db; then
        PGPASSWORD="${CDB_DB_PASSWORD:-}" psql -X -h "$CDB_DB_HOST" -p "${CDB_DB_PORT:-5432}" \
            -U "${CDB_DB_USER:-odoo}" "$@"
    else
        psql -X -h "$PGSOCK" -p "$PG_PORT" -U odoo "$@"
    fi
}

# psql interpolates :'name' (a literal) and :"name" (an identifier) in a script
# read from stdin, not in -c: the statements below are here-documents.
db_exists() {
    [ "$(psql_cmd -d postgres -v ON_ERROR_STOP=1 -v db="$1" -tA <<'SQL'
select count(*) from pg_database where datname = :'db';
SQL
)" = 1 ]
}
drop_db() {
    psql_cmd -d postgres -v ON_ERROR_STOP=1 -v db="$1" -q >/dev/null <<'SQL'
drop database if exists :"db";
SQL
}

# ------------------------------------------------------------------------ Odoo
# shellcheck disable=SC2034  # used by the scripts that source this file
OUR_MODULES="cdb_base,carnet_de_bord,rsa_orientation,cer_contracts,cdb_departement,cdb_flux,cdb_security_policy,rsa_parcours,rsa_engagement"
# shellcheck disable=SC2034  # used by the scripts that source this file
BASE_MODULES="base,mail,calendar,contacts,portal,partner_firstname,partner_contact_birthdate,report_xlsx,password_security,auth_session_timeout,auth_brute_force,auth_totp,auth_totp_password_security"

# Each Odoo started by odoo() records its process id in .local/odoo.*.pid
# while it runs: stop.sh and reset.sh stop exactly those processes.
odoo() {  # odoo [SUBCOMMAND] ARGS... : Odoo with the project's config and database
    local sub=() pidfile rc=0
    if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then sub=("$1"); shift; fi
    forget_stale_pidfiles
    pidfile="$(mktemp "$LOCAL/odoo.XXXXXX.pid")"
    # stopped with this script (Ctrl+C, a process group killed): forget the pid
    trap 'rm -f "$pidfile"; exit 130' INT
    trap 'rm -f "$pidfile"; exit 143' TERM
    # the subshell writes its pid, then becomes Odoo (exec keeps the pid,
    # stdin and the terminal's signals)
    (
        echo "$BASHPID" > "$pidfile"
        if use_external_db && [ -n "${CDB_DB_PASSWORD:-}" ]; then
            export PGPASSWORD="$CDB_DB_PASSWORD"
        fi
        export PATH="$NODE_DIR/node_modules/.bin:$PATH"
        exec "$VENV/bin/python" "$ROOT/bin/odoo" "${sub[@]}" -c "$ROOT/odoo.conf" \
            "${DB_ARGS[@]}" "$@"
    ) || rc=$?
    trap - INT TERM
    rm -f "$pidfile"
    return "$rc"
}

recorded_odoo_pid() {  # recorded_odoo_pid PIDFILE: its pid while it is still our Odoo
    local pid command
    pid="$(cat "$1" 2>/dev/null || true)"
    [ -n "$pid" ] || return 1
    command="$( (tr '\0' ' ' < "/proc/$pid/cmdline") 2>/dev/null || true)"
    # the process may have ended and its pid been reused: it must be our bin/odoo
    [[ "$command" == *"$ROOT/bin/odoo "* ]] || return 1
    echo "$pid"
}

forget_stale_pidfiles() {  # a script killed while Odoo ran leaves its pid file
    local pidfile
    for pidfile in "$LOCAL"/odoo.*.pid; do
        [ -s "$pidfile" ] || continue  # empty: an Odoo being started
        recorded_odoo_pid "$pidfile" >/dev/null || rm -f "$pidfile"
    done
}

stop_odoo_servers() {  # stop the Odoo processes recorded in .local/odoo.*.pid
    local pidfile pid stopped=0
    for pidfile in "$LOCAL"/odoo.*.pid; do
        [ -f "$pidfile" ] || continue
        if pid="$(recorded_odoo_pid "$pidfile")"; then
            kill -TERM "$pid" 2>/dev/null && stopped=$((stopped + 1))
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        fi
        rm -f "$pidfile"
    done
    [ "$stopped" = 0 ] || log "Odoo stopped ($stopped process(es))"
}

modules_hash() { find addons -type f -not -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1; }

setup_all() {
    install_system_packages
    install_venv
    install_lessc
    start_postgres
}

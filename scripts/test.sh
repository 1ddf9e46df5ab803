#!/usr/bin/env bash
# Runs every check: the linters (scripts/lint.sh), the Odoo tests of our
# modules (installed with demo data on a fresh database of the real
# PostgreSQL), then the top-level pytest suite that starts a real server and
# drives it over XML-RPC and Chromium.
#
#   bash scripts/test.sh [PYTEST ARGS...]      everything (what CI runs)
#   bash scripts/test.sh --module NAME [...]   quick loop: only the Odoo tests
#       of NAME (repeatable), on the existing test database (created once
#       with every module when missing); no lint, no pytest
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
DB="${CDB_TEST_DB:-cdb_test}"
ART="$ROOT/test-artifacts"
mkdir -p "$ART"

modules=()
pytest_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --module) [ $# -ge 2 ] || die "--module needs a module name"; modules+=("$2"); shift 2 ;;
        --module=*) modules+=("${1#--module=}"); shift ;;
        *) pytest_args+=("$1"); shift ;;
    esac
done

if [ ${#modules[@]} -eq 0 ]; then
    bash "$ROOT/scripts/lint.sh"
fi

setup_all
install_test_venv

free_http_port() {  # Odoo also listens while it runs the tests: not on 8069
    local port=8179
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

check_odoo_log() {  # check_odoo_log LOG RC
    local log_file="$1" rc="$2" ran failed errors
    ran=$(grep -oE 'Ran [0-9]+ tests?' "$log_file" | awk '{s+=$2} END {print s+0}')
    failed=$(grep -cE '(FAIL|ERROR): ' "$log_file" || true)
    errors=$(grep -cE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log_file" || true)
    grep -E '(FAIL|ERROR|CRITICAL)' "$log_file" | head -50 >&2 || true
    echo "odoo: $((ran - failed)) passed, $failed failed"
    if [ "$rc" != 0 ] || [ "$failed" != 0 ] || [ "$errors" != 0 ] || [ "$ran" = 0 ]; then
        die "Odoo tests failed (exit $rc, $failed failed, $errors error lines, $ran run)"
    fi
}

create_platform_db() {
    log "Fresh test database $DB with the platform modules"
    drop_db "$DB"
    rm -rf "$LOCAL/filestore/filestore/$DB"
    odoo -d "$DB" -i "$BASE_MODULES" --load-language=fr_FR --stop-after-init --log-level=warn \
        --http-port="$(free_http_port)"
}

if [ ${#modules[@]} -gt 0 ]; then
    joined="$(IFS=,; echo "${modules[*]}")"
    if ! db_exists "$DB"; then
        create_platform_db
        log "Installing our modules without their tests"
        odoo -d "$DB" -i "$OUR_MODULES" --stop-after-init --log-level=warn \
            --http-port="$(free_http_port)"
    fi
    # -i for the modules not installed yet (a new module), -u for the others
    installed="$(psql_cmd -d "$DB" -tAc "select name from ir_module_module where state = 'installed'")"
    to_install=(); to_update=()
    for module in "${modules[@]}"; do
        if grep -qx "$module" <<<"$installed"; then to_update+=("$module"); else to_install+=("$module"); fi
    done
    mode=()
    [ ${#to_install[@]} -gt 0 ] && mode+=(-i "$(IFS=,; echo "${to_install[*]}")")
    [ ${#to_update[@]} -gt 0 ] && mode+=(-u "$(IFS=,; echo "${to_update[*]}")")
    log "Testing $joined (log: test-artifacts/odoo-module-tests.log)"
    set +e
    odoo -d "$DB" "${mode[@]}" --test-enable --stop-after-init --log-level=test \
        --db-filter="^$DB\$" --http-port="$(free_http_port)" --test-report-directory="$ART" \
        > "$ART/odoo-module-tests.log" 2>&1
    rc=$?
    set -e
    check_odoo_log "$ART/odoo-module-tests.log" "$rc"
    exit 0
fi

create_platform_db
log "Installing our modules with their tests (log: test-artifacts/odoo-tests.log)"
set +e
odoo -d "$DB" -i "$OUR_MODULES" --test-enable --stop-after-init --log-level=test \
    --db-filter="^$DB\$" --http-port="$(free_http_port)" --test-report-directory="$ART" \
    > "$ART/odoo-tests.log" 2>&1
rc=$?
set -e
check_odoo_log "$ART/odoo-tests.log" "$rc"

log "Top-level tests: real server, XML-RPC and Chromium"
CDB_TEST_DB="$DB" CDB_ARTIFACTS="$ART" "$TESTVENV/bin/python" -m pytest -p no:cacheprovider \
    tests "${pytest_args[@]+"${pytest_args[@]}"}"

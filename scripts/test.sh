#!/usr/bin/env bash
# Runs every test: the Odoo tests of the three modules (installed with demo
# data on a fresh database of the real PostgreSQL), then the top-level pytest
# suite that starts a real server and drives it over XML-RPC and Chromium.
source "$(dirname "$0")/lib.sh"
DB="${CDB_TEST_DB:-cdb_test}"
ART="$ROOT/test-artifacts"
mkdir -p "$ART"

setup_all
install_test_venv

log "Fresh test database $DB with the platform modules"
drop_db "$DB"
rm -rf "$LOCAL/filestore/filestore/$DB"
odoo -d "$DB" -i "$BASE_MODULES" --load-language=fr_FR --stop-after-init --log-level=warn \
    --http-port=8179

log "Installing our modules with their tests (log: test-artifacts/odoo-tests.log)"
set +e
# Odoo also listens while it runs the tests: on a free port, not 8069.
http_port=8179
while ! port_free "$http_port"; do http_port=$((http_port + 1)); done
odoo -d "$DB" -i "$OUR_MODULES" --test-enable --stop-after-init --log-level=test \
    --http-port="$http_port" --test-report-directory="$ART" > "$ART/odoo-tests.log" 2>&1
rc=$?
set -e
ran=$(grep -oE 'Ran [0-9]+ tests?' "$ART/odoo-tests.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -cE '(FAIL|ERROR): ' "$ART/odoo-tests.log" || true)
errors=$(grep -cE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$ART/odoo-tests.log" || true)
grep -E '(FAIL|ERROR|CRITICAL)' "$ART/odoo-tests.log" | head -50 >&2 || true
echo "odoo: $((ran - failed)) passed, $failed failed"
if [ "$rc" != 0 ] || [ "$failed" != 0 ] || [ "$errors" != 0 ] || [ "$ran" = 0 ]; then
    die "Odoo tests failed (exit $rc, $failed failed, $errors error lines, $ran run)"
fi

log "Top-level tests: real server, XML-RPC and Chromium"
CDB_TEST_DB="$DB" CDB_ARTIFACTS="$ART" "$TESTVENV/bin/python" -m pytest -p no:cacheprovider tests "$@"

#!/usr/bin/env bash
# Runs the product: installs what is missing, starts the project-local
# PostgreSQL, creates (or updates) the database with the three modules, French
# and demo data, then serves Odoo on http://localhost:8069.
# Extra arguments go to Odoo, e.g. `bash scripts/run.sh --workers 2`.
source "$(dirname "$0")/lib.sh"
DB="${CDB_DB_NAME:-carnet_de_bord}"

setup_all

if ! db_exists "$DB"; then
    log "Creating the database $DB (modules, French, demo data): about 2 minutes"
    odoo -d "$DB" -i "$BASE_MODULES,$OUR_MODULES" --load-language=fr_FR \
        --stop-after-init --log-level=warn
    modules_hash > "$LOCAL/db-$DB.stamp"
elif [ "$(modules_hash)" != "$(cat "$LOCAL/db-$DB.stamp" 2>/dev/null)" ]; then
    log "Our modules changed: updating them in $DB"
    odoo -d "$DB" -u "$OUR_MODULES" --stop-after-init --log-level=warn
    modules_hash > "$LOCAL/db-$DB.stamp"
fi

cat >&2 <<INFO

  Carnet de bord RSA is starting on http://localhost:8069 (database $DB)
  Demo logins (password = login):
    admin            functional administrator (password admin)
    referent.social  référente solidarité, Service social départemental
    referent.pro     référent professionnel, France Travail
    accompagnateur   accompagnatrice, association Solidarités Actives
    admin.structure  administratrice de structure, association Solidarités Actives
    correspondant    correspondante du Département
    manager          responsable départemental
  Stop with Ctrl+C; see README.md to stop PostgreSQL or reset.

INFO
exec env PATH="$NODE_DIR/node_modules/.bin:$PATH" "$VENV/bin/python" "$ROOT/bin/odoo" \
    -c "$ROOT/odoo.conf" $(db_args) -d "$DB" --db-filter="^$DB\$" "$@"

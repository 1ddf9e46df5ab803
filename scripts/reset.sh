#!/usr/bin/env bash
# Stops the Odoo servers started from this folder (.local/odoo.*.pid), drops
# the product database and its files; the next scripts/run.sh recreates it.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
DB="${CDB_DB_NAME:-carnet_de_bord}"
stop_odoo_servers
start_postgres
drop_db "$DB"
rm -rf "$LOCAL/filestore/filestore/$DB" "$LOCAL/db-$DB.stamp"
log "Database $DB dropped"

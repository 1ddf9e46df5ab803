#!/usr/bin/env bash
# Drops the product database and its files; the next scripts/run.sh recreates it.
source "$(dirname "$0")/lib.sh"
DB="${CDB_DB_NAME:-carnet_de_bord}"
pkill -f "$ROOT/bin/odoo" 2>/dev/null || true
start_postgres
drop_db "$DB"
rm -rf "$LOCAL/filestore/filestore/$DB" "$LOCAL/db-$DB.stamp"
log "Database $DB dropped"

#!/usr/bin/env bash
# Stops the Odoo servers started from this folder and the project-local PostgreSQL.
source "$(dirname "$0")/lib.sh"
pkill -f "$ROOT/bin/odoo" 2>/dev/null && log "Odoo stopped" || true
stop_postgres
log "PostgreSQL stopped"

#!/usr/bin/env bash
# Stops the Odoo servers started from this folder (the processes recorded in
# .local/odoo.*.pid by the scripts), then the project-local PostgreSQL.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
stop_odoo_servers
stop_postgres
use_external_db || log "PostgreSQL stopped"

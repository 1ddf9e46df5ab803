#!/usr/bin/env bash
# Odoo with the project's config and environment, e.g.:
#   bash scripts/odoo.sh shell -d carnet_de_bord
#   bash scripts/odoo.sh -d carnet_de_bord -u carnet_de_bord --stop-after-init
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
start_postgres
odoo "$@"

#!/usr/bin/env bash
# Runs the product: installs what is missing, starts the project-local
# PostgreSQL, creates (or updates) the database with our modules (OUR_MODULES
# in lib.sh), French and demo data, then serves Odoo on http://localhost:8069.
# Extra arguments go to Odoo, e.g. `bash scripts/run.sh --workers 2`.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
DB="${CDB_DB_NAME:-carnet_de_bord}"

setup_all

if ! db_exists "$DB"; then
    log "Creating the database $DB (modules, French, demo data): about 2 minutes"
    odoo -d "$DB" -i "$BASE_MODULES,$OUR_MODULES" --load-language=fr_FR \
        --stop-after-init --log-level=warn
    modules_hash > "$LOCAL/db-$DB.stamp"
elif [ "$(modules_hash)" != "$(cat "$LOCAL/db-$DB.stamp" 2>/dev/null)" ]; then
    # A module added since the database was created is installed, the others updated.
    new_modules="$(psql_cmd -d "$DB" -v ON_ERROR_STOP=1 -v modules="$OUR_MODULES" -tA <<'SQL'
select string_agg(m, ',') from unnest(string_to_array(:'modules', ',')) m
 where m not in (select name from ir_module_module where state = 'installed');
SQL
)"
    if [ -n "$new_modules" ]; then
        log "New modules: installing $new_modules in $DB"
        odoo -d "$DB" -i "$new_modules" --stop-after-init --log-level=warn
    fi
    log "Our modules changed: updating them in $DB"
    odoo -d "$DB" -u "$OUR_MODULES" --i18n-overwrite --stop-after-init --log-level=warn
    modules_hash > "$LOCAL/db-$DB.stamp"
fi

PORT=8069
for arg in "$@"; do case "$arg" in --http-port=*) PORT="${arg#--http-port=}";; esac; done
cat >&2 <<INFO

  Carnet de bord RSA is starting on http://localhost:$PORT (database $DB)
  Demo logins (password = login):
    admin             functional administrator (password admin)
    referent.social   Claire Dubois, référente solidarité, Maison du Département Solidarité
    referent.social2  Karim Benali, référent solidarité, Maison du Département Solidarité
    referent.pro      Julien Lefebvre, référent professionnel, France Travail
    accompagnateur    Sophie Martin, accompagnatrice, association Solidarités Actives
    admin.structure   Nadia Haddad, administratrice de structure, association Solidarités Actives
    correspondant     Thomas Caron, correspondant du Département (Arrageois, Lens-Liévin)
    manager           Isabelle Lemaire, responsable départementale
    membre.ep         Bruno Vandamme, membre de l'équipe pluridisciplinaire
  Stop with Ctrl+C; see README.md to stop PostgreSQL or reset.

INFO
odoo -d "$DB" --db-filter="^$DB\$" "$@"

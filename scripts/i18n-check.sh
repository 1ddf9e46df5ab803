#!/usr/bin/env bash
# List the strings of our modules that a French user would still see in English.
#
# Usage: bash scripts/i18n-check.sh [-u] [-d DB] [MODULE...]
#   -d DB    database to check (default: carnet_de_bord, the one of odoo.conf);
#            the modules must be installed in it and French (fr_FR) loaded.
#   -u       first update the modules in DB with --i18n-overwrite, so that the
#            database holds the current code and the current i18n/fr.po files
#            (without it the check reflects the last update of DB).
#   MODULE   modules to check (default: carnet_de_bord rsa_orientation cer_contracts).
# Typical use after a code change:  bash scripts/i18n-check.sh -u -d <your db>
#
# For each module it takes the module's current strings as Odoo's export sees
# them (the code terms of the files on disk, the model terms of the records in
# DB: menus, views, fields, selections, actions, groups...), and lists each
# string that has
#   - no msgstr in addons/<module>/i18n/fr.po            ("not in fr.po"), or
#   - no French value in DB for that very record/field   ("not in DB", i.e. fr.po
#     not loaded, or the reference of the entry is wrong), or
#   - a translation that changes the %s / %(name)s placeholders of a Python
#     message.
# It also checks two kinds of strings the export does not list, which fr.po
# translates by reference: the module's name and summary (Apps: records of base)
# and the fields that mail/portal add to the module's own models (Followers,
# Activities...: records of mail/portal).
# Why not just `--i18n-export -l fr_FR` and look for empty msgstr: Odoo 11
# fills an untranslated msgstr with the English source, so it is never empty.
# Exit status: 0 when everything is translated, 1 otherwise, 2 on error.
#
# To add missing strings: export a template (no -l), e.g.
#   bash scripts/odoo.sh -d DB --i18n-export=/tmp/MODULE.po --modules=MODULE --stop-after-init
# copy it to addons/MODULE/i18n/MODULE.pot, merge it into fr.po
#   msgmerge -U --no-fuzzy-matching --no-wrap addons/MODULE/i18n/fr.po addons/MODULE/i18n/MODULE.pot
# write the new msgstr, then rerun this check with -u.
source "$(dirname "$0")/lib.sh"

DB=carnet_de_bord
UPDATE=0
while getopts "ud:h" opt; do
    case "$opt" in
        u) UPDATE=1 ;;
        d) DB="$OPTARG" ;;
        h) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
MODULES=("$@")
[ ${#MODULES[@]} -gt 0 ] || MODULES=(${OUR_MODULES//,/ })
MODULE_LIST="$(IFS=,; echo "${MODULES[*]}")"

start_postgres
db_exists "$DB" || { echo "i18n-check: database $DB does not exist" >&2; exit 2; }

TMP="$(mktemp -d /tmp/i18n-check.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

if [ "$UPDATE" = 1 ]; then
    log "Updating $MODULE_LIST in $DB (--i18n-overwrite)"
    if ! odoo -d "$DB" -u "$MODULE_LIST" --i18n-overwrite --stop-after-init \
            >"$TMP/update.log" 2>&1 || grep -qE " (ERROR|CRITICAL) " "$TMP/update.log"; then
        grep -E " (ERROR|CRITICAL) |Error" "$TMP/update.log" | head -20 >&2 || tail -20 "$TMP/update.log" >&2
        echo "i18n-check: the update of $DB failed (log above)" >&2
        exit 2
    fi
fi

# `odoo shell` reads the script from stdin and rolls back: nothing is written.
I18N_MODULES="$MODULE_LIST" I18N_OURS="$OUR_MODULES" I18N_ROOT="$ROOT" \
PATH="$NODE_DIR/node_modules/.bin:$PATH" "$VENV/bin/python" "$ROOT/bin/odoo" shell \
    -c "$ROOT/odoo.conf" $(db_args) -d "$DB" --log-level=warn >"$TMP/check.out" 2>"$TMP/check.log" <<'PY' || true
import ast
import os
import re

from odoo.tools.translate import trans_generate

LANG = "fr_FR"
OURS = os.environ["I18N_OURS"].split(",")
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")
ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def read_po(path):
    """{msgid: msgstr} of a .po file (Odoo's layout: no msgctxt, no plurals)."""
    def unquote(s):
        s = s.strip()
        return re.sub(r'\\(.)', lambda m: ESC.get(m.group(1), m.group(1)), s[1:-1])
    result, data, field = {}, {}, None
    if not os.path.exists(path):
        return result
    for line in open(path, encoding="utf-8").read().splitlines() + [""]:
        if not line.strip():
            if data.get("msgid"):
                result[data["msgid"]] = data.get("msgstr", "")
            data, field = {}, None
        elif line.startswith(("msgid ", "msgstr ")):
            field, _, rest = line.partition(" ")
            data[field] = unquote(rest)
        elif line.startswith('"') and field:
            data[field] += unquote(line)
    return result


def translated_in_db(type_, name, res_id, src):
    query = ("SELECT 1 FROM ir_translation WHERE lang = %s AND src = %s "
             "AND md5(src) = md5(%s) AND coalesce(value, '') <> '' AND type = %s")
    params = [LANG, src, src, type_]
    if type_ == "model":
        record = env.ref(res_id, raise_if_not_found=False)
        if not record:
            return False
        query += " AND name = %s AND res_id = %s"
        params += [name, record.id]
    elif type_ != "code":  # code terms are looked up by their source only
        query += " AND name = %s"
        params += [name]
    env.cr.execute(query + " LIMIT 1", params)
    return bool(env.cr.fetchone())


problems = 0
for module in os.environ["I18N_MODULES"].split(","):
    po = read_po(os.path.join(os.environ["I18N_ROOT"], "addons", module, "i18n", "fr.po"))
    terms = {}
    for _module, type_, name, res_id, src, _trans, _comments in trans_generate(None, [module], env.cr):
        if src.strip():
            terms.setdefault(src, []).append((type_, name, res_id))
    bad = 0
    for src in sorted(terms):
        reasons = []
        if not po.get(src, "").strip():
            reasons.append("not in fr.po")
        elif any(t == "code" for t, _n, _r in terms[src]) and \
                PLACEHOLDER.findall(src) != PLACEHOLDER.findall(po[src]):
            reasons.append("placeholders differ in fr.po: %r" % po[src])
        missing = ["%s:%s:%s" % ref for ref in terms[src] if not translated_in_db(ref[0], ref[1], ref[2], src)]
        if missing:
            reasons.append("not in DB for %s" % ", ".join(missing)[:400])
        if reasons:
            bad += 1
            print("%s: %r: %s" % (module, src, "; ".join(reasons)))
    # Fields that mail/portal add to the models this module creates (followers,
    # messages, activities...): their records belong to mail/portal, so the
    # export does not list them; fr.po translates them by reference.
    env.cr.execute("""
        SELECT f.id, f.model, f.name, f.field_description, f.help, array_agg(d.module || '.' || d.name)
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE f.model_id IN (
               SELECT m.res_id FROM ir_model_data m
                WHERE m.model = 'ir.model' AND m.module = %s
                  AND m.id = (SELECT min(m2.id) FROM ir_model_data m2
                               WHERE m2.model = 'ir.model' AND m2.res_id = m.res_id))
         GROUP BY f.id""", [module])
    for fid, model, fname, desc, help_, xmlids in env.cr.fetchall():
        if any(x.split(".")[0] in OURS for x in xmlids):
            continue  # listed by the export above
        for attr, src in (("field_description", desc), ("help", help_)):
            if src and not translated_in_db("model", "ir.model.fields," + attr, sorted(xmlids)[0], src):
                bad += 1
                print("%s: %r: %s of %s.%s not translated (add '#: model:ir.model.fields,%s:%s' to fr.po)"
                      % (module, src, attr, model, fname, attr, sorted(xmlids)[0]))
    # Name and summary shown in Apps: base's records, translated by reference.
    env.cr.execute("SELECT shortdesc, summary FROM ir_module_module WHERE name = %s", [module])
    for field, src in zip(("shortdesc", "summary"), env.cr.fetchone() or ()):
        if src and not translated_in_db("model", "ir.module.module," + field,
                                        "base.module_" + module, src):
            bad += 1
            print("%s: %r: module %s not translated (add "
                  "'#: model:ir.module.module,%s:base.module_%s' to fr.po)"
                  % (module, src, field, field, module))
    print("SUMMARY %s: %d strings, %d untranslated" % (module, len(terms), bad))
    problems += bad
print("I18N-CHECK-STATUS=%d" % (1 if problems else 0))
PY

if ! grep -q '^I18N-CHECK-STATUS=' "$TMP/check.out"; then
    tail -30 "$TMP/check.log" >&2
    echo "i18n-check: the check could not run on $DB (log above)" >&2
    exit 2
fi
grep -v -E '^(I18N-CHECK-STATUS=|SUMMARY )' "$TMP/check.out" || true
sed -n 's/^SUMMARY //p' "$TMP/check.out" >&2
if grep -q '^I18N-CHECK-STATUS=0' "$TMP/check.out"; then
    echo "i18n-check: every string of ${MODULES[*]} has a French translation" >&2
    exit 0
fi
exit 1

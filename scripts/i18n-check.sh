#!/usr/bin/env bash
# List the strings of our modules that a French user would still see in English.
#
# Usage: bash scripts/i18n-check.sh [-u] [-w] [-d DB] [MODULE...]
#   -d DB    database to check (default: carnet_de_bord, the one of odoo.conf);
#            the modules must be installed in it and French (fr_FR) loaded.
#   -u       first update the modules in DB with --i18n-overwrite, so that the
#            database holds the current code and the current i18n/fr.po files
#            (without it the check reflects the last update of DB).
#   -w       (re)write addons/<module>/i18n/<module>.pot from the current strings
#            and merge them into addons/<module>/i18n/fr.po: existing msgstr are
#            kept, new strings get an empty msgstr (listed below: translate them,
#            then run again with -u), strings gone from the code are dropped.
#   MODULE   modules to check (default: the modules of OUR_MODULES in scripts/lib.sh).
# After a code change:  bash scripts/i18n-check.sh -u -w -d <your db>
#   then write the missing msgstr in fr.po and:  bash scripts/i18n-check.sh -u -d <your db>
#
# For each module it takes the module's current strings as Odoo's export sees
# them (the code terms of the files on disk, the model terms of the records in
# DB: menus, views, fields, selections, actions, groups...) and lists each one
# that has
#   - no msgstr in addons/<module>/i18n/fr.po            ("not in fr.po"), or
#   - no French value in DB for that very record/field   ("not in DB": fr.po not
#     loaded yet, or the reference of the entry does not match this database), or
#   - a translation that changes the %s / %d / %(name)s placeholders of a
#     Python or JavaScript message.
# It also checks two kinds of strings the export does not list, which fr.po
# translates by reference: the module's name and summary (Apps: records of base)
# and the fields that mail/portal add to the module's own models (Followers,
# Activities...: records of mail/portal). -w writes those references.
# Why not `--i18n-export -l fr_FR` and look for empty msgstr: Odoo 11 fills an
# untranslated msgstr with the English source, so it is never empty.
# Exit status: 0 when everything is translated, 1 otherwise, 2 on error.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

DB=carnet_de_bord
UPDATE=0
WRITE=0
while getopts "uwd:h" opt; do
    case "$opt" in
        u) UPDATE=1 ;;
        w) WRITE=1 ;;
        d) DB="$OPTARG" ;;
        h) sed -n '2,/^source /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
MODULES=("$@")
[ ${#MODULES[@]} -gt 0 ] || IFS=, read -ra MODULES <<<"$OUR_MODULES"
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

# `odoo shell` reads the script from stdin; its transaction is rolled back: the
# database is not changed (with -w, only the .pot/fr.po files are written).
I18N_MODULES="$MODULE_LIST" I18N_OURS="$OUR_MODULES" I18N_ROOT="$ROOT" I18N_WRITE="$WRITE" \
    odoo shell -d "$DB" --log-level=warn >"$TMP/check.out" 2>"$TMP/check.log" <<'PY' || true
import datetime
import io
import os
import re

from odoo.tools.translate import trans_export, trans_generate

LANG = "fr_FR"
OURS = os.environ["I18N_OURS"].split(",")
ROOT = os.environ["I18N_ROOT"]
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")
ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unquote(s):
    s = s.strip()
    return re.sub(r'\\(.)', lambda m: ESC.get(m.group(1), m.group(1)), s[1:-1])


def quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return '"%s"' % s.replace("\n", '\\n"\n"')


def parse_po(text):
    """[(comment lines, msgid, msgstr)] of a .po text (Odoo's layout: no
    msgctxt, no plurals), header excluded."""
    entries, comments, data, field = [], [], {}, None
    for line in text.splitlines() + [""]:
        if not line.strip():
            if data.get("msgid"):
                entries.append((comments, data["msgid"], data.get("msgstr", "")))
            comments, data, field = [], {}, None
        elif line.startswith("#"):
            comments.append(line)
        elif line.startswith(("msgid ", "msgstr ")):
            field, _, rest = line.partition(" ")
            data[field] = unquote(rest)
        elif line.startswith('"') and field:
            data[field] += unquote(line)
    return entries


def read_po(path):
    return parse_po(open(path, encoding="utf-8").read()) if os.path.exists(path) else []


def owned_model_ids(module):
    """The models this module creates (first xmlid of the ir.model record)."""
    env.cr.execute("""
        SELECT m.res_id FROM ir_model_data m
         WHERE m.model = 'ir.model' AND m.module = %s
           AND m.id = (SELECT min(m2.id) FROM ir_model_data m2
                        WHERE m2.model = 'ir.model' AND m2.res_id = m.res_id)""", [module])
    return [r[0] for r in env.cr.fetchall()]


def by_reference(module):
    """[(reference, source)] translated in fr.po by reference: the module's name
    and summary, and the fields that other modules (mail, portal) add to the
    models this module creates."""
    refs = []
    env.cr.execute("SELECT shortdesc, summary FROM ir_module_module WHERE name = %s", [module])
    for field, src in zip(("shortdesc", "summary"), env.cr.fetchone() or ()):
        if src:
            refs.append(("model:ir.module.module,%s:base.module_%s" % (field, module), src))
    env.cr.execute("""
        SELECT f.field_description, f.help, array_agg(d.module || '.' || d.name)
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE f.model_id = ANY(%s)
         GROUP BY f.id ORDER BY f.model, f.name""", [owned_model_ids(module)])
    for desc, help_, xmlids in env.cr.fetchall():
        if any(x.split(".")[0] in OURS for x in xmlids):
            continue  # listed by the export
        xmlid = sorted(xmlids)[0]
        refs.append(("model:ir.model.fields,field_description:" + xmlid, desc))
        if help_:
            refs.append(("model:ir.model.fields,help:" + xmlid, help_))
    return refs


def write_files(module):
    """<module>.pot = Odoo's template; fr.po = the template with the msgstr of
    the current fr.po, plus the entries translated by reference."""
    i18n = os.path.join(ROOT, "addons", module, "i18n")
    os.makedirs(i18n, exist_ok=True)
    buf = io.BytesIO()
    trans_export(None, [module], buf, "po", env.cr)
    pot = buf.getvalue().decode("utf-8")
    with open(os.path.join(i18n, module + ".pot"), "w", encoding="utf-8") as f:
        f.write(pot)
    old = {msgid: msgstr for _c, msgid, msgstr in read_po(os.path.join(i18n, "fr.po")) if msgstr}
    entries = parse_po(pot)
    for ref, src in by_reference(module):
        for comments, msgid, _s in entries:
            if msgid == src:
                comments.append("#: " + ref)
                break
        else:
            entries.append((["#. module: " + module, "#: " + ref], src, ""))
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M+0000")
    chunks = [
        "# French translation of the %s module.\n"
        "# This file contains the translation of the following modules:\n"
        "#\t* %s\n#\n"
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: Odoo Server 11.0\\n"\n"Report-Msgid-Bugs-To: \\n"\n'
        '"POT-Creation-Date: %s\\n"\n"PO-Revision-Date: %s\\n"\n'
        '"Last-Translator: Carnet de bord RSA contributors\\n"\n"Language-Team: French\\n"\n'
        '"Language: fr\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n' % (module, module, now, now)]
    for comments, msgid, _s in entries:
        chunks.append("%s\nmsgid %s\nmsgstr %s\n" % (
            "\n".join(comments), quote(msgid), quote(old.get(msgid, ""))))
    with open(os.path.join(i18n, "fr.po"), "w", encoding="utf-8") as f:
        f.write("\n".join(chunks))


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
    if os.environ.get("I18N_WRITE") == "1":
        write_files(module)
    po = {msgid: msgstr for _c, msgid, msgstr in
          read_po(os.path.join(ROOT, "addons", module, "i18n", "fr.po"))}
    terms = {}
    for _m, type_, name, res_id, src, _t, _c in trans_generate(None, [module], env.cr):
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
        missing = ["%s:%s:%s" % ref for ref in terms[src]
                   if not translated_in_db(ref[0], ref[1], ref[2], src)]
        if missing:
            reasons.append("not in DB for %s" % ", ".join(missing)[:400])
        if reasons:
            bad += 1
            print("%s: %r: %s" % (module, src, "; ".join(reasons)))
    for ref, src in by_reference(module):
        _kind, name, xmlid = ref.split(":", 2)
        if not translated_in_db("model", name, xmlid, src):
            bad += 1
            print("%s: %r: not translated for %s (fr.po needs an entry with "
                  "'#: %s'; -w writes it)" % (module, src, xmlid, ref))
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

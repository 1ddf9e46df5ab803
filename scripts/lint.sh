#!/usr/bin/env bash
# The linters, run first by scripts/test.sh (so by CI):
#   - flake8 (.flake8) on every Python file;
#   - pylint with the OCA's checks for Odoo 11 (pylint-odoo, .pylintrc) on the
#     Odoo modules of addons/;
#   - ShellCheck on the scripts.
# They live in .local/lintvenv (requirements-lint.txt), created when missing.
#
#   bash scripts/lint.sh [PATH...]            every finding; exit 1 when there is one
#   bash scripts/lint.sh --report [PATH...]   the findings counted per module and
#                                             per check, then the findings; exit 0
# PATHs (files or folders) limit the check, e.g. `bash scripts/lint.sh
# addons/cdb_security_policy scripts`; default: the whole repository.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

REPORT=0
paths=()
for arg in "$@"; do
    case "$arg" in
        --report) REPORT=1 ;;
        -h|--help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) paths+=("${arg%/}") ;;
    esac
done
[ ${#paths[@]} -gt 0 ] || paths=(addons bench tests docs/examples bin/odoo scripts .ci/run)

install_lint_venv

python_paths=(); module_paths=(); shell_paths=()
for path in "${paths[@]}"; do
    [ -e "$path" ] || die "lint: no such file or folder: $path"
    case "$path" in
        scripts|scripts/*|.ci|.ci/*) ;;
        *) python_paths+=("$path") ;;
    esac
    case "$path" in
        addons) for module in addons/*/; do module_paths+=("${module%/}"); done ;;
        addons/*) module_paths+=("$path") ;;
    esac
    if [ -d "$path" ]; then
        mapfile -t -O "${#shell_paths[@]}" shell_paths < <(find "$path" -name '*.sh' | sort)
    fi
    case "$path" in
        *.sh|.ci/run) shell_paths+=("$path") ;;
        .ci) shell_paths+=(.ci/run) ;;
    esac
done

OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
# One line per finding: PATH:LINE:[COLUMN:] [CHECK] message
if [ ${#python_paths[@]} -gt 0 ]; then
    "$LINTVENV/bin/flake8" --format='%(path)s:%(row)d:%(col)d: [%(code)s] %(text)s' \
        "${python_paths[@]}" >> "$OUT" || true
fi
if [ ${#module_paths[@]} -gt 0 ]; then
    "$LINTVENV/bin/pylint" --rcfile="$ROOT/.pylintrc" "${module_paths[@]}" 2>&1 \
        | grep -v '^\*\*\*\*\*\*\*\*\*\*\*\*\* Module ' >> "$OUT" || true
fi
if [ ${#shell_paths[@]} -gt 0 ]; then
    "$LINTVENV/bin/shellcheck" -x -f gcc "${shell_paths[@]}" \
        | sed -E 's/^([^:]+:[0-9]+:[0-9]+): [a-z]+: (.*) \[(SC[0-9]+)\]$/\1: [\3] \2/' \
        >> "$OUT" || true
fi
sed -i -e 's#^\./##' -e '/^$/d' "$OUT"

count="$(wc -l < "$OUT")"
if [ "$REPORT" = 1 ]; then
    # module: addons/NAME, or the top folder of the file; check: the [CODE]
    awk -F: '{
        split($1, p, "/"); module = (p[1] == "addons" && p[3] != "") ? p[1] "/" p[2] : p[1]
        match($0, /\[[^]]+\]/); print module "\t" substr($0, RSTART + 1, RLENGTH - 2)
    }' "$OUT" | sort | uniq -c | awk '{
        if (!($2 in total)) order[++modules] = $2
        total[$2] += $1; checks[$2] = checks[$2] sprintf("    %-42s %d\n", $3, $1)
    } END {
        for (i = 1; i <= modules; i++)
            printf "%s: %d finding(s)\n%s", order[i], total[order[i]], checks[order[i]]
    }'
    echo "lint report: $count finding(s) in ${paths[*]}"
    [ "$count" = 0 ] || { echo; cat "$OUT"; }
    exit 0
fi
if [ "$count" != 0 ]; then
    cat "$OUT"
    die "lint: $count finding(s) (bash scripts/lint.sh --report counts them per module)"
fi
log "lint: no finding (flake8, pylint-odoo, shellcheck) in ${paths[*]}"

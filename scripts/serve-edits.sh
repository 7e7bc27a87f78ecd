#!/usr/bin/env bash
# The rebuild times `broadside serve` prints after edits of one article of a publication: N body edits,
# then a tag added and removed (sed -i, as an editor's tools write). Run it with two binaries, one
# after the other, to compare them on one corpus (scripts/bench.sh makes one: $BENCH_DIR/10000).
#
#   scripts/serve-edits.sh BINARY WORK [N] [PORT]
#     BINARY  a broadside executable (bench.sh publishes one into $BENCH_DIR/bin)
#     WORK    a folder whose input/ is the publication (theme/ of this repository is used)
#     N       body edits, 5 by default
set -euo pipefail
bin=$1 work=$2 edits=${3:-5} port=${4:-29600}
theme=$(cd "$(dirname "$0")/.." && pwd)/theme
files=("$work"/input/articles/*.md)
file=${files[0]}
log=$(mktemp)
cp "$file" "$log.orig"
"$bin" serve --input "$work/input" --theme "$theme" --port "$port" > "$log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true; wait $serve 2>/dev/null || true; cp "$log.orig" "$file"; rm -f "$log" "$log.orig"' EXIT
until grep -q "Serving" "$log"; do
  # serve stopped before serving (a port in use, the folder locked by another serve): say why.
  if ! kill -0 "$serve" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 1
done

# Waits for serve's next "changed." line after running the edit given.
edit() {
  local seen
  seen=$(grep -c "changed\." "$log" || true)
  sleep 2
  "$@"
  until (( $(grep -c "changed\." "$log" || true) > seen )); do sleep 0.1; done
}

for i in $(seq 1 "$edits"); do edit sh -c "printf '\nAn edit, %s.\n' $i >> '$file'"; done
edit sed -i '0,/^tags:$/s//tags:\n  - serve-edits-tag/' "$file"
edit sed -i '/^  - serve-edits-tag$/d' "$file"
grep "changed\." "$log" | sed 's/.* in \([0-9.]*\) s\./\1/' | paste -sd' '

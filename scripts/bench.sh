#!/usr/bin/env bash
# The project's benchmark. Publishes broadside precompiled (self-contained, one composite ReadyToRun
# image of Broadside, its libraries and the runtime), writes a deterministic corpus
# with the project's generator (src/Broadside.Bench), and measures, as the median of RUNS runs:
#   cold       a build into an empty output folder, without an article cache, from a new process
#   unchanged  the same build again into the same folder: it finds from the state the last build saved
#              that nothing changed, and makes nothing
#   one edit   a build after one article's body changed: it starts from the saved state (the index made
#              again from the article cache), parses that article and makes its pages and lists again
#   tag edit   a build after a tag was added to that article, and one after it was removed again (the
#              lists that changed made again); the median of both
#   no cache   `build --no-cache` into the same folder: every article parsed and rendered, every page
#              and feed made again and compared, only changed files written
#   serve      `broadside serve` on the corpus; one article's body edited 2*RUNS+1 times, 2 s apart:
#              the rebuild time serve prints, and the time from the write to serve's line saying the
#              site is written (which includes the watcher's wait for the editor to finish saving);
#              then one edit of the title; then 2*RUNS+1 edits adding or removing a tag, and one moving the
#              article to another section (list edits: the lists that changed are made again)
# With --hugo, also runs ../shared/bench/compare.sh (Hugo on the shared corpus, alternating runs),
# once as builds are normally run (the article cache kept between runs) and once with --no-cache.
#
# usage: scripts/bench.sh [-n ARTICLES] [-r RUNS] [--hugo]
set -euo pipefail
cd "$(dirname "$0")/.."
n=1000 runs=3 hugo=0
while [[ $# -gt 0 ]]; do
  case $1 in -n) n=$2; shift 2;; -r) runs=$2; shift 2;; --hugo) hugo=1; shift;; *) sed -n '2,22p' "$0"; exit 2;; esac
done

work=${BENCH_DIR:-/tmp/broadside-bench}/$n
bin=${BENCH_DIR:-/tmp/broadside-bench}/bin
rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
rm -rf "$bin"
dotnet publish src/Broadside.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$bin" -v quiet -nologo >/dev/null
if [[ ! -f $work/corpus.done ]]; then
  rm -rf "$work" && mkdir -p "$work"
  dotnet run --project src/Broadside.Bench -c Release -- corpus "$n" "$work/corpus" >/dev/null
  touch "$work/corpus.done"
fi
rm -rf "$work/input" && cp -r input "$work/input" && rm -rf "$work/input/articles" && cp -r "$work/corpus" "$work/input/articles"

build() { /usr/bin/time -f '%e %M' -o "$work/time" "$bin/broadside" build "$@" --input "$work/input" --theme theme --output "$work/out" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
: > "$work/cold"; : > "$work/same"; : > "$work/edit"; : > "$work/tagged"; : > "$work/fresh"
articles=("$work"/input/articles/*.md); first=${articles[0]##*/}
for ((k = 0; k < runs; k++)); do
  rm -rf "$work/out" "$work/.out.broadside-cache"; sync; build >> "$work/cold"
  build >> "$work/same"
  printf '\nAn added sentence, run %s.\n' "$k" >> "$work/input/articles/$first"; build >> "$work/edit"
  sed -i '0,/^tags:$/s//tags:\n  - edited-in-build/' "$work/input/articles/$first"; build >> "$work/tagged"
  sed -i '/^  - edited-in-build$/d' "$work/input/articles/$first"; build >> "$work/tagged"
  build --no-cache >> "$work/fresh"
done
report() { printf '%-10s wall %6.2fs  peak %5d MiB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(( $(cut -d' ' -f2 "$2" | median) / 1024 ))"; }
echo "articles=$n runs=$runs machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
report cold "$work/cold"; report unchanged "$work/same"; report "one edit" "$work/edit"; report "tag edit" "$work/tagged"; report "no cache" "$work/fresh"

# serve: the printed rebuild time ("in 0.05 s.") and the time from the write to that line.
port=$((20000 + RANDOM % 20000))
"$bin/broadside" serve --input "$work/input" --theme theme --port "$port" > "$work/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
until grep -q '^Serving' "$work/serve.log"; do kill -0 $serve || { cat "$work/serve.log" >&2; exit 1; }; sleep 0.5; done
# serve's log is read as it grows through one open descriptor, with the shell's own read: waiting must
# not take the CPU serve builds on (a grep of the whole log every few milliseconds doubled the times).
exec 3< "$work/serve.log"
while read -r -u 3 _; do :; done
edit() {  # edit a sed expression or append text, and wait for serve's line about it
  local line='' part
  while IFS= read -r -u 3 part; do :; done  # what serve said since the last edit's line
  local start; start=$(date +%s%N)
  if [[ $1 == append ]]; then printf '\nA sentence added in serve, edit %s.\n' "$2" >> "$work/input/articles/$first"; else sed -i "$2" "$work/input/articles/$first"; fi
  local waited=0
  while :; do
    if IFS= read -r -u 3 part; then
      line+=$part
      # The line of the rebuild: "[12:00:00] input/articles/x.md changed. Built …".
      [[ $line == '['*'] '*' changed. '* ]] && break
      line=''
    else
      line+=$part  # a line not yet written whole
      kill -0 $serve 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
      (( ++waited < 6000 )) || { echo "serve said nothing of the edit in 60 s" >&2; exit 1; }
      sleep 0.01
    fi
  done
  local end; end=$(date +%s%N)
  echo "$(sed -E 's/.* in ([0-9.]+) s\..*/\1/' <<< "$line") $(( (end - start) / 1000000 ))"
}
: > "$work/serve"
for ((k = 0; k < 2 * runs + 1; k++)); do sleep 2; edit append "$k" >> "$work/serve"; done
sleep 2; title=$(edit sed '0,/^title: "/s//title: "Edited: /')
: > "$work/lists"
for ((k = 0; k < 2 * runs + 1; k++)); do
  sleep 2
  if (( k % 2 == 0 )); then edit sed '0,/^tags:$/s//tags:\n  - edited-in-serve/' >> "$work/lists"; else edit sed '/^  - edited-in-serve$/d' >> "$work/lists"; fi
done
sleep 2; section=$(edit sed '0,/^section: .*/s//section: "Labor"/')
kill $serve; wait $serve 2>/dev/null || true; trap - EXIT; exec 3<&-
printf '%-10s rebuild %5.0f ms  write to written %5.0f ms  (%d body edits; a title edit: rebuild %.0f ms)\n' serve \
  "$(cut -d' ' -f1 "$work/serve" | median | awk '{print $1 * 1000}')" "$(cut -d' ' -f2 "$work/serve" | median)" "$((2 * runs + 1))" \
  "$(echo "$title" | awk '{print $1 * 1000}')"
printf '%-10s rebuild %5.0f ms  write to written %5.0f ms  (%d edits adding or removing a tag; a section edit: rebuild %.0f ms)\n' "serve list" \
  "$(cut -d' ' -f1 "$work/lists" | median | awk '{print $1 * 1000}')" "$(cut -d' ' -f2 "$work/lists" | median)" "$((2 * runs + 1))" \
  "$(echo "$section" | awk '{print $1 * 1000}')"

if [[ $hugo == 1 ]]; then
  ../shared/bench/compare.sh -n "$n" -r "$runs" -- "$bin/broadside" build --input {input} --theme "$PWD/theme" --output {output}
  ../shared/bench/compare.sh -n "$n" -r "$runs" -- "$bin/broadside" build --no-cache --input {input} --theme "$PWD/theme" --output {output}
fi

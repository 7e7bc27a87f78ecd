#!/usr/bin/env bash
# The project's benchmark. Publishes broadside precompiled (ReadyToRun), writes a deterministic corpus
# with the project's generator (src/Broadside.Bench), and measures, as the median of RUNS runs:
#   cold       a build into an empty output folder, without an article cache, from a new process
#   unchanged  the same build again into the same folder (nothing to write; articles from the cache)
#   one edit   a build after one article's body changed (that article parsed, its pages made again)
#   no cache   `build --no-cache` into the same folder: every article parsed and rendered, every page
#              and feed made again and compared, only changed files written
# With --hugo, also runs ../shared/bench/compare.sh (Hugo on the shared corpus, alternating runs),
# once as builds are normally run (the article cache kept between runs) and once with --no-cache.
#
# usage: scripts/bench.sh [-n ARTICLES] [-r RUNS] [--hugo]
set -euo pipefail
cd "$(dirname "$0")/.."
n=1000 runs=3 hugo=0
while [[ $# -gt 0 ]]; do
  case $1 in -n) n=$2; shift 2;; -r) runs=$2; shift 2;; --hugo) hugo=1; shift;; *) sed -n '2,13p' "$0"; exit 2;; esac
done

work=${BENCH_DIR:-/tmp/broadside-bench}/$n
bin=${BENCH_DIR:-/tmp/broadside-bench}/bin
rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet publish src/Broadside.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$bin" -v quiet -nologo >/dev/null
if [[ ! -f $work/corpus.done ]]; then
  rm -rf "$work" && mkdir -p "$work"
  dotnet run --project src/Broadside.Bench -c Release -- corpus "$n" "$work/corpus" >/dev/null
  touch "$work/corpus.done"
fi
rm -rf "$work/input" && cp -r input "$work/input" && rm -rf "$work/input/articles" && cp -r "$work/corpus" "$work/input/articles"

build() { /usr/bin/time -f '%e %M' -o "$work/time" "$bin/broadside" build "$@" --input "$work/input" --theme theme --output "$work/out" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
: > "$work/cold"; : > "$work/same"; : > "$work/edit"; : > "$work/fresh"
articles=("$work"/input/articles/*.md); first=${articles[0]##*/}
for ((k = 0; k < runs; k++)); do
  rm -rf "$work/out" "$work/.out.broadside-cache"; sync; build >> "$work/cold"
  build >> "$work/same"
  printf '\nAn added sentence, run %s.\n' "$k" >> "$work/input/articles/$first"; build >> "$work/edit"
  build --no-cache >> "$work/fresh"
done
report() { printf '%-10s wall %6.2fs  peak %5d MiB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(( $(cut -d' ' -f2 "$2" | median) / 1024 ))"; }
echo "articles=$n runs=$runs machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
report cold "$work/cold"; report unchanged "$work/same"; report "one edit" "$work/edit"; report "no cache" "$work/fresh"

if [[ $hugo == 1 ]]; then
  ../shared/bench/compare.sh -n "$n" -r "$runs" -- "$bin/broadside" build --input {input} --theme "$PWD/theme" --output {output}
  ../shared/bench/compare.sh -n "$n" -r "$runs" -- "$bin/broadside" build --no-cache --input {input} --theme "$PWD/theme" --output {output}
fi

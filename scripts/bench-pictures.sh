#!/usr/bin/env bash
# Broadside's pictures against Eleventy Image (@11ty/eleventy-img, sharp/libvips) on 12 phone-sized
# photos (4032x3024 JPEGs made from the sample's photographs, with a little grain, quality 92).
# Both publish every photo in widths 320, 640, 960, 1280 and 1600 as AVIF, WebP and JPEG.
# Runs alternate between the tools; each case is the median of RUNS runs of /usr/bin/time -v:
#   broadside cold      output folder and its cache (.<output>.broadside-cache) deleted first
#   broadside second    the same build again, output and cache kept
#   broadside deploy    output deleted, cache kept
#   eleventy cold       empty output folder, new process
#   eleventy second     outputs present, new process (eleventy-img skips files that exist)
# Broadside runs twice: with the default avif_effort (2) and with `pictures: {avif_effort: 4}`
# (sharp's default). Needs dotnet, node/npm and ImageMagick (convert).
#
# usage: scripts/bench-pictures.sh [-r RUNS]      (work folder: $BENCH_DIR, default /tmp/broadside-bench-pictures)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=3
while [[ $# -gt 0 ]]; do
  case $1 in -r) runs=$2; shift 2;; *) sed -n '2,15p' "$0"; exit 2;; esac
done
work=${BENCH_DIR:-/tmp/broadside-bench-pictures}
mkdir -p "$work"

rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet publish src/Broadside.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -o "$work/bin" -v quiet -nologo >/dev/null
if [[ ! -d $work/eleventy/node_modules/@11ty/eleventy-img ]]; then
  mkdir -p "$work/eleventy"
  (cd "$work/eleventy" && npm init -y >/dev/null && npm install --no-audit --no-fund @11ty/eleventy-img >/dev/null)
fi
eleventy_version=$(node -p "require('$work/eleventy/node_modules/@11ty/eleventy-img/package.json').version")
sharp_version=$(node -p "require('$work/eleventy/node_modules/sharp/package.json').version")

# 12 photos of 4032x3024 from the sample's photographs: cropped to 4:3, the last five mirrored and
# cropped from another side, grain added so they weigh what a phone's photos weigh (3 to 6 MB).
photos=$work/photos
if [[ ! -f $photos/.done ]]; then
  rm -rf "$photos" && mkdir -p "$photos"
  sources=(input/media/2025/*.jpg input/media/2026/*.jpg)
  for ((i = 0; i < 12; i++)); do
    src=${sources[i % ${#sources[@]}]}
    if ((i < ${#sources[@]})); then flip=(); gravity=center; else flip=(-flop); gravity=east; fi
    convert -quiet "$src" "${flip[@]}" -resize '4032x3024^' -gravity "$gravity" -extent 4032x3024 \
      -attenuate 0.28 +noise Gaussian -quality 92 "$photos/$(printf 'photo-%02d' "$i").jpg"
  done
  touch "$photos/.done"
fi

# Two sites: the minimal fixture with the photos in media/, one with avif_effort 4.
for effort in 2 4; do
  site=$work/site$effort
  rm -rf "$site" && cp -r tests/Broadside.Tests/Fixtures/minimal "$site"
  mkdir -p "$site/media" && cp "$photos"/*.jpg "$site/media/"
  if ((effort != 2)); then printf 'pictures:\n  avif_effort: %s\n' "$effort" >> "$site/site.yml"; fi
done

# measure NAME COMMAND...: appends "wall_seconds peak_kib" to $work/NAME and the output to $work/NAME.log.
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1 || { cat "$work/out.txt" "$work/time.txt" >&2; exit 1; }
  cat "$work/out.txt" >> "$work/$name.log"
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]}
              /Maximum resident set size/ {m = $2} END {print s, m}' "$work/time.txt" >> "$work/$name"
}
broadside() { measure "$1" "$work/bin/broadside" build -v --input "$work/site$2" --theme "$repo/theme" --output "$work/out$2"; }
eleventy() { measure "$1" bash -c 'cd "$1" && node "$2" "$3" "$4"' _ "$work/eleventy" "$repo/scripts/bench-pictures.mjs" "$photos" "$work/eleventy-out"; }

cases=(b2-cold b2-second b2-deploy b4-cold b4-second b4-deploy e-cold e-second)
for c in "${cases[@]}"; do : > "$work/$c"; : > "$work/$c.log"; done
for ((k = 0; k < runs; k++)); do
  rm -rf "$work/out2" "$work/.out2.broadside-cache"; sync; broadside b2-cold 2
  rm -rf "$work/eleventy-out"; sync; eleventy e-cold
  rm -rf "$work/out4" "$work/.out4.broadside-cache"; sync; broadside b4-cold 4
  eleventy e-second
  broadside b2-second 2
  eleventy e-second
  broadside b4-second 4
  rm -rf "$work/out2"; broadside b2-deploy 2
  rm -rf "$work/out4"; broadside b4-deploy 4
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# sizes DIR: the variants (files named NAME-WIDTH.EXT or NAME-WIDTHw.EXT, in the widths above) and their MB per format, then the
# other files (pages, assets, Broadside's copy of each picture at its own address) and their MB.
sizes() {
  find "$1" -type f -printf '%s %f\n' | awk '
    { ext = tolower($2); sub(/.*\./, "", ext); if (ext == "jpg") ext = "jpeg" }
    $2 ~ /-(320|640|960|1280|1600)w?\.[a-z]+$/ && (ext == "avif" || ext == "webp" || ext == "jpeg") { b[ext] += $1; n++; next }
    { b["other"] += $1; m++ }
    END { printf "%8d %8.2f %8.2f %8.2f %6d %8.2f", n, b["avif"] / 1e6, b["webp"] / 1e6, b["jpeg"] / 1e6, m, b["other"] / 1e6 }'
}
row() {
  printf '%-26s %7.2f %8d %s\n' "$1" "$(cut -d' ' -f1 "$work/$2" | median)" "$(( $(cut -d' ' -f2 "$work/$2" | median) / 1024 ))" "${3:-}"
}
# pictures CASE: median seconds of Broadside's picture phases (Pictures and PictureFiles, -v) in CASE's runs.
pictures() {
  awk '$1 == "Pictures" || $1 == "PictureFiles" {s += $3} /^Built / {print s / 1000; s = 0}' "$work/$1.log" | median
}

echo "runs=$runs, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; photos: $(ls "$photos"/*.jpg | wc -l) x 4032x3024, $(du -cm "$photos"/*.jpg | tail -1 | cut -f1) MB"
echo "eleventy-img $eleventy_version (sharp $sharp_version, libvips $(node -p "require('$work/eleventy/node_modules/sharp').versions.vips"))"
printf '%-26s %7s %8s %8s %8s %8s %8s %6s %8s\n' case wall_s peak_MiB variants avif_MB webp_MB jpeg_MB other other_MB
b2=$(sizes "$work/out2") b4=$(sizes "$work/out4") e=$(sizes "$work/eleventy-out")
row "broadside effort 2 cold" b2-cold "$b2"
row "broadside effort 2 second" b2-second
row "broadside effort 2 deploy" b2-deploy
row "broadside effort 4 cold" b4-cold "$b4"
row "broadside effort 4 second" b4-second
row "broadside effort 4 deploy" b4-deploy
row "eleventy-img cold" e-cold "$e"
row "eleventy-img second" e-second
echo "picture phases (Pictures + PictureFiles), median s: effort 2 cold $(pictures b2-cold), second $(pictures b2-second), deploy $(pictures b2-deploy); effort 4 cold $(pictures b4-cold), second $(pictures b4-second), deploy $(pictures b4-deploy)"
echo "(output sizes from the last runs; each line of runs is in $work/<case>, verbose logs in $work/<case>.log)"

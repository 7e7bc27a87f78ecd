#!/usr/bin/env bash
# Runs the Netlify build (scripts/netlify-build.sh) as Netlify runs a production deploy, from a fresh
# clone at one path, three times, and checks that the deploy that starts from Netlify's build cache
# publishes exactly what a deploy without it does:
#   1. the last deploy, without a cache; what the cache plugin keeps is then kept aside;
#   2. the next deploy, after an edit to one article, with that cache restored;
#   3. the same deploy without a cache.
# The output of 2 and 3 must be identical, file by file. Prints the time of each deploy.
#
#   scripts/cached-deploy.sh [--corpus DIR] [--work DIR]
#     --corpus DIR   deploy this publication folder instead of the repository's input/
#     --work DIR     where to clone (default: a new temporary folder, removed at the end)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=
work=
while (($#)); do
  case $1 in
    --corpus) corpus=$(cd "$2" && pwd); shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "cached-deploy: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z $work ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
clone=$work/repo
kept=$work/cache
cached=(output .output.broadside-cache .broadside/cli)

fresh_clone() {
  rm -rf "$clone"
  git clone -q "$repo" "$clone"
  if [[ -n $corpus ]]; then
    rm -rf "$clone/input"
    cp -r "$corpus" "$clone/input"
  fi
  # Netlify installs package.json's packages before the build, and keeps node_modules itself.
  [[ -d $repo/node_modules ]] && cp -al "$repo/node_modules" "$clone/node_modules"
  return 0
}

edit_one_article() {
  local article
  # sed reads the whole list: head would close the pipe early, and pipefail would stop the script.
  article=$(cd "$clone/input/articles" && find . -name '*.md' | LC_ALL=C sort | sed -n 1p)
  printf '\nA paragraph added for the next deploy.\n' >> "$clone/input/articles/$article"
}

deploy() {
  local name=$1 start end
  start=$(date +%s.%N)
  (cd "$clone" && CONTEXT=production bash scripts/netlify-build.sh) > "$work/$name.log" 2>&1 \
    || { echo "cached-deploy: the $name deploy failed:"; tail -30 "$work/$name.log"; exit 1; }
  end=$(date +%s.%N)
  printf '%-40s %6.1f s\n' "$name" "$(echo "$end - $start" | bc)"
}

echo "== deploys of $( [[ -n $corpus ]] && echo "$corpus" || echo "the sample in input/" )"
fresh_clone
deploy "1. last deploy, no cache"
rm -rf "$kept" && mkdir -p "$kept"
for path in "${cached[@]}"; do
  mkdir -p "$kept/$(dirname "$path")"
  cp -a "$clone/$path" "$kept/$path"
done

fresh_clone
edit_one_article
for path in "${cached[@]}"; do
  mkdir -p "$clone/$(dirname "$path")"
  cp -a "$kept/$path" "$clone/$path"
done
deploy "2. one article edited, cache restored"
grep -q 'compiled by an earlier deploy' "$work/2. one article edited, cache restored.log" \
  || { echo "cached-deploy: the deploy with the cache compiled Broadside again"; exit 1; }
mv "$clone/output" "$work/with-cache"

fresh_clone
edit_one_article
deploy "3. one article edited, no cache"

# Broadside's manifest records when it wrote each file, which differs between any two builds; the
# rest of it (path, hash, size, page key) must be the same.
manifest=.broadside-manifest
if diff -r -q --exclude="$manifest" "$work/with-cache" "$clone/output" > "$work/diff.txt" \
  && diff <(cut -f1-3,5- "$work/with-cache/$manifest") <(cut -f1-3,5- "$clone/output/$manifest") >> "$work/diff.txt"; then
  echo "identical: $(find "$clone/output" -type f | wc -l) files"
else
  echo "cached-deploy: the deploy with the cache published something else:"
  head -20 "$work/diff.txt"
  exit 1
fi

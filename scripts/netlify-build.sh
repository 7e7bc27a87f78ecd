#!/usr/bin/env bash
# The Netlify build (netlify.toml runs it; any CI can too). Installs the .NET SDK that global.json pins
# when the build image lacks it, and builds input/ into output/ in Release, indexed for search.
#
# Previews (BROADSIDE_PREVIEW=1, set by netlify.toml for deploy previews and branch deploys) include
# drafts and scheduled articles, keep search engines out (--noindex), and link to the deploy's own
# address (DEPLOY_PRIME_URL, which Netlify sets).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The SDK global.json pins (with its roll-forward policy), installed next to the build's home.
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  echo "netlify-build: installing the .NET SDK that global.json pins"
  curl -sSfL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir "$HOME/.dotnet"
  export DOTNET_ROOT="$HOME/.dotnet"
  export PATH="$HOME/.dotnet:$PATH"
fi
dotnet --version

# Search: Pagefind (package.json pins it) indexes the built site when the build runs with --search; the
# web editor is Decap CMS (pinned there too), which the build copies into /admin/ when site.yml has an
# editor block. Netlify installs package.json's packages before the build by itself; elsewhere npm ci
# does, when npm is there. Without them the build still succeeds, and says that search or the editor is off.
if [[ ! -x node_modules/.bin/pagefind || ! -f node_modules/decap-cms/dist/decap-cms.js ]] && command -v npm >/dev/null 2>&1; then
  npm ci --omit=dev --no-audit --no-fund || echo "netlify-build: npm ci failed; building without search"
fi

args=(build --search --input input --theme theme --output output)
if [[ ${BROADSIDE_PREVIEW:-0} == 1 ]]; then
  args+=(--drafts --future --noindex)
  if [[ -n ${DEPLOY_PRIME_URL:-} ]]; then
    args+=(--base-url "$DEPLOY_PRIME_URL")
  fi
  echo "netlify-build: preview build for ${DEPLOY_PRIME_URL:-(no DEPLOY_PRIME_URL)}"
fi

# Broadside, compiled once for each version of what it is compiled from and kept in .broadside/cli/<key>
# (Netlify's build cache keeps the folder between production deploys: netlify/plugins/broadside-cache),
# so a deploy that changes only content does not compile it again. The key is the committed source's
# git tree, so it is used only when that source has no uncommitted change; otherwise, and without git,
# Broadside is compiled and run as the README's command does.
source=(src global.json Directory.Build.props Directory.Packages.props)
if git rev-parse --verify -q HEAD >/dev/null 2>&1 && git diff --quiet HEAD -- "${source[@]}" \
  && [[ -z $(git ls-files --others --exclude-standard -- "${source[@]}") ]]; then
  key=$(git ls-tree HEAD -- "${source[@]}" | sha256sum | cut -c1-16)
  cli=.broadside/cli/$key
  if [[ ! -f $cli/broadside.dll ]]; then
    echo "netlify-build: compiling Broadside ($key)"
    rm -rf .broadside/cli
    dotnet publish src/Broadside.Cli -c Release -o "$cli" -nologo -v quiet
  else
    echo "netlify-build: Broadside $key, compiled by an earlier deploy"
  fi
  dotnet "$cli/broadside.dll" "${args[@]}"
else
  echo "netlify-build: the source has changes that are not committed; compiling them"
  dotnet run --project src/Broadside.Cli -c Release -- "${args[@]}"
fi

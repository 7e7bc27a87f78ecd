#!/usr/bin/env bash
# The Netlify build: installs the .NET SDK that global.json pins when the build image lacks it,
# then builds input/ into output/. Previews (BROADSIDE_PREVIEW=1) include drafts and scheduled
# articles and use the deploy's own address.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  curl -sSfL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir "$HOME/.dotnet"
  export PATH="$HOME/.dotnet:$PATH"
fi

args=(build --input input --theme theme --output output)
if [[ ${BROADSIDE_PREVIEW:-} == 1 ]]; then
  args+=(--drafts --future)
  [[ -n ${DEPLOY_PRIME_URL:-} ]] && args+=(--base-url "$DEPLOY_PRIME_URL")
fi

dotnet run --project src/Broadside.Cli -c Release -- "${args[@]}"

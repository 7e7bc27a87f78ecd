#!/usr/bin/env bash
# The screenshots of the reader's tour (docs/tour/): the home page and an article at 320, 390 and 1280
# pixels, and the menu open on a phone, as the browser tests take them of the sample publication
# (tests/Broadside.Tests/Browser/MenuTests.cs). Needs Chromium and Pagefind, as those tests do.
#
# usage: scripts/tour.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Broadside.Tests -c Release --filter "FullyQualifiedName~Browser.MenuTests.The_first_words|FullyQualifiedName~Browser.MenuTests.On_a_phone_without_javascript"
mkdir -p docs/tour
cp tests/Broadside.Tests/bin/Release/net10.0/screenshots/tour/*.png docs/tour/
ls -l docs/tour

#!/usr/bin/env bash
# The screenshots of the reader's tour (docs/tour/): the home page and an article at 320, 390 and 1280
# pixels, the menu open on a phone, and the parts of a long read (table of contents, series,
# corrections, call to action, video), as the browser tests take them of the sample publication
# (tests/Broadside.Tests/Browser/MenuTests.cs, ReaderTourTests.cs). Needs Chromium and Pagefind, as
# those tests do.
#
# usage: scripts/tour.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Broadside.Tests -c Release --filter "FullyQualifiedName~Browser.MenuTests.The_first_words|FullyQualifiedName~Browser.MenuTests.On_a_phone_without_javascript|FullyQualifiedName~Browser.ReaderTourTests"
mkdir -p docs/tour
cp tests/Broadside.Tests/bin/Release/net10.0/screenshots/tour/*.png docs/tour/
ls -l docs/tour

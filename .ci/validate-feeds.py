#!/usr/bin/python3
"""Runs the W3C Feed Validator over every RSS and Atom feed of a built site.

Usage: /usr/bin/python3 .ci/validate-feeds.py OUTPUT_DIR [BASE_URL]

Each feed.xml and atom.xml below OUTPUT_DIR is validated as if fetched from BASE_URL plus its path
(the site.yml address of the sample by default, so that self links match), at the level the online
validator reports ("AA"). Prints each problem with its feed, line and column, then
"validator: N feeds, M with errors or warnings". Exit status: 0 none; 1 some; 2 no feed or bad usage.
"""

import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "feedvalidator"))

import feedvalidator  # noqa: E402
from feedvalidator import compatibility  # noqa: E402
from feedvalidator.formatter.text_plain import Formatter  # noqa: E402


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    base = sys.argv[2] if len(sys.argv) == 3 else "https://commons-dispatch.example.org/"
    feeds = sorted(p for p in root.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))
    if not feeds:
        print(f"validator: no feed below {root}", file=sys.stderr)
        return 2
    failed = 0
    for feed in feeds:
        path = feed.relative_to(root).as_posix()
        try:
            events = feedvalidator.validateString(
                feed.read_bytes(), firstOccurrenceOnly=1, base=base + urllib.parse.quote(path)
            )["loggedEvents"]
        except feedvalidator.logging.ValidationFailure as failure:
            events = [failure.event]
        except Exception as error:  # the validator itself fails on some malformed addresses
            failed += 1
            print(f"FAIL {path}: the validator stopped: {type(error).__name__}: {error}")
            continue
        problems = Formatter(compatibility.AA(events))
        if problems:
            failed += 1
            for problem in problems:
                print(f"FAIL {path}: {problem}")
    print(f"validator: {len(feeds)} feeds, {failed} with errors or warnings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

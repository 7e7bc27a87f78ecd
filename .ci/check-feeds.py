#!/usr/bin/python3
"""Checks the feeds of a built site.

Usage: /usr/bin/python3 .ci/check-feeds.py OUTPUT_DIR

Checks the site feeds (feed.xml: RSS 2.0, atom.xml: Atom 1.0, feed.json: JSON Feed 1.1) and every
feed.xml under OUTPUT_DIR/sections, tags, authors and demands, and the same below the folder of each
of the site's other languages (OUTPUT_DIR/es/). An XML feed must pass
`xmllint --noout`, parse with feedparser without `bozo`, have at least one entry, give every entry a
title, link, id and published date, repeat no id, and feedparser's entries must number as many as
the `<item>` (RSS) or `<entry>` (Atom) elements xml.etree counts. A JSON feed must have version
https://jsonfeed.org/version/1.1, a title and at least one item, each with id, url, title,
content_html and an RFC 3339 date_published, and no id twice. Each site feed's entries must name
every author of the item in feedparser's `author`, the one field readers show.

Prints one line per feed ("ok feed.xml: 19 items", or "FAIL tags/x/feed.xml" and the reasons), then
"feeds: N checked, M failed".

Exit status: 0 all feeds pass; 1 a feed failed; 2 OUTPUT_DIR has no feed.xml at all (or bad usage);
3 the checker cannot run (feedparser or xmllint missing).

Needs Debian's python3-feedparser (run with /usr/bin/python3, not another interpreter) and xmllint
(libxml2-utils). Nothing else outside the standard library.
"""

import datetime
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import feedparser
except ImportError:
    print(
        "check-feeds: cannot import feedparser: install python3-feedparser and run this script "
        "with /usr/bin/python3",
        file=sys.stderr,
    )
    sys.exit(3)

ATOM_NS = "{http://www.w3.org/2005/Atom}"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
TERM_FOLDERS = ("sections", "tags", "authors", "demands")
# What each XML file name must be: feedparser's version and the root element.
EXPECTED = {
    "feed.xml": ("rss20", "rss"),
    "atom.xml": ("atom10", ATOM_NS + "feed"),
}


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def check_xml(path):
    """Returns (entry count, problems) for an RSS or Atom file."""
    problems = []
    version, root_tag = EXPECTED.get(path.name, EXPECTED["feed.xml"])

    lint = subprocess.run(
        ["xmllint", "--noout", str(path)], capture_output=True, text=True, check=False
    )
    if lint.returncode != 0:
        problems.append(f"xmllint exited {lint.returncode}")
        problems.extend("  " + line for line in lint.stderr.strip().splitlines()[:20])

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        problems.append(f"xml.etree cannot parse it: {error}")
        root = None
    element_count = None
    if root is not None:
        if root.tag != root_tag:
            problems.append(f"root element is <{root.tag}>, expected <{root_tag}>")
        if root.tag == "rss":
            element_count = sum(1 for _ in root.iter("item"))
        elif root.tag == ATOM_NS + "feed":
            element_count = sum(1 for _ in root.iter(ATOM_NS + "entry"))

    parsed = feedparser.parse(path.read_bytes())
    if parsed.get("bozo"):
        problems.append(f"feedparser: bozo: {parsed.get('bozo_exception')!r}")
    if parsed.get("version") != version:
        problems.append(f"feedparser reads it as {parsed.get('version') or 'unknown'!r}, expected {version!r}")

    entries = parsed.get("entries", [])
    if not entries:
        problems.append("no entries")
    if element_count is not None and element_count != len(entries):
        kind = "<item>" if root.tag == "rss" else "<entry>"
        problems.append(f"feedparser found {len(entries)} entries but the file has {element_count} {kind} elements")

    seen = {}
    for number, entry in enumerate(entries, start=1):
        label = f"entry {number}"
        if (entry.get("title") or "").strip():
            label += f" ({entry.get('title').strip()[:60]!r})"
        missing = [
            name
            for name in ("title", "link", "id")
            if not (entry.get(name) or "").strip()
        ]
        if not (entry.get("published") or "").strip():
            missing.append("published date")
        elif entry.get("published_parsed") is None:
            problems.append(f"{label}: published date {entry.get('published')!r} cannot be parsed")
        if missing:
            problems.append(f"{label}: no {', '.join(missing)}")
        entry_id = (entry.get("id") or "").strip()
        if entry_id:
            if entry_id in seen:
                problems.append(f"{label}: id {entry_id!r} repeats entry {seen[entry_id]}")
            else:
                seen[entry_id] = number
    return len(entries), problems


def is_rfc3339(text):
    if not isinstance(text, str) or "T" not in text:
        return False
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return value.tzinfo is not None


def check_json(path):
    """Returns (item count, problems) for a JSON Feed file."""
    problems = []
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (ValueError, UnicodeDecodeError) as error:
        return 0, [f"not valid JSON: {error}"]
    if not isinstance(data, dict):
        return 0, ["the top level is not an object"]

    if data.get("version") != JSON_FEED_VERSION:
        problems.append(f"version is {data.get('version')!r}, expected {JSON_FEED_VERSION!r}")
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        problems.append("no title")
    items = data.get("items")
    if not isinstance(items, list):
        return 0, problems + ["items is not a list"]
    if not items:
        problems.append("no items")

    seen = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(f"item {number}: not an object")
            continue
        label = f"item {number}"
        if isinstance(item.get("title"), str) and item["title"].strip():
            label += f" ({item['title'].strip()[:60]!r})"
        missing = [
            name
            for name in ("id", "url", "title", "content_html", "date_published")
            if not isinstance(item.get(name), str) or not item[name].strip()
        ]
        if missing:
            problems.append(f"{label}: no {', '.join(missing)}")
        if "date_published" not in missing and not is_rfc3339(item["date_published"]):
            problems.append(f"{label}: date_published {item['date_published']!r} is not RFC 3339")
        item_id = item.get("id")
        if isinstance(item_id, str) and item_id.strip():
            if item_id in seen:
                problems.append(f"{label}: id {item_id!r} repeats item {seen[item_id]}")
            else:
                seen[item_id] = number
    return len(items), problems


def report(name, problems, fine):
    """Prints a feed's problems, or that it is fine; 1 when it has problems, else 0."""
    if not problems:
        print(f"ok {name}: {fine}")
        return 0
    print(f"FAIL {name}")
    for problem in problems:
        print(f"  {problem}")
    return 1


def main(argv):
    if len(argv) != 2:
        print("usage: /usr/bin/python3 .ci/check-feeds.py OUTPUT_DIR", file=sys.stderr)
        return 2
    output = Path(argv[1])
    if not output.is_dir():
        print(f"check-feeds: {output} is not a folder", file=sys.stderr)
        return 2
    if shutil.which("xmllint") is None:
        print("check-feeds: xmllint is missing: install libxml2-utils", file=sys.stderr)
        return 3
    if next(output.rglob("feed.xml"), None) is None:
        print(f"check-feeds: {output} has no feed.xml at all; was the site built?", file=sys.stderr)
        return 2

    # The site at the root, then each other language's below its folder (es/feed.xml, es/tags/…).
    roots = [output] + sorted(
        d for d in output.iterdir()
        if d.is_dir() and d.name not in TERM_FOLDERS and (d / "feed.xml").is_file() and (d / "atom.xml").is_file())
    feeds = []
    for root in roots:
        feeds.extend([root / "feed.xml", root / "atom.xml", root / "feed.json"])
        for folder in TERM_FOLDERS:
            if (root / folder).is_dir():
                feeds.extend(sorted((root / folder).rglob("feed.xml")))

    checked = failed = 0
    for path in feeds:
        name = path.relative_to(output).as_posix()
        checked += 1
        if not path.is_file():
            count, problems = 0, ["missing"]
        elif path.suffix == ".json":
            count, problems = check_json(path)
        else:
            count, problems = check_xml(path)
        failed += report(name, problems, plural(count, 'item'))

    # Readers show feedparser's `author` alone: an item by several authors must name them all there.
    for root in roots:
        name = (root / "feed.json").relative_to(output).as_posix()
        try:
            items = json.loads((root / "feed.json").read_text(encoding="utf-8"))["items"]
        except (OSError, ValueError, KeyError):
            continue
        authors = {item["id"]: [a["name"] for a in item.get("authors", [])] for item in items}
        for feed in ("feed.xml", "atom.xml"):
            problems = []
            for entry in feedparser.parse(str(root / feed)).entries:
                shown = entry.get("author", "")
                missing = [n for n in authors.get(entry.get("id", ""), []) if n not in shown]
                if missing:
                    problems.append(f"{entry.get('id')}: readers show '{shown}', without {', '.join(missing)}")
            checked += 1
            label = (root / feed).relative_to(output).as_posix()
            failed += report(f"{label} (authors, against {name})", problems, "every author shown")

    print(f"feeds: {checked} checked, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

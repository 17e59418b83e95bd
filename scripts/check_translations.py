# SPDX-License-Identifier: GPL-2.0-or-later
"""Fail when a Qt Linguist catalogue still has unfinished or empty entries.

    python3 scripts/check_translations.py poix_atelier_plugin/i18n/poix_atelier_plugin_fr.ts

Exit 0 when every message is translated, 1 (listing the first sources) otherwise.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SHOW = 25
# pylupdate5 does not decode escapes: tr("\u201c") is filed as "u201c", which
# never matches the string at run time, so that message is never translated.
MANGLED_ESCAPE = re.compile(r"(?<![A-Za-z0-9])u[0-9a-fA-F]{4}")


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(translation.itertext()) if translation is not None else ""
            if kind == "unfinished" or not text.strip():
                out.append((name, message.findtext("source", "")))
    return out


def mangled(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of messages whose source lost a backslash escape."""
    return [
        (context.findtext("name", ""), source)
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
        if MANGLED_ESCAPE.search(source := message.findtext("source", ""))
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    ts = Path(argv[1])
    if not ts.is_file():
        print(f"i18n-check: {ts} not found (run `make ts`)", file=sys.stderr)
        return 1
    broken = mangled(ts)
    for context, source in broken:
        print(
            f"i18n-check: [{context}] {source!r} lost a \\u escape in pylupdate5; "
            "write the character itself in the tr() string",
            file=sys.stderr,
        )
    todo = unfinished(ts)
    if broken:
        return 1
    if not todo:
        print(f"i18n-check: {ts}: every string is translated")
        return 0
    print(
        f"i18n-check: {ts} has {len(todo)} unfinished French translation(s); "
        "translate them (Qt Linguist or the .ts file) and rerun `make i18n`:",
        file=sys.stderr,
    )
    for context, source in todo[:SHOW]:
        print(f"  [{context}] {source!r}", file=sys.stderr)
    if len(todo) > SHOW:
        print(f"  ... and {len(todo) - SHOW} more", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

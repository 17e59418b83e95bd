# SPDX-License-Identifier: GPL-2.0-or-later
"""Fill unfinished entries of a Qt .ts catalogue from tab-separated files.

    python3 scripts/fill_translations.py poix_atelier_plugin/i18n/poix_atelier_plugin_fr.ts FILE.tsv...

Each line of a .tsv file is ``English source<TAB>French translation`` (``\\n`` stands
for a line break). Only entries still marked unfinished are filled, and the file is
edited in place as text, so pylupdate5's layout is kept. Plain Python.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

MESSAGE = re.compile(
    r"(<source>)(?P<source>[^<]*)(</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
    r'<translation type="unfinished">(?P<old>[^<]*)</translation>',
    re.S,
)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def load(paths) -> dict[str, str]:
    table = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if "\t" not in line or line.startswith("#"):
                continue
            en, fr = line.split("\t", 1)
            en, fr = en.replace("\\n", "\n"), fr.replace("\\n", "\n")
            if en and fr:
                table[en] = fr
    return table


def fill(ts: Path, table: dict[str, str]) -> tuple[int, list[str]]:
    text = ts.read_text(encoding="utf-8")
    done = 0
    missing = []

    def replace(match):
        nonlocal done
        source = html.unescape(match.group("source"))
        if source in table:
            done += 1
            return (
                match.group(1)
                + match.group("source")
                + match.group(3)
                + "<translation>"
                + _escape(table[source])
                + "</translation>"
            )
        missing.append(source)
        return match.group(0)

    ts.write_text(MESSAGE.sub(replace, text), encoding="utf-8")
    return done, missing


def main(argv) -> int:
    ts, tsvs = Path(argv[1]), argv[2:]
    done, missing = fill(ts, load(tsvs))
    print(f"{done} translations filled; {len(missing)} still unfinished")
    for source in missing:
        print("  unfinished:", source.replace("\n", "\\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

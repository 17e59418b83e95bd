# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils as plain data: reading, checking and writing its CSV.

A DDTM keeps its catalogue in a spreadsheet between workshops, so the reader
accepts what spreadsheets really produce (a UTF-8 BOM, ``;`` separators from
a French Excel, Windows Latin-1 text) and refuses, with a clear message, what
would corrupt the catalogue (missing columns, duplicates, empty names).
Parsing is all-or-nothing: nothing is written unless the whole file is good.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import asdict, dataclass, field

from .errors import QT_TR_NOOP, AtelierError

#: Columns of the shipped catalogue, in order.
HEADER: tuple[str, ...] = ("nom", "categorie", "description", "porteur", "quand")
#: Optional column: who added the entry during a workshop (empty = DDTM catalogue).
OPTIONAL: tuple[str, ...] = ("ajoute_par",)
EXPORT_HEADER: tuple[str, ...] = HEADER + OPTIONAL

#: Categories of the DDTM catalogue (labels are the stored values).
CATEGORIES: tuple[str, ...] = (
    "Planification",
    "Opérationnel",
    "Foncier",
    "Financement",
    "Programmes",
    "Ingénierie et conseil",
    "Études",
    "Posture de l'État",
    "Concertation",
)

#: Marks entries added during a workshop when nobody gave a name.
PARTICIPANT = "participant"

MAX_BYTES = 5_000_000


@dataclass
class Tool:
    nom: str
    categorie: str = ""
    description: str = ""
    porteur: str = ""
    quand: str = ""
    ajoute_par: str = ""

    def cleaned(self) -> Tool:
        """Whitespace-normalised copy (names typed live carry stray spaces)."""
        values = {k: " ".join(str(v or "").split()) for k, v in asdict(self).items()}
        return Tool(**values)

    def as_row(self) -> list[str]:
        return [getattr(self, name) or "" for name in EXPORT_HEADER]


@dataclass
class ParseResult:
    tools: list[Tool]
    encoding: str = "utf-8"
    delimiter: str = ","
    #: English, QT_TR_NOOP-marked notes about what was adapted (shown to the user).
    notes: list[str] = field(default_factory=list)


def name_key(name: str) -> str:
    """Key under which two names are the same tool (case, accents, spaces)."""
    text = unicodedata.normalize("NFKD", " ".join(str(name or "").split()).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def check_tool(tool: Tool, others: list[Tool] | None = None) -> Tool:
    """Clean one entry typed in the dialog; refuse an empty or taken name."""
    tool = tool.cleaned()
    if not tool.nom:
        raise AtelierError(QT_TR_NOOP("A tool needs a name."))
    if len(tool.nom) > 200:
        raise AtelierError(QT_TR_NOOP("The tool name is too long (200 characters at most)."))
    key = name_key(tool.nom)
    for other in others or []:
        if name_key(other.nom) == key:
            raise AtelierError(
                QT_TR_NOOP("The catalogue already has a tool named “{name}”."),
                name=other.nom,
            )
    return tool


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Text, encoding and notes: UTF-8 (with or without BOM), else Windows Latin-1."""
    notes: list[str] = []
    if b"\x00" in data[:4096]:
        raise AtelierError(
            QT_TR_NOOP(
                "This file is not a text (CSV) file. Save the spreadsheet as "
                "“CSV UTF-8” and try again."
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    notes.append(
        QT_TR_NOOP(
            "The file was not UTF-8: it was read as Windows Latin-1 text; check the accents."
        )
    )
    return data.decode("cp1252", errors="replace"), "cp1252", notes


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: ``,`` or a French spreadsheet's ``;`` or a tab."""
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def parse_csv(data: bytes) -> ParseResult:
    """Parse and check a whole catalogue file; raise AtelierError on any bad line."""
    if len(data) > MAX_BYTES:
        raise AtelierError(QT_TR_NOOP("This file is too large to be a tool catalogue."))
    text, encoding, notes = decode(data)
    if not text.strip():
        raise AtelierError(QT_TR_NOOP("The file is empty."))
    delimiter = sniff_delimiter(text)
    if delimiter == ";":
        notes.append(
            QT_TR_NOOP(
                "The columns were separated by semicolons (French spreadsheet): read as such."
            )
        )
    elif delimiter == "\t":
        notes.append(QT_TR_NOOP("The columns were separated by tabs: read as such."))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = [name_key(h).replace(" ", "_") for h in rows[0]]
    missing = [h for h in HEADER if h not in header]
    if missing:
        raise AtelierError(
            QT_TR_NOOP(
                "The first line must name the columns {expected}; missing: {missing} "
                "(found: {found})."
            ),
            expected=", ".join(HEADER),
            missing=", ".join(missing),
            found=", ".join(rows[0]) or "-",
        )
    index = {name: header.index(name) for name in EXPORT_HEADER if name in header}
    tools: list[Tool] = []
    seen: dict[str, int] = {}
    duplicates: list[str] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: (row[i] if i < len(row) else "") for name, i in index.items()}
        tool = Tool(**values).cleaned()
        if not tool.nom:
            raise AtelierError(
                QT_TR_NOOP("Line {line}: the tool has no name (column “nom”)."),
                line=line_no,
            )
        key = name_key(tool.nom)
        if key in seen:
            duplicates.append(f"“{tool.nom}” ({seen[key]}, {line_no})")
        else:
            seen[key] = line_no
        tools.append(tool)
    if duplicates:
        raise AtelierError(
            QT_TR_NOOP("The file lists the same tool more than once (lines): {names}."),
            names="; ".join(duplicates),
        )
    if not tools:
        raise AtelierError(QT_TR_NOOP("The file has a header but no tool."))
    return ParseResult(tools, encoding, delimiter, notes)


def to_csv(tools: list[Tool]) -> bytes:
    """UTF-8 CSV with the export header (ajoute_par kept for the round trip)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    for tool in tools:
        writer.writerow(tool.cleaned().as_row())
    return out.getvalue().encode("utf-8")


@dataclass
class MergePlan:
    """What an import will do: new tools, updated ones (by name), unchanged ones."""

    add: list[Tool]
    update: list[tuple[int, Tool]]
    unchanged: int


def plan_merge(existing: dict[int, Tool], incoming: list[Tool]) -> MergePlan:
    """Merge by name: keep every existing tool (and its links), add or update."""
    by_key = {name_key(t.nom): fid for fid, t in existing.items()}
    add: list[Tool] = []
    update: list[tuple[int, Tool]] = []
    unchanged = 0
    for tool in incoming:
        fid = by_key.get(name_key(tool.nom))
        if fid is None:
            add.append(tool)
            continue
        current = existing[fid].cleaned()
        merged = Tool(
            nom=current.nom if current.nom else tool.nom,
            categorie=tool.categorie or current.categorie,
            description=tool.description or current.description,
            porteur=tool.porteur or current.porteur,
            quand=tool.quand or current.quand,
            ajoute_par=tool.ajoute_par or current.ajoute_par,
        )
        if merged == current:
            unchanged += 1
        else:
            update.append((fid, merged))
    return MergePlan(add, update, unchanged)

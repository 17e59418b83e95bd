# SPDX-License-Identifier: GPL-2.0-or-later
"""INSEE commune codes: checked before they go into any filter or file name."""

from __future__ import annotations

import re

from .errors import QT_TR_NOOP, AtelierError

#: Two digits (2A/2B for Corsica), then three digits: 59464, 2A004, 97101.
_CODE = re.compile(r"(?:[0-9]{2}|2[AB])[0-9]{3}")


def insee_code(text: object) -> str:
    """The code, stripped and upper-cased; a clear error for anything else."""
    code = str(text if text is not None else "").strip().upper()
    if not _CODE.fullmatch(code):
        raise AtelierError(
            QT_TR_NOOP(
                "The INSEE code {code} is not valid: 5 characters, two digits "
                "(2A or 2B in Corsica) then three digits, e.g. 59464."
            ),
            code=str(text if text is not None else "").strip(),
        )
    return code

# SPDX-License-Identifier: GPL-2.0-or-later
"""Errors raised by the rules, carrying a translatable English message.

The message is marked with ``QT_TR_NOOP`` so that ``pylupdate5`` collects it;
the layers above translate it when shown (``infra.i18n.tr(err.message)``), then
format it with ``err.params``. Nothing here imports Qt.
"""


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (name recognised by pylupdate5)
    return text


class AtelierError(Exception):
    """A failure the user can act on; ``message`` is an English template."""

    def __init__(self, message: str, **params):
        self.message = message
        self.params = params
        super().__init__(message.format(**params) if params else message)

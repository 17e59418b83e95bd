# SPDX-License-Identifier: GPL-2.0-or-later
"""A step of the dock: a short explanation and a column of actions."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StepPanel(QWidget):
    """Subclasses set ``STEP_ID`` and implement ``title()``/``build()``."""

    STEP_ID = ""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.iface = context.iface
        self.buttons: dict[str, QPushButton] = {}
        self.setObjectName(f"step_{self.STEP_ID}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.build()
        self.layout_.addStretch(1)

    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        raise NotImplementedError

    def add_help(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid);")
        self.layout_.addWidget(label)
        return label

    def add_action(self, key: str, text: str, slot=None, tooltip: str = "", disabled_why: str = ""):
        """Add a button; with ``disabled_why`` it stays disabled and says why."""
        button = QPushButton(text, self)
        button.setObjectName(f"action_{key}")
        if disabled_why:
            button.setEnabled(False)
            button.setToolTip(disabled_why)
        else:
            button.setToolTip(tooltip)
            if slot is not None:
                button.clicked.connect(slot)
        self.layout_.addWidget(button)
        self.buttons[key] = button
        return button

    def unload(self) -> None:
        """Release map tools, signals, tasks (override when needed)."""

"""What a screen reader needs from every control: a name and a description.

``unlabelled(root)`` lists the visible interactive controls under ``root`` (buttons, fields,
lists, tables, combo and spin boxes) whose accessible name or description is empty, as Qt's
accessibility layer reports them (a description falls back on the tooltip)."""

from __future__ import annotations


def unlabelled(root) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    kinds = (
        QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
        QPlainTextEdit, QTextEdit, QTabBar,
    )  # fmt: skip
    problems = []
    from PySide6.QtWidgets import QWidget

    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView):
            continue  # a table's headers are read with its cells
        if widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar):
            continue  # Qt's own corner button
        if not widget.isVisibleTo(root) or type(widget).__name__ in ("QScrollBar",):
            continue
        if widget.parent() is not None and type(widget.parent()).__name__ in (
            "QAbstractSpinBox", "QSpinBox", "QComboBox", "QLineEdit", "QDoubleSpinBox",
        ):  # fmt: skip
            continue  # the inner editor of a spin or combo box
        interface = QAccessible.queryAccessibleInterface(widget)
        if isinstance(widget, QTabBar) and interface is not None:
            # a tab bar is read tab by tab: each tab needs its name and description
            tabs = [interface.child(i) for i in range(interface.childCount())]
            tabs = [
                tab for tab in tabs if tab is not None and tab.role() == QAccessible.Role.PageTab
            ]
            for tab in tabs:
                if not tab.text(QAccessible.Text.Description).strip():
                    problems.append(f"tab «{tab.text(QAccessible.Text.Name)}»: no description")
            continue
        name = interface.text(QAccessible.Text.Name) if interface else ""
        description = interface.text(QAccessible.Text.Description) if interface else ""
        what = f"{type(widget).__name__} {widget.objectName() or ''} «{name}»"
        if not name.strip():
            problems.append(f"{what}: no name")
        elif not description.strip():
            problems.append(f"{what}: no description")
    return problems

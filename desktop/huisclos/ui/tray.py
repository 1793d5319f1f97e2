"""Huis clos in the notification area while the clipboard watch is on: the tray icon, its menu,
and the notification about a copied comment with its two actions.

The notification. ``QSystemTrayIcon.showMessage`` shows a title and one line but cannot carry
buttons (neither Windows toasts nor freedesktop bubbles through Qt). So the two actions live in
two places, both a click away:

1. the system notification says what and why — the category and a fixed reason for it
   (:func:`notice_title`, :func:`notice_line`), never a word of the comment, since the OS keeps
   a history of notifications — and ends with «Cliquez ici…»;
2. a click on it (``messageClicked``) opens :class:`NoticePopup`, a small non-modal window
   beside the tray with the same line and the two buttons, «Copier la formulation neutre»
   (the clipboard gets the proposal) and «Ouvrir» (the check box opens with the text); it closes
   itself after :data:`POPUP_SECONDS` unless the pointer is over it;
3. the tray menu carries the same two actions for the last notification, for whoever missed
   the bubble.

Where the platform shows no notifications (``supportsMessages()`` false), the popup is shown at
once instead. The popup is also how the notification's content is rendered offscreen for tests
and screenshots.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QEnterEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.check.comment import Notice
from .labels import category_label, category_reason, reason_label
from .style import paragraph, spaced

translate = QCoreApplication.translate  # lupdate reads translate("Tray", …) calls

POPUP_SECONDS = 30
MESSAGE_MS = 12_000


def notice_title(notice: Notice) -> str:
    """«Commentaire copié à revoir : Santé, Religion et convictions»."""
    categories = ", ".join(category_label(category) for category in notice.categories)
    return translate("Tray", "Commentaire copié à revoir : {0}").format(categories)


def notice_line(notice: Notice) -> str:
    """Why, in one line: the main category's reason, and the qualifiers found."""
    reason = category_reason(notice.main_category)
    line = reason[:1].upper() + reason[1:]
    if notice.reasons:
        qualifiers = ", ".join(reason_label(reason) for reason in notice.reasons)
        line += " " + translate("Tray", "Aussi : {0}.").format(qualifiers)
    return line


class NoticePopup(QFrame):
    """The notification's content with its two actions, as a small window beside the tray."""

    copy_requested = Signal()
    open_requested = Signal()

    def __init__(self, notice: Notice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self.setObjectName("noticePopup")
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # beside the practice software, never taking the keyboard from it
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAccessibleName(self.tr("Notification de Huis clos"))
        self.setFixedWidth(400)
        layout = spaced(QVBoxLayout(self), (14, 10, 10, 12), 6)
        top = QHBoxLayout()
        self.title = QLabel(notice_title(notice))
        self.title.setObjectName("noticeTitle")
        self.title.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Fermer"))
        close.setAccessibleName(self.tr("Fermer la notification"))
        close.clicked.connect(self.close)
        top.addWidget(self.title, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.line = paragraph(notice_line(notice), self)
        layout.addWidget(self.line)
        hint = paragraph(
            self.tr("Le texte copié n'est ni affiché ici, ni enregistré, ni envoyé."), self
        )
        hint.setObjectName("noticeHint")
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copier la formulation neutre"))
        self.copy_button.setObjectName("primaryButton")
        self.copy_button.setToolTip(
            self.tr("Remplacer le texte copié par la proposition neutre, à coller (Ctrl+V)")
        )
        self.copy_button.clicked.connect(lambda: self._act(self.copy_requested))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.setToolTip(self.tr("Voir le détail dans « Vérifier un commentaire »"))
        self.open_button.clicked.connect(lambda: self._act(self.open_requested))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POPUP_SECONDS * 1000)
        self._timer.timeout.connect(self.close)

    def _act(self, signal: Signal) -> None:  # type: ignore[type-arg]
        signal.emit()  # type: ignore[attr-defined]
        self.close()

    def show_near(self, anchor: QRect | None) -> None:
        """Show beside the tray icon (``anchor``), or at the bottom right of the screen."""
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
        size = self.sizeHint()
        if anchor is not None and anchor.isValid() and area.contains(anchor.center()):
            x = min(
                max(anchor.center().x() - size.width() // 2, area.left()),
                area.right() - size.width(),
            )
            above = anchor.top() - size.height() - 8
            y = above if above >= area.top() else anchor.bottom() + 8
        else:
            x, y = area.right() - size.width() - 16, area.bottom() - size.height() - 16
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
        self._timer.start()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._timer.start()
        super().leaveEvent(event)


class Tray(QObject):
    """The tray icon and its menu; shows notices. Decides nothing: it emits what was asked."""

    check_requested = Signal()
    watch_toggled = Signal(bool)
    show_window_requested = Signal()
    quit_requested = Signal()
    copy_neutral_requested = Signal()
    open_last_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(translate("Tray", "Huis clos — veille du presse-papiers"))
        self.menu = QMenu()
        self.menu.setToolTipsVisible(True)  # the watch's sentence: what it does, nothing kept
        self.check_action = self._action(
            translate("Tray", "Vérifier un commentaire…"), self.check_requested
        )
        self.watch_action = QAction(translate("Tray", "Veille du presse-papiers"), self.menu)
        self.watch_action.setCheckable(True)
        self.watch_action.setToolTip(
            translate(
                "Tray",
                "Vérifie sur cet ordinateur chaque texte copié ; rien n'est enregistré ni envoyé",
            )
        )
        self.watch_action.toggled.connect(self.watch_toggled)
        self.menu.addAction(self.check_action)
        self.menu.addAction(self.watch_action)
        self.menu.addSeparator()
        self.copy_action = self._action(
            translate("Tray", "Copier la formulation neutre"), self.copy_neutral_requested
        )
        self.open_action = self._action(
            translate("Tray", "Ouvrir le dernier texte signalé"), self.open_last_requested
        )
        self.menu.addActions([self.copy_action, self.open_action])
        self.menu.addSeparator()
        self.show_action = self._action(
            translate("Tray", "Afficher Huis clos"), self.show_window_requested
        )
        self.quit_action = self._action(translate("Tray", "Quitter"), self.quit_requested)
        self.menu.addActions([self.show_action, self.quit_action])
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.show_popup)
        self.notice: Notice | None = None
        self.popup: NoticePopup | None = None
        self.set_last_available(False)

    def _action(self, text: str, signal: Signal) -> QAction:  # type: ignore[type-arg]
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _checked=False: signal.emit())  # type: ignore[attr-defined]
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window_requested.emit()

    def set_visible(self, visible: bool) -> None:
        self.icon.setVisible(visible)

    def set_watching(self, on: bool) -> None:
        self.watch_action.blockSignals(True)
        self.watch_action.setChecked(on)
        self.watch_action.blockSignals(False)

    def set_last_available(self, available: bool) -> None:
        """The menu's two actions act on the last notification, while there is one."""
        self.copy_action.setEnabled(available)
        self.open_action.setEnabled(available)
        if not available:
            self.notice = None
            if self.popup is not None:
                self.popup.close()

    def show_notice(self, notice: Notice) -> None:
        """The system notification for ``notice`` (or the popup where there is none)."""
        self.set_last_available(True)
        self.notice = notice
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(
                notice_title(notice),
                notice_line(notice)
                + " "
                + translate("Tray", "Cliquez ici pour la formulation neutre."),
                QSystemTrayIcon.MessageIcon.Warning,
                MESSAGE_MS,
            )
        else:
            self.show_popup()

    def show_popup(self) -> NoticePopup | None:
        """The popup with the two actions, for the last notification."""
        if self.notice is None:
            return None
        if self.popup is not None:
            self.popup.close()
        popup = NoticePopup(self.notice)
        popup.copy_requested.connect(self.copy_neutral_requested)
        popup.open_requested.connect(self.open_last_requested)
        popup.destroyed.connect(lambda _=None, gone=popup: self._forget(gone))
        self.popup = popup
        popup.show_near(self.icon.geometry())
        return popup

    def _forget(self, popup: NoticePopup) -> None:
        if self.popup is popup:
            self.popup = None

    def hide(self) -> None:
        if self.popup is not None:
            self.popup.close()
        self.icon.hide()


__all__ = ["NoticePopup", "Tray", "notice_line", "notice_title"]

"""«Veille du presse-papiers»: each text copied in another program (Ctrl+C in the practice
software) is checked on this computer; a medium- or high-severity finding asks for one
notification.

Qt only: the watch listens to ``QClipboard.dataChanged`` — no keyboard hook, no global key
capture, no polling. What it skips, and how it remembers without keeping, is the core's
(:mod:`huisclos.core.check.copies`): non-text content, content a password manager marked secret,
texts over 2,000 characters, a text already looked at (a keyed hash in memory, nothing on disk),
Huis clos's own writes (:meth:`ClipboardWatch.write` marks them seen first) and copies made
in a Huis clos window (:func:`copied_in_huis_clos`). While the
lexicon is still being prepared (``detector`` returns None), the latest copy waits in memory and
is checked by :meth:`ClipboardWatch.detector_ready`.

``flagged`` is the seam between the watch and whatever shows the notification (the tray,
:mod:`.tray`; a test): it is emitted once per notification to show, with the
:class:`~huisclos.core.check.comment.Notice` (categories and reasons only) and the check (its
text stays in this process's memory, for «Copier la formulation neutre» and «Ouvrir»).
``looked_at`` is emitted for every copied text checked, for the day's figures.

Threading: GUI thread only (the clipboard lives there; a check takes a millisecond or less).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from ..core.check.comment import check_comment, notice_for
from ..core.check.copies import SeenTexts, marked_secret, skip_reason
from ..core.detect.detector import Detector

logger = logging.getLogger(__name__)


def copied_in_huis_clos() -> bool:
    """True when a Huis clos window has the keyboard focus: the copy was made here (the review,
    the check box), not in the practice software, and what it holds is already on screen."""
    active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    return active and QGuiApplication.focusWindow() is not None


class ClipboardWatch(QObject):
    """Checks each text copied to ``clipboard`` while :attr:`active`."""

    flagged = Signal(object, object)  # Notice, CommentCheck: one notification to show
    looked_at = Signal(object, object)  # CommentCheck, Notice | None: a copied text checked

    def __init__(
        self,
        clipboard: QClipboard,
        parent: QObject | None = None,
        *,
        detector: Callable[[], Detector | None] = Detector.default,
        own_copy: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.clipboard = clipboard
        self._detector = detector
        self._own_copy = own_copy  # None: copied_in_huis_clos
        self.seen = SeenTexts()
        self.active = False
        self._writing = False
        self._pending: str | None = None

    def start(self) -> None:
        """Watch from now on (what is already on the clipboard is not looked at)."""
        if not self.active:
            self.clipboard.dataChanged.connect(self._changed)
            self.active = True

    def stop(self) -> None:
        if self.active:
            self.clipboard.dataChanged.disconnect(self._changed)
            self.active = False
        self._pending = None

    def write(self, text: str) -> None:
        """Put ``text`` on the clipboard as Huis clos's own write: never looked at."""
        self.seen.remember(text.strip())
        self._writing = True
        try:
            self.clipboard.setText(text)
        finally:
            self._writing = False

    def _changed(self) -> None:
        if self._writing:
            return
        if (self._own_copy or copied_in_huis_clos)():
            logger.debug("Clipboard change skipped: copied in Huis clos")
            return
        mime = self.clipboard.mimeData()
        if mime is None:
            return
        formats = list(mime.formats())
        secret = marked_secret(formats, lambda name: bytes(mime.data(name).data()))
        is_text = mime.hasText() and not mime.hasUrls()
        text = mime.text().strip() if is_text else ""
        skipped = skip_reason(text, is_text=is_text, secret=secret)
        if skipped is not None:
            logger.debug("Clipboard change skipped: %s", skipped.value)
            return
        if not self.seen.first_time(text):
            logger.debug("Clipboard change skipped: seen")
            return
        self._check(text)

    def detector_ready(self) -> None:
        """The lexicon is ready: check the text copied while it was being prepared."""
        text, self._pending = self._pending, None
        if text is not None and self.active:
            self._check(text)

    def _check(self, text: str) -> None:
        detector = self._detector()
        if detector is None:  # still being prepared: only the latest copy waits, in memory
            self._pending = text
            return
        check = check_comment(text, detector)
        notice = notice_for(check)
        self.looked_at.emit(check, notice)
        if notice is not None:
            self.flagged.emit(notice, check)


__all__ = ["ClipboardWatch", "copied_in_huis_clos"]

"""Benchmark: one check of «Vérifier un commentaire» stays under 50 ms, so it can run on the GUI
thread as the secretary types (issue 19).

Run by hand (not collected by pytest)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_check.py

Measures, over the distinct comments of the labelled corpus (sensitive and benign, as typed in
practices) and over long pasted texts (several comments joined, up to the watch's 2,000
characters):

1. ``check_comment`` alone (detection and ranked proposals: what ``huisclos check`` and the
   clipboard watch run);
2. the check box's whole re-check (``CheckPanel.recheck`` and the events it queues: the check,
   the highlights, the finding cards and the proposal laid out and painted), what one pause in
   the typing costs the GUI thread — a comment pasted at once, a comment typed one key at a
   time (a re-check after every key, the worst case of the debounce), a long text pasted.

The detector is built first (its compiled matcher comes from the cache). Figures are wall-clock
milliseconds on a shared machine: run twice, keep the best.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "corpus" / "comments.csv"
LIMIT_MS = 50.0


def corpus_comments() -> list[str]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle, delimiter=";")]
    return list(dict.fromkeys(text for text in texts if text.strip()))


def long_texts(comments: list[str], count: int = 50) -> list[str]:
    rng = random.Random(19)
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < 1_900:
            parts.append(rng.choice(comments))
        out.append((". ".join(parts))[:2_000])
    return out


def timed(label: str, texts: list[str], run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for text in texts:
        start = time.perf_counter()
        run(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{label:<38} n={len(times):>5}  median {statistics.median(times):6.2f} ms  "
        f"p99 {p99:6.2f} ms  max {times[-1]:6.2f} ms"
    )
    return times[-1]


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from huisclos.core.check.comment import check_comment
    from huisclos.core.detect.detector import Detector
    from huisclos.ui.check_box import CheckPanel

    app = QApplication.instance() or QApplication(sys.argv)
    start = time.perf_counter()
    detector = Detector.default()
    print(f"detector ready in {time.perf_counter() - start:.2f} s")
    comments = corpus_comments()
    long = long_texts(comments)
    worst = 0.0
    worst = max(
        worst,
        timed("check_comment, corpus comments", comments, lambda t: check_comment(t, detector)),
    )
    worst = max(
        worst,
        timed("check_comment, long texts (2,000 ch.)", long, lambda t: check_comment(t, detector)),
    )
    panel = CheckPanel(detector=lambda: detector)
    panel.resize(680, 560)
    panel.show()

    def settle() -> None:  # what the event loop does after a re-check, deferred deletes too
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def recheck(text: str) -> None:
        panel.editor.blockSignals(True)
        panel.editor.setPlainText(text)
        panel.editor.blockSignals(False)
        panel.recheck()
        settle()

    worst = max(worst, timed("box, a comment pasted", comments[:400], recheck))
    typed = [text[:end] for text in comments[:60] for end in range(1, len(text) + 1)]

    def typing(text: str) -> None:  # one more key: the text so far is ``text``
        panel.editor.blockSignals(True)
        if len(text) == 1:
            panel.editor.clear()
        panel.editor.insertPlainText(text[-1])
        panel.editor.blockSignals(False)
        panel.recheck()
        settle()

    worst = max(worst, timed("box, a comment typed key by key", typed, typing))
    worst = max(worst, timed("box, a long text pasted", long, recheck))
    verdict = "OK" if worst <= LIMIT_MS else "TOO SLOW"
    print(f"worst single check {worst:.1f} ms (limit {LIMIT_MS:.0f} ms): {verdict}")
    return 0 if worst <= LIMIT_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

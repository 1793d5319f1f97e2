"""Shared data and helpers for the desktop app tests."""

from __future__ import annotations

from pathlib import Path

LEAKED = [
    "porteuse sida !!! !!!!",
    "serait homosexuelle d'après sa mère",
    "mère musulmane voilée",
    "catholique non pratiquante car ses 2 frères sont suicidés",
]

HEADER = "Dossier;Nom;Prénom;Date de naissance;Commentaire administratif"
ROWS = [
    ("1001", "MARTIN", "Sophie", "12/03/1980", LEAKED[0]),
    ("1002", "DURAND", "Claire", "01/07/1975", LEAKED[1]),
    ("1003", "BENALI", "Nadia", "23/11/1990", LEAKED[2]),
    ("1004", "PETIT", "Louis", "05/05/1962", LEAKED[3]),
    ("1005", "LEROY", "Jean", "14/02/1950", "Préfère RDV le matin"),
    ("1006", "MOREAU", "Paul", "30/09/1988", "juif pratiquant, pas de RDV le samedi"),
    ("1007", "SIMON", "Anne", "11/11/1971", "malentendant – parler fort"),
    ("1008", "LAURENT", "Marc", "02/02/1966", "appeler sur portable"),
    ("1009", "GAY", "Michel", "19/08/1959", "code porte 1234B"),
    ("1010", "NOIR", "Julie", "07/07/1999", "3 RDV non honorés – rappeler la veille"),
]


def open_and_wait(qtbot, win, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Open ``path`` like a user would and wait until its scan is over."""
    with qtbot.waitSignal(win.scan_finished, timeout=30_000):
        win.open_file(path)
    assert win.session is not None and win.session.scan_complete


def open_at_first_comment(qtbot, win, path: Path):  # type: ignore[no-untyped-def]
    """Open ``path``, wait for its scan, select the first comment to review; returns the
    session, the review page and that comment's cell."""
    open_and_wait(qtbot, win, path)
    win.review_page.select_row(0)
    return win.session, win.review_page, win.review_page.current_key()

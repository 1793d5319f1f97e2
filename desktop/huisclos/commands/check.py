"""``huisclos check "texte"`` (or the text on standard input; ``--lines``: one comment per line)
— check a comment before it is saved in the practice software.

Text mode prints, for each comment, the sensitive passages in French (matched words, category,
severity, reasons and why it is a problem) and the neutral proposal; ``--format jsonl`` prints
one Finding per line like ``scan --format jsonl``, its ``suggestion`` always filled in (a check's
job includes the proposal), ``row`` = the comment's line (1 for a single comment), ``column``
empty. The practice's own terms and allowed terms apply. Nothing is written, the journal
included: the command only reads the text it is given and prints.

Exit 0 when the check ran, whatever it found; 2 with one French line on unusable input (no text,
an empty one, bytes that are not text).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ..core.check.comment import CommentCheck, check_comment
from ..core.detect.detector import Detector
from ..core.detect.findings import json_line
from ..core.errors import HuisclosError
from ..core.french import number
from .scan import practice_warnings, print_comment_findings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="*",
        metavar="TEXTE",
        help="le commentaire à vérifier, entre guillemets ; sans texte, il est lu sur l'entrée "
        "standard",
    )
    parser.add_argument(
        "--lines",
        action="store_true",
        help="un commentaire par ligne (lignes vides ignorées, numérotées comme dans l'entrée)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text : résultat en français (par défaut) ; jsonl : un signalement JSON par ligne, "
        "comme scan, avec la proposition",
    )


def run(args: argparse.Namespace) -> int:
    given = " ".join(args.text) if args.text else read_stdin(sys.stdin)
    comments = _comments(given, lines=args.lines)
    detector = Detector.default()
    practice_warnings(detector)
    checks = [check_comment(text, detector, number=line) for line, text in comments]
    out = sys.stdout
    if args.format == "jsonl":
        out.write("".join(json_line(f) for check in checks for f in check.findings))
    elif args.lines:
        print_lines([line for line, _ in comments], checks, out)
    else:
        print_single(checks[0], out)
    return 0


def read_stdin(stream: TextIO | None) -> str:
    """The text piped in: UTF-8 (with or without BOM), else Windows-1252 (a text saved by
    Notepad or Excel on a French PC). Refused: a terminal (nothing piped) and bytes that are
    not text."""
    if stream is None or stream.isatty():
        raise HuisclosError(
            'indiquez le commentaire à vérifier : huisclos check "texte", ou envoyez-le sur '
            "l'entrée standard (un commentaire par ligne avec --lines)."
        )
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # an in-memory text stream (embedding programs, tests)
        return stream.read()
    data = buffer.read()
    if b"\x00" in data:
        raise HuisclosError(
            "l'entrée standard n'est pas du texte (fichier binaire ?) : envoyez un texte brut."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise HuisclosError(  # pragma: no cover - cp1252 leaves only 5 bytes undefined
        "l'entrée standard n'est ni en UTF-8 ni en Windows-1252 : enregistrez le texte en UTF-8."
    )


def _comments(text: str, *, lines: bool) -> list[tuple[int, str]]:
    """(line number, comment) pairs: the whole text, or each non-blank line with ``lines``."""
    if lines:
        found = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
        if not found:
            raise HuisclosError("aucun commentaire à vérifier : chaque ligne reçue est vide.")
        return found
    comment = text.rstrip("\r\n")
    if not comment.strip():
        raise HuisclosError("le commentaire à vérifier est vide.")
    return [(1, comment)]


def print_single(check: CommentCheck, out: TextIO) -> None:
    if not check.flagged:
        out.write("Rien à signaler dans ce commentaire.\n")
        return
    print_comment_findings(
        f"À revoir : {_passages(check)}", list(check.findings), out, explain=True
    )


def print_lines(numbers: list[int], checks: list[CommentCheck], out: TextIO) -> None:
    flagged = 0
    for line, check in zip(numbers, checks, strict=True):
        if not check.flagged:
            out.write(f"- ligne {line} : rien à signaler\n")
            continue
        flagged += 1
        print_comment_findings(
            f"- ligne {line} : {_passages(check)}", list(check.findings), out, explain=True
        )
    out.write(f"Commentaires vérifiés : {number(len(checks))} ; à revoir : {number(flagged)}\n")


def _passages(check: CommentCheck) -> str:
    count = len(check.findings)
    return "1 passage sensible" if count == 1 else f"{number(count)} passages sensibles"

"""The command line: ``huisclos scan|check|clean|log|demo|report …``.

A thin face over the core, like the desktop app. Each sub-command lives in
``huisclos.commands.<name>`` with ``add_arguments(parser)`` and ``run(args) -> int``.
Exit codes: 0 the job completed (findings or not), 1 a failed check (``log verify``),
2 unusable input or arguments, with one French line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING

from . import __version__
from .core.errors import HuisclosError

if TYPE_CHECKING:  # the report modules load only for a report
    from .core.report.output import PdfRenderer

logger = logging.getLogger(__name__)

COMMANDS: dict[str, str] = {
    "scan": "Repère les commentaires sensibles d'un export",
    "check": "Vérifie un commentaire avant de l'enregistrer (texte ou entrée standard)",
    "clean": "Écrit une copie nettoyée et/ou la liste de corrections",
    "log": "Consulte, vérifie ou exporte le journal chiffré",
    "demo": "Analyse l'exemple fictif fourni (ou génère un fichier d'exercice)",
    "report": "Produit le rapport d'autocontrôle (PDF ou HTML)",
}


# argparse's own words (usage, help, errors) in French: argparse looks them up through its
# module-level gettext alias at call time, so mapping that alias is enough.
_ARGPARSE_FR: dict[str, str] = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "not allowed with argument %s": "incompatible avec %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
}
argparse._ = lambda text: _ARGPARSE_FR.get(text, text)  # type: ignore[attr-defined]


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors in one French line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"huisclos : argument invalide — {message}\n")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the command named in ``argv`` is imported and given its options (a
    command's module loads what its job needs: ``huisclos --help`` loads none of them). With
    ``argv`` None, every command is given its options."""
    parser = FrenchArgumentParser(
        prog="huisclos",
        description="Huis clos — autocontrôle des commentaires administratifs. "
        "Sans argument : ouvre l'application ; --tray : la démarre dans la zone de "
        "notification, veille du presse-papiers active.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"huisclos {__version__}",
        help="affiche la version et quitte",
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser
    )
    chosen = _command_named(argv)
    for name, help_text in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if argv is None or name == chosen:
            module = importlib.import_module(f"huisclos.commands.{name}")
            module.add_arguments(command_parser)
            command_parser.set_defaults(_run=module.run)
    return parser


def _command_named(argv: list[str] | None) -> str | None:
    """The sub-command of ``argv``: its first word that is not an option (the main parser has
    no option taking a value)."""
    for word in argv or ():
        if not word.startswith("-"):
            return word
    return None


def _configure_logging() -> None:
    """Library warnings are for developers: shown only with ``HUISCLOS_DEBUG=1``.

    Everything a user must know is printed by the commands themselves, in French.
    """
    if os.environ.get("HUISCLOS_DEBUG"):
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    else:
        # A handler on our logger keeps Python's last-resort stderr printer quiet, while
        # records still propagate to any handler an embedding program installs.
        package_logger = logging.getLogger("huisclos")
        if not any(isinstance(h, logging.NullHandler) for h in package_logger.handlers):
            package_logger.addHandler(logging.NullHandler())


def _printable_streams() -> None:
    """A file name the OS gave as undecodable bytes, or a character the console's encoding
    lacks, is printed escaped («copie-\\xe9.csv») instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None, *, render_pdf: PdfRenderer | None = None) -> int:
    """Run one sub-command; returns the exit code. ``render_pdf`` draws PDF reports (the
    program's entry point hands in Qt's; without one, ``report`` writes HTML only)."""
    _configure_logging()
    _printable_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    parser.set_defaults(render_pdf=render_pdf, _run=None)
    args = parser.parse_args(argv)
    if args._run is None:
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except HuisclosError as error:
        print(f"huisclos : {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("huisclos : interrompu.", file=sys.stderr)
        return 130
    except MemoryError:
        print("huisclos : mémoire insuffisante pour ce fichier.", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader took what it wanted and went away (``huisclos scan … | head``): not an
        # error of the user's, so stop quietly with success, whatever the output format.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: say so in French, details only for developers
        logger.exception("Unexpected error")
        if os.environ.get("HUISCLOS_DEBUG"):
            raise
        print(
            f"huisclos : erreur inattendue ({type(error).__name__}). Rien n'a été modifié ; "
            "relancez avec HUISCLOS_DEBUG=1 pour le détail et signalez-la.",
            file=sys.stderr,
        )
        return 2

"""The practice's own words: terms it has judged acceptable, and terms it wants flagged too.

Both live in the data folder (never in the bundled lexicon), private to the practice:

- ``termes-autorises.txt`` — one term per line (``#`` starts a comment): a finding whose matched
  words are one of these terms, or lie inside one of these expressions, is not reported.
- ``termes-cabinet.toml`` — extra rules in the lexicon format (resources/lexicon/README.md).

The desktop settings call :func:`load_allowlist` / :func:`save_allowlist` /
:func:`add_allowed_term` and :func:`load_extra_terms_text` / :func:`save_extra_terms_text`;
``Detector.default()`` notices the change by itself. Saving writes a temporary file then renames
it, with owner-only permissions.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..datafolder import data_dir
from ..safe_write import replace_atomically
from .lexicon import Rule, parse_rules

ALLOWLIST_FILE = "termes-autorises.txt"
EXTRA_TERMS_FILE = "termes-cabinet.toml"

EXTRA_TERMS_TEMPLATE = """\
# Termes propres au cabinet, signalés en plus du lexique de Huis clos.
# Même format que les fichiers du lexique (voir l'aide). Exemple :
#
# [[rule]]
# id = "cabinet.surnom"
# category = "judgement"
# severity = "medium"
# label = "Surnom déplacé"
# terms = ["le râleur", "la pipelette"]
# explanation = "Un surnom n'est pas objectif : un commentaire ne doit pas juger (CNIL)."
"""


def allowlist_path(create: bool = True) -> Path:
    """Where the allowlist lives (``termes-autorises.txt`` in the data folder)."""
    return data_dir(create=create) / ALLOWLIST_FILE


def extra_terms_path(create: bool = True) -> Path:
    """Where the practice's extra rules live (``termes-cabinet.toml`` in the data folder)."""
    return data_dir(create=create) / EXTRA_TERMS_FILE


def read_practice_text(path: Path) -> str:
    """A practice file as text: UTF-8 (with or without BOM), else Windows-1252 — what Notepad
    writes when «ANSI» is chosen («diab\xe8te»). Never fails on the encoding."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_allowlist() -> list[str]:
    """The accepted terms, in file order, without blanks, comments or duplicates."""
    path = allowlist_path(create=False)
    if not path.is_file():
        return []
    terms: list[str] = []
    for line in read_practice_text(path).splitlines():
        term = line.split("#", 1)[0].strip()
        if term and term not in terms:
            terms.append(term)
    return terms


def save_allowlist(terms: Iterable[str]) -> Path:
    """Replace the allowlist (one term per line)."""
    unique: list[str] = []
    for term in terms:
        term = " ".join(term.split())
        if term and term not in unique:
            unique.append(term)
    header = "# Termes autorisés par le cabinet : Huis clos ne les signale plus.\n"
    return _write_private(allowlist_path(), header + "".join(f"{t}\n" for t in unique))


def add_allowed_term(term: str) -> list[str]:
    """Add one term («Toujours autoriser ce terme») and return the new allowlist."""
    terms = load_allowlist()
    term = " ".join(term.split())
    if term and term not in terms:
        terms.append(term)
        save_allowlist(terms)
    return terms


def remove_allowed_term(term: str) -> list[str]:
    """Take a term off the allowlist and return the new allowlist."""
    terms = [t for t in load_allowlist() if t != " ".join(term.split())]
    save_allowlist(terms)
    return terms


def load_extra_terms_text() -> str:
    """The practice's rules file as text (a commented template when there is none yet)."""
    path = extra_terms_path(create=False)
    if not path.is_file():
        return EXTRA_TERMS_TEMPLATE
    return read_practice_text(path)


def save_extra_terms_text(text: str) -> list[Rule]:
    """Check then save the practice's rules; raises LexiconError (French) and saves nothing
    when the text is malformed. Returns the rules it holds."""
    rules = parse_rules(text, name=EXTRA_TERMS_FILE, origin="practice")
    _write_private(extra_terms_path(), text)
    return rules


def load_extra_rules() -> list[Rule]:
    """The practice's rules (empty when the file is absent)."""
    path = extra_terms_path(create=False)
    if not path.is_file():
        return []
    return parse_rules(read_practice_text(path), name=EXTRA_TERMS_FILE)


def _write_private(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    replace_atomically(path, lambda handle: handle.write(data))
    return path

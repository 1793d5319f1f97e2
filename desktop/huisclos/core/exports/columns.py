"""Which columns of a table hold free text (comments) and which hold identity data.

Free text is found first by the header («Commentaire», «Commentaire administratif»,
«Remarques», «Notes», «Observations», «Mémo», «Infos», «Alerte»… compared without accents or
case), then by content: a column whose filled cells are long, varied and mostly made of words.
Identity columns (NOM, Prénom, dates, phone numbers, NIR, address, e-mail…) are never free text,
whatever their content. The user overrides the choice by passing columns explicitly to the scan.

Threading: pure functions; they read at most :data:`SAMPLE_ROWS` rows of the table.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice

from .model import Table

SAMPLE_ROWS = 2000
"""Rows read to judge a column by its content."""

_FREE_TEXT_WORDS = (
    "commentaire", "commentaires", "comment", "comments", "com", "remarque", "remarques", "rq",
    "note", "notes", "observation", "observations", "obs", "memo", "memos", "info", "infos",
    "information", "informations", "alerte", "alertes", "alert", "bloc", "annotation",
    "annotations", "divers", "message", "messages", "precision", "precisions", "particularite",
    "particularites", "consigne", "consignes", "postit", "texte", "libre", "avertissement",
)  # fmt: skip
_IDENTITY_PATTERNS: dict[str, tuple[str, ...]] = {
    "dossier": (
        r"^(n|no|num|numero)? ?(de )?dossier", r"^(n|no|num|numero|id|code|ref) ?(du )?patient",
        r"^identifiant( patient)?$", r"^ipp$", r"^id$", r"^n$", r"^no$", r"^num$", r"^numero$",
        r"^ref(erence)?$", r"^code$",
    ),
    "nom": (r"^nom$", r"^nom (de naissance|usuel|d usage|patronymique|de famille|patient)$",
            r"^patronyme$", r"^nom patient$", r"^last ?name$", r"^surname$"),
    "prenom": (r"^prenoms?( usuel| d usage)?$", r"^first ?name$", r"^prenom patient$"),
    "naissance": (r"^(date )?(de )?naissance$", r"^ddn$", r"^date naiss", r"^ne( ?e)? le$",
                  r"^birth", r"^date de naiss"),
}  # fmt: skip
_NEVER_FREE_TEXT = re.compile(
    r"\b(nom|prenoms?|date|dates|ddn|naissance|ne|nee|age|sexe|genre|civilite|titre|tel|"
    r"telephone|portable|mobile|fixe|fax|gsm|mail|email|courriel|adresse|rue|voie|cp|"
    r"code postal|postal|ville|commune|pays|nir|secu|securite sociale|insee|ss|matricule|"
    r"iban|rib|bic|mutuelle|amc|amo|caisse|regime|medecin|praticien|traitant|dossier|id|ipp|"
    r"identifiant|numero|n|no|num|code|ref|reference|patronyme|surname|firstname|lastname|"
    r"statut|etat|montant|solde|total|heure|creation|modification|maj|cree|modifie)\b"
)
_NOT_TEXT_FIRST_WORDS = {"date", "heure", "auteur", "nb", "nombre", "type", "code", "id"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_ADDRESS = re.compile(
    r"\b\d{1,4}( ?(bis|ter))? (rue|av|avenue|bd|boulevard|chemin|place|all[ée]e)\b"
)
_IDENTIFIER_LIKE = re.compile(r"^[\d\s/.+()-]+$")


def fold(text: str) -> str:
    """Lower case without accents, punctuation turned into single spaces («N° dossier» →
    «n dossier»)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.replace("°", " ").replace("º", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def header_role(header: str) -> str | None:
    """The identity role a header names («dossier», «nom», «prenom», «naissance»), if any."""
    folded = fold(header)
    for role, patterns in _IDENTITY_PATTERNS.items():
        if any(re.search(pattern, folded) for pattern in patterns):
            return role
    return None


def is_free_text_header(header: str) -> bool:
    """True for headers such as «Commentaire administratif», «Remarques», «Bloc-notes»."""
    words = fold(header).split()
    if words and words[0] in _NOT_TEXT_FIRST_WORDS:
        return False  # «Date du commentaire», «Auteur de la note»…
    return any(word in _FREE_TEXT_WORDS for word in words) and not _is_identity_header(header)


def _is_identity_header(header: str) -> bool:
    folded = fold(header)
    if any(word in _FREE_TEXT_WORDS for word in folded.split()) and not header_role(header):
        return False
    return bool(header_role(header) or _NEVER_FREE_TEXT.search(folded))


def looks_like_free_text(values: list[str]) -> bool:
    """Judge a column by its filled cells: long, varied, mostly words (not codes or numbers)."""
    filled = [value.strip() for value in values if value and value.strip()]
    if len(filled) < 3:
        return False
    mean_length = sum(map(len, filled)) / len(filled)
    distinct = len(set(filled)) / len(filled)
    letters = sum(sum(char.isalpha() or char.isspace() for char in value) for value in filled)
    alpha_share = letters / max(1, sum(map(len, filled)))
    several_words = sum(1 for value in filled if len(_WORD.findall(value)) >= 3) / len(filled)
    addresses = sum(1 for value in filled if _ADDRESS.search(value.casefold())) / len(filled)
    codes = sum(1 for value in filled if _IDENTIFIER_LIKE.match(value)) / len(filled)
    return (
        mean_length >= 15
        and distinct >= 0.3
        and alpha_share >= 0.7
        and several_words >= 0.4
        and addresses < 0.3
        and codes < 0.2
    )


def free_text_columns(table: Table) -> list[str]:
    """Headers of the columns that hold free-text comments (by header name, then by content)."""
    by_header = {name for name in table.header if is_free_text_header(name)}
    candidates = [
        index
        for index, name in enumerate(table.header)
        if name not in by_header and not _is_identity_header(name)
    ]
    by_content: set[str] = set()
    if candidates:
        columns = [table.header[index] for index in candidates]
        samples: list[list[str]] = [[] for _ in columns]
        for _row, values in islice(table.iter_column_values(columns), SAMPLE_ROWS):
            for sample, value in zip(samples, values, strict=True):
                sample.append(value)
        by_content = {
            column
            for column, sample in zip(columns, samples, strict=True)
            if looks_like_free_text(sample)
        }
    chosen = by_header | by_content
    return [name for name in table.header if name in chosen]


def identity_columns(table: Table) -> dict[str, str]:
    """Identity columns the correction list repeats, by role: "dossier", "nom", "prenom",
    "naissance" → header text (only the roles present; the first matching column wins)."""
    found: dict[str, str] = {}
    for name in table.header:
        if is_free_text_header(name):
            continue
        role = header_role(name)
        if role and role not in found:
            found[role] = name
    return {
        role: found[role] for role in ("dossier", "nom", "prenom", "naissance") if role in found
    }

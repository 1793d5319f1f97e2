"""Fictional patient lists of a French GP practice, for the demo, the workshop mode and benchmarks.

Nothing here is real: names and streets come from Faker ``fr_FR``; towns are real places but each
patient is invented; identifiers quoted in comments (NIR, IBAN, card numbers) are random numbers
with valid check digits so the detector recognises them. Everything is seeded: the same arguments
give the same file, byte for byte, on every machine with the same Faker version and comment bank.

Comments come from two places:

- the built-in bank ``resources/demo/comments.toml`` (shipped with the application): benign
  comments with placeholders and sensitive comments with their categories;
- the hand-labelled corpus ``tests/data/corpus/comments.csv`` when the application runs from a
  source checkout (it is not shipped) — it adds several hundred more varied comments.

Plain data in, plain data out; no Qt. Threading: pure functions, safe to call from a worker thread.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import random
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir

from ..detect.categories import CATEGORIES
from ..errors import HuisclosError
from ..exports.xlsx_writer import SheetRows, write_xlsx
from ..resources import resource, resources_dir
from ..safe_write import write_atomically

logger = logging.getLogger(__name__)

HEADER: tuple[str, ...] = (
    "N° dossier",
    "NOM",
    "Prénom",
    "Date de naissance",
    "Sexe",
    "Adresse",
    "Code postal",
    "Ville",
    "Téléphone",
    "Médecin traitant",
    "Commentaire administratif",
)
COMMENT_COLUMN = len(HEADER) - 1

FORMATS: tuple[str, ...] = ("csv-cp1252", "csv-utf8", "xlsx")
FORMAT_LABELS: dict[str, str] = {
    "csv-cp1252": "CSV « ; » Windows-1252 (logiciels de cabinet)",
    "csv-utf8": "CSV « ; » UTF-8",
    "xlsx": "Classeur Excel (.xlsx)",
}
FORMAT_SUFFIXES: dict[str, str] = {"csv-cp1252": ".csv", "csv-utf8": ".csv", "xlsx": ".xlsx"}

DEFAULT_SEED = 2025
DEMO_FILE = "patients-demo.csv"
DEMO_PATIENTS = 3000
DEMO_SENSITIVE_SHARE = 0.04
MAX_PATIENTS = 2_000_000

# Age is computed against a fixed day so that a seed gives the same birth dates every year.
_REFERENCE_DAY = dt.date(2025, 6, 30)

# (postcode, town, landline prefix): the catchment areas a fictional practice may serve.
_AREAS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("35000", "RENNES"),
        ("35200", "RENNES"),
        ("35510", "CESSON-SEVIGNE"),
        ("35170", "BRUZ"),
        ("35740", "PACE"),
        ("35135", "CHANTEPIE"),
        ("35760", "SAINT-GREGOIRE"),
    ),
    (
        ("69100", "VILLEURBANNE"),
        ("69500", "BRON"),
        ("69200", "VENISSIEUX"),
        ("69008", "LYON"),
        ("69800", "SAINT-PRIEST"),
        ("69120", "VAULX-EN-VELIN"),
    ),
    (
        ("93200", "SAINT-DENIS"),
        ("93300", "AUBERVILLIERS"),
        ("93400", "SAINT-OUEN-SUR-SEINE"),
        ("93800", "EPINAY-SUR-SEINE"),
        ("93240", "STAINS"),
        ("93140", "BONDY"),
    ),
    (
        ("59000", "LILLE"),
        ("59130", "LAMBERSART"),
        ("59650", "VILLENEUVE-D'ASCQ"),
        ("59100", "ROUBAIX"),
        ("59200", "TOURCOING"),
        ("59160", "LOMME"),
    ),
    (
        ("31000", "TOULOUSE"),
        ("31300", "TOULOUSE"),
        ("31700", "BLAGNAC"),
        ("31770", "COLOMIERS"),
        ("31140", "LAUNAGUET"),
        ("31120", "PORTET-SUR-GARONNE"),
    ),
)
# Landline prefixes by département (first two digits of the postcode); mobiles elsewhere.
_LANDLINE_PREFIX = {
    **dict.fromkeys(("75", "77", "78", "91", "92", "93", "94", "95"), "01"),
    **dict.fromkeys(("14", "22", "29", "35", "44", "49", "53", "56", "76", "85"), "02"),
    **dict.fromkeys(("02", "08", "51", "54", "57", "59", "62", "67", "68", "80"), "03"),
    **dict.fromkeys(("06", "13", "20", "30", "34", "38", "69", "83", "84"), "04"),
    **dict.fromkeys(("24", "31", "33", "40", "47", "64", "65", "81", "82", "87"), "05"),
    "97": "02",
}
_ELSEWHERE: tuple[tuple[str, str], ...] = (
    ("75011", "PARIS"),
    ("75018", "PARIS"),
    ("13005", "MARSEILLE"),
    ("33000", "BORDEAUX"),
    ("44000", "NANTES"),
    ("67000", "STRASBOURG"),
    ("06000", "NICE"),
    ("34000", "MONTPELLIER"),
    ("20000", "AJACCIO"),
    ("20200", "BASTIA"),
    ("97400", "SAINT-DENIS"),
    ("29200", "BREST"),
)
_ADDRESS_EXTRAS = (
    "",
    "",
    "",
    "",
    "",
    ", bât. B",
    ", appt 12",
    ", 3e étage",
    ", résidence Les Tilleuls",
)
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")
_HOURS = ("9h", "9h30", "10h", "11h", "14h", "16h30", "17h", "17h30", "18h", "18h30")


@dataclass(frozen=True)
class SampleComment:
    """One fictional comment and what it reveals (empty ``categories`` = benign)."""

    text: str
    categories: tuple[str, ...] = ()
    note: str = ""
    source: str = "builtin"  # "builtin" (resources/demo/comments.toml) or "corpus"

    @property
    def sensitive(self) -> bool:
        return bool(self.categories)


@dataclass(frozen=True)
class CommentBank:
    """The comments the generator draws from."""

    benign: tuple[SampleComment, ...]
    sensitive: tuple[SampleComment, ...]


@dataclass
class SyntheticExport:
    """A generated patient list with its answer key.

    ``labels[i]`` holds the categories of row ``i``'s comment (empty when the comment is benign
    or absent) — what a trainer reveals, what a test compares against.
    """

    header: list[str]
    rows: list[list[str]]
    labels: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def sensitive_rows(self) -> list[int]:
        """0-based indexes of the rows whose comment is sensitive."""
        return [i for i, cats in enumerate(self.labels) if cats]


# --------------------------------------------------------------------------- comment bank


def corpus_path() -> Path | None:
    """The labelled corpus of a source checkout, or None when it is not there (installed app)."""
    try:
        path = resources_dir().parent / "tests" / "data" / "corpus" / "comments.csv"
    except HuisclosError:
        return None
    return path if path.is_file() else None


def _load_builtin() -> tuple[list[SampleComment], list[SampleComment]]:
    path = resource("demo", "comments.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise HuisclosError(
            f"Le fichier d'exemples {path.name} est illisible ou abîmé : réinstallez Huis clos."
        ) from exc
    benign = [SampleComment(text) for text in data.get("benign", [])]
    sensitive = []
    for entry in data.get("sensitive", []):
        cats = tuple(entry.get("categories", ()))
        unknown = [c for c in cats if c not in CATEGORIES]
        if unknown or not cats:
            raise HuisclosError(
                f"Le fichier d'exemples {path.name} contient une catégorie inconnue "
                f"({', '.join(unknown) or 'aucune'}) pour « {entry.get('text', '')} »."
            )
        sensitive.append(SampleComment(entry["text"], cats, entry.get("note", "")))
    return benign, sensitive


def _load_corpus(path: Path) -> tuple[list[SampleComment], list[SampleComment]]:
    benign: list[SampleComment] = []
    sensitive: list[SampleComment] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter=";"):
                text = (record.get("text") or "").strip()
                if not text:
                    continue
                cats = tuple(c for c in (record.get("categories") or "").split(",") if c)
                if record.get("sensitive") == "1" and cats:
                    sensitive.append(SampleComment(text, cats, "", "corpus"))
                elif record.get("sensitive") == "0":
                    benign.append(SampleComment(text, (), "", "corpus"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:  # the corpus is optional
        logger.warning("labelled corpus unreadable, built-in comments only: %s", exc)
        return [], []
    return benign, sensitive


@cache
def load_comment_bank(include_corpus: bool = True) -> CommentBank:
    """The built-in comments, plus the labelled corpus when asked for and available."""
    benign, sensitive = _load_builtin()
    if include_corpus and (path := corpus_path()) is not None:
        more_benign, more_sensitive = _load_corpus(path)
        benign += more_benign
        sensitive += more_sensitive
    return CommentBank(tuple(benign), tuple(sensitive))


# --------------------------------------------------------------------------- fictional values


def make_nir(
    rng: random.Random, sex: str = "", birth: dt.date | None = None, postcode: str = ""
) -> str:
    """A NIR with a correct key, consistent with sex, birth date and place when given."""
    sex_digit = {"M": "1", "F": "2"}.get(sex) or rng.choice("12")
    birth = birth or dt.date(rng.randint(1930, 2020), rng.randint(1, 12), 1)
    if postcode.startswith("97"):
        place = postcode[:3] + f"{rng.randint(1, 34):02d}"
    elif postcode.startswith("20"):
        place = ("2A" if postcode[:3] in ("200", "201") else "2B") + f"{rng.randint(1, 366):03d}"
    elif postcode[:2].isdigit() and postcode[:2] != "00":
        place = postcode[:2] + f"{rng.randint(1, 400):03d}"
    else:
        place = "99" + f"{rng.randint(100, 450):03d}"  # born abroad
    body = f"{sex_digit}{birth.year % 100:02d}{birth.month:02d}{place}{rng.randint(1, 999):03d}"
    return body + stdnum_nir.calc_check_digits(body)


def make_iban(rng: random.Random) -> str:
    """A French IBAN (27 characters) with valid RIB key and IBAN check digits."""
    bank = f"{rng.randint(10000, 30004):05d}"
    branch = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    rib_key = f"{97 - (int(bank + branch + account) * 100) % 97:02d}"
    bban = bank + branch + account + rib_key
    return "FR" + stdnum_iban.calc_check_digits("FR00" + bban) + bban


def make_card(rng: random.Random) -> str:
    """A 16-digit card number that passes the Luhn check."""
    body = rng.choice("45") + "".join(str(rng.randint(0, 9)) for _ in range(14))
    return body + luhn.calc_check_digit(body)


def _grouped(number: str, sizes: Sequence[int]) -> str:
    parts, pos = [], 0
    for size in sizes:
        parts.append(number[pos : pos + size])
        pos += size
    parts.append(number[pos:])
    return " ".join(p for p in parts if p)


def cp1252_safe(text: str) -> str:
    """``text`` as is if Windows-1252 holds it; else accents dropped, '?' as a last resort."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in base if not unicodedata.combining(c))
            try:
                base.encode("cp1252")
                out.append(base or "?")
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


class _Slots(dict):
    """Placeholder values for one comment, created only when the comment asks for them."""

    def __init__(self, rng: random.Random, patient: dict[str, str], pools: _Pools) -> None:
        super().__init__()
        self.rng, self.patient, self.pools = rng, patient, pools

    def __missing__(self, key: str) -> str:
        rng = self.rng
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 540))
        makers = {
            "heure": lambda: rng.choice(_HOURS),
            "jour": lambda: rng.choice(_WEEKDAYS),
            "date": lambda: day.strftime("%d/%m"),
            "date_longue": lambda: day.strftime("%d/%m/%Y"),
            "montant": lambda: rng.choice(("25 €", "26,50 €", "30 €", "7,50 €", "23 €", "50 €")),
            "code": lambda: f"{rng.randint(0, 9999):04d}" + rng.choice(("", "", "A", "B", "#")),
            "tel": lambda: _phone(rng, "0"),
            "medecin": lambda: "Dr " + rng.choice(self.pools.last_names).title(),
            "nom": lambda: rng.choice(self.pools.last_names),
            "prenom": lambda: rng.choice(self.pools.first_names_f + self.pools.first_names_m),
            "nir": lambda: self._nir(),
            "iban": lambda: _maybe_grouped(rng, make_iban(rng), (4,) * 6),
            "carte": lambda: _maybe_grouped(rng, make_card(rng), (4, 4, 4)),
        }
        value = makers[key]() if key in makers else "{" + key + "}"
        self[key] = value
        return value

    def _nir(self) -> str:
        p = self.patient
        birth = dt.datetime.strptime(p["birth"], "%d/%m/%Y").date() if p.get("birth") else None
        number = make_nir(self.rng, p.get("sex", ""), birth, p.get("postcode", ""))
        return _maybe_grouped(self.rng, number, (1, 2, 2, 2, 3, 3))


def _maybe_grouped(rng: random.Random, number: str, sizes: Sequence[int]) -> str:
    return _grouped(number, sizes) if rng.random() < 0.6 else number


def _phone(rng: random.Random, landline_prefix: str) -> str:
    if landline_prefix != "0" and rng.random() < 0.3:
        first = landline_prefix
    else:
        first = "07" if rng.random() < 0.33 else "06"
    rest = f"{rng.getrandbits(27) % 100_000_000:08d}"
    return f"{first} {rest[0:2]} {rest[2:4]} {rest[4:6]} {rest[6:8]}"


@dataclass
class _Pools:
    last_names: list[str]
    first_names_f: list[str]
    first_names_m: list[str]
    streets: list[str]
    doctors: list[str]
    other_doctors: list[str]
    area: tuple[tuple[str, str], ...]


def _pools(seed: int) -> _Pools:
    """Name and street pools drawn once from Faker: rows are then assembled at memory speed."""
    from faker import Faker  # imported lazily: Faker takes a moment to load its providers

    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    last = sorted({cp1252_safe(fake.last_name()).upper() for _ in range(1800)})
    female = sorted({cp1252_safe(fake.first_name_female()) for _ in range(500)})
    male = sorted({cp1252_safe(fake.first_name_male()) for _ in range(500)})
    streets = sorted({cp1252_safe(fake.street_address()) for _ in range(1500)})
    # Faker sometimes leaves out the house number; a practice file nearly always has one.
    streets = [s if s[:1].isdigit() else f"{rng.randint(1, 120)}, {s}" for s in streets]
    doctors = [f"Dr {rng.choice(female + male)} {rng.choice(last)}" for _ in range(3)]
    others = [f"Dr {rng.choice(last)}" for _ in range(8)]
    return _Pools(last, female, male, streets, doctors, others, rng.choice(_AREAS))


# --------------------------------------------------------------------------- generation


def _check_arguments(n: int, sensitive_share: float, comment_share: float = 0.3) -> None:
    if not isinstance(n, int) or n < 1 or n > MAX_PATIENTS:
        raise HuisclosError(
            f"Le nombre de patients doit être compris entre 1 et {MAX_PATIENTS:,}.".replace(
                ",", " "
            )
        )
    for name, value in (
        ("commentaires sensibles", sensitive_share),
        ("commentaires", comment_share),
    ):
        if not 0.0 <= float(value) <= 1.0:
            raise HuisclosError(f"La part de {name} doit être comprise entre 0 et 100 %.")


def _birth_date(rng: random.Random) -> dt.date:
    # A GP list: children, working adults, many elderly patients.
    low, high = rng.choices(
        ((0, 15), (16, 39), (40, 64), (65, 84), (85, 100)), (18, 27, 30, 20, 5)
    )[0]
    age_days = rng.randint(low * 365, high * 365 + 364)
    return _REFERENCE_DAY - dt.timedelta(days=age_days)


def _pick(
    rng: random.Random, builtin: list[SampleComment], corpus: list[SampleComment]
) -> SampleComment:
    if corpus and (not builtin or rng.random() < 0.5):
        return rng.choice(corpus)
    return rng.choice(builtin)


def generate_export(
    n: int,
    sensitive_share: float = 0.05,
    seed: int = DEFAULT_SEED,
    *,
    comment_share: float = 0.3,
    include_corpus: bool = True,
) -> SyntheticExport:
    """``n`` fictional patients with the answer key.

    Exactly ``round(n * sensitive_share)`` rows carry a sensitive comment; of the other rows about
    ``comment_share`` carry a benign one, the rest an empty comment (as in a real list). Rows are
    sorted by surname and first name, as practice software exports them.
    """
    _check_arguments(n, sensitive_share, comment_share)
    rng = random.Random(seed)
    pools = _pools(seed)
    bank = load_comment_bank(include_corpus)
    benign_builtin = [c for c in bank.benign if c.source == "builtin"]
    benign_corpus = [c for c in bank.benign if c.source == "corpus"]
    sens_builtin = [c for c in bank.sensitive if c.source == "builtin"]
    sens_corpus = [c for c in bank.sensitive if c.source == "corpus"]
    sensitive_idx = set(rng.sample(range(n), round(n * sensitive_share)))
    numbers = rng.sample(range(1, 3 * n + 1000), n)

    records: list[tuple[list[str], tuple[str, ...]]] = []
    for i in range(n):
        sex = rng.choice("FM")
        first = rng.choice(pools.first_names_f if sex == "F" else pools.first_names_m)
        last = rng.choice(pools.last_names)
        birth = _birth_date(rng)
        born = f"{birth.day:02d}/{birth.month:02d}/{birth.year}"
        postcode, town = rng.choice(pools.area if rng.random() < 0.88 else _ELSEWHERE)
        address = rng.choice(pools.streets) + rng.choice(_ADDRESS_EXTRAS)
        landline = _LANDLINE_PREFIX.get(postcode[:2], "0")
        phone = _phone(rng, landline) if rng.random() > 0.04 else ""
        r = rng.random()
        doctor = pools.doctors[i % len(pools.doctors)] if r < 0.85 else ""
        if 0.85 <= r < 0.93:
            doctor = rng.choice(pools.other_doctors)
        comment, cats = "", ()
        if i in sensitive_idx:
            sample = _pick(rng, sens_builtin, sens_corpus)
        elif rng.random() < comment_share:
            sample = _pick(rng, benign_builtin, benign_corpus)
        else:
            sample = None
        if sample is not None:
            comment, cats = sample.text, sample.categories
            if sample.source == "builtin" and "{" in comment:
                patient = {"sex": sex, "birth": born, "postcode": postcode}
                comment = comment.format_map(_Slots(rng, patient, pools))
        row = [
            str(numbers[i]),
            last,
            first,
            born,
            sex,
            address,
            postcode,
            town,
            phone,
            doctor,
            cp1252_safe(comment),
        ]
        records.append((row, cats))
    records.sort(key=lambda rec: (rec[0][1], rec[0][2], rec[0][3]))
    return SyntheticExport(list(HEADER), [r for r, _ in records], [c for _, c in records])


def generate_patients(
    n: int, sensitive_share: float = 0.05, seed: int = DEFAULT_SEED, **options: object
) -> tuple[list[str], list[list[str]]]:
    """``(header, rows)`` of ``n`` fictional patients; see :func:`generate_export`."""
    export = generate_export(n, sensitive_share, seed, **options)  # type: ignore[arg-type]
    return export.header, export.rows


def sample_comments(
    count: int,
    sensitive_share: float = 0.6,
    seed: int = DEFAULT_SEED,
    *,
    include_corpus: bool = True,
) -> list[SampleComment]:
    """``count`` comments for the workshop quiz, placeholders filled, in a shuffled order."""
    _check_arguments(max(count, 1), sensitive_share)
    rng = random.Random(seed)
    bank = load_comment_bank(include_corpus)
    pools = _pools(seed)
    n_sensitive = round(count * sensitive_share)
    chosen = rng.sample(bank.sensitive, min(n_sensitive, len(bank.sensitive)))
    chosen += rng.sample(bank.benign, min(count - len(chosen), len(bank.benign)))
    rng.shuffle(chosen)
    out = []
    for sample in chosen:
        text = sample.text
        if sample.source == "builtin" and "{" in text:
            text = text.format_map(_Slots(rng, {}, pools))
        out.append(SampleComment(text, sample.categories, sample.note, sample.source))
    return out


# --------------------------------------------------------------------------- writing


def write_export(
    path: str | os.PathLike[str],
    n: int,
    sensitive_share: float = 0.05,
    fmt: str = "csv-cp1252",
    *,
    seed: int = DEFAULT_SEED,
    comment_share: float = 0.3,
    include_corpus: bool = True,
) -> Path:
    """Write ``n`` fictional patients to ``path`` and return it.

    Formats: ``csv-cp1252`` (``;``, Windows-1252, CRLF — what French practice software writes),
    ``csv-utf8`` (``;``, UTF-8 with BOM so Excel reads the accents, CRLF), ``xlsx``. The file is
    written whole or not at all (:func:`safe_write.write_atomically`).
    """
    if fmt not in FORMATS:
        raise HuisclosError(
            f"Format inconnu : « {fmt} ». Formats possibles : {', '.join(FORMATS)}."
        )
    export = generate_export(
        n, sensitive_share, seed, comment_share=comment_share, include_corpus=include_corpus
    )
    target = Path(path)

    def write(handle: BinaryIO) -> None:
        if fmt == "xlsx":
            _write_xlsx(handle, export)
            return
        encoding = "cp1252" if fmt == "csv-cp1252" else "utf-8-sig"
        text = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="strict")
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow(export.header)
        writer.writerows(export.rows)
        text.flush()
        text.detach()  # the handle stays open for the atomic write to finish

    # The content is fictional, made to share: readable by others, unlike the practice's files.
    write_atomically(target, write, 0o644, what="le fichier d'exercice")
    logger.info("wrote %d fictional patients to %s (%s)", n, target, fmt)
    return target


def _write_xlsx(handle: BinaryIO, export: SyntheticExport) -> None:
    """The exercise file as a real export looks: numbers and dates stored as such (file numbers
    and postal codes keep their zeros), texts as shared strings, the header bold and frozen."""
    widths = (11, 18, 16, 16, 6, 36, 11, 22, 16, 26, 60)
    sheet = SheetRows("Patients", [export.header, *export.rows], widths=widths)
    write_xlsx(handle, [sheet], level=1)  # fast: a workshop file, not an archive


def demo_export_path() -> Path:
    """The bundled demo export (``resources/demo/patients-demo.csv``)."""
    return resource("demo", DEMO_FILE)


def regenerate_demo(path: str | os.PathLike[str] | None = None) -> Path:
    """Rewrite the bundled demo export with its fixed parameters (run by hand, then commit)."""
    return write_export(
        path or demo_export_path(),
        DEMO_PATIENTS,
        DEMO_SENSITIVE_SHARE,
        "csv-cp1252",
        seed=DEFAULT_SEED,
    )


if __name__ == "__main__":  # python -m huisclos.core.demo.synthetic → regenerate the demo file
    print(regenerate_demo())

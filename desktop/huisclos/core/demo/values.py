"""Fictional values for the patients and the placeholders of comments: identifiers with valid
check digits (NIR, IBAN, card), phone numbers by area, names and streets from Faker ``fr_FR``.

Everything is drawn from a seeded ``random.Random``: the same seed gives the same values.
Thread-safe (the Faker pools are built once per seed and cached).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir

# Age is computed against a fixed day so that a seed gives the same birth dates every year.
REFERENCE_DAY = dt.date(2025, 6, 30)

# (postcode, town, landline prefix): the catchment areas a fictional practice may serve.
AREAS: tuple[tuple[tuple[str, str], ...], ...] = (
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
LANDLINE_PREFIX = {
    **dict.fromkeys(("75", "77", "78", "91", "92", "93", "94", "95"), "01"),
    **dict.fromkeys(("14", "22", "29", "35", "44", "49", "53", "56", "76", "85"), "02"),
    **dict.fromkeys(("02", "08", "51", "54", "57", "59", "62", "67", "68", "80"), "03"),
    **dict.fromkeys(("06", "13", "20", "30", "34", "38", "69", "83", "84"), "04"),
    **dict.fromkeys(("24", "31", "33", "40", "47", "64", "65", "81", "82", "87"), "05"),
    "97": "02",
}
ELSEWHERE: tuple[tuple[str, str], ...] = (
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
ADDRESS_EXTRAS = (
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
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")
HOURS = ("9h", "9h30", "10h", "11h", "14h", "16h30", "17h", "17h30", "18h", "18h30")


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


class Placeholders(dict):
    """Placeholder values for one comment, created only when the comment asks for them."""

    def __init__(self, rng: random.Random, patient: dict[str, str], pools: Pools) -> None:
        super().__init__()
        self.rng, self.patient, self.pools = rng, patient, pools

    def __missing__(self, key: str) -> str:
        rng = self.rng
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 540))
        makers = {
            "heure": lambda: rng.choice(HOURS),
            "jour": lambda: rng.choice(WEEKDAYS),
            "date": lambda: day.strftime("%d/%m"),
            "date_longue": lambda: day.strftime("%d/%m/%Y"),
            "montant": lambda: rng.choice(("25 €", "26,50 €", "30 €", "7,50 €", "23 €", "50 €")),
            "code": lambda: f"{rng.randint(0, 9999):04d}" + rng.choice(("", "", "A", "B", "#")),
            "tel": lambda: phone_number(rng, "0"),
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


def phone_number(rng: random.Random, landline_prefix: str) -> str:
    if landline_prefix != "0" and rng.random() < 0.3:
        first = landline_prefix
    else:
        first = "07" if rng.random() < 0.33 else "06"
    rest = f"{rng.getrandbits(27) % 100_000_000:08d}"
    return f"{first} {rest[0:2]} {rest[2:4]} {rest[4:6]} {rest[6:8]}"


@dataclass
class Pools:
    last_names: list[str]
    first_names_f: list[str]
    first_names_m: list[str]
    streets: list[str]
    doctors: list[str]
    other_doctors: list[str]
    area: tuple[tuple[str, str], ...]


def draw_pools(seed: int) -> Pools:
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
    return Pools(last, female, male, streets, doctors, others, rng.choice(AREAS))


def birth_date(rng: random.Random) -> dt.date:
    # A GP list: children, working adults, many elderly patients.
    low, high = rng.choices(
        ((0, 15), (16, 39), (40, 64), (65, 84), (85, 100)), (18, 27, 30, 20, 5)
    )[0]
    age_days = rng.randint(low * 365, high * 365 + 364)
    return REFERENCE_DAY - dt.timedelta(days=age_days)

"""Colours, markers and palette checks for the review screen.

Each category gets a colour from the Okabe-Ito palette (safe for the common colour-vision
deficiencies) AND a short text marker («SAN», «REL»…), so a highlight never relies on colour
alone. Highlights are drawn as a light tint of the colour behind the text (a dark tint on a
dark palette), underlined in the full colour; :func:`highlight_contrast` lets a test prove the
text stays readable (WCAG AA, 4.5:1) on both palettes and in high-contrast mode.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ..core.detect.categories import CATEGORIES

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

CATEGORY_COLOURS: dict[str, str] = {
    "health": OKABE_ITO["vermillion"],
    "sex_life": OKABE_ITO["reddish_purple"],
    "religion": OKABE_ITO["blue"],
    "ethnic_origin": OKABE_ITO["orange"],
    "political": OKABE_ITO["sky_blue"],
    "union": OKABE_ITO["bluish_green"],
    "criminal": OKABE_ITO["black"],
    "social": OKABE_ITO["yellow"],
    "judgement": OKABE_ITO["grey"],
    "identifier": OKABE_ITO["black"],
}

CATEGORY_MARKERS: dict[str, str] = {
    "health": "SAN",
    "sex_life": "SEX",
    "religion": "REL",
    "ethnic_origin": "ORI",
    "political": "POL",
    "union": "SYN",
    "criminal": "JUS",
    "social": "SOC",
    "judgement": "JUG",
    "identifier": "ID",
}

SEVERITY_COLOURS = {"high": "#B3261E", "medium": "#8A5A00", "low": "#3B6E3B"}
SEVERITY_COLOURS_DARK = {"high": "#FF8A80", "medium": "#FFCC66", "low": "#9CD69C"}

assert set(CATEGORY_COLOURS) == set(CATEGORIES) == set(CATEGORY_MARKERS)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (dark system theme)."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def category_colour(category: str) -> QColor:
    """The solid colour of a category (underlines, chart bars, swatches)."""
    colour = QColor(CATEGORY_COLOURS.get(category, OKABE_ITO["grey"]))
    if is_dark() and colour.lightnessF() < 0.2:
        colour = QColor("#E0E0E0")  # black categories become light grey on a dark theme
    return colour


_KEY_ROLES = (QPalette.ColorRole.Base, QPalette.ColorRole.Window, QPalette.ColorRole.WindowText)


def _palette_key(palette: QPalette | None) -> tuple[QPalette, tuple[int, ...]]:
    """``palette`` (the application's by default) and the colours the category colours depend
    on: its own and the application's (``category_colour`` follows the application's theme)."""
    application = QGuiApplication.palette()
    palette = palette or application
    colours = [palette.color(role).rgba() for role in _KEY_ROLES]
    colours += [application.color(role).rgba() for role in _KEY_ROLES[1:]]
    return palette, tuple(colours)


# Painting a table asks for these colours for every highlighted cell of every repaint; working
# them out (contrast loops) each time cost the window most of its paint. Keyed by the colours
# they depend on, so a theme change gives new ones.
_marker_colours: dict[tuple[str, tuple[int, ...]], QColor] = {}
_highlight_backgrounds: dict[tuple[str, tuple[int, ...]], QColor] = {}


def marker_colour(category: str, palette: QPalette | None = None) -> QColor:
    """The category colour for small text (markers, underlines): darkened on a light base
    (lightened on a dark one) until it reads at 3:1 at least — yellow and sky blue need it."""
    palette, colours = _palette_key(palette)
    key = (category, colours)
    colour = _marker_colours.get(key)
    if colour is None:
        base = palette.color(QPalette.ColorRole.Base)
        colour = category_colour(category)
        dark = is_dark(palette)
        for _ in range(20):
            if contrast_ratio(colour, base) >= 3.0:
                break
            colour = colour.lighter(112) if dark else colour.darker(115)
        _marker_colours[key] = colour
    return QColor(colour)


def highlight_background(category: str, palette: QPalette | None = None) -> QColor:
    """A tint of the category colour mixed into the base colour, readable under the text."""
    palette, colours = _palette_key(palette)
    key = (category, colours)
    colour = _highlight_backgrounds.get(key)
    if colour is None:
        base = palette.color(QPalette.ColorRole.Base)
        colour = QColor(CATEGORY_COLOURS.get(category, OKABE_ITO["grey"]))
        if is_dark(palette) and colour.lightnessF() < 0.2:
            colour = QColor("#BBBBBB")
        share = 0.28 if not is_dark(palette) else 0.35
        colour = _mix(colour, base, share)
        _highlight_backgrounds[key] = colour
    return QColor(colour)


def severity_colour(severity: str) -> QColor:
    table = SEVERITY_COLOURS_DARK if is_dark() else SEVERITY_COLOURS
    return QColor(table.get(severity, "#666666"))


def _mix(colour: QColor, base: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() * share + base.redF() * (1 - share),
        colour.greenF() * share + base.greenF() * (1 - share),
        colour.blueF() * share + base.blueF() * (1 - share),
    )


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def highlight_contrast(category: str, palette: QPalette | None = None) -> float:
    """Contrast of the palette's text on the category's highlight."""
    palette = palette or QGuiApplication.palette()
    return contrast_ratio(
        palette.color(QPalette.ColorRole.Text), highlight_background(category, palette)
    )


def palette_of(colours: dict[str, str]) -> QPalette:
    """A palette with these colours, by role name («Window», «Text»…)."""
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(QPalette.ColorRole[role], QColor(colour))
    return palette


_DARK = {
    "Window": "#202124", "WindowText": "#E8EAED", "Base": "#17181A", "AlternateBase": "#222326",
    "Text": "#E8EAED", "Button": "#2D2E31", "ButtonText": "#E8EAED", "Highlight": "#8AB4F8",
    "HighlightedText": "#202124", "ToolTipBase": "#2D2E31", "ToolTipText": "#E8EAED",
    "PlaceholderText": "#9AA0A6", "Link": "#8AB4F8", "LinkVisited": "#C58AF9",
}  # fmt: skip
_HIGH_CONTRAST = {
    "Window": "#FFFFFF", "WindowText": "#000000", "Base": "#FFFFFF", "Text": "#000000",
    "Button": "#FFFFFF", "ButtonText": "#000000", "Highlight": "#000080",
    "HighlightedText": "#FFFFFF", "Link": "#0000EE",
}  # fmt: skip


def dark_palette() -> QPalette:
    """A dark palette (used by tests to check the colours on a dark theme)."""
    return palette_of(_DARK)


def high_contrast_palette() -> QPalette:
    """Black on white with a strong selection, for the high-contrast check."""
    return palette_of(_HIGH_CONTRAST)

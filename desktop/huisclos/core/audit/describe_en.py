"""The journal's one-line summaries in English, for the desktop app's journal view and its CSV
export when its interface is in English; its category names serve the English report too
(:mod:`huisclos.core.report.wording_en`). The command line (``log show``, ``log export``) stays
French: :func:`huisclos.core.audit.events.describe`.

Same figures as the French line (:mod:`huisclos.core.review.counts`: comments to review,
passages found, comments corrected), English words and number format. An event this module
does not know is described in French. Plain functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..detect.categories import CATEGORIES
from . import events

CATEGORY_NAMES_EN: dict[str, str] = {
    "health": "health",
    "sex_life": "sex life and gender identity",
    "religion": "religion and beliefs",
    "ethnic_origin": "ethnic origin",
    "political": "political opinions",
    "union": "trade-union membership",
    "criminal": "offences and justice",
    "social": "social hardship",
    "judgement": "judgement or improper remark",
    "identifier": "identifier or secret",
}


def count(value: object, singular: str, many: str | None = None) -> str:
    """«1 comment», «3,000 rows»: English number format, the noun agreed."""
    number = int(value) if isinstance(value, (int, float)) else 0
    word = singular if number == 1 else (many or singular + "s")
    return f"{number:,} {word}"


def _categories(mapping: Mapping[str, Any]) -> str:
    parts = [
        f"{CATEGORY_NAMES_EN.get(c, c)} {int(mapping[c]):,}" for c in CATEGORIES if mapping.get(c)
    ]
    return f" ({', '.join(parts)})" if parts else ""


def describe_in_english(event: Mapping[str, Any]) -> str:
    """One English line summing up ``event`` (French for a kind not described here)."""
    kind = event.get("event")
    data: Mapping[str, Any] = event.get("payload") or {}
    name = data.get("file_name") or data.get("target_name")
    prefix = f"{name} — " if name else ""
    rows = f" in {count(data['rows'], 'row')}" if data.get("rows") is not None else ""
    if kind == "scan" and data.get("cells_flagged") is not None:
        by_category = {
            c: sum(int(n) for n in per.values()) for c, per in (data.get("counts") or {}).items()
        }
        return (
            f"{prefix}{count(data['cells_flagged'], 'comment')} to review, "
            f"{count(data.get('findings', 0), 'passage')} found,{rows}{_categories(by_category)}"
        )
    if kind == "edit":
        cells = data.get("cells", 0)
        text = {
            "undo": f"correction undone: {count(cells, 'comment')} back as before",
            "redo": f"{count(cells, 'comment')} corrected again",
        }.get(str(data.get("action")), f"{count(cells, 'comment')} corrected")
        lines = f" on {count(data.get('rows', 0), 'row')}"
        return prefix + text + lines + _categories(data.get("categories") or {})
    if kind == "ignore":
        what = {"undo": "ignore undone", "redo": "passage ignored again"}.get(
            str(data.get("action")), "passage ignored"
        )
        category = CATEGORY_NAMES_EN.get(str(data.get("category")), str(data.get("category")))
        return f"{prefix}row {int(data.get('row', 0)):,}: {what} ({category})"
    if kind == "save_copy":
        return f"{prefix}{count(data.get('cells_changed', 0), 'comment')} corrected in the copy"
    if kind == "worklist":
        return f"{prefix}{count(data.get('entries', 0), 'correction')} to carry over"
    if kind == "verify":
        if data.get("ok", True):
            return f"log intact: {count(data.get('events', 0), 'event')}"
        return f"anomaly: {data.get('problem', '?')} (no. {data.get('first_bad_seq', '?')})"
    if kind == "key_rotated":
        return f"key {data.get('old_key_id', '?')} replaced by {data.get('new_key_id', '?')}"
    if kind == "report":
        text = f"{str(data.get('format') or '').upper()} report".strip()
        if data.get("flagged_comments") is not None:
            text += f": {count(data['flagged_comments'], 'comment')} flagged"
        return text + rows
    if kind == "settings_changed":
        names = {
            "allowlist_added": "allowed terms added",
            "allowlist_removed": "allowed terms removed",
            "terms_added": "terms added",
            "terms_removed": "terms removed",
            "rule": "rule",
            "category": "category",
        }
        return ", ".join(
            f"{names.get(key, key)}: {value}"
            for key, value in data.items()
            if isinstance(value, (int, float, bool)) or (isinstance(value, str) and len(value) < 40)
        )
    return events.describe(event)

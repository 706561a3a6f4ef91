"""Targeted polarity and stance for arbitrary text (`rivalwatch score`).

The target may be a catalog company id, any of its aliases, or a name the
catalog does not know; the stance is judged on the clause around the
target's first mention in the text."""

from __future__ import annotations

import re

from pipelines.catalog import Catalog
from pipelines.stance import judge


def _target_names(target: str, catalog: Catalog) -> tuple[str | None, list[str]]:
    """The company id (if known) and the names to look for in the text."""
    wanted = target.strip()
    company = None
    if catalog.is_company(wanted.lower()):
        company = wanted.lower()
    else:
        for alias, entries in catalog.aliases.items():
            if alias.lower() == wanted.lower():
                company = entries[0].company
                break
    names = [wanted]
    if company:
        names += [a for a, entries in catalog.aliases.items() if entries[0].company == company]
    return company, sorted(set(names), key=len, reverse=True)


def score_line(record: dict, catalog: Catalog) -> dict:
    if not isinstance(record, dict):
        raise ValueError("each line must be a JSON object with 'text' and 'target'")
    text = record.get("text")
    target = record.get("target")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    if not isinstance(target, str) or not target.strip():
        raise ValueError("'target' must be a non-empty string")
    company, names = _target_names(target, catalog)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
    match = pattern.search(text)
    verdict = judge(text, match.start(), match.end()) if match else judge(text)
    return {
        "target": target,
        "company": company,
        "found": bool(match),
        "polarity": verdict.polarity,
        "stance": verdict.stance,
        "cues": list(verdict.cues),
        "evidence": verdict.text,
    }

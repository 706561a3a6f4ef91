"""Polarity of a piece of text in [-1, 1], and how lexicon cues correct it.

The stance judge (pipelines/stance.py) calls ``polarity`` on the clause it
judged and ``combine`` with the shifts of the competitive-language cues that
matched there.
"""

from __future__ import annotations

from textblob import TextBlob


def polarity(text: str) -> float:
    """Polarity of ``text`` in [-1, 1]."""
    return float(TextBlob(text).sentiment.polarity) if text.strip() else 0.0


def combine(base: float, shifts: list[float]) -> float:
    """Polarity after the competitive-language cues: TextBlob alone reads
    "peanuts ... we should be able to do better" as +0.5, so when cues matched
    the base is halved and their shifts added, clamped to [-1, 1]."""
    if not shifts:
        return base
    return max(-1.0, min(1.0, 0.5 * base + sum(shifts)))

"""Stance and polarity of a statement toward one target.

How it decides:
1. The text judged is the clause around the target mention (split on ; : and
   on ", but", "while", "whereas"), falling back to the whole evidence when
   the clause has no cue.
2. Each lexicon cue (pipelines/lexicon.toml) that matches votes its weight
   for its stance; a negation up to three words before a cue ("not a
   threat", "not impressive") moves the vote to the cue's `negated` stance.
   The stance with the most votes wins; ties go to the more specific stance
   (dismissive, threat, critical, benchmark, praise). No votes: neutral.
3. Polarity comes from pipelines/polarity.py on the judged text, corrected
   by the shifts of the cues that matched (``polarity.combine``). TextBlob
   alone reads "peanuts ... we should be able to do better" as +0.5; the
   lexicon knows "peanuts" is a put-down.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from pipelines import polarity as polarity_engine
from pipelines.cue_index import CueIndex
from pipelines.speech_patterns import EVALUATIVE_VERBS, SAY_VERBS
from pipelines.wordlist import alternation

STANCES = ("benchmark", "dismissive", "praise", "threat", "critical", "neutral")
TIE_ORDER = ("dismissive", "threat", "critical", "benchmark", "praise")
_NEGATION = re.compile(
    # A negation reaches four words, not past a comma, a sentence end or a
    # conjunction ("with 'no compromises' and would match Rubin" is not a denied match).
    r"(?:\b(?:not|no|never|hardly|without)|n[’']t)[^\w,;.!?]+(?:(?!(?:and|but|or|yet|while|whereas)\b)\w+[^\w,;.!?]+){0,4}$"
    # "did not think Meta was a company that was great at innovation": a
    # denied belief reaches to the end of its clause.
    r"|(?:\b(?:not|never)|n[’']t)\s+(?:think|believe|consider|expect|feel|find)\b[^.;!?]*$",
    re.I,
)
# Double quote marks are dropped before cues are matched, so that a quote
# inside a phrase ('“inappropriately distilled” its models') does not hide it.
# Single marks stay: they are apostrophes too ("isn’t").
_DOUBLE_QUOTES = re.compile(r"[\"“”„]")
# Clauses: split at ; and :, at "but"/"while"/"whereas", at ", and", and at
# "and" before a verb of speech or judgement ("wrote that the goal needs to be
# GPT-4 and dismissed Mistral as peanuts").
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:]|,\s*(?:but|while|whereas|although|though|and|adding|even as|even though)\b|\bbut\b|\bwhereas\b"
    r"|(?:\band|,[\"”’]?)\s+(?=(?:also\s+|then\s+|again\s+|later\s+)?(?:"
    + alternation(SAY_VERBS + EVALUATIVE_VERBS) + r")\b))\s*",
    re.I,
)


@dataclass(frozen=True)
class Cue:
    stance: str
    weight: float
    shift: float
    negated: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Judgement:
    stance: str
    polarity: float
    cues: tuple[str, ...]
    text: str


@cache
def load_lexicon() -> tuple[Cue, ...]:
    data = tomllib.loads((resources.files("pipelines") / "lexicon.toml").read_text(encoding="utf-8"))
    cues = []
    for entry in data["cue"]:
        for pattern in entry["patterns"]:
            compiled = re.compile(pattern, re.I)
            if compiled.groups:
                raise ValueError(f"lexicon pattern {pattern!r} must use (?:...) groups only")
            cues.append(
                Cue(entry["stance"], float(entry["weight"]), float(entry["shift"]),
                    entry.get("negated", "neutral"), compiled)
            )
    return tuple(cues)


@cache
def _cue_index() -> CueIndex:
    return CueIndex([cue.pattern.pattern for cue in load_lexicon()])


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds the span [start, end)."""
    left, right = clause_bounds(text, start, end)
    return text[left:right]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def _votes(text: str) -> tuple[dict[str, float], list[float], list[str]]:
    """Votes per stance, polarity shifts and the cue words found in ``text``
    (fresh containers: callers add to them)."""
    votes, shifts, hits = _cached_votes(text)
    return dict(votes), list(shifts), list(hits)


def forget_votes() -> None:
    """Drop the remembered votes: the analysis calls this per item, so the
    memory only serves the texts one item repeats (and a benchmark that
    analyses the same corpus twice does not read the second time from it)."""
    _cached_votes.cache_clear()


@lru_cache(maxsize=256)
def _cached_votes(text: str) -> tuple[tuple[tuple[str, float], ...], tuple[float, ...], tuple[str, ...]]:
    # One evidence is judged once per target it names, and its clauses,
    # the whole of it and the quote around it are read in turn: the same
    # texts come back.
    votes: dict[str, float] = {}
    shifts: list[float] = []
    hits: list[str] = []
    # Only cues whose anchors occur in the text can match: one scan for the
    # anchors (pipelines/cue_index.py) skips most of the ~700 patterns.
    text = _DOUBLE_QUOTES.sub("", text)
    lexicon = load_lexicon()
    found = []
    for number in _cue_index().candidates(text.lower()):
        cue = lexicon[number]
        for match in cue.pattern.finditer(text):
            found.append((match.start(), match.end(), cue, match))
    taken: list[tuple[int, int]] = []  # a phrase cue ("not a threat") hides the cues inside it
    for start, end, cue, match in found:
        if any(start < right and left < end for left, right in taken):
            continue
        taken.append((start, end))
        stance, cue_shift = cue.stance, cue.shift
        if cue.stance != "dismissive" and _NEGATION.search(text[:start]):
            stance = cue.negated
            cue_shift = -abs(cue.shift) if stance == "dismissive" else 0.0
        votes[stance] = votes.get(stance, 0.0) + cue.weight
        shifts.append(cue_shift)
        hits.append(match.group().lower())
    return tuple(votes.items()), tuple(shifts), tuple(hits)


_BUT = re.compile(r"^\W*(?:,\s*)?but\b", re.I)
BUT_WEIGHT = 1.5  # "impressive, but exaggerated": what follows "but" is what the speaker stresses


def _but_clause(evidence: str, right: int, others: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The clause right after [.., right) when it opens with "but" and names
    no other company: it still speaks of the same target."""
    if right >= len(evidence) or not _BUT.match(evidence[right:]):
        return None
    left, end = clause_bounds(evidence, right + 1, right + 1)
    left = max(left, right)
    if any(left <= start < end for start, _ in others):
        return None
    return left, end


def judge(
    evidence: str, target_start: int | None = None, target_end: int | None = None, *,
    context: str | None = None, others: Sequence[tuple[int, int]] = (),
) -> Judgement:
    """Stance and polarity of ``evidence`` toward the target at [start, end).
    The clause around the target is judged first (with the "but ..." clause
    after it, when that names no other company: ``others`` are the spans of
    other companies in ``evidence``), then the whole evidence, then
    ``context`` (the whole statement, e.g. a quote over several sentences)."""
    has_target = target_start is not None and target_end is not None
    # (text, where the target is in it) from the narrowest to the widest reading.
    candidates: list[tuple[str, tuple[int, int] | None]] = []
    if has_target:
        left, right = clause_bounds(evidence, target_start, target_end)
        after_but = _but_clause(evidence, right, others)
        if after_but is not None:
            votes, shifts, hits = _votes(evidence[after_but[0]:after_but[1]])
            if votes:
                own = _votes(evidence[left:right])
                for stance, weight in votes.items():
                    own[0][stance] = own[0].get(stance, 0.0) + BUT_WEIGHT * weight
                return _verdict(evidence[left:after_but[1]], (target_start - left, target_end - left),
                                own[0], own[1] + shifts, own[2] + hits)
        candidates.append((evidence[left:right], (target_start - left, target_end - left)))
    candidates.append((evidence, (target_start, target_end) if has_target else None))
    if context and context.strip() != evidence.strip():
        candidates.append((context, None))
    text, target = evidence, (target_start, target_end) if has_target else None  # no cue anywhere
    votes, shifts, hits = {}, [], []
    for candidate, where in candidates:
        found = _votes(candidate)
        if found[0]:
            text, target = candidate, where
            votes, shifts, hits = found
            break
    return _verdict(text, target, votes, shifts, hits)


def _verdict(
    text: str, target: tuple[int, int] | None, votes: dict[str, float], shifts: list[float], hits: list[str]
) -> Judgement:
    votes.pop("neutral", None)
    if votes:
        best = max(votes.values())
        stance = next(s for s in TIE_ORDER if votes.get(s) == best)
    else:
        stance = "neutral"
    polarity = polarity_engine.combine(polarity_engine.polarity(text, target), shifts)
    return Judgement(stance, round(polarity, 4), tuple(dict.fromkeys(hits)), text.strip())

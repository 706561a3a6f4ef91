"""Polarity of a piece of text in [-1, 1], and how lexicon cues correct it.

The stance judge (pipelines/stance.py) calls ``polarity`` on the clause it
judged and ``combine`` with the shifts of the competitive-language cues that
matched there.

How ``polarity`` reads a sentence (a lexicon and a few rules, no model):
1. Tokens are matched, longest phrase first, against pipelines/polarity_lexicon.tsv
   (finance and news vocabulary); adjectives and adverbs it does not know fall
   back to TextBlob's bundled lexicon at a lower weight.
2. A move ("rise", "plunge", "cut") attached to a quantity takes the
   quantity's sign: "profit falls" and "costs rise" are negative, "cuts
   costs" and "loss narrows" positive. A move on its own ("shares jump",
   "Tesco cut to junk") keeps its own sign.
3. Intensifiers and dampeners scale their neighbour ("record loss", "slightly
   lower"); a negation flips and weakens what follows ("not a threat"); a
   hedge ("may", "reportedly") weakens the rest of its clause; a conceded
   clause ("despite ...") and what comes before "but" weigh less.
4. The sum is squashed into (-1, 1). With a target span, clauses that do not
   hold the target weigh less ("FTSE falls, Barclays rises" is good for
   Barclays).
"""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

# Kinds of lexicon entries (see the header of polarity_lexicon.tsv).
WORD, UP, DOWN, GOOD, BAD = "word", "up", "down", "good", "bad"
MORE, LESS, NOT, HEDGE, DESPITE, BUT = "more", "less", "not", "hedge", "despite", "but"
_VALENCED = {WORD, UP, DOWN, GOOD, BAD}
_KINDS = _VALENCED | {MORE, LESS, NOT, HEDGE, DESPITE, BUT}


@dataclass(frozen=True)
class Settings:
    """The few global weights of the rules. The defaults are what the search
    in pipelines/sentiment_eval.py picks on the SemEval-2017 dev headlines
    (its cross-validation reports how well that carries to unseen ones);
    ``other_clause`` is set by hand, as scoring passes no target span yet.
    Everything else is the hand-written lexicon."""

    squash: float = 0.6  # total / sqrt(total^2 + squash): how fast scores saturate
    negation: float = 0.6  # a negated valence is flipped and scaled by this
    hedge: float = 0.5  # weight of what follows "may", "reportedly", ...
    concede: float = 0.35  # weight of a "despite ..." clause
    before_but: float = 1.0  # weight of what comes before "but"
    fallback: float = 0.5  # weight of TextBlob's adjectives the lexicon lacks
    other_clause: float = 0.4  # weight of clauses without the target (target given)


DEFAULT = Settings()

# How far a move looks for its quantity, in tokens: before it ("profit
# falls", "profit inches up") and after it ("cut 1,000 jobs", "lower fuel bill").
_LOOK_BEFORE, _LOOK_AFTER = 2, 3
# A move followed by a percentage ("slumps 25 pct as debt fears grow") is
# intransitive; a linking word ends the object it may have ("rises on demand").
_AFTER_STOPS = frozenset(
    "% pct percent cent points bps as after on amid and with following while because since".split()
)
_NEGATION_REACH = 3  # "not a serious threat": the negation reaches three tokens on
_MODIFIER_REACH = 2  # "record annual loss": an intensifier reaches two tokens on

_TOKEN = re.compile(r"[a-z0-9]+(?:['.&-][a-z0-9]+)*|[,;:!?()%\u2013\u2014]|(?<=\s)-(?=\s)", re.I)
_BREAKS = frozenset(",;:!?()\u2013\u2014-") | {"while", "whereas"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})

# TextBlob's lexicon rates many adjectives that only describe ("new", "first",
# "more", "public"); in news they carry no opinion, so they are not borrowed.
_FALLBACK_STOP = frozenset("""
more most less least new newer newest first last next previous former latest recent late early
old young big small large long short high low full real major minor top own other same many much
few only just general legal royal national public private free open close final current further
such certain particular special sexual political social economic financial military federal
white black red green blue elect hazardous right left live total whole entire available possible
likely able sure due hard easy simple common main key central global international local foreign
domestic chief senior executive average annual daily past later latter enough even still also again
already actually almost away far here now off out over then there well very quite rather pretty
fine sound flat direct extra initial original various several different similar separate single
double official formal informal serious critical clear strong weak second third huge massive
""".split())


@dataclass(frozen=True)
class Entry:
    kind: str
    value: float


@dataclass
class _Unit:
    """A lexicon hit: tokens [start, end), its kind and current valence."""

    start: int
    end: int
    kind: str
    value: float
    paired: bool = False


def _inflections(word: str) -> set[str]:
    """Regular inflections of a lexicon word. Over-generating is harmless:
    forms that are not English ("plunged" is, "lossed" is not) never occur."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # cut -> cutting, slip -> slipped
    return forms


def _read_lexicon_file() -> dict[tuple[str, ...], Entry]:
    explicit: dict[tuple[str, ...], Entry] = {}
    text = (resources.files("pipelines") / "polarity_lexicon.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        term, kind, value = line.split("\t")
        key = tuple(term.split())
        if kind not in _KINDS:
            raise ValueError(f"polarity_lexicon.tsv line {number}: unknown kind {kind!r}")
        if key in explicit:
            raise ValueError(f"polarity_lexicon.tsv line {number}: {term!r} is listed twice")
        explicit[key] = Entry(kind, float(value))
    return explicit


@cache
def load_lexicon() -> tuple[dict[str, Entry], dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]]:
    """Single words, and phrases indexed by their first word (longest first).
    Listed forms win over generated inflections of other entries."""
    explicit = _read_lexicon_file()
    entries: dict[tuple[str, ...], Entry] = {}
    for key, entry in explicit.items():
        if entry.kind in _VALENCED:
            for form in _inflections(key[0]):
                entries.setdefault((form, *key[1:]), entry)
    entries.update(explicit)
    words = {key[0]: entry for key, entry in entries.items() if len(key) == 1}
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for key, entry in entries.items():
        if len(key) > 1:
            phrases.setdefault(key[0], []).append((key, entry))
    return words, {first: tuple(sorted(group, key=lambda p: -len(p[0]))) for first, group in phrases.items()}


@cache
def _fallback_lexicon() -> dict[str, float]:
    """TextBlob's (pattern's) adjective and adverb polarities, as shipped in its wheel."""
    out = {}
    for word, value in textblob_polarities().items():
        if abs(value) >= 0.1 and word not in _FALLBACK_STOP and " " not in word:
            out[word] = value
    return out


def textblob_polarities() -> dict[str, float]:
    """The polarity of every word of TextBlob's en-sentiment.xml, as
    ``textblob.en.sentiment[word][None][0]`` gives it (averaged over senses,
    then parts of speech; "-ly" adverbs of adjectives added), read from the
    file without importing textblob: that imports NLTK, 0.34 s of every
    worker process's start (tests/pipelines/test_polarity.py compares the two)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("textblob is not installed: its en-sentiment.xml is the fallback polarity lexicon")
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"
    senses: dict[str, dict[str | None, list[float]]] = {}
    for element in ElementTree.parse(path).getroot().iter("word"):
        word = element.attrib.get("form")
        if word:
            senses.setdefault(word, {}).setdefault(element.attrib.get("pos"), []).append(
                float(element.attrib.get("polarity", 0.0)))
    adjectives = {word: _mean(by_pos["JJ"]) for word, by_pos in senses.items() if "JJ" in by_pos}
    out = {word: _mean([_mean(values) for values in by_pos.values()]) for word, by_pos in senses.items()}
    for word, value in adjectives.items():
        # pattern's Sentiment.load: "terrible" gives "terribly", "happy" "happily".
        stem = word[:-1] + "i" if word.endswith("y") else word
        stem = stem[:-2] if stem.endswith("le") else stem
        out[stem + "ly"] = value
    return out


def _mean(values: list[float]) -> float:
    return sum(values) / float(len(values) or 1)


def _tokens(text: str, target: tuple[int, int] | None) -> tuple[list[str], list[tuple[int, int]]]:
    """Lowercase tokens and their char spans. A hyphenated word the lexicon
    lacks is read as its parts ("weaker-than-expected"); the target's own
    name is blanked, as it carries no opinion ("Standard Life", "Premier Oil")."""
    words, phrases = load_lexicon()
    tokens, spans = [], []
    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        token, start = match.group().lower(), match.start()
        if "-" in token and len(token) > 1 and token not in words and token not in phrases:
            for part in token.split("-"):
                tokens.append(part)
                spans.append((start, start + len(part)))
                start += len(part) + 1
        else:
            tokens.append(token)
            spans.append(match.span())
    if target:
        tokens = ["" if s < target[1] and target[0] < e else t for t, (s, e) in zip(tokens, spans, strict=True)]
    return tokens, spans


def _lookup(tokens: list[str], settings: Settings) -> list[_Unit]:
    """Lexicon hits, longest phrase first, left to right."""
    words, phrases = load_lexicon()
    fallback = _fallback_lexicon()
    units: list[_Unit] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        hit = None
        for key, entry in phrases.get(token, ()):
            if tuple(tokens[i : i + len(key)]) == key:
                hit = _Unit(i, i + len(key), entry.kind, entry.value)
                break
        if hit is None:
            entry = words.get(token) or (words.get(token[:-2]) if token.endswith("'s") else None)
            if entry is not None:
                hit = _Unit(i, i + 1, entry.kind, entry.value)
            elif token in fallback and settings.fallback:
                hit = _Unit(i, i + 1, WORD, settings.fallback * fallback[token])
        if hit is not None:
            units.append(hit)
            i = hit.end
        else:
            i += 1
    return units


def _clause_ids(tokens: list[str]) -> list[int]:
    """The clause number of each token; break tokens start a new clause."""
    ids, clause = [], 0
    for token in tokens:
        if token in _BREAKS:
            clause += 1
        ids.append(clause)
    return ids


def _attach_moves(units: list[_Unit], tokens: list[str], clause: list[int]) -> None:
    """Give each move the sign of the quantity it moves, or its own sign."""
    quantities = [u for u in units if u.kind in (GOOD, BAD)]
    for move in (u for u in units if u.kind in (UP, DOWN)):
        direction = 1.0 if move.kind == UP else -1.0
        free = [q for q in quantities if not q.paired and clause[q.start] == clause[move.start]]
        before = [q for q in free if 0 <= move.start - q.end <= _LOOK_BEFORE]
        after = [q for q in free if 0 <= q.start - move.end <= _LOOK_AFTER
                 and not _AFTER_STOPS.intersection(tokens[move.end : q.start])]
        quantity = before[-1] if before else (after[0] if after else None)
        if quantity is None:
            move.value = direction * move.value
        else:
            sign = direction * (1.0 if quantity.kind == GOOD else -1.0)
            # "loss widens" keeps the loss's own weight; "loss narrows" drops it.
            own = quantity.value if quantity.value * sign > 0 else 0.0
            move.value = sign * move.value + own
            quantity.paired, quantity.value = True, 0.0
        move.kind = WORD


def _apply_modifiers(units: list[_Unit], clause: list[int], settings: Settings) -> None:
    """Intensifiers, dampeners and negations act on their neighbour; hedges,
    concessions and "but" reweigh a stretch of the sentence."""
    valenced = [u for u in units if u.kind in _VALENCED]
    for mod in units:
        if mod.kind in (MORE, LESS):
            near = [u for u in valenced if 0 <= u.start - mod.end <= _MODIFIER_REACH
                    and clause[u.start] == clause[mod.start]]
            near = near or [u for u in valenced if 0 <= mod.start - u.end <= 1][-1:]  # "fell sharply"
            if near:
                near[0].value *= mod.value
        elif mod.kind == NOT:
            near = [u for u in valenced if 0 <= u.start - mod.end <= _NEGATION_REACH
                    and clause[u.start] == clause[mod.start]]
            if near:
                near[0].value *= -settings.negation
        elif mod.kind in (HEDGE, DESPITE):
            weight = settings.hedge if mod.kind == HEDGE else settings.concede
            for u in valenced:
                if u.start >= mod.end and clause[u.start] == clause[mod.start]:
                    u.value *= weight
        elif mod.kind == BUT:
            for u in valenced:
                if u.end <= mod.start:
                    u.value *= settings.before_but


def _target_clause(spans: list[tuple[int, int]], clause: list[int], target: tuple[int, int]) -> int | None:
    for (start, end), number in zip(spans, clause, strict=True):
        if start < target[1] and target[0] < end:
            return number
    return None


def score(text: str, target: tuple[int, int] | None = None, settings: Settings = DEFAULT) -> float:
    """``polarity`` with explicit settings (used to fit and cross-validate them)."""
    tokens, spans = _tokens(text, target)
    units = _lookup(tokens, settings)
    if not units:
        return 0.0
    clause = _clause_ids(tokens)
    _attach_moves(units, tokens, clause)
    _apply_modifiers(units, clause, settings)
    home = _target_clause(spans, clause, target) if target else None
    total = 0.0
    for unit in units:
        if unit.kind in _VALENCED:
            weight = 1.0 if home is None or clause[unit.start] == home else settings.other_clause
            total += weight * unit.value
    return total / math.sqrt(total * total + settings.squash)


def polarity(text: str, target: tuple[int, int] | None = None) -> float:
    """Polarity of ``text`` in [-1, 1]; ``target`` is the char span of the
    entity it is about, if known (clauses without it then weigh less)."""
    return score(text, target) if text.strip() else 0.0


def combine(base: float, shifts: list[float]) -> float:
    """Polarity after the competitive-language cues of pipelines/lexicon.toml.
    The cues know put-downs a general lexicon misreads ("peanuts ... we should
    be able to do better" is praise word by word), so when cues with a shift
    matched, the base is halved and their shifts added, clamped to [-1, 1]. A
    cue with no shift (a benchmark) leaves the base alone."""
    moved = sum(shifts)
    if not moved:
        return base
    return max(-1.0, min(1.0, 0.5 * base + moved))

"""The stance judge runs only the cues whose anchors occur in a text: sound
only if no cue could have matched without its anchor."""

import json
import random
from pathlib import Path

import pytest

from pipelines.cue_index import CueIndex, anchors
from pipelines.stance import load_lexicon

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bpeanuts\b", ("peanuts",)),
    (r"\bhype[ds]?\b", ("hype",)),
    (r"colou?r", ("colo",)),
    (r"\b(?:far|way|years) behind\b", (" behind",)),
    (r"\b(?:a |an )?(?:mess|flop|fiasco)\b", ("fiasco", "flop", "mess")),
    (r"\b(?:goal|target)\b[^.;]{0,60}?\bneeds to be\b", ("needs to be",)),
    (r"\b(?:jab|swipe|dig)s? at\b", ("dig", "jab", "swipe")),  # " at" is no better than "at"
    (r"\b(?:\d+x|twice) faster", (" faster",)),
    (r"\b(?:a|b)\b", None),
    (r"(?:peanuts)?\b\w+", None),  # an optional literal is not required
])
def test_anchors_are_the_literals_a_match_needs(pattern, expected):
    assert anchors(pattern) == expected


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("edges_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_every_cue_that_matches_a_text_is_a_candidate():
    """Over the labelled texts, recombined, and the lexicon's own words: a
    cue that matches is always among the candidates."""
    lexicon = load_lexicon()
    index = CueIndex([cue.pattern.pattern for cue in lexicon])
    rng = random.Random(11)
    texts = _texts()
    texts += [" ".join(rng.sample(texts, 3)) for _ in range(300)]
    matched = 0
    for text in texts:
        candidates = set(index.candidates(text.lower()))
        for number, cue in enumerate(lexicon):
            if cue.pattern.search(text):
                matched += 1
                assert number in candidates, (cue.pattern.pattern, text)
    assert matched > 500


def test_every_match_contains_one_of_its_anchors():
    lexicon = load_lexicon()
    text = " ".join(_texts())
    for cue in lexicon:
        needed = anchors(cue.pattern.pattern)
        for match in cue.pattern.finditer(text):
            assert needed is None or any(a in match.group().lower() for a in needed), (cue.pattern.pattern,
                                                                                     match.group())

"""The sentence splitter cuts plain sentence ends itself and leaves the rest
to syntok; its output must be syntok's, offsets included."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from pipelines.analyze import item_text
from pipelines.parse import ParseError, normalize_entries, parse_document
from pipelines.sentences import _PLAIN_END, _plain_ends, _split, _syntok, split_sentences

DATA = Path(__file__).resolve().parents[1] / "data"

# Things that make syntok decide differently from a plain sentence end.
AWKWARD = [
    "Inc.", "Inc. The", "U.S.", "U.S. The", "e.g.", "No. 5", "no. A380", "No. The", "15. Jan",
    "2024. Jan", "3.5", "...", "... The", "?!", "(", ")", "(The end.)", "Mr.", "Mrs. Smith", '"',
    "“", "”", "'", "’", "\n", "\u200b", "\xa0", ". ", "! ", "? ", "; ", ".", "Yahoo! Finance",
    "etc. The", "www.example.com. The", "Calif. The", "Dr. Who", "St. Louis", "Jr. The",
    "p.m. The", "a.m.", "i.e.", "vs. Google", "[1]", "Sept. The", "II. The", "X. The",
    "Jan. The", "Co. The", ":", "—", "it's. The", "A.I. The", "GPT-4. The", "word.The",
    "AI. The", "IBM. He", "NO. A380", "NO. The", "II. The", "XIV. He", "CEO. The", "TSMC. Data", "GPT4. The",
    "AI! What", "USA? Yes", "MD. The", "CD. The",
    "2. The", "(a) The", 'said." The', "said.” “The", "said.’ The", "end.) The", "end.] The",
    "{x}", "…", "‼", "Café. The", "approx. The", "ok. The", "slate.com/pod. Dear",
    "Character.AI. The", 'DeepSeek. "It', "IBM. The", "x.AI", "A.Ai", "word.Ai", "1.5. The", "OpenAI. The",
    "GPT-4o. The", "iPhone. The", "eBay. The", "Mc. The", "U.K. The", "k1.5", "v2.Beta", "a.B", "AI.The",
]


def _labelled_texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("edges_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 250
    return texts


def _feed_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            parsed = parse_document(path.read_bytes())
        except ParseError:
            continue  # an HTML page or a broken file: not a feed, nothing to split
        for entry in normalize_entries(parsed, feed_name="f", fetched_at=datetime(2026, 1, 1)):
            texts.append(item_text(entry.get("title"), entry.get("body")))
    return texts


def _same_as_syntok(texts: list[str]) -> list[str]:
    """The texts whose sentences differ from syntok's."""
    return [t for t in texts if _split(t, 7) != _syntok(t, 7)]


def test_plain_ends_are_cut_without_syntok_and_the_rest_is_syntoks():
    text = 'OpenAI shipped it in 2026. The rival (see Inc. Co.) waited. "Fine," he said. Mr. Smith left.'
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "OpenAI shipped it in 2026.", "The rival (see Inc. Co.) waited.", '"Fine," he said.', "Mr. Smith left."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_labelled_sets_split_as_syntok_splits_them():
    assert _same_as_syntok(_labelled_texts()) == []


def test_shared_feeds_split_as_syntok_splits_them(shared_data):
    texts = _feed_texts(shared_data / "feeds")
    assert len(texts) > 500
    assert _same_as_syntok(texts) == []


def test_mutated_texts_split_as_syntok_splits_them():
    """Abbreviations, brackets, quotes, numbers and invisible characters
    dropped at random into real sentences."""
    rng = random.Random(20261127)
    texts = _labelled_texts()
    mutated = []
    for _ in range(3000):
        words = rng.choice(texts).split(" ")
        for _ in range(rng.randint(1, 6)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(AWKWARD))
        mutated.append(" ".join(words))
    assert _same_as_syntok(mutated) == []


@pytest.mark.parametrize("text", [
    "He left (for good. The end) and the firm moved on. It grew.",
    "a stray ] bracket. Then (an aside. The end. Really.) More text. Done.",
    "Price fell 15. Jan 2025 was worse. Then it rose.",
    "No. The answer was no. The board agreed.",
])
def test_brackets_numbers_and_abbreviations_match_syntok(text):
    assert _split(text, 0) == _syntok(text, 0)


def test_plain_ends_are_found_as_the_full_pattern_finds_them():
    """_plain_ends tries _PLAIN_END only where a terminal follows a letter or
    digit; it must find what the pattern finds scanning every character,
    with underscores, accented letters and quotes around the word."""
    rng = random.Random(27)
    texts = _labelled_texts()
    awkward = AWKWARD + ["snake_case.", "Café.", "naïve!", "x_1?", "_A.", "Zoë.", "'Q.", "é.", "v2.0."]
    samples = list(texts)
    for _ in range(2000):
        words = rng.choice(texts).split(" ")
        for _ in range(rng.randint(1, 6)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(awkward))
        samples.append(" ".join(words))
    for text in samples:
        assert [(m.span(), m.groups()) for m in _plain_ends(text)] == \
            [(m.span(), m.groups()) for m in _PLAIN_END.finditer(text)], text

import random
import re

from pipelines.stance import _anchor, load_lexicon
from pipelines.wordlist import alternation

WORDS = ["said", "says", "say", "sayings", "hit back at", "hit back", "hit", "accusing", "accused",
         "a", "ab", "abc", "C++", "Al-Dahle"]


def test_trie_matches_what_a_longest_first_alternation_matches():
    trie = re.compile(r"\b(?:" + alternation(WORDS) + r")\b", re.I)
    plain = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)
    vocab = [*WORDS, "sai", "sayd", "hits", "back", "at", "abcd", "Said", "HIT BACK AT", "al-dahle", "x"]
    rng = random.Random(7)
    for _ in range(5000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 9)))
        assert [(m.start(), m.group()) for m in trie.finditer(text)] == \
               [(m.start(), m.group()) for m in plain.finditer(text)], text


def test_every_cue_match_contains_its_anchor():
    """The stance judge skips a cue whose anchor is not in the text: sound only
    if every match contains it. Checked on the lexicon's own example words."""
    samples = ("peanuts beneath us not comparable worried about hype hyped hypes overhyped keeps us up "
               "at night keep me up at night threatened to sue outscored head-to-head not a threat "
               "worry worries catching up with congratulations congrats beat beaten").split(" ")
    text = " ".join(samples)
    for cue in load_lexicon():
        anchor = _anchor(cue.pattern.pattern)
        for match in cue.pattern.finditer(text):
            assert anchor is None or anchor in match.group().lower(), (cue.pattern.pattern, match.group())
    assert _anchor(r"\bpeanuts\b") == "peanuts"
    assert _anchor(r"\bhype[ds]?\b") == "hype"
    assert _anchor(r"\bkeeps? (?:me|us) up") == "keep"
    assert _anchor(r"\b(?:twice|three times)") is None

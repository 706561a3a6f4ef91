import random
import re

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

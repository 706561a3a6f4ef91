"""Find company, product and people mentions in an item's text.

One compiled pattern over the whole catalog finds every candidate in one
pass; the rules below then drop the ordinary words: a weak alias needs an
item about tech/AI and a sentence without its `avoid` cues, a bare model code
needs its owner named in the item, a surname needs the full name first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipelines.catalog import Alias, Catalog
from pipelines.sentences import Sentence

_PREVIOUS_WORD = re.compile(r"([\w'’.-]+)\s+$")
_CAPITALISED = re.compile(r"[A-Z][a-z]")


def _title_case(sentence: str) -> bool:
    """Headline style ("OpenAI Rival Mistral Raises $600M"): most words capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence)
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) / len(words) > 0.6


def _inside_another_name(text: str, start: int, sentence_start: int, catalog) -> bool:
    """A weak alias that is part of another proper name: "Jean-Claude", "Fiona
    Apple", "Project Gemini" (but not "Anthropic's Claude" or a sentence start)."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    before = text[sentence_start:start]
    found = _PREVIOUS_WORD.search(before)
    if not found or found.start() == 0:
        return False  # first word of the sentence
    word = found.group(1)
    if not _CAPITALISED.match(word) or "-" in word:
        return False
    bare = re.sub(r"(['’]s|['’])$", "", word)
    if bare in catalog.aliases:
        return False  # "Google Gemini", "Anthropic's Claude"
    return not _title_case(text[sentence_start:start + 40])


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    alias: str
    company: str
    entity: str
    entity_type: str
    sentence_no: int


# Headlines name people by surname alone: "Huang: TSMC is 'one of the
# greatest companies'", "Altman on DeepSeek: ...", "Huang hails TSMC" (a
# headline's present tense). Not "Cook said ...", which body text writes
# about any Cook.
_AFTER_HEADLINE_NAME = re.compile(
    r"\s*:|\s+on\s+[^:]{1,60}:|\s+(?:says|calls|slams|hails|warns|praises|mocks|dismisses|touts|blasts|accuses"
    r"|criticizes|criticises|predicts|claims|admits|argues|urges|rejects|defends|trolls)\b")


def _headline_speaker(text: str, start: int, alias: Alias, index: int, sentence: Sentence) -> bool:
    """A surname that opens the item's first sentence (its title) as its speaker."""
    return (index == 0 and sentence.start == start and alias.entity_type == "person"
            and bool(_AFTER_HEADLINE_NAME.match(text, start + len(alias.text))))


def find_mentions(
    text: str, sentences: list[Sentence], catalog: Catalog, on: str | None = None
) -> list[Mention]:
    """Mentions in ``text``; ``on`` (the item's ISO date) picks the company a
    person worked for then."""
    if not text or not sentences:
        return []
    starts = [s.start for s in sentences]
    raw: list[tuple[int, int, Alias, int]] = []
    matches = list(catalog.pattern.finditer(text))
    # Companies the item names outright: they decide an undated person's employer.
    named = frozenset(
        first.company for first in (catalog.aliases[m.group()][0] for m in matches)
        if first.entity_type == "company" and not first.weak
    )
    for match in matches:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.end() > sentences[index].end:
            continue  # straddles a sentence boundary
        alias = catalog.resolve(match.group(), on, named)
        if alias is not None:
            raw.append((match.start(), match.end(), alias, index))

    strong = [r for r in raw if not r[2].weak and (not r[2].short or r[2].distinctive)]
    # Ordinary words of two different companies in one text ("Amazon said Alexa
    # would use Claude") are a tech context too.
    weak_companies = {r[2].company for r in raw if r[2].weak and not r[2].requires_owner
                      and not (r[2].avoid is not None and r[2].avoid.search(sentences[r[3]].text))}
    item_is_tech = bool(strong) or len(weak_companies) >= 2 or bool(catalog.ai_cues.search(text))
    owners_named = {r[2].company for r in strong}  # enough for the first pass
    full_names_at: dict[str, int] = {}
    for start, _end, alias, _i in strong:
        if alias.entity_type == "person":
            full_names_at.setdefault(alias.entity, start)

    def accepted(start: int, alias: Alias, index: int, owners: set[str]) -> bool:
        sentence = sentences[index]
        if alias.weak:
            if not item_is_tech:
                return False
            if alias.avoid is not None and alias.avoid.search(sentence.text):
                return False
            if alias.avoid is not None and alias.company not in owners_named and alias.avoid.search(text):
                # An item about the other sense ("the Nikola Tesla Museum ... Tesla's
                # letters"; "Winklevoss twins' Gemini"), its company never named outright.
                return False
            if alias.requires_owner and alias.company not in owners:
                return False
            if _inside_another_name(text, start, sentence.start, catalog):
                return False
        if alias.short and not alias.distinctive:
            first = full_names_at.get(alias.entity)
            if (first is None or first > start) and not (
                    item_is_tech and _headline_speaker(text, start, alias, index, sentence)):
                return False
        return True

    # Bare model codes and product words ("R1", "Alexa") count only when their
    # owner is named in the item, by any alias that itself counted.
    owners = {alias.company for start, _e, alias, index in raw
              if not alias.requires_owner and accepted(start, alias, index, owners_named)}
    return [
        Mention(start, end, text[start:end], alias.company, alias.entity, alias.entity_type, index)
        for start, end, alias, index in raw
        if accepted(start, alias, index, owners)
    ]

"""Who the subject of a verb at a position is: a person the catalog knows,
a company, someone the text introduces with a role at a company ("Tom
Becker, a vice president at OpenAI"), or "he"/"she" for the last speaker.
Also where the direct quotes are: names inside a quote do not speak."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.mentions import Mention
from pipelines.speech_patterns import (
    CLOSE_FOR,
    COMPANY_GAP,
    COMPANY_ROLE_NAME,
    DESCRIPTION_BEFORE,
    FORMER_BEFORE,
    GENERIC_DESCRIPTION,
    IT_BEFORE,
    MIN_SPEECH_QUOTE_WORDS,
    NAME_AS_MODIFIER,
    NAME_BEFORE_COMPANY,
    NAME_THEN_COMPANY_ROLE,
    PERSON_GAP,
    PRODUCT_MAKER_GAP,
    PRODUCT_ROLE_NAME,
    PRONOUN_BEFORE,
    ROLE_AFTER_COMPANY,
    ROLE_AT_AFTER,
    ROLE_AT_BEFORE,
    ROLE_AT_GAP,
    SINGLE_QUOTE,
    STRANGER,
    SUBJECT_VERB_GAP,
    UNNAMED_SPOKESPERSON_BEFORE,
    WHO_GAP,
)


@dataclass(frozen=True)
class Speaker:
    company: str
    name: str


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (inner text), curly or straight, double or single;
    long enough to be speech."""
    spans = _double_quote_spans(text)
    for match in SINGLE_QUOTE.finditer(text):
        start, end = match.span("inner")
        if len(match.group("inner").split()) >= MIN_SPEECH_QUOTE_WORDS and not inside(start, spans):
            spans.append((start, end))
    return sorted(spans)


def _double_quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    opening = _OPEN_DOUBLE.search(text)
    while opening:
        i = opening.start()
        close = text.find(CLOSE_FOR[opening.group()], i + 1)
        if close == -1:
            break
        if len(text[i + 1 : close].split()) >= MIN_SPEECH_QUOTE_WORDS:
            spans.append((i + 1, close))
        opening = _OPEN_DOUBLE.search(text, close + 1)
    return spans


_OPEN_DOUBLE = re.compile("[" + re.escape("".join(CLOSE_FOR)) + "]")


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= pos <= e for s, e in spans)


def is_former(text: str, mention: Mention) -> bool:
    """'Former Intel CEO Gelsinger', 'ex-OpenAI researcher': a past affiliation."""
    return FORMER_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None


# "Salesforce chief executive Marc Benioff", "Salesforce Chief Executive Marc Benioff".
_ROLE_BETWEEN = re.compile(
    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+|(?:CEO|CTO|CFO|COO|Chief|Executive|Officer|President|Vice|Senior|Co-[Ff]ounder"
    r"|Founder|Chairman|Chairwoman|Chair|Head|AI|Technology|Operating|Financial|Scientist|Research|Director"
    r"|Global|Affairs|Commercial|Product|Managing)\s+){1,5}")
_IN_RELATIVE_CLAUSE = re.compile(r",\s*which\b[^,;\"“”]*$")


class Resolver:
    """Finds the speaker of a verb at a position, using the item's mentions."""

    def __init__(self, text: str, mentions: list[Mention], quotes: list[tuple[int, int]]):
        self.text = text
        self.mentions = [m for m in mentions if not inside(m.start, quotes)]
        # "Former Intel CEO Gelsinger": named, but no longer speaking for Intel.
        self._former = {m.start for m in self.mentions if is_former(text, m)}
        self.people = [m for m in mentions if m.entity_type == "person"]
        # Named speakers found in a first pass: "he" refers to the last one who
        # spoke rather than to whoever was named last ("wrote to Hugo Touvron").
        self.named_speakers: list[tuple[int, Speaker]] = []
        self.allow_pronouns = True

    def subject_before(self, verb_start: int, floor: int) -> Speaker | None:
        """The person or company that is the subject of the verb at verb_start."""
        text = self.text
        before = [m for m in self.mentions if floor <= m.start and m.end <= verb_start and m.start not in self._former]
        for mention in reversed(before):
            gap = text[mention.end : verb_start]
            if mention.entity_type == "person" and (PERSON_GAP.match(gap) or WHO_GAP.match(gap)):
                return Speaker(mention.company, mention.entity)
        for mention in reversed(before):
            if _IN_RELATIVE_CLAUSE.search(text, floor, mention.start):
                continue  # "Perplexity, which has raised money from Nvidia, said": not Nvidia
            gap = text[mention.end : verb_start]
            if mention.entity_type == "product" and PRODUCT_MAKER_GAP.match(gap):
                return Speaker(mention.company, text[mention.start : verb_start].strip(" ,"))  # "the iPhone maker said"
            named = PRODUCT_ROLE_NAME.match(gap) if mention.entity_type == "product" else None
            if named and not self._known_name_in(mention.end, verb_start):
                return Speaker(mention.company, named.group("name"))
            if mention.entity_type != "company":
                continue
            if COMPANY_GAP.match(gap):
                return Speaker(mention.company, mention.entity)
            named = COMPANY_ROLE_NAME.match(gap)
            if named and not self._known_name_in(mention.end, verb_start):
                return Speaker(mention.company, named.group("name"))
            if ROLE_AT_GAP.match(gap):
                window = text[max(floor, mention.start - 160) : mention.start]
                described = ROLE_AT_BEFORE.search(window) or NAME_BEFORE_COMPANY.search(window)
                if described:
                    return Speaker(mention.company, described.group("name"))
        if self.allow_pronouns and PRONOUN_BEFORE.search(text[floor:verb_start]):
            return self.last_person_before(verb_start)
        if self.allow_pronouns and IT_BEFORE.search(text, floor, verb_start):
            return self.company_it(verb_start, floor)
        return None

    def company_it(self, pos: int, floor: int) -> Speaker | None:
        """Whom "it" speaking at pos stands for: a company that is the subject
        of an earlier verb in the same sentence ("DeepSeek released a model it
        said rivalled o1"), else the last speaker before it when that was a
        company ("OpenAI said ... It said the Chinese lab had ...")."""
        text = self.text
        for mention in reversed([m for m in self.mentions if floor <= m.start and m.end <= pos]):
            if mention.entity_type == "company" and mention.start not in self._former \
                    and SUBJECT_VERB_GAP.match(text, mention.end, pos):
                return Speaker(mention.company, mention.entity)
        return self._last_company_speaker(pos)

    def _last_company_speaker(self, pos: int) -> Speaker | None:
        """The last speaker before pos, when that was a company (not a person)."""
        spoke = [speaker for at, speaker in self.named_speakers if at < pos]
        if spoke and any(m.entity_type == "company" and Speaker(m.company, m.entity) == spoke[-1]
                         for m in self.mentions):
            return spoke[-1]
        return None

    def subject_after(self, verb_end: int, ceiling: int) -> Speaker | None:
        """'said Sam Altman' / 'said Meta' / 'said Mei Lin, head of AI at Alibaba Cloud'."""
        for mention in self.mentions:
            if mention.start < verb_end or mention.start > ceiling:
                continue
            if mention.start <= verb_end + 3 and mention.entity_type in ("person", "company"):
                return Speaker(mention.company, mention.entity)
            if mention.entity_type == "company":
                described = ROLE_AT_AFTER.match(self.text[verb_end : mention.start])
                if described:
                    return Speaker(mention.company, described.group("name"))
                described = NAME_THEN_COMPANY_ROLE.match(self.text[verb_end : mention.start])
                if described and ROLE_AFTER_COMPANY.match(self.text, mention.end, ceiling):
                    return Speaker(mention.company, described.group("name"))
            if mention.entity_type in ("company", "product") \
                    and re.fullmatch(r"\s+the\s+", self.text[verb_end:mention.start]) \
                    and ROLE_AFTER_COMPANY.match(self.text, mention.end, ceiling):
                # '"...," said the DeepSeek founder' / 'said the ChatGPT maker's chief'
                return Speaker(mention.company, self.text[mention.start : mention.end])
            break
        return None

    def described_before(self, verb_start: int, floor: int) -> Speaker | None:
        """'Nvidia was scornful. "...," the chipmaker said': a description just
        before the verb stands for the last company named before it."""
        text = self.text
        spokesperson = UNNAMED_SPOKESPERSON_BEFORE.search(text, floor, verb_start)
        if spokesperson:
            # "Anthropic has cut off OpenAI's access ..., a spokesperson said":
            # the company the sentence opens with.
            opening = self.opening_subject(floor, verb_start)
            if opening is not None and opening.entity_type == "company":
                return Speaker(opening.company, spokesperson.group().strip())
            return None
        found = DESCRIPTION_BEFORE.search(text, floor, verb_start)
        if found is None:
            return None
        if GENERIC_DESCRIPTION.fullmatch(found.group().strip()):
            # "OpenAI said it had evidence ... The company said it was working
            # with the government": the company that spoke last, not the last named.
            spoke = self._last_company_speaker(found.start())
            if spoke:
                return Speaker(spoke.company, found.group().strip())
            # "Tencent has begun testing a feature that runs on DeepSeek's R1,
            # the company confirmed": the company the sentence opens with.
            opening = self.opening_subject(floor, found.start())
            if opening is not None and opening.entity_type == "company":
                return Speaker(opening.company, found.group().strip())
        before = [m for m in self.mentions if m.end <= found.start() and m.entity_type in ("company", "product")]
        return Speaker(before[-1].company, found.group().strip()) if before else None

    def opening_subject(self, start: int, end: int) -> Mention | None:
        """The company or person the sentence at [start, end) opens with, when
        a verb follows it ("Anthropic has cut off ...", "Salesforce chief
        executive Marc Benioff escalated ..."): the subject of the sentence."""
        following = [m for m in self.mentions if m.start >= start][:3]
        lead = start
        adjective = NAME_AS_MODIFIER.match(self.text, following[0].end) if following else None
        if adjective:
            # "Amazon-backed Anthropic rolls out ...": the backer is an adjective.
            lead, following = adjective.end(), following[1:]
        if len(following) > 1 and following[0].entity_type == "company" and following[1].entity_type == "person" \
                and following[1].company == following[0].company \
                and _ROLE_BETWEEN.fullmatch(self.text, following[0].end, following[1].start):
            # "Salesforce chief executive Marc Benioff escalated ...": the person acts.
            lead, following = following[1].start, following[1:]
        first = following[0] if following else None
        if first is None or first.start - lead > 4 or not SUBJECT_VERB_GAP.match(self.text, first.end, end):
            return None
        return first

    def _known_name_in(self, start: int, end: int) -> bool:
        return any(start <= m.start < end for m in self.mentions)

    def last_person_before(self, pos: int) -> Speaker | None:
        """Whom "he"/"she" at pos refers to: the last speaker named before it,
        else the last person named; nobody when someone the catalog does not
        know was introduced in between ("Jane Doe, an analyst at ..., said")."""
        spoke = [(at, speaker) for at, speaker in self.named_speakers if at < pos]
        earlier = [m for m in self.people if m.end <= pos]
        if spoke:
            at, found = spoke[-1]
        elif earlier:
            at, found = earlier[-1].start, Speaker(earlier[-1].company, earlier[-1].entity)
        else:
            return None
        between = self.text[at:pos]
        for stranger in STRANGER.finditer(between):
            name = stranger.group("name") or stranger.group("name2")
            if not any(name in m.alias or m.alias in name for m in self.people):
                return None
        return found

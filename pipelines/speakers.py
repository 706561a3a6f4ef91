"""Who is speaking: attribute each statement in an item to a company.

Sources of attribution, recorded as ``speaker_via``:
- ``quote``: a direct quote with a speech verb and a named speaker before or
  after it ("...," Al-Dahle wrote / Zuckerberg wrote: "..." / "...," said
  Sam Altman), including a pronoun that refers back to the last person named
  ("Mistral is peanuts for us," he wrote.), a quote running over several
  sentences, and an unattributed quote right after an attributed one;
- ``reported_speech``: a person or a company as the subject of a reporting
  verb ("Nvidia said in a statement that ...", "Google said its Gemini Ultra
  outperformed GPT-4"), or a verb of naming ("he called Mistral 'peanuts'");
- ``according_to``: "..., according to Sam Altman.";
- ``feed_owner``: any other sentence in a company's own feed.
A sentence that only names two companies is no statement at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.mentions import Mention
from pipelines.sentences import Sentence

SPEECH_VERB = (
    r"(?:said|says|say|wrote|writes|told|tells|added|adds|stated|states|posted|posts|tweeted|tweets|"
    r"argued|argues|claimed|claims|noted|notes|explained|explains|warned|warns|insisted|insists|"
    r"messaged|remarked|remarks|declared|declares|boasted|boasts|admitted|admits|acknowledged|"
    r"acknowledges|conceded|concedes|replied|replies|responded|responds|predicted|predicts|"
    r"suggested|suggests|emailed|commented|asserted|asserts|announced|announces|quipped|joked|"
    r"countered|cautioned|complained|bragged|touted|touts|stressed|stresses|contended|contends|"
    r"maintained|maintains|observed|recalled|texted|believes|believed|thinks|thought|"
    r"called|calls|described|describes|dismissed|dismisses|labeled|labelled|branded|praised|"
    r"praises|criticized|criticised|criticizes|accused|accuses|mocked|mocks|hailed|hails|"
    r"conceded|admitted|predicted|vowed|vows|pledged|pledges)"
)
_VERB = re.compile(rf"\b{SPEECH_VERB}\b")
# What may stand between a subject and its verb: an appositive, an adverb, an auxiliary.
_FILLER = (
    r"(?:\s*,[^\"“”,]{0,120},)?"
    r"(?:\s+(?:also|later|then|once|previously|reportedly|publicly|has|had|have|recently|\w+ly))*\s*"
)
_PERSON_GAP = re.compile(rf"^{_FILLER}$")  # no possessive: "Musk's claims" is not Musk speaking
_COMPANY_GAP = re.compile(
    rf"^(?:['’]s)?(?:\s+(?:chief executive|CEO|spokes(?:person|woman|man)|representative|statement|"
    rf"blog post|blog|filing|annual report|report|executives?|leadership|team|management|lawyers?|"
    rf"attorneys?|researchers?))?{_FILLER}$"
)
_PRONOUN_BEFORE = re.compile(rf"\b(?P<p>he|she|He|She){_FILLER}$")
_ACCORDING = re.compile(r"\baccording to\s*$")
# Between a reporting verb and what was said: "said in a statement that",
# "told Reuters that", "wrote to Touvron:".
_THAT = re.compile(r"\s*(?:[^\"“”:.;]{0,60}?\bthat\b|[^\"“”:.;]{0,60}?:|,)?\s*")
# Verbs whose object is the judgement itself: the verb stays in the evidence
# ("accused OpenAI of ...", "called Mistral 'peanuts'").
EVALUATIVE = frozenset(
    "called calls described describes dismissed dismisses labeled labelled branded praised praises "
    "criticized criticised criticizes accused accuses mocked mocks hailed hails".split()
)
# Verbs that also take a plain object ("announced a model", "posted a video"):
# reported speech only with "that" or a colon after them.
NEEDS_THAT = frozenset(
    "announced announces posted posts tweeted tweets noted notes observed recalled touted touts admitted "
    "admits acknowledged acknowledges predicted predicts explained explains maintained maintains emailed "
    "texted messaged added adds stressed stresses believes believed thinks thought".split()
)
_OPEN_QUOTES = "\"“"
_CLOSE_FOR = {"“": "”", '"': '"'}
MIN_SPEECH_QUOTE_WORDS = 4  # shorter quotes are scare quotes ('called Mistral "peanuts"')


@dataclass(frozen=True)
class Statement:
    sentence_no: int
    speaker: str          # company id
    speaker_name: str     # the person or company named as speaker
    via: str
    start: int            # evidence span in the item text
    end: int


@dataclass(frozen=True)
class _Speaker:
    company: str
    name: str


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (inner text), curly or straight; long enough to be speech."""
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_QUOTES:
            close = text.find(_CLOSE_FOR[ch], i + 1)
            if close == -1:
                break
            inner = text[i + 1 : close]
            if len(inner.split()) >= MIN_SPEECH_QUOTE_WORDS:
                spans.append((i + 1, close))
            i = close + 1
            continue
        i += 1
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= pos <= e for s, e in spans)


class _Resolver:
    """Finds the speaker of a verb at a position, using the item's mentions."""

    def __init__(self, text: str, mentions: list[Mention], quotes: list[tuple[int, int]]):
        self.text = text
        self.quotes = quotes
        self.mentions = [m for m in mentions if not _inside(m.start, quotes)]
        self.people = [m for m in mentions if m.entity_type == "person"]
        # Named speakers found in a first pass: "he" refers to the last one who
        # spoke rather than to whoever was named last ("wrote to Hugo Touvron").
        self.named_speakers: list[tuple[int, _Speaker]] = []
        self.allow_pronouns = True

    def subject_before(self, verb_start: int, floor: int) -> _Speaker | None:
        """The person or company that is the subject of the verb at verb_start."""
        before = [m for m in self.mentions if floor <= m.start and m.end <= verb_start]
        for mention in reversed(before):
            gap = self.text[mention.end : verb_start]
            if mention.entity_type == "person" and _PERSON_GAP.match(gap):
                return _Speaker(mention.company, mention.entity)
        for mention in reversed(before):
            gap = self.text[mention.end : verb_start]
            if mention.entity_type == "company" and _COMPANY_GAP.match(gap):
                return _Speaker(mention.company, mention.entity)
        if self.allow_pronouns and _PRONOUN_BEFORE.search(self.text[floor:verb_start]):
            return self.last_person_before(verb_start)
        return None

    def subject_after(self, verb_end: int, ceiling: int) -> _Speaker | None:
        """'said Sam Altman' / 'said Meta'."""
        for mention in self.mentions:
            if verb_end <= mention.start <= min(ceiling, verb_end + 3):
                if mention.entity_type in ("person", "company"):
                    return _Speaker(mention.company, mention.entity)
        return None

    def last_person_before(self, pos: int) -> _Speaker | None:
        spoke = [speaker for at, speaker in self.named_speakers if at < pos]
        if spoke:
            return spoke[-1]
        earlier = [m for m in self.people if m.end <= pos]
        if not earlier:
            return None
        last = earlier[-1]
        return _Speaker(last.company, last.entity)


def _sentence_index(sentences: list[Sentence], pos: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end or (pos == s.end):
            return i
    return len(sentences) - 1


def _attribute_quote(
    resolver: _Resolver, text: str, sentences: list[Sentence], span: tuple[int, int]
) -> tuple[_Speaker | None, int | None]:
    """The quote's speaker and, when the attribution comes first ('X wrote that
    Llama 3 was "..." from OpenAI'), where the reported clause starts."""
    start, end = span
    # After the quote: '," he wrote.' / '," said Sam Altman.' / '," Al-Dahle wrote.'
    tail_sentence = sentences[_sentence_index(sentences, end)]
    tail = text[end + 1 : tail_sentence.end]
    verb = _VERB.search(tail[:80])
    if verb and not any(q in tail[: verb.start()] for q in _OPEN_QUOTES):
        verb_start, verb_end = end + 1 + verb.start(), end + 1 + verb.end()
        found = resolver.subject_before(verb_start, end + 1) or resolver.subject_after(verb_end, tail_sentence.end)
        if found:
            return found, None
    # Before the quote: 'Ahmad Al-Dahle, Meta's vice president, wrote: "...'
    head_sentence = sentences[_sentence_index(sentences, start - 1)]
    head = text[head_sentence.start : start - 1]
    verbs = list(_VERB.finditer(head))
    if verbs:
        verb = verbs[-1]
        verb_end = head_sentence.start + verb.end()
        found = resolver.subject_before(head_sentence.start + verb.start(), head_sentence.start)
        if found is None:
            found = resolver.subject_after(verb_end, start)
        if found:
            lead = _THAT.match(text, verb_end, start)
            return found, (lead.end() if lead else verb_end)
    according = re.search(r"\baccording to\b", tail[:40])
    if according:
        return resolver.subject_after(end + 1 + according.end() + 1, tail_sentence.end), None
    return None, None


def attribute(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    owner: str | None = None,
    owner_name: str | None = None,
) -> list[Statement]:
    """Statements with a known speaker, one or more per sentence."""
    quotes = quote_spans(text)
    resolver = _Resolver(text, mentions, quotes)
    resolver.allow_pronouns = False
    named = _statements(resolver, text, sentences, quotes, None, None)
    resolver.named_speakers = [(s.start, _Speaker(s.speaker, s.speaker_name)) for s in named]
    resolver.allow_pronouns = True
    return _statements(resolver, text, sentences, quotes, owner, owner_name)


def _statements(
    resolver: _Resolver, text: str, sentences: list[Sentence], quotes: list[tuple[int, int]],
    owner: str | None, owner_name: str | None,
) -> list[Statement]:
    statements: list[Statement] = []
    covered: set[int] = set()  # sentences whose speech is accounted for

    previous: tuple[_Speaker, int] | None = None  # last attributed quote and the sentence it ended in
    for span in quotes:
        speaker, clause_start = _attribute_quote(resolver, text, sentences, span)
        first = _sentence_index(sentences, span[0])
        last = _sentence_index(sentences, span[1])
        if speaker is None and previous is not None and first - previous[1] <= 1:
            speaker = previous[0]  # '"...," he wrote. "We should be able to do better."'
        for index in range(first, last + 1):
            covered.add(index)
        if speaker is None:
            previous = None
            continue
        previous = (speaker, last)
        for index in range(first, last + 1):
            sentence = sentences[index]
            lo, hi = max(span[0], sentence.start), min(span[1], sentence.end)
            if clause_start is not None:
                # Reported speech around the quote: the whole clause is the statement.
                lo = max(clause_start, sentence.start) if index == first else lo
                hi = sentence.end if index == last else hi
            if hi > lo:
                statements.append(Statement(index, speaker.company, speaker.name, "quote", lo, hi))

    for index, sentence in enumerate(sentences):
        if index in covered:
            continue
        found = _reported(resolver, text, sentence, index)
        if found:
            statements.append(found)
            covered.add(index)
        elif owner:
            statements.append(
                Statement(index, owner, owner_name or owner, "feed_owner", sentence.start, sentence.end)
            )
    statements.sort(key=lambda s: (s.sentence_no, s.start))
    return statements


def _reported(resolver: _Resolver, text: str, sentence: Sentence, index: int) -> Statement | None:
    """'X said (in a statement) that CLAUSE' and '..., according to X.'"""
    body = text[sentence.start : sentence.end]
    according = re.search(r"[,;]?\s*\baccording to\s+", body)
    if according:
        speaker = resolver.subject_after(sentence.start + according.end(), sentence.end)
        if speaker:
            return Statement(index, speaker.company, speaker.name, "according_to",
                             sentence.start, sentence.start + according.start())
    for verb in _VERB.finditer(body):
        verb_start = sentence.start + verb.start()
        speaker = resolver.subject_before(verb_start, sentence.start)
        if speaker is None:
            continue
        word = verb.group().lower()
        clause_start = sentence.start + verb.end()
        lead = _THAT.match(text, clause_start, sentence.end)
        introduced = bool(lead and lead.group().strip())
        if word in NEEDS_THAT and not introduced:
            continue
        if word in EVALUATIVE:
            clause_start = verb_start
        elif lead:
            clause_start = lead.end()
        if re.search(r"\w", text[clause_start : sentence.end]):
            return Statement(index, speaker.company, speaker.name, "reported_speech",
                             clause_start, sentence.end)
    return None

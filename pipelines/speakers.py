"""Who is speaking: attribute each statement in an item to a company.

Sources of attribution, recorded as ``speaker_via``:
- ``quote``: a direct quote with a speech verb and a named speaker before or
  after it ("...," Al-Dahle wrote / Zuckerberg wrote: "..." / "...," said
  Sam Altman), including a pronoun that refers back to the last speaker
  ("Mistral is peanuts for us," he wrote.), a quote running over several
  sentences, and an unattributed quote right after an attributed one;
- ``reported_speech``: a person or a company as the subject of a reporting
  verb ("Nvidia said in a statement that ...", "Google said its Gemini Ultra
  outperformed GPT-4"), of a verb of judging ("he called Mistral 'peanuts'",
  "xAI sued OpenAI"), or the attribution in the middle or at the end of a
  sentence ("Mistral, Al-Dahle wrote, is peanuts", "..., Hassabis said");
- ``according_to``: "..., according to Sam Altman." / "According to X, ...";
- ``headline``: "Amodei: DeepSeek did the worst ...";
- ``feed_owner``: any other sentence in a company's own feed.

A speaker is a person in the catalog, a company, or someone the catalog does
not know whose company the text names ("Tom Becker, a vice president at
OpenAI, said", "said Mei Lin, head of AI products at Alibaba Cloud", "Meta
chief financial officer Susan Li said"). A sentence that only names two
companies is no statement at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from pipelines.mentions import Mention
from pipelines.sentences import Sentence
from pipelines.speech_patterns import (
    ACTED_SAYING,
    ASIDE_GOES_ON,
    DESCRIPTION_ANYWHERE,
    EVALUATIVE,
    FEELINGS,
    GENERIC_DESCRIPTION,
    HEADLINE,
    HEADLINE_BEFORE_QUOTE,
    HEADLINE_ON,
    INVERTIBLE,
    IT_BEFORE,
    IT_SAYS,
    NEEDS_THAT,
    NEXT_CLAUSE,
    OBJECT_RELATIVE,
    OPEN_QUOTES,
    PARENTHETICAL_SAY,
    PRONOUN_ANYWHERE,
    THAT,
    VERB,
    WHO_BEFORE,
)
from pipelines.subjects import Resolver, Speaker, quote_spans


@dataclass(frozen=True)
class Statement:
    sentence_no: int
    speaker: str          # company id
    speaker_name: str     # the person or company named as speaker
    via: str
    start: int            # evidence span in the item text
    end: int
    # Where to look for targets when the evidence names none: the attribution
    # around a quote ('"...," Nadella said of OpenAI').
    aside_start: int | None = None
    aside_end: int | None = None
    # The whole statement (a quote over several sentences), for the stance
    # when the sentence alone has no cue.
    context_start: int | None = None
    context_end: int | None = None


def _sentence_index(sentences: list[Sentence], pos: int) -> int:
    """The first sentence holding pos or ending at it, else the last."""
    index = bisect.bisect_right(sentences, pos, key=lambda s: s.start) - 1
    if index >= 1 and sentences[index - 1].end == pos:
        return index - 1  # "word.The": the sentence that ends there comes first
    if index >= 0 and pos <= sentences[index].end:
        return index
    return len(sentences) - 1


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker
    clause_start: int | None = None   # attribution first: where the reported clause starts
    aside: tuple[int, int] | None = None  # attribution after: the rest of the sentence


def _attribute_quote(
    resolver: Resolver, text: str, sentences: list[Sentence], span: tuple[int, int]
) -> _Attribution | None:
    start, end = span
    # After the quote: '," he wrote.' / '," said Sam Altman.' / '," Al-Dahle wrote.'
    tail_sentence = sentences[_sentence_index(sentences, end)]
    tail = text[end + 1 : tail_sentence.end]
    verb = VERB.search(tail[:100])
    # 'had done "a number of novel things" that his engineers ..., and he said':
    # a quote that runs on into its sentence is not attributed by what follows.
    runs_on = not re.match(r"[\s\W]*$", text[max(start, end - 1) : end]) and not re.match(r"\s*[^\w\s]", tail)
    # '... were "simply following our lead," while Alibaba said ...': the next
    # clause has a speaker of its own, not the quote's.
    next_clause = _AFTER_QUOTE_NEXT_CLAUSE.match(tail)
    if verb and not runs_on and not next_clause and not any(q in tail[: verb.start()] for q in OPEN_QUOTES):
        verb_start, verb_end = end + 1 + verb.start(), end + 1 + verb.end()
        found = resolver.subject_before(verb_start, end + 1) or resolver.described_before(verb_start, end + 1)
        if found is None and verb.group().lower() in INVERTIBLE:
            found = resolver.subject_after(verb_end, tail_sentence.end)
        if found:
            return _Attribution(found, aside=(verb_start, tail_sentence.end))
    # Before the quote: 'Ahmad Al-Dahle, Meta's vice president, wrote: "...'
    head_sentence = sentences[_sentence_index(sentences, start - 1)]
    head = text[head_sentence.start : start - 1]
    topic = _topic_headline(resolver, head, head_sentence.start)
    if topic:  # 'Benioff on Microsoft Copilot: "It just doesn't work"'
        return _Attribution(topic[0], clause_start=topic[1])
    headline = HEADLINE.match(head) or HEADLINE_BEFORE_QUOTE.match(head)
    if headline:  # 'Amodei: DeepSeek did "the worst ..."' / 'Altman: "..."'
        colon = head_sentence.start + headline.end("who")
        found = resolver.subject_before(colon, head_sentence.start)
        if found:
            return _Attribution(found, clause_start=colon + 1)
    according = re.match(r"\s*according to\s+", head, re.I)
    if according:  # 'According to Dario Amodei, DeepSeek's model "was the worst ..."'
        found = resolver.subject_after(head_sentence.start + according.end(), start)
        comma = head.find(",", according.end())
        if found and comma != -1:
            return _Attribution(found, clause_start=head_sentence.start + comma + 1)
    for verb in reversed(list(VERB.finditer(head))):
        verb_end = head_sentence.start + verb.end()
        found = resolver.subject_before(head_sentence.start + verb.start(), head_sentence.start)
        if found is None and verb.group().lower() in INVERTIBLE:
            found = resolver.subject_after(verb_end, start)
        after_comma = re.search(r",\s*$", head[: verb.start()])
        if found is None and after_comma:
            # 'Sam Altman offered rare praise for a rival, posting "Congrats
            # to Google ..."': the sentence's subject acts, then says.
            acted = _acted_saying(resolver, text, head_sentence, 0)
            if acted:
                return _Attribution(Speaker(acted.speaker, acted.speaker_name), clause_start=head_sentence.start)
        if found:
            if verb.group().lower() in EVALUATIVE:
                return _Attribution(found, clause_start=head_sentence.start + verb.start())
            lead = THAT.match(text, verb_end, start)
            return _Attribution(found, clause_start=lead.end() if lead else verb_end)
        if not after_comma:
            break  # only a participle after a comma lets an earlier verb speak
    according = re.search(r"\baccording to\b", tail[:40])
    if according:
        found = resolver.subject_after(end + 1 + according.end() + 1, tail_sentence.end)
        if found:
            return _Attribution(found)
    return None


# Who a topic headline names: capitalised words and roles ("Salesforce's
# Benioff", "Nvidia chief Huang"), no verb.
_A_NAME = re.compile(r"(?:[A-Z][\w.&'’-]*|chief|executive|boss|founder|co-founder|president|spokesperson|CEO|CTO)"
                     r"(?:\s+(?:[A-Z][\w.&'’-]*|chief|executive|boss|founder|co-founder|president|spokesperson))*")


def _topic_headline(resolver: Resolver, head: str, offset: int) -> tuple[Speaker, int] | None:
    """'Benioff on Microsoft Copilot: ...' at ``offset``: the speaker, and where
    the statement starts (at "on", so the topic is among its targets)."""
    topic = HEADLINE_ON.match(head)
    if topic is None or not _A_NAME.fullmatch(topic.group("who")):
        # "Altman congratulates Google on Gemini 3: ..." is not Google speaking.
        return None
    found = resolver.subject_before(offset + topic.end("who"), offset)
    return (found, offset + topic.end("who")) if found else None


def _leads_into_quote(text: str, start: int, quote_start: int) -> bool:
    """Whether text[start:quote_start] is the opening of the quoted sentence
    (no other quote, no speech verb, no colon before the quote)."""
    head = text[start : max(start, quote_start - 1)]
    return bool(head.strip()) and not any(q in head for q in OPEN_QUOTES + "”") \
        and not VERB.search(head) and not head.rstrip().endswith(":")


def attribute(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    owner: str | None = None,
    owner_name: str | None = None,
    about: re.Pattern | None = None,
) -> list[Statement]:
    """Statements with a known speaker, one or more per sentence. With
    ``about`` (words that may stand for a company named earlier, such as
    "the Chinese lab"), statements are only looked for in sentences that
    name a company or match it: the others cannot be about anyone (a third
    of the sentences of news that names companies; the speaker rules are
    the costliest part of analysis)."""
    quotes = quote_spans(text)
    resolver = Resolver(text, mentions, quotes)
    named_in = {m.sentence_no for m in mentions}
    if PRONOUN_ANYWHERE.search(text) or IT_SAYS.search(text):
        # "he" or "it" refers to the last named speaker: a first pass without
        # pronouns finds them. Without such a pronoun both passes agree. In
        # a sentence that names nobody, only a description ("the chipmaker
        # said") can name a speaker in this pass.
        # Only speakers before the last "he", "it said" or "the company"
        # are looked up (the sentence after it too: its verb may follow).
        last = max((m.end() for pattern in (PRONOUN_ANYWHERE, IT_SAYS, GENERIC_DESCRIPTION)
                    for m in pattern.finditer(text)), default=0)
        needed = _sentence_index(sentences, last) + 1
        resolver.allow_pronouns = False
        named = _statements(resolver, text, sentences, quotes, None, None,
                            lambda s: s <= needed and (s in named_in or DESCRIPTION_ANYWHERE.search(
                                text, sentences[s].start, sentences[s].end) is not None))
        resolver.named_speakers = [(s.start, Speaker(s.speaker, s.speaker_name)) for s in named]
        resolver.allow_pronouns = True
    may_speak = None if about is None else \
        lambda s: s in named_in or about.search(text, sentences[s].start, sentences[s].end) is not None
    return _statements(resolver, text, sentences, quotes, owner, owner_name, may_speak)


def _statements(
    resolver: Resolver, text: str, sentences: list[Sentence], quotes: list[tuple[int, int]],
    owner: str | None, owner_name: str | None, may_speak: Callable[[int], bool] | None = None,
) -> list[Statement]:
    """Statements of a pass; ``may_speak(sentence_no)`` false: a sentence
    where no statement that matters can be found (not looked for)."""
    statements: list[Statement] = []
    covered: set[int] = set()  # sentences whose speech is accounted for

    previous: tuple[Speaker, int] | None = None  # last attributed quote and the sentence it ended in
    goes_on: list[Statement] = []  # statements in the attribution after a quote (kept apart: chains index statements)
    chains: list[list[int]] = []  # quotes by one speaker in a row: indexes into statements
    for span in quotes:
        found = _attribute_quote(resolver, text, sentences, span)
        first = _sentence_index(sentences, span[0])
        last = _sentence_index(sentences, span[1])
        continued = found is None and previous is not None and first - previous[1] <= 1
        # '..., adding that OpenAI "will continue to be our partner"': a new
        # statement, not more of the quote before it.
        goes_on_here = any(g.start <= span[0] < g.end for g in goes_on)
        if continued and goes_on_here:
            found, continued = _Attribution(previous[0]), False
        if continued:
            found = _Attribution(previous[0])  # '"...," he wrote. "We should be able to do better."'
        elif found is not None and previous is not None and first - previous[1] <= 1 \
                and found.speaker == previous[0] and chains and not goes_on_here:
            # '"OpenAI was created as an open source ... company," Musk wrote,
            # "but now it has become a closed source ..."': one statement.
            continued = True
        for index in range(first, last + 1):
            covered.add(index)
        if found is None:
            previous = None
            continue
        if not continued:
            chains.append([])
        chains[-1].extend(range(len(statements), len(statements) + last - first + 1))
        previous = (found.speaker, last)
        for index in range(first, last + 1):
            sentence = sentences[index]
            lo, hi = max(span[0], sentence.start), min(span[1], sentence.end)
            if found.clause_start is not None:
                # Reported speech around the quote: the whole clause is the statement.
                lo = max(found.clause_start, sentence.start) if index == first else lo
                hi = sentence.end if index == last else hi
            if index == first and found.aside is not None and _leads_into_quote(text, sentence.start, span[0]):
                # 'Apple hasn't "really invented anything great," Zuckerberg
                # told Rogan': the words before the quote are the speaker's too.
                lo = sentence.start
            aside = found.aside if index == last else None
            more = ASIDE_GOES_ON.search(text, aside[0], aside[1]) if aside else None
            if more:
                # '"...," said Priya Raman, though she called Google's AI
                # Overviews "a mess"': the speaker goes on about another target.
                verb = "verb" if more.group("verb") else "verb2"
                goes_on.append(Statement(index, found.speaker.company, found.speaker.name,
                                         "reported_speech", more.start(verb), aside[1]))
                aside = (aside[0], more.start())
            if hi > lo:
                statements.append(Statement(
                    index, found.speaker.company, found.speaker.name, "quote", lo, hi,
                    aside_start=aside[0] if aside else None, aside_end=aside[1] if aside else None,
                    context_start=span[0], context_end=span[1],
                ))

    # The stance of a sentence of a quote may be decided by the rest of what
    # the speaker said in that breath.
    for chain in chains:
        members = [i for i in chain if i < len(statements)]
        if len(members) > 1:
            lo = min(statements[i].context_start for i in members)
            hi = max(statements[i].context_end for i in members)
            for i in members:
                statements[i] = replace(statements[i], context_start=lo, context_end=hi)
    statements.extend(goes_on)

    for statement in _interview_answers(resolver, text, sentences, covered):
        statements.append(statement)
        covered.add(statement.sentence_no)

    quotes_in: dict[int, list[Statement]] = {}
    for statement in statements:
        if statement.via == "quote":
            quotes_in.setdefault(statement.sentence_no, []).append(statement)
    for index, sentence in enumerate(sentences):
        if index in covered:
            around, cut = _around_quotes(resolver, text, sentence, index, quotes_in.get(index, []), quotes)
            if cut is not None:
                # The quotes' statements end where the next speaker's clause starts.
                statements[:] = [replace(s, end=cut) if s.sentence_no == index and s.via == "quote"
                                 and s.start < cut < s.end else s for s in statements]
            statements.extend(around)
            continue
        found = _reported(resolver, text, sentence, index) if may_speak is None or may_speak(index) else []
        if found:
            statements.extend(found)
            covered.add(index)
        elif owner:
            statements.append(
                Statement(index, owner, owner_name or owner, "feed_owner", sentence.start, sentence.end)
            )
    statements.sort(key=lambda s: (s.sentence_no, s.start))
    return statements


# An interview printed as questions and answers: "Q: ... A: ...".
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.]\s", re.MULTILINE)
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.]\s", re.MULTILINE)


def _interview_answers(resolver: Resolver, text: str, sentences: list[Sentence], covered: set[int]) -> list[Statement]:
    """In an interview printed as "Q: ..." and "A: ..." paragraphs, the answers
    are the interviewee's: the first person the item names (in its headline
    or introduction), else nobody. An answer that names no company speaks of
    the one its question named ("Q: OpenAI is selling hard into large
    companies. Does that worry you? A: Honestly, no. They are a consumer
    company ...")."""
    if "Q" not in text or not _ANSWER.search(text) or not _QUESTION.search(text):
        return []
    people = [m for m in resolver.people if not _QUESTION.match(text, text.rfind("\n", 0, m.start) + 1)]
    if not people:
        return []
    interviewee = Speaker(people[0].company, people[0].entity)
    out = []
    for question in _QUESTION.finditer(text):
        answer = _ANSWER.search(text, question.end())
        if answer is None:
            break
        after = _QUESTION.search(text, answer.end())
        answer_end = after.start() if after else len(text)
        if _QUESTION.search(text, question.end(), answer.start()):
            continue  # a question with no answer of its own
        for index, sentence in enumerate(sentences):
            if index in covered or sentence.end <= answer.start() or sentence.start >= answer_end:
                continue
            start = max(sentence.start, answer.end())
            # The whole answer is the stance's context ("Alibaba's team ships a
            # new size every week. It's remarkable work.").
            out.append(Statement(index, interviewee.company, interviewee.name, "interview", start, sentence.end,
                                 aside_start=question.end(), aside_end=answer.start(),
                                 context_start=answer.end(), context_end=answer_end))
    return out


_AFTER_QUOTE_NEXT_CLAUSE = re.compile(r"[\s,]*(?:while|whereas|but)\b")


def _around_quotes(
    resolver: Resolver, text: str, sentence: Sentence, index: int, quotes: list[Statement],
    spans: list[tuple[int, int]],
) -> tuple[list[Statement], int | None]:
    """Statements in a sentence with quotes, besides the quotes' own, and
    where the quotes' statements must end (a next speaker's clause), if anywhere."""
    if quotes and len({q.speaker for q in quotes}) == 1 \
            and PARENTHETICAL_SAY.search(text, sentence.start, sentence.end):
        # 'Still, Gomez said, it matched GPT-4 Turbo "at a fraction of the
        # price,"' or 'The Chinese lab's claims, he added, were "exaggerated"':
        # the quote's speaker also says the rest of the sentence, where the target is.
        return [replace(quotes[0], start=sentence.start, end=sentence.end)], None
    pieces = []  # (start, end, whether the whole sentence is its stance context)
    if quotes and quotes[0].context_start is not None and quotes[0].context_start > sentence.start + 1:
        # 'Gomez said Anthropic had done "an incredible job" with Claude, but
        # argued ... "just need models that work,"': the reported speech before
        # the first quote; its stance may lie in the quote that follows.
        pieces.append((sentence.start, quotes[0].context_start - 1, True))
    here = [span for span in spans if sentence.start <= span[0] < sentence.end]
    cut = None
    if here and _AFTER_QUOTE_NEXT_CLAUSE.match(text, here[-1][1] + 1, sentence.end):
        # '... "remains available to them," while Anthropic maintained that
        # ...': the clause after the last quote has a speaker of its own.
        cut = here[-1][1] + 1
        pieces.append((cut, sentence.end, False))
    out = []
    for start, end, head in pieces:
        found_here = _reported(resolver, text, Sentence(start, end, text[start:end]), index)
        if not head:
            out.extend(found_here)
            continue
        for found in found_here:
            # Only about what the quotes' own statements do not reach.
            if any(found.start <= m.start < found.end and m.company != found.speaker
                   and not any(q.start <= m.start < q.end for q in quotes) for m in resolver.mentions):
                out.append(replace(found, context_start=sentence.start, context_end=sentence.end))
    if cut is not None and not any(s.start >= cut for s in out):
        cut = None  # no speaker found there: the quote's statement stays whole
    return out, cut


def _names_a_target(resolver: Resolver, speaker: str, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end and m.company != speaker for m in resolver.mentions)


_ACCORDING = re.compile(r"(?:^|[,;]\s*)\baccording to\s+", re.I)


def _reported(resolver: Resolver, text: str, sentence: Sentence, index: int) -> list[Statement]:
    """'X said (in a statement) that CLAUSE', 'X called Y Z', '..., according to X.',
    'Name: CLAIM'; several per sentence when several people speak in it."""
    body = text[sentence.start : sentence.end]
    # Most sentences have no colon and no "according to": skip those patterns.
    topic = _topic_headline(resolver, body, sentence.start) if ":" in body else None
    if topic:
        speaker, clause_start = topic
        return [Statement(index, speaker.company, speaker.name, "headline", clause_start, sentence.end)]
    headline = HEADLINE.match(body) if ":" in body else None
    if headline:
        colon = sentence.start + headline.end("who")
        speaker = resolver.subject_before(colon, sentence.start)
        if speaker:
            return [Statement(index, speaker.company, speaker.name, "headline", colon + 1, sentence.end)]
    according = _ACCORDING.search(body) if "ccording" in body else None
    if according:
        speaker = resolver.subject_after(sentence.start + according.end(), sentence.end)
        if speaker:
            if according.start() == 0:  # "According to X, ..."
                comma = body.find(",", according.end())
                start = sentence.start + (comma + 1 if comma != -1 else according.end())
                return [Statement(index, speaker.company, speaker.name, "according_to", start, sentence.end)]
            return [Statement(index, speaker.company, speaker.name, "according_to",
                              sentence.start, sentence.start + according.start())]
    joint = _joint_statement(resolver, text, sentence, index) if "ompanies" in body else []
    if joint:
        return joint
    found: list[tuple[Speaker, int, int]] = []  # speaker, where its verb starts, where its clause starts
    for verb in VERB.finditer(body):
        verb_start = sentence.start + verb.start()
        if OBJECT_RELATIVE.search(text, max(sentence.start, verb_start - 40), verb_start):
            continue
        floor = found[-1][2] if found else sentence.start
        word = verb.group().lower()
        speaker = resolver.subject_before(verb_start, floor)
        if speaker is None and word not in FEELINGS:
            # Not "Smith said the company was concerned that ...": whose
            # feelings a description reports is too loose a guess.
            speaker = resolver.described_before(verb_start, floor)
        if speaker is None and found and WHO_BEFORE.search(text, sentence.start, found[-1][1]):
            # 'Benioff, who has called Copilot "Clippy 2.0," said that ...':
            # the main verb after a relative clause has the same subject.
            again = resolver.subject_before(verb_start, sentence.start)
            speaker = again if again == found[-1][0] else None
        if speaker is None:
            continue
        clause_start = sentence.start + verb.end()
        lead = THAT.match(text, clause_start, sentence.end)
        introduced = bool(lead and lead.group().strip())
        if word in NEEDS_THAT and not introduced:
            continue
        if word in EVALUATIVE:
            clause_start = verb_start
        elif lead:
            clause_start = lead.end()
        found.append((speaker, verb_start, clause_start))
    if not found:
        acted = _acted_saying(resolver, text, sentence, index)
        return [acted] if acted else []
    statements = []
    for number, (speaker, verb_start, clause_start) in enumerate(found):
        clause_end = found[number + 1][1] if number + 1 < len(found) else sentence.end
        if number + 1 < len(found):
            # "Altman called R1 impressive, while Elon Musk replied ...": the
            # next speaker's name ends this statement, not only its verb.
            nxt = found[number + 1][0]
            cuts = [cut.start() for m in resolver.mentions if clause_start <= m.start < clause_end
                    and m.entity_type in ("person", "company") and (m.company, m.entity) == (nxt.company, nxt.name)
                    and (cut := NEXT_CLAUSE.search(text, clause_start, m.start))]
            if cuts:
                clause_end = cuts[-1]
        if number == 0 and any(q in text[sentence.start : verb_start] for q in OPEN_QUOTES):
            # A short quote before the attribution is part of what was said
            # ('"Elon is superhuman," Huang said, marvelling that xAI ...').
            clause_start = sentence.start
        if not re.search(r"\w", text[clause_start:clause_end]):
            if len(found) > 1:
                # 'Huang said he disagreed with "almost everything" the
                # Anthropic chief says.': a relative clause, not a statement.
                continue
            clause_start, clause_end = sentence.start, sentence.end
        elif len(found) == 1 and not _names_a_target(resolver, speaker.company, clause_start, clause_end) \
                and not IT_BEFORE.search(text, sentence.start + 1, verb_start) \
                and not (re.search(r"\w", text[clause_start:clause_end])
                         and _opens_sentence(resolver, text, sentence, speaker, verb_start)):
            # The attribution sits inside or at the end of the sentence
            # ('Mistral, Al-Dahle wrote, is "peanuts"', '..., Hassabis said.').
            # Not "a model it said was trained cheaply": that "it" says only what follows.
            # Nor when the speaker opens the sentence and says a whole clause
            # ("Former OpenAI CTO Mira Murati, now at Thinking Machines, said
            # the start-up would ..."): the names before the verb describe the speaker.
            clause_start, clause_end = sentence.start, sentence.end
        statements.append(Statement(index, speaker.company, speaker.name, "reported_speech",
                                    clause_start, clause_end))
    return statements


_JOINT_SPEAKERS = re.compile(r"\b(?:[Tt]he (?:two |three )?companies|[Bb]oth companies)\s+"
                             r"(?:said|say|announced|announce|added|wrote|confirmed|confirm)\b")


def _joint_statement(resolver: Resolver, text: str, sentence: Sentence, index: int) -> list[Statement]:
    """'Nvidia will invest $100 billion in OpenAI, the companies said': each
    of the two companies the sentence names says it (about the other)."""
    if not _JOINT_SPEAKERS.search(text, sentence.start, sentence.end):
        return []
    named: dict[str, str] = {}
    for mention in resolver.mentions:
        if sentence.start <= mention.start < sentence.end and mention.entity_type in ("company", "product"):
            named.setdefault(mention.company, mention.entity)
    if len(named) != 2:
        return []  # with three or more, who joined the statement is anyone's guess
    return [Statement(index, company, name, "joint_statement", sentence.start, sentence.end)
            for company, name in named.items()]


_SPEAKER_PHRASE_BEFORE = re.compile(r"\s*(?:(?:[Ff]ormer|[Tt]he|[Aa]n?)\s+)?(?:[\w.&'’-]+\s+){0,8}")


def _opens_sentence(resolver: Resolver, text: str, sentence: Sentence, speaker: Speaker, verb_start: int) -> bool:
    """Whether the speaker's name stands in the noun phrase that opens the sentence."""
    named = [m for m in resolver.mentions if sentence.start <= m.start < verb_start
             and (m.company, m.entity) == (speaker.company, speaker.name)]
    return bool(named) and _SPEAKER_PHRASE_BEFORE.fullmatch(text, sentence.start, named[0].start) is not None


def _acted_saying(resolver: Resolver, text: str, sentence: Sentence, index: int) -> Statement | None:
    """'Anthropic has cut off OpenAI's access to Claude, saying the rival's
    staff had broken its terms': the sentence's subject, a company or person
    named at its start, says the whole sentence."""
    if not ACTED_SAYING.search(text, sentence.start, sentence.end):
        return None
    first = resolver.opening_subject(sentence.start, sentence.end)
    if first is None or first.entity_type not in ("company", "person"):
        return None
    return Statement(index, first.company, first.entity, "reported_speech", sentence.start, sentence.end)


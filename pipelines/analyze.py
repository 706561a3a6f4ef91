"""Item text -> sentences -> mentions -> statements -> directed edges.

Plain functions over records: no I/O here. ``analyze_records`` turns rows of
``warehouse.store.items_to_analyze`` into the rows ``replace_analysis`` loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pipelines import ANALYZER_VERSION
from pipelines.catalog import Catalog
from pipelines.filing_documents import Passage, find_passages
from pipelines.mentions import Mention, find_mentions
from pipelines.sentences import Sentence, split_sentences
from pipelines.speakers import Statement, attribute
from pipelines.speech_patterns import NAME_AS_MODIFIER, VERB
from pipelines.stance import forget_votes, judge
from pipelines.subjects import is_former

_TRIM = " \t\n\"“”'‘’,;:"


@dataclass(frozen=True)
class Edge:
    sentence_no: int
    speaker: str
    target: str
    stance: str
    polarity: float
    evidence: str
    speaker_via: str
    speaker_name: str
    cues: str


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    edges: list[Edge]


def item_text(title: str | None, body: str | None) -> str:
    """The text analysed for an item: its title as its own paragraph, then its body."""
    title, body = (title or "").strip(), (body or "").strip()
    if title and body and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body or title


def with_passages(text: str, passages: list[Passage]) -> tuple[str, list[tuple[int, int]]]:
    """An item's text with the passages of its filing document appended, each
    its own paragraph, and where each passage sits in the result."""
    spans = []
    for passage in passages:
        text = f"{text}\n\n" if text else text
        spans.append((len(text), len(text) + len(passage.text)))
        text += passage.text
    return text, spans


def item_day(published_at: object) -> str | None:
    """An item's ISO date (``published_at`` as stored: datetime, pandas
    Timestamp, ISO text; None or NaT when the feed gave none)."""
    if published_at is None or published_at != published_at:  # NaT is not equal to itself
        return None
    if hasattr(published_at, "date"):
        return published_at.date().isoformat()
    text = str(published_at)[:10]
    return text if len(text) == 10 else None


def analyze_text(text: str, catalog: Catalog, owner: str | None = None, on: str | None = None) -> Analysis:
    """``on``: the item's ISO date, which decides whom a person spoke for."""
    if not catalog.pattern.search(text):
        # Most items of a general feed name no company: nothing to split or judge.
        return Analysis(text, [], [], [])
    forget_votes()
    sentences = split_sentences(text, only_where=catalog.pattern)
    mentions = find_mentions(text, sentences, catalog, on)
    owner = owner if owner and catalog.is_company(owner) else None
    statements = attribute(text, sentences, mentions, owner, catalog.company_name(owner) if owner else None,
                           about=_ANAPHOR)
    edges: dict[tuple[int, str, str], Edge] = {}
    # What each speaker was reported to speak of last, when that was one
    # company: a quote right after it that names nobody goes on about it
    # ('..., telling analysts customers got no value from Copilot. "It just
    # doesn't work," he said.').
    topics: dict[str, tuple[int, Mention]] = {}
    for statement in statements:
        last = topics.get(statement.speaker)
        topic = last[1] if last and 0 <= statement.sentence_no - last[0] <= 1 else None
        found = _edges_of(statement, text, mentions, topic)
        about = {e.target for e in found}
        # Only from what was reported: the next sentence of a quote that named
        # the company already shares its stance (the chain), not another edge.
        if len(about) == 1 and statement.via != "quote":
            named = [m for m in mentions if m.company in about and m.start < statement.end]
            if named:
                topics[statement.speaker] = (statement.sentence_no, named[-1])
        for edge in found:
            key = (edge.sentence_no, edge.speaker, edge.target)
            if key not in edges or edges[key].stance == "neutral":
                edges[key] = edge
    return Analysis(text, sentences, mentions, list(edges.values()))


def _targets_in(mentions: list[Mention], speaker: str, start: int, end: int, text: str) -> list[Mention]:
    targets = [m for m in mentions if start <= m.start and m.end <= end and m.company != speaker
               and not _counted_hardware(text, m) and not NAME_AS_MODIFIER.match(text, m.end)]
    # Models run as a workload ("measured on Meta's Llama 2 70B": the maker
    # too) are used, not talked about.
    workloads = [m for m in targets if _workload(text, m)]
    workloads += [m for m in targets if m.entity_type == "company" and any(
        w.company == m.company and _POSSESSIVE.fullmatch(text, m.end, w.start) for w in workloads)]
    targets = [m for m in targets if m not in workloads]
    # Nor are the customers a company pitches to ("pitching it to Microsoft,
    # Meta and Oracle"), when the statement names someone else.
    aside = _listed(text, targets, _CUSTOMER_BEFORE, None)
    if aside and len(set(aside)) < len(targets):
        targets = [m for m in targets if m not in aside]
    # Investors ("with Nvidia and AMD among the strategic investors", "which
    # has raised money from Nvidia"), customers listed ("Meta, Oracle and xAI
    # are among the customers"), where a product is offered ("available on
    # Amazon Bedrock, Google Cloud's Vertex AI and Microsoft Foundry") and a
    # hire's past employers ("stints at OpenAI, Google DeepMind and Anthropic")
    # are not what is talked about.
    not_talked_about = _listed(text, targets, _INVESTOR_BEFORE, _INVESTOR_AFTER) \
        + _listed(text, targets, _CHANNEL_OR_PAST_BEFORE, None)
    return [m for m in targets if m not in not_talked_about]


_CUSTOMER_BEFORE = re.compile(
    r"\b(?:(?:pitch|sell|offer|suppl[yi]|ship|deliver|rent)\w*|sold)\s+(?:it|them|its\s+\w+|the\s+\w+|chips|GPUs)?"
    r"\s*to\s+$", re.IGNORECASE)
# "Microsoft, Meta and Oracle"; "Google Cloud's Vertex AI and Microsoft Foundry" (a product after the possessive).
_LIST_JOIN = re.compile(r"(?:(?:\s+[A-Z][\w.-]*){0,2}['’]s(?:\s+[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*){0,3})?)?"
                        r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)")


_INVESTOR_BEFORE = re.compile(
    r"\b(?:raised (?:money|funding|capital|\$[\d.,]+ \w+) from|backed by|funded by|"
    r"investors? (?:such as|including|like)|(?:stakes?|investments?) from)\s+$", re.IGNORECASE)
_INVESTOR_AFTER = re.compile(r"(?:['’]s)?(?:\s*,\s*|\s+and\s+[A-Z][\w.&-]*\s+)?\s*(?:were |are )?among (?:the |its )?"
                             r"(?:\w+ )?(?:investors|backers|shareholders|customers|clients|adopters)\b")
_CHANNEL_OR_PAST_BEFORE = re.compile(
    r"\b(?:available|availability|accessible|hosted)\b[^.;]{0,60}?\b(?:on|through|via)\s+(?:the\s+)?$"
    r"|\b(?:customers|clients)\s+(?:such as|including|like)\s+$"
    r"|\b(?:stints?|worked|career|careers|alumni|veterans?|formerly)\b[^.;]{0,20}?\b(?:at|of)\s+$", re.IGNORECASE)


def _listed(text: str, targets: list[Mention], before: re.Pattern, after: re.Pattern | None) -> list[Mention]:
    """Targets that ``before`` introduces or ``after`` follows, with the names
    listed with them ("pitching it to Microsoft, Meta and Oracle")."""
    out: list[Mention] = []
    for number, mention in enumerate(targets):
        if before.search(text, max(0, mention.start - 60), mention.start) \
                or (out and _LIST_JOIN.fullmatch(text, out[-1].end, mention.start)):
            out.append(mention)
        elif after is not None and after.match(text, mention.end):
            # "Meta, Oracle and xAI are among the customers": the names listed before it too.
            first = number
            while first and _LIST_JOIN.fullmatch(text, targets[first - 1].end, targets[first].start):
                first -= 1
            out += [m for m in targets[first : number + 1] if m not in out]
    return out


# What a statement uses rather than talks about: a model as a benchmark
# workload ("1.3 times the throughput on Llama 2 70B"), a maker's hardware
# counted out ("50,000 Nvidia H100s", "thousands of Nvidia graphics processors").
_WORKLOAD_AFTER = re.compile(r"\s*\d+(?:\.\d+)?[BbMT]\b|\s+(?:calls|workloads|tests|sessions|tasks)\b"
                             r"|\s+models?\s+with\s+[\d.,]+\s*(?:billion|million|[BM])\b")
_WORKLOAD_BEFORE = re.compile(
    r"\b(?:on|in|across|running|using|for)\s+(?:the\s+)?(?:real-world\s+)?(?:[A-Z][\w.-]*['’]s\s+)?$")
# "on several inference workloads, including Meta's Llama 3.1 405B and DeepSeek-R1"
_WORKLOADS_LISTED = re.compile(r"\bworkloads?,?\s+(?:including|such as|like)\b(?:[^.;:]|\.\d)*$", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:k|m|million|billion)?|thousands|millions|hundreds|dozens)\s+(?:of\s+)?$", re.IGNORECASE)
_HARDWARE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[A-Z]?\w*\d\w*\s+)?(?:chips?|GPUs?|graphics processors?|processors?|accelerators?"
    r"|servers?|H100s|H200s|B200s|TPUs?)\b")


def _workload(text: str, mention: Mention) -> bool:
    if _WORKLOADS_LISTED.search(text, max(0, mention.start - 120), mention.start):
        return True
    before = text[max(0, mention.start - 40): mention.start]
    return (mention.entity_type == "product" and bool(_WORKLOAD_BEFORE.search(before))
            and bool(_WORKLOAD_AFTER.match(text, mention.end)))


def _counted_hardware(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 40): mention.start]
    return bool(_COUNTED_BEFORE.search(before)) and (
        text[mention.start:mention.end].endswith("s") or bool(_HARDWARE_AFTER.match(text, mention.end)))


# "Hassabis called the Chinese lab's model ...": a description of a company
# that the item named before.
_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]hat)\s+(?:(?:[A-Z][a-z]+\s+|[a-z]+-based\s+|(?:start-?up|rival|search|chip|AI)\s+)?"
    r"(?:lab|start-?up|company|firm|chipmaker|chip maker|giant|group|maker|developer|rival|retailer|provider)"
    r"|[A-Z][a-z]+\s+(?:model|chatbot|app))\b"  # "the Chinese model", not "the model"
    r"(?!\s+(?:of|that|which|who))"
)


_SAYS_AFTER = re.compile(r"(?:['’]s\s+[a-z]+)?\s+(?:on\s+[A-Z]\w+\s+)?(?:" + VERB.pattern + ")", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+")
_BARE_DESCRIPTION = re.compile(r"(?:[Tt]he|[Tt]hat)\s+(?:lab|start-?up|company|firm|group)")


def _anaphoric_target(statement: Statement, text: str, mentions: list[Mention]) -> Mention | None:
    """The company a description in the statement stands for: the last
    company or product named before it other than the speaker's."""
    found = _ANAPHOR.search(text, statement.start, statement.end)
    if found is not None and _SAYS_AFTER.match(text, found.end()):
        # "The company said the model was faster": the description is who speaks.
        found = _ANAPHOR.search(text, found.end(), statement.end)
    if found is None:
        return None
    # "Former OpenAI CTO Mira Murati said the start-up ...": a past employer
    # is not what a description stands for.
    before = [m for m in mentions if m.end <= found.start() and m.entity_type in ("company", "product")
              and not is_former(text, m)]
    same_sentence = [m for m in before if m.sentence_no == statement.sentence_no]
    bare = _BARE_DESCRIPTION.fullmatch(found.group())
    if bare and same_sentence and all(m.company == statement.speaker for m in same_sentence):
        # "Midjourney founder David Holz said the lab would remain independent";
        # but "the Meta chief said the Chinese lab had ..." is about another.
        return None
    # "The Chinese lab's claims, he added, were exaggerated": not the speaker's
    # own company, even when the text named it last, but the one before it.
    before = [m for m in before if m.company != statement.speaker]
    if not before:
        return None
    named = before[-1]
    return Mention(found.start(), found.end(), found.group(), named.company, named.entity, "reference",
                   statement.sentence_no)


_RIVALS = re.compile(r"compet|rival", re.IGNORECASE)


def _joined(text: str, targets: list[Mention]) -> list[Mention]:
    """'"...," Huang said of AMD's warrant deal with OpenAI': the first company
    named after the verb is what the quote is about, with any joined to it
    by "and" or a comma ("said of OpenAI and Google"), not the rest."""
    kept = targets[:1]
    for target in targets[1:]:
        if not _LIST_JOIN.fullmatch(text, kept[-1].end, target.start):
            break
        kept.append(target)
    return kept


def _edges_of(statement: Statement, text: str, mentions: list[Mention], topic: Mention | None = None) -> list[Edge]:
    """One edge per company the statement is about (self-mentions are not edges).
    A quote naming no company is about what its attribution names
    ('"We are below them, above them," Nadella said of OpenAI'), else about
    ``topic``: what its speaker spoke of just before."""
    start, end = statement.start, statement.end
    targets = _targets_in(mentions, statement.speaker, start, end, text)
    if not targets and statement.aside_start is not None:
        targets = _joined(text, _targets_in(mentions, statement.speaker, statement.aside_start,
                                            statement.aside_end, text))
        end = max(end, statement.aside_end)  # not the question before an interview's answer
    if not targets and statement.via != "feed_owner":
        referred = _anaphoric_target(statement, text, mentions)
        targets = [referred] if referred else []
    if not targets and topic is not None and statement.via == "quote":
        targets = [topic]
    if not targets:
        return []
    if statement.via == "feed_owner" and len({m.company for m in targets}) >= 4 \
            and not _RIVALS.search(text, start, end):
        # A press release's list of customers or partners ("organizations
        # expected to adopt Blackwell are AWS, Google, Meta, ...") says
        # nothing about any of them; a filing's list of competitors does.
        return []
    raw = text[start:end]
    offset = start + len(raw) - len(raw.lstrip(_TRIM))
    evidence = raw.strip(_TRIM)
    context = None
    if statement.context_start is not None:
        context = text[statement.context_start : statement.context_end]
    edges = []
    for mention in targets:
        others = [(m.start - offset, m.end - offset) for m in mentions
                  if m.company != mention.company and offset <= m.start < offset + len(evidence)]
        if offset <= mention.start < offset + len(evidence):
            verdict = judge(evidence, mention.start - offset, mention.end - offset, context=context, others=others)
        else:  # named in the question an interview's answer replies to, or before the quote
            verdict = judge(evidence, context=context, others=others)
        edges.append(Edge(
            sentence_no=statement.sentence_no, speaker=statement.speaker, target=mention.company,
            stance=verdict.stance, polarity=verdict.polarity, evidence=evidence,
            speaker_via=statement.via, speaker_name=statement.speaker_name, cues=", ".join(verdict.cues),
        ))
    return edges


def as_columns(rows: list[dict]) -> dict[str, list]:
    """Rows as one list per key, in order."""
    keys = dict.fromkeys(key for row in rows[:1] for key in row)
    return {key: [row.get(key) for row in rows] for key in keys}


def analyze_columns(records: Iterable[dict], catalog: Catalog, *, now: datetime) -> dict[str, dict[str, list]]:
    """``analyze_records``, each table as columns: what a worker process sends
    back (pickling a dict per row cost the writer's process a tenth of a
    second per 10,000 items, and the warehouse loads columns anyway), and
    what ingest's serial path gives too."""
    return {table: as_columns(rows) for table, rows in analyze_records(records, catalog, now=now).items()}


def analyze_records(
    records: Iterable[dict], catalog: Catalog, *, now: datetime
) -> dict[str, list[dict]]:
    """Rows for warehouse.store.replace_analysis from item records
    (item_id, title, body, content_hash, owner, published_at; a filing's
    ``document`` text adds its passages, read with the filer as the speaker)."""
    out: dict[str, list[dict]] = {"sentences": [], "mentions": [], "edges": [], "analyses": [], "passages": []}
    for record in records:
        item_id = record["item_id"]
        owner = record.get("owner") or catalog.company_for_cik(record.get("filer_cik"))
        passages = find_passages(record["document"], catalog, owner) if record.get("document") else []
        text, spans = with_passages(item_text(record.get("title"), record.get("body")), passages)
        result = analyze_text(text, catalog, owner, item_day(record.get("published_at")))
        for number, (passage, (start, end)) in enumerate(zip(passages, spans, strict=True)):
            inside = [i for i, s in enumerate(result.sentences) if start <= s.start < end]
            out["passages"].append(
                {"item_id": item_id, "passage_no": number, "section": passage.section,
                 "first_sentence": inside[0] if inside else None, "last_sentence": inside[-1] if inside else None,
                 "text": passage.text}
            )
        out["sentences"].extend(
            {"item_id": item_id, "sentence_no": i, "text": s.text} for i, s in enumerate(result.sentences)
        )
        seen_starts = set()
        for m in result.mentions:
            sentence = result.sentences[m.sentence_no]
            start_char = m.start - sentence.start
            if (m.sentence_no, start_char) in seen_starts:
                continue
            seen_starts.add((m.sentence_no, start_char))
            out["mentions"].append(
                {"item_id": item_id, "sentence_no": m.sentence_no, "start_char": start_char,
                 "company": m.company, "alias": m.alias, "entity": m.entity, "entity_type": m.entity_type}
            )
        out["edges"].extend({"item_id": item_id, **e.__dict__} for e in result.edges)
        out["analyses"].append(
            {"item_id": item_id, "content_hash": record["content_hash"],
             "analyzer_version": ANALYZER_VERSION, "catalog_version": catalog.version, "analyzed_at": now}
        )
    return out

"""The words and patterns of attribution: verbs of speech and judgement,
what may stand between a speaker and a verb, quote marks, headlines. The
logic that uses them is pipelines.speakers."""

from __future__ import annotations

import re

from pipelines.wordlist import alternation

# Verbs that introduce speech and can come before their subject ('said Sam Altman').
SAY_VERBS = (
    "said says say wrote writes added adds stated states posted posts tweeted tweets argued argues "
    "claimed claims noted notes explained explains warned warns insisted insists messaged remarked "
    "remarks declared declares boasted boasts admitted admits acknowledged acknowledges conceded "
    "concedes replied replies responded responds predicted predicts suggested suggests emailed "
    "commented asserted asserts announced announces quipped joked countered cautioned complained "
    "bragged touted touts stressed stresses contended contends maintained maintains observed recalled "
    "texted continued vowed vows pledged pledges told tells believes believed thinks thought "
    "testified testifies disagreed disagrees retorted telling posting alleged alleges confirmed confirms"
).split()
# Verbs whose object is the judgement itself: the verb stays in the evidence
# ("accused OpenAI of ...", "called Mistral 'peanuts'", "xAI sued Apple").
EVALUATIVE_VERBS = (
    "called calls described describes dismissed dismisses labeled labelled branded praised praises "
    "criticized criticised criticizes criticises accused accuses mocked mocks hailed hails slammed "
    "slams blasted blasts derided derides lauded lauds sued sues taunted taunts attacked attacks "
    "ridiculed ridicules disparaged disparages applauded applauds welcomed welcomes rejected rejects trolled trolls "
    "warned congratulated congratulates"
).split()
# Fear is a judgement of the rival: "Microsoft sales leaders have grown
# worried that ChatGPT Enterprise is winning customers".
FEELINGS = (
    "grown worried", "grew worried", "become worried", "became worried", "are worried", "is worried",
    "were worried", "was worried", "are concerned", "is concerned", "were concerned", "was concerned",
    "fear", "fears", "feared", "grown frustrated", "grew frustrated", "is frustrated", "was frustrated",
)
# Multi-word verbs of judging.
EVALUATIVE_PHRASES = (
    "hit back at", "hits back at", "took aim at", "takes aim at", "lashed out at", "lashes out at",
    "pushed back on", "pushes back on", "took a swipe at", "takes a swipe at", "took a jab at",
    "takes a jab at", "poked fun at", "pokes fun at", "filed suit against", "filed a lawsuit against",
    "brushed off", "brushes off", "brushed aside", "brushes aside", "shrugged off", "shrugs off", "waved off",
    "waves off", "played down",
    "plays down", "downplayed", "downplays",
    # The court or regulator may come between: "filed a complaint with the
    # European Commission accusing Microsoft of ...".
    "filed a lawsuit", "filed a complaint", "filed an antitrust complaint", "filed suit", "is suing",
    "are suing", "accusing",
    *FEELINGS,
)
# Multi-word verbs of speech: "Babuschkin, an xAI co-founder, shot back that ...".
SAY_PHRASES = ("shot back", "fired back", "hit back", "pushed back", "chimed in")
# "Nvidia named Huawei as a top competitor in its annual filing": naming a
# rival is a statement about it; "named a new chief" is not.
LISTING_VERBS = ("listed", "lists", "named", "names", "identified", "identifies", "cited", "cites", "counted", "counts")
_LISTS_A_RIVAL = (r"\b(?:" + alternation(LISTING_VERBS) + r")\b"
                  r"(?=[^.;]{0,80}?\b(?:as|among)\b[^.;]{0,40}?\b(?:competitors?|rivals?|competition|threats?)\b)")
VERB = re.compile(
    r"\b(?:" + alternation([*EVALUATIVE_PHRASES, *SAY_PHRASES, *SAY_VERBS, *EVALUATIVE_VERBS]) + r")\b|"
    + _LISTS_A_RIVAL,
    re.IGNORECASE,  # title-case headlines: "Altman Says DeepSeek Is Impressive"
)
EVALUATIVE = frozenset(EVALUATIVE_VERBS) | frozenset(EVALUATIVE_PHRASES) | frozenset(LISTING_VERBS)
# An attribution set off by commas inside a sentence: "Still, Gomez said, it
# matched GPT-4", "The lab's claims, he added, were 'exaggerated'".
PARENTHETICAL_SAY = re.compile(
    r",\s*(?:he|she|they|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s+(?:" + alternation(SAY_VERBS) + r"),"
)
# Verbs that also take a plain object ("announced a model", "posted a video",
# "told Reuters"): reported speech only with "that" or a colon after them.
NEEDS_THAT = frozenset(
    "announced announces posted posts tweeted tweets noted notes observed recalled touted touts admitted "
    "admits acknowledged acknowledges predicted predicts explained explains maintained maintains emailed "
    "texted messaged added adds stressed stresses believes believed thinks thought continued "
    "vowed vows pledged pledges warned testified testifies disagreed disagrees telling posting".split()
) | frozenset(SAY_PHRASES)
# 'said Sam Altman' yes, 'told Reuters' and 'dismissed Mistral' no.
INVERTIBLE = frozenset(SAY_VERBS) - {"told", "tells", "telling", "believes", "believed", "thinks", "thought"}

# "Satya Nadella on Tuesday said", "Altman in an interview with CNBC said",
# "Huang at a conference in Taipei said": when and where, unpunctuated.
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_OCCASIONS = (r"(?:interview|post|statement|memo|letter|podcast|keynote|speech|call|email|filing|note|video|"
              r"conference|event|summit|hearing|briefing|forum|panel|testimony|appearance)")
_WHEN_OR_WHERE = (
    rf"on\s+{_DAYS}|(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year|weekend|{_DAYS})|for\s+the\s+first\s+time"
    rf"|(?:in|at|during)\s+(?:an?|the|his|her|a\s+recent)\s+(?:[\w-]+\s+){{0,3}}?{_OCCASIONS}"
    r"(?:\s+(?:with|on|to|at|in)\s+(?:[A-Z][\w.&'’-]*|the)(?:\s+[A-Z][\w.&'’-]*){0,3})?"
)
# What may stand between a subject and its verb: an appositive, an adverb, an auxiliary.
FILLER = (
    # an appositive (", the chief executive of Google DeepMind,") or a relative
    # clause that may quote (", who once said Ernie was \"not inferior ...,\"")
    r"(?:\s*,[^\"“”,]{0,120},|\s*,\s*who\b(?:[^.;]|\.(?=\S)){0,200}?[,”\"](?:\s*[,”\"])?)?"
    r"(?:\s+(?:also|later|then|once|previously|reportedly|publicly|has|had|have|recently|again|"
    r"\w+ly|" + _WHEN_OR_WHERE + r"))*\s*"
)
PERSON_GAP = re.compile(rf"^{FILLER}$")  # no possessive: "Musk's claims" is not Musk speaking
# "Marc Benioff, who has called Copilot ...": the relative pronoun is the
# subject. WHO_BEFORE ends the text before such a verb; WHO_GAP is the whole
# gap between the name and the verb.
_WHO = r",\s*who(?:\s+(?:has|have|had|once|also|previously|recently|repeatedly|often|\w+ly)){0,2}\s+$"
WHO_BEFORE = re.compile(_WHO)
WHO_GAP = re.compile(rf"^\s*{_WHO}")
ROLE_WORDS = (
    r"chief executive|chief executive officer|CEO|spokes(?:person|woman|man)|representative|statement|"
    r"blog post|blog|filing|annual report|report|execs?|leadership|team|management|lawyers?|"
    r"attorneys?|official|officials|board|founder|co-founder|employees?|"
    r"(?:[a-z]+ )?(?:unit|division|subsidiary)|co-chief executive|co-CEO|chairman|chairwoman|"
    r"staff(?:ers?)?|insiders?|scientists?|boss|chief|president|executive vice president|vice president|"
    # "Microsoft sales leaders", "Meta's security researchers"
    r"(?:sales |security |senior |top |AI |product )?(?:leaders|executives?|researchers?|engineers?)"
)
# "The iPhone maker said", "the ChatGPT developer argued": a company by its product.
PRODUCT_MAKER_GAP = re.compile(
    rf"^\s+(?:maker|developer|creator|owner|parent)(?:['’]s\s+(?:[a-z-]+\s+){{0,3}}?(?:{ROLE_WORDS}))?\b,?{FILLER}$")
# '"...," the chipmaker said': a description standing for a company named before.
_DESCRIPTION = (
    r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:chipmaker|chip maker|start-?up|lab|company|firm|retailer|search giant|"
    r"software giant|social media giant|e-commerce giant|cloud provider|group)(?:['’]s\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:chief executive|chief|boss|spokesperson|spokeswoman|spokesman|founder|president))?")
DESCRIPTION_BEFORE = re.compile(_DESCRIPTION + r"\s+$")
DESCRIPTION_ANYWHERE = re.compile(_DESCRIPTION)
# "The company said", "the start-up added": no more than that it is a company.
_GENERIC = r"[Tt]he\s+(?:company|firm|start-?up|group)"
GENERIC_DESCRIPTION = re.compile(_GENERIC)
# "..., a spokesperson said" / "a company spokeswoman said": for the sentence's subject.
UNNAMED_SPOKESPERSON_BEFORE = re.compile(
    r"(?:^|,\s*)(?:a|an|its|the company['’]s)\s+(?:company\s+)?(?:spokes(?:person|woman|man)|representative)\s+$")
# "Meta's spokesperson said" but not "DeepSeek's claims were".
# "An OpenAI employee accused", "Babuschkin, an xAI co-founder, shot back":
# the role may close an appositive.
COMPANY_GAP = re.compile(
    rf"^(?:(?:['’]s)?\s+(?:(?:latest|new|most recent|recent|own)\s+)?(?:{ROLE_WORDS}),?)?{FILLER}$")
# "Meta chief financial officer Susan Li", "OpenAI's Tom Becker": a company, a
# role in lower case, then a name the catalog does not know.
NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
COMPANY_ROLE_NAME = re.compile(rf"^(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,5}}(?P<name>{NAME}){FILLER}$")
# "Waymo co-chief executive Tekedra Mawakana said": a unit the catalog files
# as a product speaks through a named role.
PRODUCT_ROLE_NAME = re.compile(rf"^(?:['’]s)?\s+(?:{ROLE_WORDS})\s+(?P<name>{NAME}){FILLER}$")
# "Tom Becker, a vice president of product at " ... COMPANY: an unknown person
# described by a role at a company.
ROLE_AT_BEFORE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,8}}?(?:at|of|for|from|with)\s+$"
)
ROLE_AT_GAP = re.compile(rf"^(?:['’]s)?(?:\s+[\w'’-]+){{0,6}},{FILLER}$")
# "Eddy Cue, Apple's senior vice president of services, testified": a name,
# then the company owning the role.
NAME_BEFORE_COMPANY = re.compile(rf"(?P<name>{NAME}),\s+(?:an?\s+|the\s+)?$")
ROLE_AT_AFTER = re.compile(
    rf"^\s*(?P<name>{NAME}),\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,8}}?(?:at|of|for|from|with)\s+$"
)
# '"...," said Charles Lamanna, a Microsoft president': the company before the role.
NAME_THEN_COMPANY_ROLE = re.compile(rf"^\s*(?P<name>{NAME}),\s+(?:an?|the)\s+$")
ROLE_AFTER_COMPANY = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\b")
# Someone introduced with a role: "Jane Doe, an analyst at Bernstein," / "analyst Jane Doe said".
STRANGER = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+(?:an?|the)\s+[a-z]"
    r"|\b(?:analyst|professor|researcher|economist|investor|lawyer|spokes(?:man|woman|person))\s+"
    r"(?P<name2>[A-Z][a-z]+\s+[A-Z][\w'’-]+)"
)
PRONOUN_BEFORE = re.compile(rf"\b(?:he|she|He|She){FILLER}$")
# "OpenAI said ... It said the Chinese lab had ...", "DeepSeek released a model
# it said rivalled o1": "it" speaking is a company (pipelines/subjects.py).
_IT = r"\b[Ii]t(?:\s+(?:also|later|then|previously|\w+ly))*"
IT_BEFORE = re.compile(_IT + r"\s+$")
# Whether "it" or "the company" speaks anywhere (they refer to an earlier speaker).
IT_SAYS = re.compile(r"(?:\b" + _GENERIC + r"(?:\s+(?:also|later|then))?|" + _IT + r")"
                     r"\s+(?:said|says|added|adds|claimed|claims|argued|argues|warned|warns|noted|notes|"
                     r"wrote|stated|alleged|alleges)\b")
# Whether PRONOUN_BEFORE can match anywhere in a text: FILLER opens with a
# space or a comma, so "he"/"she" must be followed by one.
PRONOUN_ANYWHERE = re.compile(r"\b(?:he|she|He|She)[\s,]")
# Between a reporting verb and what was said: "said in a statement that",
# "told Reuters that", "wrote to Touvron:".
THAT = re.compile(
    # Not "after reports that": the "that" of a noun is not what was said.
    # Nor "said DeepSeek's success was proof that": a finite verb on the way
    # means the words skipped are what was said, not when or to whom.
    r"\s*(?:(?:(?!\b(?:was|were|is|are|had|has|have|would|could|will|can)\b)[^\"“”:.;]){0,60}?"
    r"(?<!reports )(?<!a report )(?<!the report )(?<!claims )(?<!rumors )(?<!rumours )(?<!news )\bthat\b|"
    r"[^\"“”:.;]{0,60}?,\s*saying\b(?:\s+that\b)?|[^\"“”:.;]{0,60}?:|,)?\s*"
)
# "Former Intel CEO Gelsinger says": he no longer speaks for Intel.
FORMER_BEFORE = re.compile(r"\b(?:[Ff]ormer|ex-)\s*(?:[A-Z][\w.&-]*\s+){0,2}(?:[a-z]+\s+){0,2}$")
# What opens another speaker's clause: "..., while Elon Musk replied".
# "..., while Anthropic co-founder Jack Clark wrote": the speaker's company and
# role may come before the name.
NEXT_CLAUSE = re.compile(r"(?:(?:,\s*|\s+)(?:while|whereas|but|and|as)|;)\s+"
                         r"(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}(?:['’]s)?\s+(?:[a-z][\w-]*\s+){1,4})?$")
# "Huawei, which he called 'quite formidable,' would take the market": the
# verb's object is the noun before; the clause belongs to the statement around it.
OBJECT_RELATIVE = re.compile(r"\b(?:which|whom|that)\s+(?:he|she|they|we|I)\s+(?:\w+ly\s+|has\s+|had\s+|once\s+)?$")
# "Anthropic has cut off OpenAI's access, saying the rival broke its terms":
# a company or person acts, and the participle says why.
ACTED_SAYING = re.compile(
    r"(?:,\s*|\s+after\s+)(?:saying|alleging|accusing|arguing|claiming|warning|complaining|telling|blaming|posting|calling"
    r"|writing|asking|insisting|noting|boasting|joking|quipping)\b"
    # A headline's second predicate: "Anthropic rolls out Claude 3.5, says it
    # beats GPT-4o" (not "..., said Nadella" or "..., said the company").
    r"|,\s*(?:says|said|claims|warns)\s+(?!the\b)[a-z]")
# "the ChatGPT-powered Bing", "an Amazon-backed start-up": a name as an adjective.
NAME_AS_MODIFIER = re.compile(r"-(?:powered|backed|owned|funded|made|built|designed)\b")
SUBJECT_VERB_GAP = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+|on\s+\w+\s+)?"
                              r"(?:[a-z]+(?:ed|s)|went|took|shot|fired|hit|struck|made|gave|threw|wrote|spoke|kept|held|led|"
                              r"ran|began|brought|sent|set|put|cut|won|lost|sold|bought|built|drew|stood)\b")
# "Amodei: DeepSeek did ...", "Salesforce's Benioff: ...": a name of at most
# five words before the colon ("We are also announcing a partnership with
# Microsoft: ..." is a sentence, not a headline).
HEADLINE = re.compile(r"\s*(?P<who>[A-Z][^:\"“”\s]*(?:\s+[^:\"“”\s]+){0,4}):\s+\S")
HEADLINE_BEFORE_QUOTE = re.compile(r"\s*(?P<who>[A-Z][^:\"“”‘\s]*(?:\s+[^:\"“”‘\s]+){0,4}):\s*$")
# "Benioff on Microsoft Copilot: 'It just doesn't work'": the topic is the target.
HEADLINE_ON = re.compile(
    r"\s*(?P<who>[A-Z][^:\"“”\s]*(?:\s+[^:\"“”\s]+){0,3}?)\s+on\s+[^:\"“”]{2,60}:(?:\s+\S|\s*$)"
)
OPEN_QUOTES = "\"“‘"
CLOSE_FOR = {"“": "”", '"': '"'}
MIN_SPEECH_QUOTE_WORDS = 4  # shorter quotes are scare quotes ('called Mistral "peanuts"')


# The attribution after a quote goes on with another statement by the same
# speaker: ", though she called ...", "and he added that ...".
ASIDE_GOES_ON = re.compile(
    r",?\s+(?:(?:though|although|but|while|and)\s+(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?P<verb>" + alternation(EVALUATIVE_VERBS + ["said", "says", "added", "adds", "argued", "warned", "wrote"])
    + r")\b"
    # '"...," said Charles Lamanna, adding that OpenAI "will continue ..."'
    r"|(?P<verb2>adding)\s+that\b)",
    re.IGNORECASE,
)


# Headlines and British English quote with single marks: ‘...’ or '...'. An
# apostrophe is no quote mark: the opening one follows a space, the closing
# one is followed by a space, punctuation or the end.
SINGLE_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(:—–-]))[‘'](?P<inner>[^‘’'\"“”]+?)[’'](?=[\s.,;:!?)—–-]|$)")

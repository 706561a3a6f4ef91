"""The catalog of companies, products and people, and the one compiled
pattern that finds all their aliases in a single pass over a text."""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from pipelines.wordlist import alternation

ENV_VAR = "RIVALWATCH_CATALOG"


@dataclass(frozen=True)
class Alias:
    text: str
    company: str
    entity: str          # display name of the company, product or person
    entity_type: str     # company | product | person
    weak: bool = False   # an ordinary word too: needs context
    short: bool = False  # a person's surname: needs the full name first
    distinctive: bool = False
    requires_owner: bool = False
    avoid: re.Pattern | None = None
    # A person's time at the company, as ISO dates: [since, until). People
    # move ("Mustafa Suleyman" spoke for Inflection, then for Microsoft).
    since: str | None = None
    until: str | None = None

    def holds_on(self, day: str) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass
class Catalog:
    version: str
    companies: dict[str, dict]
    people: dict[str, dict]
    aliases: dict[str, list[Alias]]
    ai_cues: re.Pattern
    pattern: re.Pattern = field(repr=False)
    problems: list[str] = field(default_factory=list)

    def resolve(self, text: str, on: str | None = None, named: frozenset[str] = frozenset()) -> Alias | None:
        """What the alias ``text`` names in an item published on ``on`` (an
        ISO date): a person's company at that date, or none when the person
        had left it and joined no company in the catalog. Undated text gets
        the affiliation whose company the item names (``named``: "Mira
        Murati, OpenAI's chief technology officer"), else the latest."""
        found = self.aliases[text]
        if len(found) == 1 and found[0].since is None and found[0].until is None:
            return found[0]
        if on is not None:
            return next((a for a in found if a.holds_on(on)), None)
        candidates = [a for a in found if a.company in named] or found
        return max(candidates, key=lambda a: (a.until is None, a.until or "", a.since or ""))

    def company_for_site(self, *urls: str | None) -> str | None:
        """The company whose own site serves these addresses (a feed's URL,
        its site link), when they agree on one; None otherwise."""
        found = set()
        for url in urls:
            host = (urlsplit(url).hostname or "").lower().rstrip(".") if url and "://" in url else ""
            for cid, company in self.companies.items():
                if any(host == d or host.endswith("." + d) for d in company.get("domains", [])):
                    found.add(cid)
        return found.pop() if len(found) == 1 else None

    def company_name(self, company_id: str) -> str:
        return self.companies.get(company_id, {}).get("name", company_id)

    def is_company(self, company_id: str) -> bool:
        return company_id in self.companies

    def company_for_cik(self, cik: str | None) -> str | None:
        if not isinstance(cik, str) or not cik:
            return None
        wanted = cik.lstrip("0")
        for cid, company in self.companies.items():
            if company.get("cik") and company["cik"].lstrip("0") == wanted:
                return cid
        return None


def _compile_any(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _merge(base: dict, extra: dict) -> dict:
    """User entries replace ours by id (companies) or name (people: the user's
    entries for a name replace all of ours, so a user can rewrite a career);
    products are added."""
    merged = dict(base)
    merged["ai_cues"] = base.get("ai_cues", []) + extra.get("ai_cues", [])
    for section, key in (("company", "id"), ("person", "name")):
        by_key: dict[str, list[dict]] = {}
        for entry in base.get(section, []):
            by_key.setdefault(entry[key], []).append(entry)
        replaced: set[str] = set()
        for entry in extra.get(section, []):
            if entry[key] not in replaced:
                by_key[entry[key]] = []
                replaced.add(entry[key])
            by_key[entry[key]].append(entry)
        merged[section] = [entry for entries in by_key.values() for entry in entries]
    merged["product"] = base.get("product", []) + extra.get("product", [])
    return merged


def _build(data: dict, version: str) -> Catalog:
    aliases: dict[str, list[Alias]] = {}
    problems: list[str] = []
    companies = {c["id"]: c for c in data.get("company", [])}

    def add(alias: Alias) -> None:
        existing = aliases.setdefault(alias.text, [])
        if any(a.company != alias.company and _overlap(a, alias) for a in existing):
            owners = sorted({a.company for a in existing} | {alias.company})
            problems.append(f"alias {alias.text!r} belongs to several companies: {', '.join(owners)}")
        existing.append(alias)

    for company in data.get("company", []):
        cid, name = company["id"], company.get("name", company["id"])
        avoid = _compile_any(company.get("avoid", []))
        for text in company.get("aliases", []):
            add(Alias(text, cid, name, "company"))
            if len(text) >= 4 and text.upper() != text:
                add(Alias(text.upper(), cid, name, "company"))  # all-caps headlines and filings
        for text in company.get("weak", []):
            add(Alias(text, cid, name, "company", weak=True, avoid=avoid))
    for product in data.get("product", []):
        cid = product["company"]
        if cid not in companies:
            problems.append(f"product {product.get('aliases', ['?'])[0]!r} names unknown company {cid!r}")
        avoid = _compile_any(product.get("avoid", []))
        owner_needed = bool(product.get("requires_owner"))
        for text in product.get("aliases", []):
            add(Alias(text, cid, text, "product"))
        for text in product.get("weak", []):
            add(Alias(text, cid, text, "product", weak=True, avoid=avoid, requires_owner=owner_needed))
    people: dict[str, dict] = {}
    for person in data.get("person", []):
        cid, name = person["company"], person["name"]
        if cid not in companies:
            problems.append(f"person {name!r} names unknown company {cid!r}")
        since, until = _day(person, "since", problems), _day(person, "until", problems)
        people.setdefault(name, person)
        add(Alias(name, cid, name, "person", since=since, until=until))
        for text in person.get("short", []):
            add(Alias(text, cid, name, "person", short=True,
                      distinctive=bool(person.get("distinctive")), since=since, until=until))
    # A person listed without surnames is still "Wang" after "Alexandr Wang"
    # in the same item (never before it: short, not distinctive), unless the
    # word names someone or something else in the catalog.
    surnames: dict[str, list[dict]] = {}
    for person in data.get("person", []):
        surname = person["name"].split()[-1]
        if "short" not in person and len(surname) >= 3 and surname[0].isupper() and person["company"] in companies:
            surnames.setdefault(surname, []).append(person)
    for surname, named in surnames.items():
        if surname not in aliases and len({p["name"] for p in named}) == 1:
            for person in named:
                add(Alias(surname, person["company"], person["name"], "person", short=True,
                          since=_day(person, "since", []), until=_day(person, "until", [])))
    # One pass over a text for every alias, folded into a trie; the longest
    # alias wins at a position.
    pattern = re.compile(r"(?<![\w@#])(?:" + alternation(aliases) + r")(?![\w])")
    return Catalog(
        version=version,
        companies=companies,
        people=people,
        aliases=aliases,
        ai_cues=_compile_any(data.get("ai_cues", [])) or re.compile(r"(?!x)x"),
        pattern=pattern,
        problems=problems,
    )


def _overlap(a: Alias, b: Alias) -> bool:
    """Whether two affiliations can hold on the same day."""
    return (a.until is None or b.since is None or b.since < a.until) and \
        (b.until is None or a.since is None or a.since < b.until)


def _day(person: dict, key: str, problems: list[str]) -> str | None:
    value = person.get(key)
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        problems.append(f"person {person.get('name')!r}: {key} must be a date such as 2024-03-19, not {value!r}")
        return None
    return text


def default_catalog_text() -> str:
    return (resources.files("pipelines") / "catalog.toml").read_text(encoding="utf-8")


@cache
def load_catalog(extra_path: str | None = None) -> Catalog:
    """The default catalog, extended by the user's TOML file when given
    (argument, else RIVALWATCH_CATALOG)."""
    extra_path = extra_path or os.environ.get(ENV_VAR) or None
    base_text = default_catalog_text()
    data = tomllib.loads(base_text)
    digest = hashlib.sha1(base_text.encode())
    if extra_path:
        extra_text = Path(extra_path).read_text(encoding="utf-8")
        data = _merge(data, tomllib.loads(extra_text))
        digest.update(extra_text.encode())
    version = f"{data.get('version', '0')}+{digest.hexdigest()[:8]}"
    return _build(data, version)

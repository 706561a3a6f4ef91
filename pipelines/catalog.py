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


@dataclass
class Catalog:
    version: str
    companies: dict[str, dict]
    people: dict[str, dict]
    aliases: dict[str, list[Alias]]
    ai_cues: re.Pattern
    pattern: re.Pattern = field(repr=False)
    problems: list[str] = field(default_factory=list)

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
    """User entries replace ours by id (companies), name (people) or owner+first alias (products)."""
    merged = dict(base)
    merged["ai_cues"] = base.get("ai_cues", []) + extra.get("ai_cues", [])
    for section, key in (("company", "id"), ("person", "name")):
        by_key = {e[key]: e for e in base.get(section, [])}
        for entry in extra.get(section, []):
            by_key[entry[key]] = entry
        merged[section] = list(by_key.values())
    merged["product"] = base.get("product", []) + extra.get("product", [])
    return merged


def _build(data: dict, version: str) -> Catalog:
    aliases: dict[str, list[Alias]] = {}
    problems: list[str] = []
    companies = {c["id"]: c for c in data.get("company", [])}

    def add(alias: Alias) -> None:
        existing = aliases.setdefault(alias.text, [])
        if any(a.company != alias.company for a in existing):
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
    people = {}
    for person in data.get("person", []):
        cid, name = person["company"], person["name"]
        if cid not in companies:
            problems.append(f"person {name!r} names unknown company {cid!r}")
        people[name] = person
        add(Alias(name, cid, name, "person"))
        for text in person.get("short", []):
            add(Alias(text, cid, name, "person", short=True,
                      distinctive=bool(person.get("distinctive"))))
    ordered = sorted(aliases, key=len, reverse=True)  # longest alias wins at a position
    pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])")
    return Catalog(
        version=version,
        companies=companies,
        people=people,
        aliases=aliases,
        ai_cues=_compile_any(data.get("ai_cues", [])) or re.compile(r"(?!x)x"),
        pattern=pattern,
        problems=problems,
    )


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

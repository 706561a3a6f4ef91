"""Plain RSS 2.0 and Atom 1.0 documents read on expat, giving what feedparser
gives for them in a fraction of its time; anything else is declined (None)
and feedparser reads it.

feedparser spends ~30 us on every element (generic dispatch, base-URI and
language tracking, copies of its content parameters), ~10 ms of the ~13 ms
one 50-item feed costs. For the documents it accepts, this reader repeats
what feedparser's strict (SAX, expat) parser does to the fields
pipelines.parse keeps (entry id, link, title, summary, content, author,
dates; feed title and link; version; the encoding warning), step by step:

- the same bytes: feedparser's own encoding conversion (``convert_to_utf8``)
  and DOCTYPE handling (``replace_doctype``) run first, on the same headers;
- the same element names: namespaces are mapped with feedparser's table and
  rules, tags and attribute names lowercased, then dispatched by the name
  feedparser would look its handler up by;
- the same state: feedparser's element stack, depth, title depth, the
  in-entry / in-image flags, ``hasContent`` (a second description becomes
  content), the per-entry "shallowest element wins" depths, the guid-as-link
  rule and the author bookkeeping are mirrored;
- the same values: text is stripped, URIs joined, mis-decoded UTF-8 and
  cp1252 code points repaired as in feedparser's ``pop``; dates go through
  feedparser's own date parser.

It declines (feedparser runs instead) whenever it would have to guess: any
expat error, a DOCTYPE, an encoding other than UTF-8 or ASCII, a base URI
(xml:base, Content-Location), namespaced attributes, content that is not
plain text or escaped HTML (xhtml, base64), markup inside a text element, an
element feedparser has a handler for that is not mirrored here, RSS 0.9x/1.0
and other versions, EDGAR and court-docket entries (pipelines.filings reads
many more of feedparser's fields for those), documents without entries.
tests/pipelines/test_fast_feed.py checks it against feedparser on real
feeds, the benchmark corpus, the hostile cases and a mutation fuzz.
"""

from __future__ import annotations

import re
import xml.sax
from xml.parsers import expat
from xml.sax.expatreader import ExpatParser

import feedparser.api
from feedparser.api import StrictFeedParser
from feedparser.datetimes import _parse_date
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urljoin, make_safe_absolute_uri
from feedparser.util import FeedParserDict


class _Decline(Exception):
    """The document needs feedparser."""


# feedparser's namespace table (URI, lowercased -> its prefix; '' for the
# RSS/Atom core), as its strict parser matches it.
_PREFIXES = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
_XMLNS_ROOTS = {("math", "http://www.w3.org/1998/Math/MathML"), ("svg", "http://www.w3.org/2000/svg")}
_READ_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii"}

# Element names (as feedparser dispatches them: "prefix_local") that no
# element without a handler may carry: the fields rivalwatch reads, names
# FeedParserDict maps onto other keys, and the names of stack frames that
# feedparser's handlers push, so that an unknown element can neither write a
# field read here nor pop a frame it does not own.
_RESERVED = {
    "id", "guid", "link", "links", "title", "summary", "content", "author", "authors", "author_detail",
    "published", "updated", "created", "cik", "tags", "image", "textinput", "guidislink", "source",
    "edgar_accessionnumber", "href", "credit", "rating", "restriction", "license", "validity", "geometry",
    "expired", "publisher", "entries", "feed",
} | set(FeedParserDict.keymap)

_CONTENT_TYPES = {"text/plain", "text/html"}   # no base64, no inline xhtml
_LINK_TYPES = {"application/xhtml+xml", "text/html"}  # feedparser's html_types
_RELATIVE = _FeedParserMixin.can_be_relative_uri
_QUERY_ENTITY = re.compile("&([A-Za-z0-9_]+);")
_C1 = re.compile("[\x80-\x9f]")
_EMAIL = re.compile(r'''(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?''')  # noqa: E501 (feedparser's, verbatim)
# pipelines.filings reads many other feedparser fields for these entries.
_FILING_HOSTS = ("sec.gov", "uscourts.gov", "courtlistener.com")

# Where an element may appear: the kind of its parent.
ROOT, RSS, FEED, ENTRY, IMAGE, AUTHOR, TEXT, INERT, MEDIA = range(9)


def _content_type(value: str) -> str:
    value = value.lower()
    return {"text": "text/plain", "plain": "text/plain", "html": "text/html",
            "xhtml": "application/xhtml+xml"}.get(value, value)


def _expat_feedparser() -> bool:
    """feedparser's strict parser is expat's SAX reader (it prefers libxml2's
    when installed, which this reader does not mirror)."""
    try:
        return isinstance(xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS), ExpatParser)
    except Exception:
        return False


ENABLED = _expat_feedparser()


def read(body: bytes, headers: dict[str, str]) -> dict | None:
    """feedparser's result for ``body`` as pipelines.parse keeps it (feed,
    entries, version, bozo, bozo_exception), or None when the document needs
    feedparser itself."""
    result = _attempt(body, headers)
    return result if isinstance(result, dict) else None


def declined_because(body: bytes, headers: dict[str, str]) -> str | None:
    """Why ``read`` leaves ``body`` to feedparser (None: it does not)."""
    result = _attempt(body, headers)
    return result if isinstance(result, str) else None


def _attempt(body: bytes, headers: dict[str, str]) -> dict | str:
    """The result, or the reason the document needs feedparser."""
    if not ENABLED:
        return "feedparser does not parse with expat here"
    headers = dict(headers)
    result: dict = {}
    data = convert_to_utf8(headers, body, result)
    encoding = (result.get("encoding") or "").lower()
    if encoding not in _READ_ENCODINGS:
        return f"encoding {encoding or 'unknown'}"
    contentloc = headers.get("content-location", "")
    if make_safe_absolute_uri("", contentloc) or make_safe_absolute_uri(contentloc):
        return "a Content-Location base URI"  # relative links would be joined to it
    version, stripped, _ = replace_doctype(data)
    if version or stripped != data:
        return "a DOCTYPE"
    reader = _Reader()
    try:
        reader.parse(data)
    except _Decline as declined:
        return str(declined)
    except expat.ExpatError as error:
        return f"not well-formed ({error})"
    except Exception as error:  # a date feedparser fails on too, or a slip here: feedparser decides
        return f"{type(error).__name__}: {error}"
    if reader.version not in ("rss20", "atom10"):
        return f"version {reader.version or 'unknown'}"
    if not reader.entries:
        return "no entries"
    return {
        "feed": reader.feed,
        "entries": reader.entries,
        "version": reader.version,
        "bozo": bool(result.get("bozo")),
        "bozo_exception": result.get("bozo_exception"),
    }


def _decline(*_args):
    raise _Decline("a DTD or entity")


def _finished(element: str, output: str, guid_is_link: int) -> str:
    """feedparser's ``pop`` on an element's stripped text: URIs joined (to
    no base), UTF-8 read as Latin-1 repaired, cp1252 code points mapped."""
    if element in _RELATIVE and output and (element != "id" or guid_is_link):
        output = _urljoin("", output)
    if not output.isascii():
        try:
            output = output.encode("iso-8859-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        if _C1.search(output):
            output = output.translate(_cp1252)
    return output


class _Reader:
    """One document's walk; the attributes mirror feedparser's of the same name."""

    def __init__(self):
        self.version = ""
        self.feed: dict = {}
        self.entries: list[dict] = []
        self.depths: dict = {}        # property_depth_map of the current entry
        self.stack: list = []         # elementstack: [name, expecting_text, pieces]
        self.kinds = [ROOT]           # the kind of each open element
        self.names: list = []         # each open element's handler name, generation and end
        self.namespacemap: dict = {}
        self.namespaces_in_use: dict = {}
        self.resolved: dict = {}      # expat name -> resolve(), until a namespace is declared
        self.generation = 0           # namespace declarations so far
        self.depth = 0
        self.title_depth = -1
        self.infeed = self.inentry = self.inimage = self.inauthor = 0
        self.has_content = 0
        self.summary_key = None
        self.guidislink = 0
        self.content_type = None

    def parse(self, data: bytes) -> None:
        parser = expat.ParserCreate(None, " ")
        parser.namespace_prefixes = True
        parser.buffer_text = True
        parser.buffer_size = 65536
        # No DTD is read, so no entity can be defined or fetched; one that
        # appears anyway stops the reader.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _decline
        parser.EntityDeclHandler = _decline
        parser.ExternalEntityRefHandler = _decline
        parser.SkippedEntityHandler = _decline
        parser.StartNamespaceDeclHandler = self.declare
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.Parse(data, True)

    # -- expat events ---------------------------------------------------------------

    def declare(self, prefix, uri) -> None:
        """feedparser's startPrefixMapping and track_namespace."""
        if not uri:
            return
        loweruri = uri.lower()
        if "backend.userland.com/rss" in loweruri and loweruri not in _PREFIXES:
            raise _Decline(f"namespace {uri}")  # feedparser maps it at the start of an element, not at its end
        if uri == "http://www.w3.org/1999/xlink" or any(c.isspace() for c in uri):
            raise _Decline(f"namespace {uri}")
        prefix = prefix or None
        if not self.version:
            if (prefix, loweruri) == (None, "http://my.netscape.com/rdf/simple/0.9/"):
                self.version = "rss090"
            elif loweruri == "http://purl.org/rss/1.0/":
                self.version = "rss10"
            elif loweruri == "http://www.w3.org/2005/atom":
                self.version = "atom10"
        if loweruri in _PREFIXES:
            self.namespacemap[prefix] = _PREFIXES[loweruri]
            self.namespaces_in_use[_PREFIXES[loweruri]] = uri
        else:
            self.namespaces_in_use[prefix or ""] = uri
        self.resolved.clear()
        self.generation += 1

    def resolve(self, raw: str) -> tuple:
        """What an expat name ("uri local prefix") is to feedparser: the
        handler name it looks up (its namespace prefix mapped, "_", the local
        name, lowercased), the xmlns it adds to MathML and SVG roots, the rule
        read here for it and whether it leaves feedparser's in-image flag."""
        parts = raw.split()
        if len(parts) == 1:
            namespace, local = None, raw
        elif len(parts) in (2, 3):
            namespace, local = parts[0], parts[1]
        else:
            raise _Decline(f"element name {raw}")
        prefix = _PREFIXES.get((namespace or "").lower())
        local = local.lower()
        if prefix:
            tag = prefix.lower() + ":" + local
        elif prefix is None and namespace:
            tag = local
            for name, value in self.namespaces_in_use.items():
                if name and value == namespace:
                    tag = name + ":" + local
                    break
            else:
                raise _Decline(f"namespace {namespace}")  # feedparser would read it as RSS/Atom
        else:
            tag = local
        tag = tag.lower()
        if ":" in tag:
            prefix, suffix = tag.split(":", 1)
        else:
            prefix, suffix = "", tag
        prefix = self.namespacemap.get(prefix, prefix)
        name = (prefix + "_" + suffix) if prefix else suffix
        xmlns = namespace if (local, namespace) in _XMLNS_ROOTS else None
        rule = _RULES.get(name)
        if rule is None and (name in _RESERVED or name.endswith(("_parsed", "_detail"))
                             or hasattr(StrictFeedParser, "_start_" + name)
                             or hasattr(StrictFeedParser, "_end_" + name)):
            raise _Decline(f"element {name}")  # a handler not mirrored here, or a field read here
        # feedparser's guard for image elements left open: any other RSS/Atom element ends one
        keeps_image = bool(prefix) or name in ("title", "link", "description", "url", "href", "width", "height")
        resolved = self.resolved[raw] = (name, xmlns, rule, keeps_image)
        return resolved

    def start(self, raw: str, attrs: dict) -> None:
        kind = self.kinds[-1]
        if kind == TEXT:
            raise _Decline(f"markup inside {self.names[-1][0]}")
        name, xmlns, rule, keeps_image = self.resolved.get(raw) or self.resolve(raw)
        self.depth += 1
        attrs_d = self.attributes(attrs, xmlns) if attrs or xmlns else {}
        if not keeps_image:
            self.inimage = 0
        if rule is None:
            # No handler: feedparser keeps the text under the element's name,
            # which nothing here reads; with attributes it keeps those instead.
            rule = _INERT_KEPT if attrs_d else _INERT
        child_kind, parents, on_start, on_end = rule
        if kind not in parents:
            raise _Decline(f"{name} in {self.names[-1][0] if self.names else 'the document'}")
        self.kinds.append(child_kind)
        self.names.append((name, self.generation, on_end))
        if on_start is not None:
            on_start(self, attrs_d)

    @staticmethod
    def attributes(attrs: dict, xmlns: str | None) -> dict:
        """feedparser's attribute dictionary: names lowercased, a known
        namespace's prefix kept, an unknown one's dropped, then every name as
        written; rel and type values lowercased."""
        found = {"xmlns": xmlns} if xmlns else {}
        written = []
        for key, value in attrs.items():
            if " " in key:
                parts = key.split()
                if len(parts) != 3:
                    raise _Decline(f"attribute {key}")
                namespace, local, given = parts
                prefix = _PREFIXES.get(namespace.lower(), "")
                found[(prefix + ":" + local if prefix else local).lower()] = value
                written.append((given + ":" + local).lower())
                written.append(value)
            else:
                key = key.lower()
                found[key] = value
                written.append(key)
                written.append(value)
        for i in range(0, len(written), 2):
            found[written[i]] = written[i + 1]
        if "base" in found or "xml:base" in found:
            raise _Decline("a base URI attribute")
        for key in ("rel", "type"):
            if key in found:
                found[key] = found[key].lower()
        return found

    def end(self, raw: str) -> None:
        name, generation, on_end = self.names.pop()
        if generation != self.generation and (self.resolved.get(raw) or self.resolve(raw))[0] != name:
            raise _Decline(f"{name} changed namespace")  # a prefix was declared again inside it
        self.kinds.pop()
        if on_end is not None:
            on_end(self)
        else:
            self.pop(name)
        self.depth -= 1

    def text(self, data: str) -> None:
        if self.stack:
            self.stack[-1][2].append(data)

    # -- feedparser's machinery ----------------------------------------------------

    def context(self) -> dict:
        """feedparser's _get_context (no source or textinput here)."""
        if self.inimage and "image" in self.feed:
            return self.feed["image"]
        if self.inentry:
            return self.entries[-1]
        return self.feed

    def push(self, element: str, expecting_text) -> None:
        self.stack.append([element, expecting_text, []])

    def push_content(self, element: str, attrs_d: dict, default_type: str, expecting_text) -> None:
        content_type = _content_type(attrs_d.get("type", default_type))
        if content_type not in _CONTENT_TYPES or "mode" in attrs_d:
            raise _Decline(f"{element} of type {content_type}")
        self.content_type = content_type
        self.push(element, expecting_text)

    def pop(self, element: str):
        """feedparser's ``pop``: the element's text, stored where it belongs."""
        stack = self.stack
        if not stack or stack[-1][0] != element:
            return None
        _, expecting_text, pieces = stack.pop()
        output = "".join(pieces).strip()
        if not expecting_text:
            return output
        output = _finished(element, output, self.guidislink)
        if element == "category":
            return output
        if element == "title" and -1 < self.title_depth <= self.depth:
            return output
        if self.inentry:
            entry = self.entries[-1]
            if element == "content":
                entry.setdefault("content", []).append({"value": output})
            elif element == "link":
                entry["link"] = _QUERY_ENTITY.sub(r"&\g<1>", output.replace("&amp;", "&"))
            else:
                if element == "description":
                    element = "summary"
                old = self.depths.get(element)
                if old is None or self.depth <= old:
                    self.depths[element] = self.depth
                    entry[element] = output
        elif self.infeed:
            context = self.context()
            if element == "description":
                element = "subtitle"
            if element == "link":
                output = _QUERY_ENTITY.sub(r"&\g<1>", output)
            context[element] = output
        return output

    def save_author(self, key: str, value) -> None:
        context = self.context()
        context.setdefault("author_detail", {})[key] = value
        self.sync_author(context)
        context.setdefault("authors", [{}])[-1][key] = value

    @staticmethod
    def sync_author(context: dict) -> None:
        """feedparser's _sync_author_detail: "name (email)" from the last
        author's parts, else the parts from an "email (name)" string."""
        detail = context.get("authors", [{}])[-1]
        if detail:
            name, email = detail.get("name"), detail.get("email")
            if name and email:
                context["author"] = f"{name} ({email})"
            elif name:
                context["author"] = name
            elif email:
                context["author"] = email
            return
        author, email = context.get("author"), None
        if not author:
            return
        found = _EMAIL.search(author)
        if found:
            email = found.group(0)
            author = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "")
            author = author.strip()
            if author and author[0] == "(":
                author = author[1:]
            if author and author[-1] == ")":
                author = author[:-1]
            author = author.strip()
        if author or email:
            context.setdefault("author_detail", detail)
        if author:
            detail["name"] = author
        if email:
            detail["email"] = email


# -- handlers: feedparser's _start_* / _end_* for the elements read here -------------


def _push_inert(r: _Reader, attrs_d: dict) -> None:
    r.push(r.names[-1][0], 1)


def _start_rss(r, attrs_d):
    if not r.version or not r.version.startswith("rss"):
        declared = attrs_d.get("version", "")
        r.version = ({"0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}.get(declared)
                     or ("rss20" if declared.startswith("2.") else "rss"))


def _start_channel(r, attrs_d):
    if "lastmod" in attrs_d or "href" in attrs_d:
        raise _Decline("CDF attributes")
    r.infeed = 1


def _start_feed(r, attrs_d):
    r.infeed = 1
    if not r.version:
        r.version = {"0.1": "atom01", "0.2": "atom02", "0.3": "atom03"}.get(attrs_d.get("version")) or "atom"


def _end_channel(r):
    r.infeed = 0


def _start_item(r, attrs_d):
    if "lastmod" in attrs_d or "href" in attrs_d or attrs_d.get(r.namespacemap.get("rdf", "rdf") + ":about"):
        raise _Decline("CDF or RDF attributes")
    r.entries.append({})
    r.depths = {}
    r.push("item", 0)
    r.inentry = 1
    r.guidislink = 0
    r.title_depth = -1


def _end_item(r):
    r.pop("item")
    entry = r.entries[-1]  # complete: nothing after its end changes it
    link, key = entry.get("link") or "", entry.get("id") or ""
    if any(host in link or host in key for host in _FILING_HOSTS):
        raise _Decline("EDGAR or court-docket entries")
    r.inentry = 0
    r.has_content = 0


def _start_image(r, attrs_d):
    r.feed.setdefault("image", {})
    r.inimage = 1
    r.title_depth = -1
    r.push("image", 0)


def _end_image(r):
    r.pop("image")
    r.inimage = 0


def _start_title(r, attrs_d):
    r.push_content("title", attrs_d, "text/plain", r.infeed or r.inentry)


def _end_title(r):
    if r.pop("title"):
        r.title_depth = r.depth


def _end_media_title(r):
    title_depth = r.title_depth
    _end_title(r)
    r.title_depth = title_depth


def _start_link(r, attrs_d):
    rel = attrs_d.setdefault("rel", "alternate")
    link_type = attrs_d.setdefault("type", "application/atom+xml" if rel == "self" else "text/html")
    # _enforce_href: url, uri or href, the first present, when it is not empty.
    href = attrs_d.get("url", attrs_d.get("uri", attrs_d.get("href"))) or attrs_d.get("href")
    if href is None:
        r.push("link", r.infeed or r.inentry)  # an RSS link: its text is the URL
    elif rel == "alternate" and _content_type(link_type) in _LINK_TYPES:
        r.context()["link"] = _urljoin("", href)


def _end_link(r):
    r.pop("link")


def _start_description(r, attrs_d):
    if "summary" in r.context() and not r.has_content:
        r.summary_key = "content"
        _start_content(r, attrs_d)
    else:
        r.push_content("description", attrs_d, "text/html", r.infeed or r.inentry)


def _end_description(r):
    if r.summary_key == "content":
        _end_content(r)
    else:
        r.pop("description")
    r.summary_key = None


def _start_summary(r, attrs_d):
    if "summary" in r.context() and not r.has_content:
        r.summary_key = "content"
        _start_content(r, attrs_d)
    else:
        r.summary_key = "summary"
        r.push_content("summary", attrs_d, "text/plain", 1)


def _end_summary(r):
    if r.summary_key == "content":
        _end_content(r)
    else:
        r.pop(r.summary_key or "summary")
    r.summary_key = None


def _start_content(r, attrs_d):
    r.has_content = 1
    r.push_content("content", attrs_d, "text/plain", 1)
    r.push("content", 1)  # pushed twice, popped once, as feedparser does


def _start_content_encoded(r, attrs_d):
    r.has_content = 1
    r.push_content("content", attrs_d, "text/html", 1)


def _end_content(r):
    value = r.pop("content")
    r.context().setdefault("summary", value)  # every type read here is copied to the summary


def _start_guid(r, attrs_d):
    r.guidislink = attrs_d.get("ispermalink", "true") == "true"
    r.push("id", 1)


def _end_guid(r):
    value = r.pop("id")
    if r.guidislink:
        r.context().setdefault("link", value)


def _date_element(element: str):
    def on_start(r, attrs_d):
        r.push(element, 1)

    parsed = element + "_parsed"

    def on_end(r):
        r.context()[parsed] = _parse_date(r.pop(element))

    return on_start, on_end


def _push_element(element: str, expecting_text=1):
    def on_start(r, attrs_d):
        r.push(element, expecting_text)

    def on_end(r):
        r.pop(element)

    return on_start, on_end


def _push_text(element: str, default_type: str):
    def on_start(r, attrs_d):
        r.push_content(element, attrs_d, default_type, 1)

    def on_end(r):
        r.pop(element)

    return on_start, on_end


def _start_author(r, attrs_d):
    r.inauthor = 1
    r.push("author", 1)
    r.context().setdefault("authors", []).append({})


def _end_author(r):
    r.pop("author")
    r.inauthor = 0
    r.sync_author(r.context())


def _author_part(key: str, element: str, expecting_text):
    def on_start(r, attrs_d):
        r.push(element, expecting_text)

    def on_end(r):
        value = r.pop(element)
        if r.inauthor:
            r.save_author(key, value)

    return on_start, on_end


def _start_media_keywords(r, attrs_d):
    if attrs_d:
        raise _Decline("media:keywords with attributes")  # feedparser would split the None it pops
    r.push("media_keywords", 1)


_HERE = frozenset({FEED, ENTRY})
_TEXT_PARENTS = frozenset({FEED, ENTRY, IMAGE})
_INERT_PARENTS = frozenset({FEED, ENTRY, AUTHOR, INERT, MEDIA})
_MEDIA_PARENTS = frozenset({ENTRY, MEDIA})

_INERT = (INERT, _INERT_PARENTS, _push_inert, None)
_INERT_KEPT = (INERT, _INERT_PARENTS, None, None)
_title = (TEXT, _TEXT_PARENTS, _start_title, _end_title)
_description = (TEXT, _TEXT_PARENTS, _start_description, _end_description)
_author = (AUTHOR, _HERE, _start_author, _end_author)
_category = (TEXT, _HERE, *_push_element("category"))
_published, _updated, _created = ((TEXT, _HERE, *_date_element(e)) for e in ("published", "updated", "created"))
_rights = (TEXT, _HERE, *_push_text("rights", "text/plain"))
_publisher = (TEXT, _HERE, *_push_element("publisher"))
_language = (TEXT, _HERE, *_push_element("language"))

# handler name -> (kind of the element, kinds it may appear in, start, end);
# a missing end pops the element's own frame, as feedparser does.
_RULES = {
    "rss": (RSS, frozenset({ROOT}), _start_rss, None),
    "channel": (FEED, frozenset({RSS}), _start_channel, _end_channel),
    "feed": (FEED, frozenset({ROOT}), _start_feed, _end_channel),
    "item": (ENTRY, frozenset({FEED}), _start_item, _end_item),
    "entry": (ENTRY, frozenset({FEED}), _start_item, _end_item),
    "image": (IMAGE, frozenset({FEED}), _start_image, _end_image),
    "title": _title,
    "dc_title": _title,
    "media_title": (TEXT, _MEDIA_PARENTS, _start_title, _end_media_title),
    "link": (TEXT, _TEXT_PARENTS, _start_link, _end_link),
    "description": _description,
    "dc_description": _description,
    "media_description": (TEXT, _MEDIA_PARENTS, _start_description, _end_description),
    "summary": (TEXT, frozenset({ENTRY}), _start_summary, _end_summary),
    "content": (TEXT, frozenset({ENTRY}), _start_content, _end_content),
    "content_encoded": (TEXT, frozenset({ENTRY}), _start_content_encoded, _end_content),
    "guid": (TEXT, _HERE, _start_guid, _end_guid),
    "id": (TEXT, _HERE, _start_guid, _end_guid),
    "published": _published,
    "pubdate": _published,
    "issued": _published,
    "dcterms_issued": _published,
    "updated": _updated,
    "modified": _updated,
    "lastbuilddate": _updated,
    "dc_date": _updated,
    "dcterms_modified": _updated,
    "created": _created,
    "dcterms_created": _created,
    "category": _category,
    "keywords": _category,
    "dc_subject": _category,
    "media_category": (TEXT, _MEDIA_PARENTS, *_push_element("category")),
    "author": _author,
    "managingeditor": _author,
    "dc_creator": _author,
    "dc_author": _author,
    "name": (TEXT, frozenset({AUTHOR}), *_author_part("name", "name", 0)),
    "email": (TEXT, frozenset({AUTHOR}), *_author_part("email", "email", 0)),
    "uri": (TEXT, frozenset({AUTHOR}), *_author_part("href", "href", 1)),
    "enclosure": (TEXT, frozenset({ENTRY}), None, None),
    "cloud": (TEXT, frozenset({FEED}), None, None),
    "language": _language,
    "dc_language": _language,
    "rights": _rights,
    "copyright": _rights,
    "dc_rights": _rights,
    "subtitle": (TEXT, _HERE, *_push_text("subtitle", "text/plain")),
    "tagline": (TEXT, _HERE, *_push_text("subtitle", "text/plain")),
    "generator": (TEXT, _HERE, *_push_element("generator")),
    "webmaster": _publisher,
    "dc_publisher": _publisher,
    "url": (TEXT, frozenset({IMAGE}), *_push_element("href")),
    "width": (TEXT, frozenset({IMAGE}), *_push_element("width", 0)),
    "height": (TEXT, frozenset({IMAGE}), *_push_element("height", 0)),
    "media_group": (MEDIA, frozenset({ENTRY}), None, None),
    "media_content": (MEDIA, _MEDIA_PARENTS, None, None),
    "media_thumbnail": (TEXT, _MEDIA_PARENTS, *_push_element("url")),
    "media_credit": (TEXT, _MEDIA_PARENTS, *_push_element("credit")),
    "media_rating": (TEXT, _MEDIA_PARENTS, *_push_element("rating")),
    "media_restriction": (TEXT, _MEDIA_PARENTS, *_push_element("restriction")),
    "media_license": (TEXT, _MEDIA_PARENTS, *_push_element("license")),
    "media_player": (TEXT, _MEDIA_PARENTS, *_push_element("media_player", 0)),
    "media_keywords": (TEXT, _MEDIA_PARENTS, _start_media_keywords, None),
}

"""feeds.toml (the default list, validation, layered settings) and OPML in and out."""

from pathlib import Path

import pytest

from pipelines.feeds import (
    ConfigError,
    export_opml,
    import_opml,
    load_config,
    parse_config,
    parse_duration,
    parse_size,
    read_opml,
)
from tests.conftest import ROOT

CIKS = {"0001326801": "meta", "0000789019": "microsoft", "0001045810": "nvidia", "0001652044": "google",
        "0001018724": "amazon", "0000320193": "apple"}


def test_default_list_is_real_valid_and_packaged(catalog):
    config = load_config(ROOT / "feeds.toml", environ={})
    assert (ROOT / "pipelines" / "feeds.default.toml").read_text() == (ROOT / "feeds.toml").read_text()
    by_kind = {kind: [f for f in config.feeds if f.kind == kind] for kind in ("news", "blog", "edgar", "docket")}
    assert len(by_kind["blog"]) >= 8 and len(by_kind["news"]) >= 5
    edgar = {f.url.split("CIK=")[1][:10]: f.owner for f in by_kind["edgar"]}
    assert edgar == CIKS
    assert all("output=atom" in f.url and f.url.startswith("https://www.sec.gov/") for f in by_kind["edgar"])
    [docket] = by_kind["docket"]
    assert docket.url == "https://www.courtlistener.com/docket/67569326/feed/"
    assert all(f.url.startswith("https://") for f in config.feeds)
    assert all(catalog.is_company(f.owner) for f in config.feeds if f.owner)
    assert "@" in config.settings.user_agent
    assert config.settings.allow_private_networks is False


def test_without_a_file_the_packaged_list_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RIVALWATCH_FEEDS", raising=False)
    config = load_config(None, environ={})
    assert config.path is None and len(config.feeds) >= 20
    (tmp_path / "feeds.toml").write_text('[[feed]]\nname = "x"\nurl = "https://x.example/feed"\n')
    assert [f.name for f in load_config(None, environ={}).feeds] == ["x"]


def test_settings_are_layered_environment_file_default():
    text = '[settings]\nuser_agent = "me (me@example.com)"\ntotal_timeout = "20s"\nmax_bytes = "2MiB"\n'
    config = parse_config(text, path=Path("f.toml"), environ={
        "RIVALWATCH_TOTAL_TIMEOUT": "5", "RIVALWATCH_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32, feeds.local"})
    s = config.settings
    assert (s.user_agent, s.total_timeout, s.max_bytes, s.connect_timeout) == ("me (me@example.com)", 5, 2 << 20, 10)
    assert s.allow_private_networks == ["127.0.0.1/32", "feeds.local"]
    assert s.sources == {"user_agent": "file", "total_timeout": "env", "max_bytes": "file",
                         "allow_private_networks": "env", "connect_timeout": "default", "max_redirects": "default",
                         "per_host_concurrency": "default", "max_workers": "default", "default_interval": "default",
                         "edgar_forms": "default", "max_document_bytes": "default", "documents_per_refresh": "default"}


@pytest.mark.parametrize("text, message", [
    ('[settings]\nuser_agent = "rivalwatch"', "has no contact: add an e-mail address or URL"),
    ('[settings]\ntimeout = "5s"', "unknown keys timeout"),
    ('[settings]\nallow_private_networks = "maybe"', "allow_private_networks"),
    ('[[feed]]\nname = "a"\nurl = "ftp://x/"', "#1 ('a'): url must be an http or https URL"),
    ('[[feed]]\nname = "a"\nurl = "https://x/"\nkind = "rss"', "kind must be one of news, blog, edgar, docket"),
    ('[[feed]]\nname = "a"\nurl = "https://x/"\ninterval = "10s"', "below the polite minimum of 1m"),
    ('[[feed]]\nname = "a"\nurl = "https://x/"\ninterval = "often"', "not a duration"),
    ('[[feed]]\nname = "a"\nurl = "https://x/"\n[[feed]]\nname = "a"\nurl = "https://y/"', "two feeds are named 'a'"),
    ('[[feed]]\nurl = "https://x/"', "needs a name"),
    ("[[feed]\n", "not valid TOML"),
])
def test_config_errors_are_sentences_naming_the_entry(text, message):
    with pytest.raises(ConfigError, match=None) as caught:
        parse_config(text, path=Path("my.toml"), environ={})
    assert str(caught.value).startswith("my.toml") and message in str(caught.value)


def test_environment_errors_name_the_variable():
    with pytest.raises(ConfigError, match="RIVALWATCH_MAX_BYTES: not a size"):
        parse_config("", path=None, environ={"RIVALWATCH_MAX_BYTES": "lots"})


def test_durations_and_sizes():
    assert [parse_duration(v) for v in ("45s", "30m", "2h", "7d", 90, "1.5h")] == [45, 1800, 7200, 604800, 90, 5400]
    assert [parse_size(v) for v in ("15MiB", "512KiB", 1000, "2mb")] == [15 << 20, 512 << 10, 1000, 2_000_000]


def test_opml_round_trip(tmp_path):
    config = load_config(ROOT / "feeds.toml", environ={})
    opml = tmp_path / "out.opml"
    opml.write_text(export_opml(config), encoding="utf-8")
    target = tmp_path / "feeds.toml"
    result = import_opml(opml, target)
    assert len(result.added) == len(config.feeds) and not result.already
    again = load_config(target, environ={})
    key = [(f.name, f.url, f.kind, f.owner, f.interval_s, f.enabled) for f in config.feeds]
    assert sorted(key) == sorted((f.name, f.url, f.kind, f.owner, f.interval_s, f.enabled) for f in again.feeds)
    assert import_opml(opml, target).added == []  # nothing twice


def test_import_of_a_reader_export(tmp_path, cli):
    opml = tmp_path / "reader.opml"
    opml.write_text("""<?xml version="1.0"?>
<opml version="1.0"><head><title>My subscriptions</title></head><body>
  <outline text="AI news">
    <outline text="TechCrunch AI" type="rss" xmlUrl="https://techcrunch.com/category/artificial-intelligence/feed/"/>
    <outline text="The Verge: AI" type="rss" xmlUrl="https://www.theverge.com/rss/ai-artificial-intelligence/index.xml"/>
  </outline>
  <outline text="blog"><outline title="OpenAI" xmlUrl="https://openai.com/news/rss.xml"/></outline>
  <outline text="Meta filings" xmlUrl="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=0001326801&amp;output=atom"/>
  <outline text="no feed here" htmlUrl="https://example.com/"/>
</body></opml>""", encoding="utf-8")
    target = tmp_path / "feeds.toml"
    target.write_text('[[feed]]\nname = "openai"\nurl = "https://elsewhere.example/feed"\n', encoding="utf-8")
    result = cli("feeds", "import", str(opml), "--config", str(target))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"4 feeds added to {target}, 0 already there"
    feeds = {f.name: f for f in load_config(target, environ={}).feeds}
    assert feeds["techcrunch-ai"].kind == "news" and feeds["the-verge-ai"].kind == "news"
    assert feeds["openai-2"].kind == "blog"  # the folder named the kind; the name clashed
    assert feeds["meta-filings"].kind == "edgar"  # guessed from sec.gov
    assert target.read_text().startswith('[[feed]]\nname = "openai"')  # what was there stays as written
    exported = cli("feeds", "export", "--config", str(target)).output
    assert exported.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert {f.url for f in read_opml(exported.encode(), where="x")} == {f.url for f in feeds.values()}


def test_import_refuses_a_file_that_is_not_opml(tmp_path, cli):
    bad = tmp_path / "x.opml"
    bad.write_text("<rss><channel/></rss>", encoding="utf-8")
    result = cli("feeds", "import", str(bad), "--config", str(tmp_path / "feeds.toml"))
    assert result.exit_code == 2 and "not an OPML file" in result.output
    assert not (tmp_path / "feeds.toml").exists()


def test_feeds_settings_and_list_before_any_refresh(tmp_path, cli):
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nuser_agent = "me (me@example.com)"\n\n'
                      '[[feed]]\nname = "a"\nurl = "https://a.example/feed"\nowner = "meta"\n\n'
                      '[[feed]]\nname = "b"\nurl = "https://b.example/feed"\nenabled = false\n', encoding="utf-8")
    shown = cli("feeds", "settings", "--config", str(config)).output
    assert "user_agent = 'me (me@example.com)'  [file; env RIVALWATCH_USER_AGENT]" in shown
    assert "per_host_concurrency = 2  [default; env RIVALWATCH_PER_HOST_CONCURRENCY]" in shown
    listed = cli("feeds", "list", "--config", str(config)).output.splitlines()
    assert listed[0].split() == ["feed", "kind", "owner", "interval", "health", "status", "last_fetch",
                                 "next_check", "items", "note"]
    assert listed[1].split()[:5] == ["a", "news", "meta", "30m", "new"]
    assert "off" in listed[2] and "enabled = false" in listed[2]
    assert listed[-1] == f"2 feeds in {config}: 1 new, 1 off"


def test_unknown_owner_is_refused(tmp_path, cli):
    config = tmp_path / "feeds.toml"
    config.write_text('[[feed]]\nname = "a"\nurl = "https://a.example/feed"\nowner = "acme"\n', encoding="utf-8")
    result = cli("refresh", "--config", str(config))
    assert result.exit_code == 2 and "owner 'acme' is not a company id" in result.output

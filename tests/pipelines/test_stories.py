import json

from pipelines.stories import canonical_url, title_key
from tests.conftest import write_feed


def test_canonical_url_drops_tracking_and_cosmetics():
    a = canonical_url("https://www.Example.com/2025/01/story/?utm_source=rss&utm_medium=feed&id=7#comments")
    b = canonical_url("http://example.com/2025/01/story?id=7&fbclid=xyz")
    assert a == b == "example.com/2025/01/story?id=7"
    assert canonical_url("https://example.com/a/amp/") == canonical_url("https://example.com/a")
    assert canonical_url("javascript:alert(1)") is None
    # Without parameters (most feed links), the same forms as with them.
    assert canonical_url("https://www.Example.com:443/a/b/") == "example.com/a/b"
    assert canonical_url("https://example.com") == canonical_url("https://example.com/?utm_source=x") == "example.com/"
    assert canonical_url("https://www./amp") == ""
    assert canonical_url("https://example.com/a?page=2") != canonical_url("https://example.com/a?page=3")


def test_title_key_needs_a_distinctive_headline():
    assert title_key("OpenAI ships GPT-4o to every ChatGPT user") == "openai ships gpt 4o to every chatgpt user"
    assert title_key("Earnings") is None


def test_copies_in_several_feeds_are_one_story(tmp_path, cli):
    body = '"DeepSeek is a real threat to everyone," said Sam Altman.'
    one = write_feed(tmp_path / "one.xml", [("x1", "Altman calls DeepSeek a real threat to everyone", body)],
                     title="Wire One")
    two = tmp_path / "two.xml"
    two.write_text(one.read_text().replace("Wire One", "Wire Two").replace("<guid>x1", "<guid>y9")
                   .replace("news.example.com/x1", "news.example.com/x1?utm_source=wire2"), encoding="utf-8")
    three = write_feed(tmp_path / "three.xml", [("z3", "Altman calls DeepSeek a real threat to everyone",
                                                 body)], title="Wire Three")
    other = write_feed(tmp_path / "other.xml", [("o1", "Nvidia reports record quarter as demand grows",
                                                 "Nvidia said that Microsoft bought more chips.")], title="Wire Four")
    assert cli("ingest", str(one), str(two), str(three), str(other)).exit_code == 0
    stories = json.loads(cli("sql", "--format", "json",
                             "SELECT copies, feeds FROM stories ORDER BY copies DESC").output)
    assert [s["copies"] for s in stories] == [3, 1]
    assert stories[0]["feeds"] == ["Wire One", "Wire Three", "Wire Two"]
    counts = json.loads(cli("sql", "--format", "json",
                            "SELECT count(*) AS edges, count(DISTINCT story_id) AS stories "
                            "FROM rivalry_edges WHERE target = 'deepseek'").output)[0]
    # Headline and quote each make an edge in every copy; all of them are one story.
    assert counts == {"edges": 6, "stories": 1}

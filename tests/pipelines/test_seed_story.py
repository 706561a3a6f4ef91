"""The Kadrey v. Meta story, end to end: feed file -> ingest -> rivalry_edges via `rivalwatch sql`."""

import json

from tests.conftest import write_feed

STORY = (
    "<p>Messages unsealed in January 2025 in Kadrey v. Meta show how Meta measured itself.</p>"
    "<p>In October 2023, Ahmad Al-Dahle, Meta's vice president of generative AI, wrote to researcher "
    "Hugo Touvron: &#8220;Our goal needs to be GPT-4.&#8221; He pointed to the 64,000 GPUs the company "
    "had coming. &#8220;Mistral is peanuts for us,&#8221; he wrote. &#8220;We should be able to do better.&#8221;</p>"
)


def edges(cli):
    out = cli("sql", "--format", "json",
              "SELECT speaker, target, stance, polarity, evidence, speaker_via, speaker_name "
              "FROM rivalry_edges ORDER BY sentence_no").output
    return json.loads(out)


def test_seed_edges_come_out_right(tmp_path, cli):
    feed = write_feed(tmp_path / "court.xml", [("kadrey-1", "Meta's goal was GPT-4, filings show", STORY)])
    assert cli("ingest", str(feed)).exit_code == 0
    rows = edges(cli)
    benchmark = [r for r in rows if r["target"] == "openai" and r["evidence"].startswith("Our goal")]
    assert len(benchmark) == 1
    assert benchmark[0]["speaker"] == "meta"
    assert benchmark[0]["stance"] == "benchmark"
    assert benchmark[0]["speaker_name"] == "Ahmad Al-Dahle"
    mistral = [r for r in rows if r["target"] == "mistral"]
    assert len(mistral) == 1
    assert mistral[0]["speaker"] == "meta" and mistral[0]["stance"] == "dismissive"
    assert mistral[0]["polarity"] < 0
    assert mistral[0]["speaker_via"] == "quote"
    assert all(r["speaker"] != r["target"] for r in rows)  # self-mentions are not edges


def test_seed_story_in_other_words(tmp_path, cli):
    """Not a lookup of the seed sentences: other wordings, other people, same rules."""
    feed = write_feed(tmp_path / "other.xml", [
        ("v1", "Al-Dahle on rivals",
         '"The bar we have to clear is Claude 3 and our goal needs to be GPT-4o," Al-Dahle told colleagues. '
         'He called Mistral "peanuts" in the same thread.'),
        ("v2", "Altman on DeepSeek",
         '"DeepSeek R1 is an impressive model, especially for the price," said Sam Altman, OpenAI\'s chief executive.'),
        ("v3", "Hassabis", "Demis Hassabis said that DeepSeek's claims were exaggerated and misleading."),
    ])
    assert cli("ingest", str(feed)).exit_code == 0
    got = {(r["speaker"], r["target"]): r for r in edges(cli)}
    assert got[("meta", "openai")]["stance"] == "benchmark"
    assert got[("meta", "anthropic")]["stance"] == "benchmark"
    assert got[("meta", "mistral")]["stance"] == "dismissive"
    assert got[("openai", "deepseek")]["stance"] == "praise"
    assert got[("openai", "deepseek")]["polarity"] > 0
    assert got[("google", "deepseek")]["stance"] == "critical"
    assert got[("google", "deepseek")]["polarity"] < 0

"""The polarity engine: obvious sentences, its range, and measured quality on
public gold data (../shared/data/sentiment; skipped where that is absent)."""

import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import polarity as engine
from pipelines.polarity import combine, polarity
from pipelines.score import score_line
from pipelines.sentiment_eval import evaluate_sentiment, format_report


@pytest.mark.parametrize("text, sign", [
    ("Shares plunge after profit warning", -1),
    ("Profit beats forecasts, shares jump", 1),
    ("Acme to cut 1,000 jobs", -1),
    ("Acme cuts costs to protect margins", 1),
    ("Acme's quarterly loss narrows", 1),
    ("Acme's quarterly loss widens", -1),
    ("Costs rose sharply in the second half", -1),
    ("Regulators approve the merger", 1),
    ("Acme fined $2bn by EU over privacy breach", -1),
    ("Analysts downgrade Acme to junk", -1),
    ("It was not a good quarter", -1),
    ("Nvidia shares soar on record data center revenue", 1),
    ("Microsoft faces antitrust probe over its OpenAI investment", -1),
    ("Despite a weak quarter, the outlook is strong", 1),
    ("OpenAI released a model on Tuesday", 0),
])
def test_obvious_sentences(text, sign):
    value = polarity(text)
    if sign:
        assert value * sign > 0.2, value
    else:
        assert value == 0.0


@pytest.mark.parametrize("text, target, sign", [
    ("Mistral is peanuts for us", "Mistral", -1),
    ("Mistral is peanuts for us, we should be able to do better", "Mistral", -1),
    ("OpenAI was reckless and misleading", "OpenAI", -1),
    ("Congratulations to Anthropic, impressive work", "Anthropic", 1),
    ("Acme Robotics has done impressive work on humanoids", "Acme Robotics", 1),
    ("Shares in Acme plunge after profit warning", "Acme", -1),
])
def test_score_path_signs(catalog, text, target, sign):
    assert score_line({"text": text, "target": target}, catalog)["polarity"] * sign > 0


def test_target_span_weighs_its_own_clause():
    text = "London open: Taylor Wimpey drives markets higher, Barclays falls"
    barclays = text.index("Barclays")
    wimpey = text.index("Taylor Wimpey")
    assert polarity(text, target=(barclays, barclays + 8)) < 0 < polarity(text, target=(wimpey, wimpey + 13))


def test_target_name_carries_no_opinion():
    text = "Premier Oil reports results"
    assert polarity(text, target=(0, 11)) == 0.0


@pytest.mark.parametrize("text", [
    "", "   ", "record record record profit surge surge soar jump", "plunge " * 200,
    "not not not no never", "but but despite although", "-- , ; : ( )", "Â£100m deal",
])
def test_polarity_stays_in_range(text):
    assert -1.0 <= polarity(text) <= 1.0


def test_combine_adds_cue_shifts_and_clamps():
    assert combine(0.4, []) == 0.4
    assert combine(0.4, [0.0]) == 0.4  # a benchmark cue leaves the base alone
    assert combine(0.4, [-0.6]) == pytest.approx(-0.4)  # the base is halved when cues shift it
    assert combine(-0.9, [-0.6, -0.5]) == -1.0


def test_lexicon_loads_with_inflections():
    words, phrases = engine.load_lexicon()
    assert words["plunged"].kind == "down" and words["profits"].kind == "good" and words["rallies"].kind == "up"
    assert words["fell"].kind == "down"  # irregular forms are listed
    assert any(key == ("profit", "warning") for key, _ in phrases["profit"])


@pytest.fixture(scope="module")
def measured(shared_data):
    return evaluate_sentiment(shared_data)


def test_semeval_headlines_pearson(measured):
    sem = measured["semeval2017_headlines"]
    # The target is 0.60 (stretch 0.70); on the dev half the score path
    # reaches ~0.75 and the cross-validated estimate ~0.745.
    assert sem["rivalwatch"]["pearson"] >= 0.70
    assert sem["rivalwatch"]["cosine"] >= 0.70
    assert sem["cross_validated"]["pearson"] >= 0.70
    assert sem["textblob"]["pearson"] < 0.30  # the baseline the issue quotes (0.18)


def test_newsmtsc_beats_textblob(measured):
    for split in ("newsmtsc_rw", "newsmtsc_mt"):
        ours, baseline = measured[split]["rivalwatch"], measured[split]["textblob"]
        assert ours["accuracy"] > baseline["accuracy"], split
        assert ours["macro_f1"] > baseline["macro_f1"] + 0.05, split
        assert ours["pearson"] > baseline["pearson"], split


def test_scores_of_real_sentences_stay_in_range(shared_data):
    from pipelines.sentiment_eval import load_newsmtsc, load_semeval

    rows = load_semeval(shared_data / "sentiment") + load_newsmtsc(shared_data / "sentiment", "rw")
    assert all(-1.0 <= polarity(r["text"]) <= 1.0 for r in rows)


def test_report_is_a_markdown_table(measured):
    report = format_report(measured)
    assert "| rivalwatch score (fit on these rows) |" in report and "| TextBlob |" in report


def test_textblob_lexicon_read_from_its_file_equals_textblobs_own():
    from textblob.en import sentiment

    sentiment.load()
    theirs = {word: float(senses[None][0]) for word, senses in dict.items(sentiment)}
    ours = engine.textblob_polarities()
    assert len(ours) > 2000
    assert ours == theirs


def test_the_polarity_engine_does_not_import_textblob_or_nltk():
    # Importing NLTK costs every worker process a third of a second.
    code = ("import sys; from pipelines.polarity import polarity; polarity('a terribly weak quarter'); "
            "assert 'textblob' not in sys.modules and 'nltk' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])

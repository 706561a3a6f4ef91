from pipelines.evaluate import evaluate_edges, format_edges_report

CASES = [
    {"id": "a", "group": "quote", "text": '"Mistral is peanuts for us," Ahmad Al-Dahle wrote.',
     "owner": None, "edges": [{"speaker": "meta", "target": "mistral", "stance": "dismissive"}],
     "mentions": ["meta", "mistral"]},
    {"id": "b", "group": "quote", "text": '"OpenAI is impressive," Sam Altman said.',
     "owner": None, "edges": [], "mentions": ["openai"]},
    {"id": "c", "group": "ordinary_word", "text": "A mistral wind over Provence.", "owner": None,
     "edges": [], "mentions": []},
    {"id": "d", "group": "reported", "text": "Nvidia said that Microsoft bought chips.", "owner": None,
     "edges": [{"speaker": "nvidia", "target": "microsoft", "stance": "praise"}], "mentions": ["nvidia", "microsoft"]},
    {"id": "e", "group": "quote", "text": "Meta and Google shipped models.", "owner": None,
     "edges": [{"speaker": "meta", "target": "google", "stance": "neutral"}], "mentions": ["meta", "google"]},
]


def test_edge_metrics_count_hits_misses_and_stance(catalog):
    report = evaluate_edges(CASES, catalog)
    overall = report["overall"]
    # Predicted: a (right), d (right pair, wrong stance); gold: a, d, e (missed).
    assert overall["edges_predicted"] == 2 and overall["edges_gold"] == 3
    assert overall["precision"] == 1.0
    assert overall["recall"] == round(2 / 3, 3)
    assert overall["stance_accuracy"] == 0.5
    assert overall["trap_false_mentions"] == 0
    ids = {e["id"] for e in report["errors"]}
    assert ids == {"d", "e"}
    table = format_edges_report(report)
    assert "| **all** | 5 | 3 | 2 | 1.000 | 0.667 | 0.500 | 0 |" in table


def test_one_stance_per_pair_prefers_a_judgement_and_gold_may_allow_two(catalog):
    cases = [
        # Two sentences about Google: one dismissive, one neutral. The item's
        # stance is the judgement, whichever sentence comes last.
        {"id": "f", "group": "mixed", "owner": None, "mentions": ["google", "openai"],
         "text": "Sam Altman said Google's search is a joke. Sam Altman said Google has a cloud business.",
         "edges": [{"speaker": "openai", "target": "google", "stance": "dismissive"}]},
        # Gold allows praise or critical for one pair: either is right.
        {"id": "g", "group": "mixed", "owner": None, "mentions": ["google", "openai"],
         "text": "Sam Altman said Google did impressive work.",
         "edges": [{"speaker": "openai", "target": "google", "stance": "critical"},
                   {"speaker": "openai", "target": "google", "stance": "praise"}]},
    ]
    overall = evaluate_edges(cases, catalog)["overall"]
    assert overall["edges_gold"] == 2 and overall["edges_predicted"] == 2
    assert overall["stance_accuracy"] == 1.0


def test_dev_and_heldout_sets_meet_the_targets(catalog):
    """Regression guard on the labelled sets (tests/data): the issue's targets are
    precision >= 0.90, recall >= 0.75, stance accuracy >= 0.80 on correct edges,
    and no ordinary-word false mentions. edges_heldout.jsonl was written
    independently, but its errors were read in session 2 (it is a second dev
    set now); edges_heldout2.jsonl was written without reading the rules, its
    odd-numbered cases were read for errors and its even-numbered ones never
    were. The bounds sit just under the measured levels."""
    from pathlib import Path

    from pipelines.evaluate import load_cases

    data = Path(__file__).resolve().parents[1] / "data"
    dev = evaluate_edges(load_cases(data / "edges_dev.jsonl"), catalog)["overall"]
    assert dev["precision"] >= 0.95 and dev["recall"] >= 0.95 and dev["stance_accuracy"] >= 0.80
    assert dev["trap_false_mentions"] == 0
    held = evaluate_edges(load_cases(data / "edges_heldout.jsonl"), catalog)["overall"]
    assert held["precision"] >= 0.95 and held["recall"] >= 0.90 and held["stance_accuracy"] >= 0.90
    assert held["trap_false_mentions"] == 0
    second = load_cases(data / "edges_heldout2.jsonl")
    unseen = evaluate_edges([c for c in second if int(c["id"][1:]) % 2 == 0], catalog)["overall"]
    assert unseen["precision"] >= 0.90 and unseen["recall"] >= 0.85 and unseen["stance_accuracy"] >= 0.75
    assert evaluate_edges(second, catalog)["overall"]["trap_false_mentions"] == 0
    # The third held-out set, same protocol as the second; its never-read half
    # measured 1.000/0.822/0.622 before session 3 tuned anything.
    third = load_cases(data / "edges_heldout3.jsonl")
    unseen = evaluate_edges([c for c in third if int(c["id"][1:]) % 2 == 0], catalog)["overall"]
    assert unseen["precision"] >= 0.90 and unseen["recall"] >= 0.78 and unseen["stance_accuracy"] >= 0.65
    assert evaluate_edges(third, catalog)["overall"]["trap_false_mentions"] == 0
    # A set nobody tuning the rules has read at all: 0.929/0.849/0.671 when first measured.
    ninth = evaluate_edges(load_cases(data / "edges_heldout9.jsonl"), catalog)["overall"]
    assert ninth["precision"] >= 0.90 and ninth["recall"] >= 0.80 and ninth["stance_accuracy"] >= 0.62
    assert ninth["trap_false_mentions"] == 0
    # Another, written in session 4 and measured once, at its end: 0.935/0.967/0.828.
    sixteenth = evaluate_edges(load_cases(data / "edges_heldout16.jsonl"), catalog)["overall"]
    assert sixteenth["precision"] >= 0.90 and sixteenth["recall"] >= 0.90 and sixteenth["stance_accuracy"] >= 0.78
    assert sixteenth["trap_false_mentions"] == 0
    # Two more, written in session 5: 19 measured 0.949/0.949/0.763 at the session's start and
    # 0.949/0.959/0.777 at its end; 22 measured once, at the end: 0.941/0.941/0.853.
    nineteenth = evaluate_edges(load_cases(data / "edges_heldout19.jsonl"), catalog)["overall"]
    assert nineteenth["precision"] >= 0.90 and nineteenth["recall"] >= 0.90 and nineteenth["stance_accuracy"] >= 0.74
    assert nineteenth["trap_false_mentions"] == 0
    twentysecond = evaluate_edges(load_cases(data / "edges_heldout22.jsonl"), catalog)["overall"]
    assert twentysecond["precision"] >= 0.90 and twentysecond["recall"] >= 0.90
    assert twentysecond["stance_accuracy"] >= 0.80 and twentysecond["trap_false_mentions"] == 0


def test_eval_command_reports_every_labelled_set(tmp_path, cli):
    """`rivalwatch eval` measures the dev set in detail and every labelled set
    beside it in one table, with the never-read half of the second held-out set."""
    import shutil
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    for name in ("edges_dev.jsonl", "edges_heldout2.jsonl", "edges_heldout3.jsonl"):
        shutil.copy(data / name, tmp_path / name)
    done = cli("eval", "--dev-set", str(tmp_path / "edges_dev.jsonl"), "--shared", str(tmp_path / "none"),
               "--items", "20")
    assert done.exit_code == 0
    table = done.output.split("## Every labelled set")[1]
    rows = [line for line in table.splitlines() if line.startswith(("| edges_", "| never read"))]
    assert [row.split(" | ")[0] for row in rows] == [
        "| edges_dev.jsonl", "| edges_heldout2.jsonl", "| edges_heldout2.jsonl, even-numbered half (never read)",
        "| edges_heldout3.jsonl", "| edges_heldout3.jsonl, even-numbered half (never read)",
        "| never read, together"]
    assert [rows[i].split(" | ")[1] for i in (2, 4, 5)] == ["45", "50", "95"]

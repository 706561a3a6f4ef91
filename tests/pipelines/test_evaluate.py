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

"""Measure the polarity engine against gold sentiment (run by hand or by tests).

Two public data sets, as laid out in ``data_dir`` (the project's shared data,
``../shared/data/sentiment``):
- SemEval-2017 Task 5 financial headlines (``semeval2017_task5_headlines_dev.json``):
  a company and a gold score in [-1, 1]. Metrics: Pearson and cosine (the
  task's own metric, cosine similarity of the gold and predicted vectors).
- NewsMTSC (``newsmtsc_devtest_{rw,mt}.jsonl``): news sentences with the
  polarity toward one target (2 negative, 4 neutral, 6 positive). Metrics:
  3-class accuracy and macro-F1, a polarity above +THRESHOLD counting as
  positive and below -THRESHOLD as negative, and Pearson with (gold - 4) / 2.

Each is scored through rivalwatch's own path (``pipelines.score.score_line``,
as `rivalwatch score` does) next to plain TextBlob on the same rows.

The engine's few global weights (``polarity.Settings``) are fitted on the
SemEval dev headlines, so the SemEval figure on those rows is a training fit;
``cross_validated_pearson`` refits them on four fifths and scores the fifth
left out, which is the honest estimate for unseen headlines.

Run: .venv/bin/python -m pipelines.sentiment_eval [DATA_DIR]
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

from pipelines import polarity as engine
from pipelines.catalog import load_catalog
from pipelines.score import score_line

THRESHOLD = 0.1  # |polarity| at or below this counts as neutral, for both engines
FOLDS = 5
SEMEVAL = "semeval2017_task5_headlines_dev.json"

# The values the cross-validation may choose for each weight of polarity.Settings.
GRID: dict[str, tuple[float, ...]] = {
    "squash": (0.2, 0.4, 0.6, 1.0, 1.5),
    "negation": (0.3, 0.6, 0.9),
    "hedge": (0.5, 0.75, 1.0),
    "concede": (0.2, 0.35, 0.6, 1.0),
    "before_but": (0.25, 0.5, 0.75, 1.0),
    "fallback": (0.0, 0.25, 0.5, 0.75),
}


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def cosine(x: list[float], y: list[float]) -> float:
    dot = sum(a * b for a, b in zip(x, y, strict=True))
    norm = math.sqrt(sum(a * a for a in x) * sum(b * b for b in y))
    return dot / norm if norm else 0.0


def three_class(value: float, threshold: float = THRESHOLD) -> str:
    return "pos" if value > threshold else "neg" if value < -threshold else "neu"


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in ("neg", "neu", "pos"):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def textblob_polarity(text: str) -> float:
    from textblob import TextBlob

    return float(TextBlob(text).sentiment.polarity)


def load_semeval(data_dir: Path) -> list[dict]:
    rows = json.loads((data_dir / SEMEVAL).read_text(encoding="utf-8"))
    return [{"text": r["title"], "target": r["company"], "gold": float(r["sentiment"])} for r in rows]


def load_newsmtsc(data_dir: Path, split: str) -> list[dict]:
    """One row per (sentence, target); gold is -1, 0 or +1."""
    rows = []
    for line in (data_dir / f"newsmtsc_devtest_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            rows.append({
                "text": record["sentence_normalized"],
                "target": target["mention"],
                "span": (target["from"], target["to"]),
                "gold": (float(target["polarity"]) - 4.0) / 2.0,
            })
    return rows


def _scored(rows: list[dict]) -> tuple[list[float], list[float]]:
    """rivalwatch's score path and plain TextBlob, row by row."""
    catalog = load_catalog()
    ours = [score_line({"text": r["text"], "target": r["target"]}, catalog)["polarity"] for r in rows]
    baseline = [textblob_polarity(r["text"]) for r in rows]
    return ours, baseline


class _Predictions:
    """``polarity.score`` of every text under given settings, computed once per settings."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.memo: dict[engine.Settings, list[float]] = {}

    def __call__(self, settings: engine.Settings) -> list[float]:
        if settings not in self.memo:
            self.memo[settings] = [engine.score(t, settings=settings) for t in self.texts]
        return self.memo[settings]


def _fit(predict: _Predictions, rows: list[int], gold: list[float]) -> engine.Settings:
    """Coordinate search over GRID for the settings with the best Pearson on
    ``rows``, starting from plain weights (not from the shipped defaults)."""
    def r(settings: engine.Settings) -> float:
        values = predict(settings)
        return pearson([values[i] for i in rows], [gold[i] for i in rows])

    best = engine.Settings(squash=0.6, negation=0.6, hedge=1.0, concede=1.0, before_but=1.0, fallback=0.5)
    best_r = r(best)
    for _ in range(2):
        for name, values in GRID.items():
            for value in values:
                candidate = replace(best, **{name: value})
                candidate_r = r(candidate)
                if candidate_r > best_r + 1e-9:
                    best, best_r = candidate, candidate_r
    return best


def cross_validated_pearson(rows: list[dict], folds: int = FOLDS) -> dict:
    """Held-out Pearson and cosine of ``polarity.score`` on SemEval: for each
    fold the settings are refitted on the other folds and the fold is scored
    with them. Folds are taken by position."""
    gold = [r["gold"] for r in rows]
    predict = _Predictions([r["text"] for r in rows])
    held_out = [0.0] * len(rows)
    per_fold = []
    for k in range(folds):
        test = [i for i in range(len(rows)) if i % folds == k]
        train = [i for i in range(len(rows)) if i % folds != k]
        values = predict(_fit(predict, train, gold))
        for i in test:
            held_out[i] = values[i]
        per_fold.append(pearson([values[i] for i in test], [gold[i] for i in test]))
    return {
        "folds": folds,
        "pearson": pearson(held_out, gold),
        "cosine": cosine(held_out, gold),
        "pearson_per_fold": per_fold,
        "settings_fitted_on_all": asdict(_fit(predict, list(range(len(rows))), gold)),
    }


def _semeval(data_dir: Path) -> dict:
    rows = load_semeval(data_dir)
    gold = [r["gold"] for r in rows]
    ours, baseline = _scored(rows)
    return {
        "rows": len(rows),
        "rivalwatch": {"pearson": pearson(ours, gold), "cosine": cosine(ours, gold)},
        "textblob": {"pearson": pearson(baseline, gold), "cosine": cosine(baseline, gold)},
        "cross_validated": cross_validated_pearson(rows),
    }


def _classification(values: list[float], gold: list[float]) -> dict:
    labels = [three_class(g, 0.0) for g in gold]
    predicted = [three_class(v) for v in values]
    return {
        "accuracy": sum(g == p for g, p in zip(labels, predicted, strict=True)) / len(labels),
        "macro_f1": macro_f1(labels, predicted),
        "pearson": pearson(values, gold),
    }


def _newsmtsc(data_dir: Path, split: str) -> dict:
    rows = load_newsmtsc(data_dir, split)
    gold = [r["gold"] for r in rows]
    ours, baseline = _scored(rows)
    # What the engine does when told where the target is (score_line does not pass the span yet).
    targeted = [engine.polarity(r["text"], target=r["span"]) for r in rows]
    return {
        "rows": len(rows),
        "rivalwatch": _classification(ours, gold),
        "textblob": _classification(baseline, gold),
        "rivalwatch_with_target_span": _classification(targeted, gold),
    }


def evaluate_sentiment(data_dir: Path) -> dict:
    """All metrics, as a dict (see the module docstring). ``data_dir`` holds
    the files, or holds them in its ``sentiment/`` folder."""
    started = time.perf_counter()
    if (data_dir / "sentiment").is_dir():
        data_dir = data_dir / "sentiment"
    result = {
        "threshold": THRESHOLD,
        "semeval2017_headlines": _semeval(data_dir),
        "newsmtsc_rw": _newsmtsc(data_dir, "rw"),
        "newsmtsc_mt": _newsmtsc(data_dir, "mt"),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


_NEWSMTSC_ROWS = (
    ("rivalwatch", "rivalwatch score"),
    ("rivalwatch_with_target_span", "polarity with target span"),
    ("textblob", "TextBlob"),
)


def format_report(result: dict) -> str:
    """The metrics as Markdown tables."""
    sem = result["semeval2017_headlines"]
    cv = sem["cross_validated"]
    ours, baseline = sem["rivalwatch"], sem["textblob"]
    lines = [
        f"### SemEval-2017 Task 5 headlines (dev, {sem['rows']} rows)",
        "",
        "| engine | Pearson | cosine |",
        "|---|---|---|",
        f"| rivalwatch score (fit on these rows) | {ours['pearson']:.3f} | {ours['cosine']:.3f} |",
        f"| rivalwatch, {cv['folds']}-fold cross-validated | {cv['pearson']:.3f} | {cv['cosine']:.3f} |",
        f"| TextBlob | {baseline['pearson']:.3f} | {baseline['cosine']:.3f} |",
        "",
        f"### NewsMTSC (neutral when |polarity| <= {result['threshold']})",
        "",
        "| split | engine | accuracy | macro-F1 | Pearson |",
        "|---|---|---|---|---|",
    ]
    for split in ("rw", "mt"):
        part = result[f"newsmtsc_{split}"]
        for name, label in _NEWSMTSC_ROWS:
            m = part[name]
            lines.append(f"| {split} ({part['rows']}) | {label} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} "
                         f"| {m['pearson']:.3f} |")
    fitted = ", ".join(f"{k}={v}" for k, v in cv["settings_fitted_on_all"].items())
    shipped = ", ".join(f"{k}={v}" for k, v in asdict(engine.DEFAULT).items())
    lines += ["", f"Settings fitted on all dev rows: {fitted}.", f"Shipped defaults: {shipped}.",
              "", f"({result['seconds']} s)"]
    return "\n".join(lines)


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"
    print(format_report(evaluate_sentiment(Path(sys.argv[1]) if len(sys.argv) > 1 else default)))

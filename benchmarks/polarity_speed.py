"""Measure how fast ``pipelines.polarity.polarity`` scores news sentences
(NewsMTSC, ../shared/data), next to plain TextBlob. The budget is 0.2 ms a
sentence on the project's 2-core machine. Writes
benchmarks/results/polarity_speed.json.

Run: .venv/bin/python benchmarks/polarity_speed.py
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sentiment"
ROUNDS = 5


def sentences() -> list[str]:
    out = []
    for name in ("newsmtsc_devtest_rw.jsonl", "newsmtsc_devtest_mt.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line)["sentence_normalized"])
    return out


def per_sentence_ms(score, texts: list[str]) -> float:
    """Median over ROUNDS of the mean time per sentence, in milliseconds."""
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for text in texts:
            score(text)
        rounds.append((time.perf_counter() - start) / len(texts) * 1000)
    return statistics.median(rounds)


def main() -> None:
    from textblob import TextBlob

    from pipelines.polarity import polarity

    texts = sentences()
    start = time.perf_counter()
    polarity("warm up: the lexicons load on first use")
    load_ms = (time.perf_counter() - start) * 1000
    results = {
        "sentences": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "first_call_ms": round(load_ms, 1),
        "rivalwatch_ms_per_sentence": round(per_sentence_ms(polarity, texts), 4),
        "textblob_ms_per_sentence": round(per_sentence_ms(lambda t: TextBlob(t).sentiment.polarity, texts), 4),
    }
    results["rivalwatch_sentences_per_second"] = round(1000 / results["rivalwatch_ms_per_sentence"])
    print(json.dumps(results, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "polarity_speed.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

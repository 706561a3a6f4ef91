"""Measure sentence splitters on real news sentences (NewsMTSC, ../shared/data).

Consecutive gold sentences are joined into paragraphs of five; a splitter is
scored on how many of the gold sentences it returns exactly (precision,
recall, F1 over sentence strings) and on throughput. Writes
benchmarks/results/sentence_splitters.json.

Run: .venv/bin/python benchmarks/sentence_splitters.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sentiment"


def gold_paragraphs(size: int = 5) -> list[list[str]]:
    sentences = []
    for name in ("newsmtsc_devtest_rw.jsonl", "newsmtsc_devtest_mt.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["sentence_normalized"].strip()
            # Headlines without final punctuation are not sentence-final in running text.
            if text and text[-1] in ".!?\"”’'":
                sentences.append(text)
    return [sentences[i : i + size] for i in range(0, len(sentences) - size + 1, size)]


def splitters():
    import blingfire
    import pysbd
    import syntok.segmenter as syntok_segmenter
    from sentencex import segment

    seg = pysbd.Segmenter(language="en", clean=False)

    def syntok_split(text):
        out = []
        for paragraph in syntok_segmenter.analyze(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence).strip())
        return out

    return {
        "pysbd": lambda t: [s.strip() for s in seg.segment(t)],
        "blingfire": lambda t: blingfire.text_to_sentences(t).split("\n"),
        "syntok": syntok_split,
        "sentencex": lambda t: [s.strip() for s in segment("en", t)],
    }


def main() -> None:
    paragraphs = gold_paragraphs()
    results = {}
    for name, split in splitters().items():
        tp = predicted = gold = 0
        chars = 0
        start = time.perf_counter()
        outputs = [split(" ".join(p)) for p in paragraphs]
        elapsed = time.perf_counter() - start
        for para, out in zip(paragraphs, outputs, strict=True):
            out = [s for s in out if s]
            gold_set = set(para)
            tp += sum(1 for s in out if s in gold_set)
            predicted += len(out)
            gold += len(para)
            chars += sum(len(s) + 1 for s in para)
        p, r = tp / predicted, tp / gold
        results[name] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3),
            "chars_per_second": round(chars / elapsed),
        }
        print(name, results[name])
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    payload = {"paragraphs": len(paragraphs), "results": results}
    (out / "sentence_splitters.json").write_text(json.dumps(payload, indent=2) + "\n")


if __name__ == "__main__":
    main()

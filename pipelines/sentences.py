"""Sentence splitting with syntok: rule-based, pure Python, nothing to
download. Chosen by measurement on real news sentences (NewsMTSC): F1 0.951
against 0.911 (sentencex), 0.870 (blingfire) and 0.787 (pysbd); see
benchmarks/sentence_splitters.py."""

from __future__ import annotations

from dataclasses import dataclass

import syntok.segmenter as segmenter


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets in it."""
    out: list[Sentence] = []
    if not text or not text.strip():
        return out
    for paragraph in segmenter.analyze(text):
        for tokens in paragraph:
            tokens = [t for t in tokens if t.value]
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            out.append(Sentence(start, end, text[start:end]))
    return out

"""Benchmark scripts: numbers in files, never timing assertions in tests (see benchmarks/run.py).

A regular package on purpose: pysbd installs a top-level `benchmarks` package
into site-packages, which would otherwise shadow this folder."""

"""The hostile-input catalogue: every case in tests/hostile/cases/ goes
through `rivalwatch` together with a good feed, in its own process.

Each must end in a clear per-feed error or a safe result, within its time
limit (10 s unless the case names a lower limit it hits), under 512 MB of
peak resident memory, with the good feed stored and no traceback. What each
case measured lands in tests/hostile/results.json (see the README's
"Reliability" section)."""

from __future__ import annotations

import re

import pytest

from tests.hostile.runner import (
    COLLECTED,
    GOOD_ITEMS,
    MEMORY_BOUND_MB,
    good_feed_name,
    load_cases,
    run_case,
)

CASES = load_cases()


def test_the_catalogue_has_at_least_30_cases_each_described():
    assert len(CASES) >= 30
    for case in CASES:
        assert case.DESCRIPTION.strip() and "\n" not in case.DESCRIPTION, case.ID
        assert case.EXPECTED.strip() and "\n" not in case.EXPECTED, case.ID


@pytest.mark.parametrize("case", CASES, ids=[c.ID for c in CASES])
def test_hostile_case(case, forkrunner, feed_server, tmp_path):
    run, line, ctx = run_case(case, forkrunner, feed_server, tmp_path)
    record = {"description": case.DESCRIPTION, "expected": case.EXPECTED, "outcome": case.OUTCOME,
              "line": line, "seconds": run.seconds, "peak_rss_mb": run.peak_mb,
              "parse_child_peak_rss_mb": run.parse_peak_mb, "passed": False}
    COLLECTED["cases"][case.ID] = record
    shown = f"exit {run.exit}, {run.seconds} s, killed={run.killed}\n{run.output}"
    assert run.killed is None, shown
    assert "Traceback" not in run.output, shown
    assert run.exit == 0, shown  # the good feed was read, so the run succeeded
    assert line, f"no line for the hostile source\n{shown}"
    assert line.startswith("error" if case.OUTCOME == "error" else ("ok", "304", "same")), shown
    assert re.search(case.MESSAGE, line), f"{line!r} does not match {case.MESSAGE!r}"
    assert run.seconds < getattr(case, "TIME_LIMIT_S", 10.0), shown
    assert run.peak_mb < MEMORY_BOUND_MB and run.parse_peak_mb < MEMORY_BOUND_MB, shown
    good = good_feed_name(case)
    assert run.scalar(f"SELECT count(*) FROM items WHERE feed = '{good}'") == GOOD_ITEMS, shown
    assert "\x1b" not in run.output
    if hasattr(case, "check"):
        case.check(ctx, run)
    record["passed"] = True

"""The dashboard process, headless: run every page of dashboard/app.py once
(Streamlit's AppTest, the same script runner `streamlit run` uses, with its
caches) on the warehouse in RIVALWATCH_DB, and print one JSON line with each
page's time and any exception. benchmarks/run.py runs this as a subprocess to
take the dashboard process's peak memory.

    RIVALWATCH_DB=path.duckdb python -m benchmarks.dashboard_probe
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
PAGES = ["views/overview.py", "views/rivalry.py", "views/company.py", "views/evidence.py",
         "views/trends.py", "views/feeds.py", "views/sql.py"]


def main() -> None:
    from streamlit.testing.v1 import AppTest

    results = {}
    at = AppTest.from_file(str(APP), default_timeout=900)
    for page in PAGES:
        started = time.perf_counter()
        try:
            if page == PAGES[0]:
                at.run()
            else:
                at.switch_page(page).run()
            problems = [e.message for e in at.exception] + [e.value for e in at.error]
        except Exception as exc:  # a page that fails is a result, not the end of the probe
            problems = [f"{type(exc).__name__}: {exc}"]
        results[Path(page).stem] = {"seconds": round(time.perf_counter() - started, 3),
                                    "problems": [str(p)[:300] for p in problems]}
    print(json.dumps(results))


if __name__ == "__main__":
    main()

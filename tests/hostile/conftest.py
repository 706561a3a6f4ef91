"""Session fixtures for the hostile-input catalogue and the SQL escapes: one
fork runner, one local HTTP server; what was measured goes to results.json."""

from __future__ import annotations

import pytest

from tests.feedserver import FeedServer
from tests.hostile.runner import ForkRunner, write_results


@pytest.fixture(scope="session", autouse=True)
def _results():
    yield
    write_results()


@pytest.fixture(scope="session")
def forkrunner():
    runner = ForkRunner()
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def feed_server():
    with FeedServer() as server:
        yield server

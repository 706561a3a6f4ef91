"""Session fixtures for the fault tests: the hostile runner's fork runner
(fast, measured `rivalwatch` runs that can be killed at any moment) and a
local HTTP server."""

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

"""Session fixtures for the fault tests: the same as the hostile catalogue's
(the fork runner for fast, measured `rivalwatch` runs that can be killed at
any moment, a local HTTP server, results written to results.json)."""

from tests.hostile.conftest import _results, feed_server, forkrunner  # noqa: F401 (fixtures)

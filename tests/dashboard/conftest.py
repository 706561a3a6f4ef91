"""Fixtures of the dashboard tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .literal_warehouse import build_literal_warehouse


@pytest.fixture(scope="session")
def literal_warehouse(tmp_path_factory) -> Path:
    return build_literal_warehouse(tmp_path_factory.mktemp("dash") / "rw.duckdb")

import pytest

from warehouse import db
from warehouse.sandbox import SandboxError, run_sql


@pytest.fixture
def warehouse(db_path):
    with db.writer(db_path) as con:
        con.execute("INSERT INTO runs (command, started_at, status) VALUES ('t', now(), 'ok')")
    return db_path


@pytest.mark.parametrize(
    "query, words",
    [
        ("SELECT * FROM read_csv('/etc/passwd')", "no file, network or extension access"),
        ("COPY (SELECT 1) TO '/tmp/rivalwatch-escape.csv'", "no file, network or extension access"),
        ("ATTACH '/tmp/other.duckdb' AS other", "no file, network or extension access"),
        ("INSTALL httpfs", "no file, network or extension access"),
        ("LOAD httpfs", "extension"),
        ("SET enable_external_access = true", "settings cannot be changed"),
        ("SET memory_limit = '100GB'", "settings cannot be changed"),
        ("CREATE TABLE x (a INT)", "read-only"),
        ("DELETE FROM runs", "read-only"),
    ],
)
def test_sandbox_refuses_with_a_clear_message(warehouse, query, words):
    with pytest.raises(SandboxError) as info:
        run_sql(warehouse, query)
    message = str(info.value)
    assert words in message
    assert "\n" not in message


def test_sandbox_answers_selects_and_limits_rows(warehouse):
    result = run_sql(warehouse, "SELECT range AS n FROM range(5000)", row_limit=100)
    assert len(result.frame) == 100 and result.truncated
    result = run_sql(warehouse, "SELECT count(*) AS n FROM runs")
    assert result.frame["n"].tolist() == [1] and not result.truncated


def test_sandbox_time_limit(warehouse):
    with pytest.raises(SandboxError, match="time limit"):
        run_sql(warehouse, "SELECT count(*) FROM range(100000000000) a", time_limit_s=0.5)


def test_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(SandboxError, match="rivalwatch"):
        run_sql(tmp_path / "nothing.duckdb", "SELECT 1")

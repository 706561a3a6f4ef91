"""Filing documents and SEC fair-access pauses: loads and lookups, bind
parameters only. What a document says is the analysis's business (its
passages land with the item's analysis, warehouse.store.replace_analysis);
this module stores what was fetched and answers what is still to fetch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import duckdb

from warehouse import queries

if TYPE_CHECKING:
    import pandas as pd

DOCUMENT_COLUMNS = ["item_id", "accession", "url", "index_url", "fetched_at", "status", "bytes", "truncated",
                    "note", "text_hash", "text", "run_id"]


def pending_documents(
    con: duckdb.DuckDBPyConnection, *, feed: str, forms: Sequence[str], limit: int, retry_before: datetime,
    max_attempts: int,
) -> pd.DataFrame:
    """Filings of ``feed`` in ``forms`` whose document was never fetched, or
    failed fewer than ``max_attempts`` times and last before ``retry_before``;
    newest first (filings_pending_documents.sql)."""
    return queries.run(con, "filings_pending_documents", feed=feed, forms=[f.upper() for f in forms],
                       limit=int(limit), retry_before=retry_before, max_attempts=int(max_attempts))


def save_document(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    """Store one document (replacing an earlier attempt); a failure counts
    one more attempt, a success keeps the count it took."""
    values = {column: row.get(column) for column in DOCUMENT_COLUMNS}
    values["truncated"] = bool(values["truncated"])
    con.execute(
        f"""
        INSERT INTO filing_documents ({', '.join(DOCUMENT_COLUMNS)}, attempts)
        VALUES ({', '.join('$' + c for c in DOCUMENT_COLUMNS)}, 1)
        ON CONFLICT (item_id) DO UPDATE SET
            {', '.join(f'{c} = excluded.{c}' for c in DOCUMENT_COLUMNS if c != 'item_id')},
            attempts = filing_documents.attempts + 1
        """,
        values,
    )


def copy_document(con: duckdb.DuckDBPyConnection, accession: str, item_id: str) -> bool:
    """Give ``item_id`` the document already read for the same accession in
    another feed, if there is one; True when copied."""
    columns = [c for c in DOCUMENT_COLUMNS if c != "item_id"]
    copied = con.execute(
        f"""
        INSERT INTO filing_documents (item_id, {', '.join(columns)})
        SELECT $item_id, {', '.join(columns)} FROM filing_documents
        WHERE accession = $accession AND text IS NOT NULL AND item_id <> $item_id
        ORDER BY fetched_at DESC LIMIT 1
        ON CONFLICT (item_id) DO NOTHING
        RETURNING item_id
        """,
        dict(accession=accession, item_id=item_id),
    ).fetchall()
    return bool(copied)


def items_for_accession(con: duckdb.DuckDBPyConnection, accession: str) -> list[str]:
    """Every stored filing item with this accession number (one per feed that carried it)."""
    return [r[0] for r in con.execute(
        "SELECT item_id FROM filing_details WHERE accession = $accession ORDER BY item_id",
        dict(accession=accession),
    ).fetchall()]


def documents_of_runs(con: duckdb.DuckDBPyConnection, run_ids: Sequence[int]) -> list[str]:
    """Items whose document was stored by these runs (their analysis may be missing)."""
    if not run_ids:
        return []
    return [r[0] for r in con.execute(
        "SELECT item_id FROM filing_documents WHERE list_contains($runs, run_id)", dict(runs=list(run_ids)),
    ).fetchall()]


def load_pause(con: duckdb.DuckDBPyConnection, source: str) -> dict | None:
    row = con.execute(
        "SELECT paused_until, status, reason FROM source_pauses WHERE source = $source", dict(source=source),
    ).fetchone()
    if row is None:
        return None
    return {"paused_until": row[0], "status": row[1], "reason": row[2]}


def save_pause(con: duckdb.DuckDBPyConnection, source: str, *, paused_until: datetime, status: int | None,
               reason: str | None, set_at: datetime) -> None:
    con.execute(
        """
        INSERT INTO source_pauses (source, paused_until, status, reason, set_at)
        VALUES ($source, $until, $status, $reason, $set_at)
        ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, status = excluded.status,
            reason = excluded.reason, set_at = excluded.set_at
        """,
        dict(source=source, until=paused_until, status=status, reason=reason, set_at=set_at),
    )

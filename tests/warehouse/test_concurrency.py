"""A reader and a writer in two processes at the same time: neither fails,
because the reader only ever opens the published snapshot."""

import subprocess
import sys
import textwrap

from warehouse import db

READER = textwrap.dedent(
    """
    import sys, time
    from warehouse import db
    path = sys.argv[1]
    reads, counts = 0, []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and reads < 200:
        con = db.open_reader(path)
        counts.append(con.execute("SELECT count(*) FROM runs").fetchone()[0])
        time.sleep(0.01)
        con.close()
        reads += 1
    print(reads, min(counts), max(counts))
    """
)


def test_reader_and_writer_in_two_processes(db_path):
    with db.writer(db_path) as con:
        con.execute("INSERT INTO runs (command, started_at, status) VALUES ('seed', now(), 'ok')")
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    writes = 0
    while reader.poll() is None and writes < 60:
        with db.writer(db_path) as con:  # holds the working file read-write
            con.execute("INSERT INTO runs (command, started_at, status) VALUES ('w', now(), 'ok')")
        writes += 1
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    reads, low, high = map(int, out.split())
    assert reads > 0 and writes > 0
    assert 1 <= low <= high <= writes + 1
    final = db.open_reader(db_path)
    assert final.execute("SELECT count(*) FROM runs").fetchone()[0] == writes + 1

"""warehouse.fenced: a call in a child with CPU, memory and wall-time limits."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

from warehouse import fenced

HERE = "tests.warehouse.test_fenced"


def add(a, b):
    return a + b


def spin():
    while True:
        pass


def hog():
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def sleep(seconds):
    time.sleep(seconds)
    return "woke"


def fail():
    raise ValueError("broken on purpose")


def test_results_and_errors_come_back():
    status, value, peak_kb = fenced.call(HERE, "add", (2, 3), wall_s=10)
    assert (status, value) == ("ok", 5) and peak_kb > 0
    assert fenced.call(HERE, "fail", (), wall_s=10)[:2] == ("error", "ValueError: broken on purpose")


def test_cpu_memory_and_wall_limits_are_reported():
    started = time.monotonic()
    assert fenced.call(HERE, "spin", (), wall_s=30, cpu_s=1)[0] == "cpu"
    assert time.monotonic() - started < 10
    status, _, peak_kb = fenced.call(HERE, "hog", (), wall_s=30, memory=256 * 1024 * 1024)
    assert status == "memory" and peak_kb < 600 * 1024
    started = time.monotonic()
    assert fenced.call(HERE, "sleep", (30,), wall_s=0.5)[0] == "wall"
    assert time.monotonic() - started < 2


def test_calls_from_many_threads_and_a_forked_child_share_one_server():
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda n: fenced.call(HERE, "add", (n, 1), wall_s=10)[1], range(32)))
    assert results == [n + 1 for n in range(32)]
    pid = os.fork()
    if pid == 0:
        os._exit(0 if fenced.call(HERE, "add", (1, 1), wall_s=10)[1] == 2 else 1)
    assert os.waitpid(pid, 0)[1] == 0

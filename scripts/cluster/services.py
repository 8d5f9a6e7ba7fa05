"""Starting and stopping the rehearsal's parts on this machine: a PostgreSQL primary and
streaming replica (Debian's postgresql-15), gunicorn app nodes and haproxy.

Every process is started in a session of its own, so stopping one stops its children and
nothing else. PostgreSQL refuses to run as root: when the script is root, its server
commands run as the ``postgres`` user the Debian package creates.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
HAPROXY = os.environ.get("HAPROXY", shutil.which("haproxy") or "/usr/sbin/haproxy")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Missing(RuntimeError):
    """A program the rehearsal needs is not installed; the message says which package."""


def check_programs() -> None:
    for program, package in (
        (PG_BIN / "initdb", "postgresql-15"),
        (PG_BIN / "pg_basebackup", "postgresql-15"),
        (Path(HAPROXY), "haproxy"),
    ):
        if not program.exists():
            raise Missing(
                f"{program} is missing: apt-get install {package} (or set PG_BIN/HAPROXY)"
            )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], **kwargs: object) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


@dataclass
class Postgres:
    """One PostgreSQL server in ``data`` on ``port``."""

    data: Path
    port: int
    log: Path

    def start(self) -> None:
        _run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "start"]
            )
        )

    def kill(self) -> None:
        """Stop at once, as a crash would (no checkpoint, clients cut off)."""
        _run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/signpost"


def _own_by_postgres(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def make_primary(root: Path, started: list[Callable[[], None]]) -> Postgres:
    home = root / "pg"  # the server writes its data, socket and log here
    data = home / "primary"
    _own_by_postgres(home)
    _run(
        _as_postgres(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        )
    )
    server = Postgres(data, free_port(), home / "primary.log")
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(
            f"\nport = {server.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{home}'\nwal_level = replica\n"
            "max_wal_senders = 4\nwal_keep_size = '256MB'\nhot_standby = on\n"
            "shared_buffers = '64MB'\nfsync = on\n"
        )
    started.append(server.stop)  # before starting: an interrupt never leaves it running
    server.start()
    _run(
        [
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(server.port),
            "-U",
            "postgres",
            "signpost",
        ]
    )
    return server


def make_replica(root: Path, primary: Postgres, started: list[Callable[[], None]]) -> Postgres:
    """A streaming replica made with pg_basebackup -R (it follows the primary's WAL)."""
    data = root / "pg" / "replica"
    _own_by_postgres(data)
    os.chmod(data, 0o700)
    _run(
        _as_postgres(
            [
                str(PG_BIN / "pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(primary.port),
                "-U",
                "postgres",
                "-D",
                str(data),
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
            ]
        )
    )
    replica = Postgres(data, free_port(), root / "pg" / "replica.log")
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(f"\nport = {replica.port}\n")
    started.append(replica.stop)
    replica.start()
    return replica


@dataclass
class Process:
    """A program started in its own session, its output in ``log``."""

    command: list[str]
    env: Mapping[str, str]
    log: Path
    popen: subprocess.Popen[bytes] | None = field(default=None)

    def start(self) -> None:
        with open(self.log, "ab") as output:
            self.popen = subprocess.Popen(
                self.command,
                cwd=PROJECT_ROOT,
                env=dict(self.env),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL the process and its children at once, as a lost machine would."""
        if self.popen is not None and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


def app_node(name: str, port: int, env: Mapping[str, str], root: Path) -> Process:
    """An app node: gunicorn with two sync workers, its own search index folder."""
    command = [
        sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
        "--timeout", "30", "--graceful-timeout", "5", "wsgi:app",
    ]  # fmt: skip
    return Process(command, env, root / f"{name}.log")


def wait_until_serving(url: str, process: Process, seconds: float = 60) -> float:
    """Seconds until ``url`` answers 200; raise if the process dies or time runs out."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        if process.popen is not None and process.popen.poll() is not None:
            raise RuntimeError(f"{process.command[0]} stopped: see {process.log}")
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds}s: see {process.log}")


HAPROXY_CONFIG = """\
global
    maxconn 200
defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    option forwardfor
    option redispatch
    retries 2
    retry-on conn-failure empty-response response-timeout
frontend web
    bind 127.0.0.1:{port}
    http-request disable-l7-retry unless METH_GET || METH_HEAD
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    timeout check 2s
    default-server inter 500ms fall 3 rise 2
    http-response set-header X-Served-By %[srv_name]
{servers}
"""


def balancer(port: int, nodes: Mapping[str, int], root: Path) -> Process:
    servers = "\n".join(f"    server {name} 127.0.0.1:{node} check" for name, node in nodes.items())
    config = root / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(port=port, servers=servers))
    _run([HAPROXY, "-c", "-q", "-f", str(config)])
    return Process(
        [HAPROXY, "-db", "-f", str(config)], {"PATH": os.environ["PATH"]}, root / "haproxy.log"
    )

"""A real PostgreSQL server for the test run, started once per session.

`postgres_server` initdb's a throw-away cluster in a temporary folder, starts
it on a free 127.0.0.1 port (its unix socket in the same folder, fsync off),
and stops and deletes it when the session ends. PostgreSQL refuses to run as
root, so under root (CI on a fresh clone) the cluster belongs to a system user
``onrecord_test``, created with ``useradd`` when missing, and the server runs
through ``runuser``. `postgres_url` gives each test a fresh, empty store.

Set ``ONRECORD_TEST_POSTGRES_URL`` (a URL of a role allowed to create
databases) to use a running server instead. Without PostgreSQL binaries or
psycopg, the tests that need a server are skipped with the reason.

Test modules import the fixtures they use (and those these depend on):
``from postgres_fixture import postgres_migrated, postgres_server, postgres_store_url, postgres_url``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

TEST_USER = "onrecord_test"


def _bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    candidates = []
    if os.environ.get("ONRECORD_PG_BIN"):
        candidates.append(os.environ["ONRECORD_PG_BIN"])
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    candidates += glob.glob("/usr/local/pgsql/bin")
    if shutil.which("pg_ctl"):
        candidates.append(str(Path(shutil.which("pg_ctl") or "").parent))
    for folder in candidates:
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ensure_test_user() -> None:
    """Create the ``onrecord_test`` system user when running as root (postgres refuses root)."""
    try:
        pwd.getpwnam(TEST_USER)
        return
    except KeyError:
        pass
    useradd = shutil.which("useradd")
    if not useradd:
        pytest.skip(f"running as root without useradd: cannot create the {TEST_USER} user")
    done = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 9):  # 9: the user exists (created meanwhile)
        pytest.skip(f"cannot create the {TEST_USER} user: {done.stderr.strip()}")


class PostgresServer:
    """A throw-away cluster: ``admin_url`` reaches its ``postgres`` database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.user = TEST_USER if self.as_root else pwd.getpwuid(os.geteuid()).pw_name
        self.root = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        if self.as_root:
            _ensure_test_user()
            entry = pwd.getpwnam(TEST_USER)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            runuser = shutil.which("runuser")
            if runuser:
                command = [runuser, "-u", TEST_USER, "--", *command]
            else:
                quoted = " ".join(f"'{part}'" for part in command)
                command = ["su", "-s", "/bin/sh", TEST_USER, "-c", quoted]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        """initdb the cluster and start the server on a free port; raise if it cannot start."""
        for locale in ("C.UTF-8", "C"):  # C collation sorts as SQLite does
            done = self._run(
                "initdb", "-D", str(self.data), "-U", self.user, "--auth=trust",
                "--encoding=UTF8", f"--locale={locale}", "--no-sync", check=False,
            )  # fmt: skip
            if done.returncode == 0:
                break
            shutil.rmtree(self.data, ignore_errors=True)
        else:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
        options = (
            f"-c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        )
        for _ in range(3):  # another process may take the port between probe and bind
            self.port = _free_port()
            done = self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                "-o", f"-p {self.port} {options}", "start", check=False,
            )  # fmt: skip
            if done.returncode == 0:
                return
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()}\n{log}")

    def stop(self) -> None:
        """Stop the server and delete the cluster."""
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def admin_url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"


class Databases:
    """Fresh, empty stores on a server reached by ``admin_url``.

    Each store is a schema of its own in one session database (the URL sets
    ``search_path``): creating a schema is instant where a database takes a
    quarter of a second, and the store cannot tell the difference.
    """

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.database = f"onrecord_{uuid.uuid4().hex[:12]}"
        self._admin(
            self.admin_url,
            f"CREATE DATABASE \"{self.database}\" TEMPLATE template0 ENCODING 'UTF8'",
        )
        parts = urlsplit(self.admin_url)
        self.url = urlunsplit(parts._replace(path=f"/{self.database}"))

    @staticmethod
    def _admin(url: str, statement: str) -> None:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(statement)

    def create(self) -> str:
        """The URL of a new, empty schema."""
        schema = f"t_{uuid.uuid4().hex[:12]}"
        self._admin(self.url, f"CREATE SCHEMA {schema}")
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}options=-csearch_path%3D{schema}"

    def emptied(self, url: str) -> str:
        """``url`` with every table but ``schema_version`` emptied and its counters reset."""
        import psycopg

        schema = url.rsplit("%3D", 1)[1]
        with psycopg.connect(self.url, autocommit=True) as connection:
            tables = [
                f"{schema}.{name}"
                for (name,) in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = %s "
                    "AND tablename <> 'schema_version'",
                    (schema,),
                )
            ]
            if tables:
                connection.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        return url

    def drop(self, url: str) -> None:
        schema = url.rsplit("%3D", 1)[1]
        self._admin(self.url, f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def close(self) -> None:
        self._admin(self.admin_url, f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Databases]:
    """A PostgreSQL server for the session (started here unless one is given by URL)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")
    given = os.environ.get("ONRECORD_TEST_POSTGRES_URL")
    if given:
        databases = Databases(given)
        yield databases
        databases.close()
        return
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found")
    server = PostgresServer(bindir)
    try:
        server.start()
    except (RuntimeError, subprocess.SubprocessError) as error:
        server.stop()
        pytest.fail(f"could not start a PostgreSQL server: {error}")
    try:
        yield Databases(server.admin_url)
    finally:
        server.stop()  # the whole cluster goes, its databases with it


@pytest.fixture
def postgres_url(postgres_server: Databases) -> Iterator[str]:
    """The URL of a fresh, empty store (a schema of its own), dropped after the test."""
    url = postgres_server.create()
    yield url
    postgres_server.drop(url)


@pytest.fixture(scope="session")
def postgres_migrated(postgres_server: Databases) -> Iterator[str]:
    """One store migrated for the session (see `postgres_store_url`)."""
    from onrecord.store import open_store

    url = postgres_server.create()
    open_store(url).close()
    yield url
    postgres_server.drop(url)


@pytest.fixture
def postgres_store_url(postgres_server: Databases, postgres_migrated: str) -> str:
    """The URL of an empty, migrated store: the session's one, emptied for this test.

    Migrating a new schema costs a quarter of a second of DDL; tests that are
    not about migrating or reopening use this instead of `postgres_url`.
    """
    return postgres_server.emptied(postgres_migrated)

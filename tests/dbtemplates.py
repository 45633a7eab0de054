"""PostgreSQL template databases: what the suite would otherwise build again and again, built
once and copied (CREATE DATABASE ... TEMPLATE takes about a second).

Two templates per DATABASE_URL (`test_<its name>_tmpl_...`, shared by every worker and pass):

- `_tmpl_world`: migrated, with the world of tests/builders.py. Every test database (each xdist
  worker's, each pass's) is a copy of it instead of running every migration again; a copy of
  the start is kept per process, so transactional tests get the world back in a second
  (`restore_world`).
- `_tmpl_demo`: the world plus `load_demo_content`, with its media files in a folder of its own.
  Tests that walk the demo site get a copy (`demo_copy`) instead of running the loader, which
  takes a minute in six languages.

Each template carries a key (its database comment): a hash of what shapes it (the world: the
migrations, the lock file and its builder; the demo: all the apps' code and texts too). A changed
key rebuilds it. Under --create-db the run's id is part of the key, so a run that asks for new
databases builds the world from its migrations once (`make test` keeps proving them) and every
worker and later pass of that run copies it. Builds and copies hold a file lock: parallel workers
and concurrent passes build a template once and never copy one while it is being written.
"""

import contextlib
import fcntl
import hashlib
import shutil
import tempfile
from pathlib import Path

from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "stories", "campaigns", "volunteering", "letters")
# What the world template depends on: the schema (migrations, installed versions) and what
# builds it. The roles and workflows are synced again after every copy, as after a migrate.
WORLD_FILES = ("requirements.lock", "tests/builders.py", "tests/dbtemplates.py")
WORLD_CODE = ("cms/core/demo",)
# The demo template depends on all the apps' code and texts as well.
DEMO_FILES = ("tests/browser/site.py",)
DEMO_SUFFIXES = {".py", ".json", ".po"}


def _digest(paths):
    digest = hashlib.sha256()
    for path in sorted(set(paths)):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def world_key():
    code = [p for app in APPS for p in (ROOT / app).rglob("migrations/*.py")]
    code += [p for folder in WORLD_CODE for p in (ROOT / folder).rglob("*.py")]
    return _digest([ROOT / name for name in WORLD_FILES] + code)


def demo_key(world_comment):
    code = [
        p
        for folder in (*APPS, "locale")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in DEMO_SUFFIXES
    ]
    return f"{world_comment} demo {_digest([ROOT / name for name in DEMO_FILES] + code)}"


_names = {}


def test_database_name():
    """This process's test database (after setup, Django's NAME is already that name)."""
    if "test" not in _names:
        _names["test"] = connections["default"].creation._get_test_db_name()
    return _names["test"]


def base_name():
    """`test_<DATABASE_URL's name>`: the templates' prefix, shared by every worker and pass."""
    if "base" not in _names:
        _names["base"] = f"test_{connections['default'].settings_dict['NAME']}"
    return _names["base"]


@contextlib.contextmanager
def _locked(base):
    path = Path(tempfile.gettempdir()) / f"polyphony-{base}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Server:
    """An autocommit connection to the server's `postgres` database, for CREATE/DROP DATABASE."""

    def __init__(self):
        import psycopg

        db = connections["default"].settings_dict
        self.connection = psycopg.connect(
            host=db.get("HOST") or "127.0.0.1",
            port=db.get("PORT") or 5432,
            user=db.get("USER") or "postgres",
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        )

    def run(self, statement, *names, params=()):
        from psycopg import sql

        query = sql.SQL(statement).format(*(sql.Identifier(name) for name in names))
        return self.connection.execute(query, params)

    def comment(self, name):
        """The database's comment ('' when it has none), or None when it does not exist."""
        row = self.run(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            params=[name],
        ).fetchone()
        return None if row is None else (row[0] or "")

    def drop(self, name):
        self.run("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)

    def copy(self, source, target, comment=None):
        """`target` as a copy of `source` (which nobody may be connected to)."""
        self.drop(target)
        self.run("CREATE DATABASE {} TEMPLATE {}", target, source)
        # Test data need not survive a crash of the server; waiting for the disk at every
        # commit (the demo loader and the live-server tests commit thousands) is most of their
        # time on a slow disk.
        self.run("ALTER DATABASE {} SET synchronous_commit TO off", target)
        if comment is not None:
            self.set_comment(target, comment)

    def set_comment(self, name, comment):
        from psycopg import sql

        self.connection.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(comment)
            )
        )

    def close(self):
        self.connection.close()


@contextlib.contextmanager
def server():
    handle = Server()
    try:
        yield handle
    finally:
        handle.close()


def _fits(comment, key, run_id, fresh):
    if not comment:
        return False
    if fresh:
        return comment == f"{key} run {run_id}"
    return comment.split(" run ", 1)[0] == key


def _point_at(name):
    """Point Django's default connection (and every thread's new one) at database `name`."""
    from django.contrib.contenttypes.models import ContentType

    connection = connections["default"]
    connection.close()
    # settings.DATABASES["default"] is the connection's settings_dict: one change for all threads.
    connection.settings_dict["NAME"] = name
    # Ids in a copy built by another process may differ from the ones cached here.
    ContentType.objects.clear_cache()


def setup_test_database(*, run_id, fresh, build_world, refresh_world):
    """This process's test database as a copy of the world template, which is built first (from
    the migrations) when it is missing, out of date, or `fresh` asks for one of this run."""
    from django.test.utils import setup_databases

    base, test_name = base_name(), test_database_name()
    world = f"{base}_tmpl_world"
    key = world_key()
    with _locked(base), server() as pg:
        if _fits(pg.comment(world), key, run_id, fresh):
            pg.copy(world, test_name)
            _point_at(test_name)
            refresh_world()
        else:
            setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=False)
            pg.run("ALTER DATABASE {} SET synchronous_commit TO off", test_name)
            connections["default"].close()
            build_world()
            connections.close_all()
            pg.copy(test_name, world, comment=f"{key} run {run_id}")
        # This process's world as it starts, for restore_world().
        connections.close_all()
        pg.copy(test_name, _snapshot_name())
    return test_name


def _snapshot_name():
    return f"{test_database_name()}_start"


def restore_world():
    """The test database back to the world it started with, in a second: for transactional
    tests, which start from a flushed database and would build the world again (tests/edge)."""
    connections.close_all()
    with server() as pg:
        pg.copy(_snapshot_name(), test_database_name())
    _point_at(test_database_name())


def drop_test_database(name):
    connections.close_all()
    with server() as pg:
        pg.drop(name)
        pg.drop(_snapshot_name())


def _media_folder(template):
    return Path(tempfile.gettempdir()) / f"{template}-media"


def _demo_template(pg, build_demo):
    """The demo template's name, built from the world template if it is missing or out of date.
    The caller holds the demo lock (not the world's: workers copy the world meanwhile)."""
    from django.test.utils import override_settings

    base = base_name()
    world, demo = f"{base}_tmpl_world", f"{base}_tmpl_demo"
    building = f"{demo}_build"
    with _locked(base):
        world_comment = pg.comment(world)
        assert world_comment, f"{world} is made by django_db_setup, which must run first"
        key = demo_key(world_comment)
        if pg.comment(demo) == key and _media_folder(demo).is_dir():
            return demo
        pg.copy(world, building)
    media = _media_folder(building)
    shutil.rmtree(media, ignore_errors=True)
    media.mkdir()
    current = connections["default"].settings_dict["NAME"]
    _point_at(building)
    try:
        with override_settings(MEDIA_ROOT=str(media)):
            build_demo()
    finally:
        connections.close_all()
        _point_at(current)
    pg.copy(building, demo, comment=key)
    pg.drop(building)
    shutil.rmtree(_media_folder(demo), ignore_errors=True)
    media.rename(_media_folder(demo))
    return demo


@contextlib.contextmanager
def demo_copy(build_demo, suffix):
    """A database of this process's own holding the demo site, and a copy of its media folder:
    yields (database name, media folder). The caller points Django at it (`using`); the copy is
    dropped afterwards. The demo is built once per key, by whoever needs it first."""
    name = f"{test_database_name()}_{suffix}"
    media = Path(tempfile.mkdtemp(prefix=f"{name}-media-"))
    with _locked(f"{base_name()}-demo"), server() as pg:
        template = _demo_template(pg, build_demo)
        pg.copy(template, name)
        shutil.copytree(_media_folder(template), media, dirs_exist_ok=True)
    try:
        yield name, media
    finally:
        connections.close_all()
        with server() as pg:
            pg.drop(name)
        shutil.rmtree(media, ignore_errors=True)


@contextlib.contextmanager
def using(name, media=None):
    """Django on database `name` (and MEDIA_ROOT `media`) inside the block."""
    from django.test.utils import override_settings

    current = connections["default"].settings_dict["NAME"]
    _point_at(name)
    try:
        if media is None:
            yield
        else:
            with override_settings(MEDIA_ROOT=str(media)):
                yield
    finally:
        _point_at(current)


@contextlib.contextmanager
def unblocked_demo_copy(django_db_blocker, build_demo, suffix):
    """`demo_copy` for a pytest fixture: made and dropped with database access unblocked,
    while the tests in between use it under their own `db` rules."""
    copy = demo_copy(build_demo, suffix)
    with django_db_blocker.unblock():
        value = copy.__enter__()
    try:
        yield value
    finally:
        with django_db_blocker.unblock():
            copy.__exit__(None, None, None)

"""A real Redis as the spool, configured as site/redis/spool.conf says (append-only file,
appendfsync always, no RDB snapshots), in a throwaway folder on a free port."""

import pathlib
import socket
import subprocess
import time

import pytest
import redis


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SpoolServer:
    def __init__(self, folder: pathlib.Path, appendfsync: str = "always"):
        self.folder = folder
        self.appendfsync = appendfsync
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, our own binary
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.folder),
                "--appendonly",
                "yes",
                "--appendfsync",
                self.appendfsync,
                "--save",
                "",
                "--logfile",
                str(self.folder / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(200):
            try:
                if client.ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        """As a crash would: SIGKILL, no chance to write anything more."""
        self.process.kill()
        self.process.wait()

    def client(self):
        return redis.Redis.from_url(self.url)

    def all_bytes(self):
        """Every value in Redis, and every file it wrote (the AOF, its manifest, the log)."""
        client = self.client()
        blobs = []
        for key in client.scan_iter():
            kind = client.type(key)
            if kind == b"hash":
                blobs.extend(k + v for k, v in client.hgetall(key).items())
            elif kind == b"string":
                blobs.append(client.get(key))
            blobs.append(key)
        for path in self.folder.rglob("*"):
            if path.is_file():
                blobs.append(path.read_bytes())
        return blobs


@pytest.fixture
def redis_spool(tmp_path, settings):
    server = SpoolServer(tmp_path / "spool")
    server.folder.mkdir()
    server.start()
    settings.STORY_SPOOL_URL = server.url
    yield server
    if server.process.poll() is None:
        server.kill()

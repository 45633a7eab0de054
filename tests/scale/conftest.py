"""Scale-out on existing engines: media in an S3 bucket (moto's S3 server on loopback), and two
gunicorn instances sharing PostgreSQL and Redis behind the edge nginx.

A missing engine (moto, nginx, Redis) skips these tests with the reason, except under CI=true,
where it is a failure: CI must prove the scale-out, not skip it.
"""

import copy
import os
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import pytest

from bench import servers
from cms.settings.media import s3_media

IN_CI = os.environ.get("CI", "").lower() == "true"
REGION = "eu-central-1"


def unavailable(reason):
    if IN_CI:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def fetch(url, **headers):
    """(status, body) of a plain GET, as a reader's browser would send it: no credentials."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback http
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@dataclass
class Bucket:
    name: str
    endpoint: str
    origin: str
    client: object

    def object_keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)

    def plain_url(self, key):
        """The object's address without a signature: what anyone could try."""
        return f"{self.endpoint}/{self.name}/{key}"


@pytest.fixture
def s3_environment(monkeypatch):
    """moto's S3 server on a loopback port and the environment an operator would set for it."""
    try:
        import boto3
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        unavailable(f"moto and boto3 are needed: pip install -e '.[dev]' ({error})")
    port = servers.free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # Credentials reach boto3 from the environment, as in production; moto accepts any.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "polyphony-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "polyphony-test-secret")
    environ = {
        "AWS_STORAGE_BUCKET_NAME": f"polyphony-media-{uuid.uuid4().hex[:8]}",
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
    }
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="polyphony-test",
        aws_secret_access_key="polyphony-test-secret",
    )
    client.create_bucket(
        Bucket=environ["AWS_STORAGE_BUCKET_NAME"],
        CreateBucketConfiguration={"LocationConstraint": REGION},
    )
    try:
        yield environ, client
    finally:
        server.stop()


@pytest.fixture
def s3_bucket(s3_environment, settings):
    """This process configured as production would be with that environment (cms.settings.media
    is what base.py applies), media now in the bucket."""
    environ, client = s3_environment
    config = s3_media(
        environ, page_cache_seconds=settings.EDGE_CACHE_SECONDS + settings.BROWSER_CACHE_SECONDS
    )
    settings.STORAGES = {**settings.STORAGES, "default": config["storage"]}
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"].append(config["origin"])
    settings.CONTENT_SECURITY_POLICY = policy
    return Bucket(
        environ["AWS_STORAGE_BUCKET_NAME"],
        environ["AWS_S3_ENDPOINT_URL"],
        config["origin"],
        client,
    )


@pytest.fixture
def redis_cache():
    """(URL, key prefix) in the shared Redis: database 5 and a prefix of this test's own, whose
    keys are deleted afterwards (never FLUSHDB: other test runs use the same server)."""
    try:
        import redis
    except ImportError as error:
        unavailable(f"the redis package is needed: pip install -e . ({error})")
    url = os.environ.get("SCALE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.RedisError as error:
        unavailable(
            f"Redis is not reachable at {url} ({error.__class__.__name__}): "
            "apt-get install redis-server"
        )
    prefix = f"polyphony-scale-test-{uuid.uuid4().hex[:8]}"
    try:
        yield url, prefix
    finally:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()


@pytest.fixture
def two_instances(transactional_db, redis_cache, tmp_path):
    """Two production instances on the test database and Redis, behind the edge nginx, and the
    world they serve (a transactional test starts from an empty database)."""
    from contextlib import ExitStack

    from tests.builders import World, build_world
    from tests.scale import stack
    from tests.stories.submission_helpers import ensure_form_pages

    missing = servers.missing_tools()
    if missing:
        unavailable(f"the edge cache needs: apt-get install {' '.join(missing)}")
    url, prefix = redis_cache
    env = stack.instance_env(
        url,
        prefix,
        STORY_RATE_LIMIT_PER_ADDRESS=3,
        STORY_RATE_LIMIT_GLOBAL_PER_MINUTE=5,
        STORY_RATE_LIMIT_REFUSED_PER_MINUTE=10,
        STAFF_LOGIN_PER_ADDRESS=2,
    )
    with ExitStack() as exit_stack:
        # The workers load Django while the world is built: nothing asks them anything before.
        started = stack.start(exit_stack, tmp_path, env, redis_url=url, key_prefix=prefix)
        build_world()
        ensure_form_pages(World.load(), languages=("en",))
        yield started

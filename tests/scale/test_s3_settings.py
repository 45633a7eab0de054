"""The media storage an operator gets from the environment: a private bucket with signed URLs,
and a clear refusal to start for anything half-configured or public."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.media import s3_media
from tests.cms.test_settings import PRODUCTION_ENV, manage

AWS = {"AWS_STORAGE_BUCKET_NAME": "polyphony-media", "AWS_S3_REGION_NAME": "eu-central-1"}
PAGE_CACHE = 660


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"AWS_S3_ENDPOINT_URL": "https://s3.example.org"}, "AWS_STORAGE_BUCKET_NAME is not"),
        ({"AWS_STORAGE_BUCKET_NAME": "polyphony-media"}, "AWS_S3_REGION_NAME must be set"),
        ({**AWS, "AWS_ACCESS_KEY_ID": "AKIA"}, "AWS_SECRET_ACCESS_KEY"),
        ({**AWS, "AWS_SECRET_ACCESS_KEY": "secret"}, "AWS_ACCESS_KEY_ID"),
        ({**AWS, "AWS_S3_CUSTOM_DOMAIN": "media.example.org"}, "without signatures"),
        ({**AWS, "AWS_QUERYSTRING_AUTH": "false"}, "cannot be turned off"),
        ({**AWS, "AWS_QUERYSTRING_EXPIRE": "600"}, "longer than a page may be cached"),
        ({**AWS, "AWS_QUERYSTRING_EXPIRE": "soon"}, "whole number"),
        ({**AWS, "AWS_S3_ENDPOINT_URL": "s3.example.org"}, "is not a URL"),
    ],
)
def test_half_made_or_public_configurations_are_refused(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        s3_media(environ, page_cache_seconds=PAGE_CACHE)


def test_without_a_bucket_media_stays_on_local_disk():
    assert s3_media({}, page_cache_seconds=PAGE_CACHE) is None


def test_the_policy_names_the_origin_the_signed_urls_point_at(monkeypatch):
    from storages.backends.s3 import S3Storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "example-secret")
    for environ in (
        AWS,
        {**AWS, "AWS_S3_ENDPOINT_URL": "https://objects.example.org:9000"},
        {
            **AWS,
            "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
            "AWS_S3_ADDRESSING_STYLE": "virtual",
        },
    ):
        config = s3_media(environ, page_cache_seconds=PAGE_CACHE)
        url = S3Storage(**config["storage"]["OPTIONS"]).url("images/a.webp")
        assert url.startswith(config["origin"] + "/"), (url, config["origin"])
        assert "X-Amz-Signature=" in url


SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'backend': s.STORAGES['default']['BACKEND'],"
    "'options': s.STORAGES['default'].get('OPTIONS', {}),"
    "'img': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
    "'admin_img': s.POLYPHONY_ADMIN_CSP['img-src']}))"
)


def test_production_puts_media_in_the_bucket_and_lets_pages_show_it():
    result = manage("shell", "-c", SHOW, env={**PRODUCTION_ENV, **AWS})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["backend"] == "storages.backends.s3.S3Storage"
    assert values["options"]["bucket_name"] == "polyphony-media"
    assert values["options"]["querystring_auth"] is True
    assert values["options"]["file_overwrite"] is False
    origin = "https://polyphony-media.s3.eu-central-1.amazonaws.com"
    assert origin in values["img"] and origin in values["admin_img"]


def test_production_refuses_to_start_with_half_an_s3_configuration():
    result = manage("check", env={**PRODUCTION_ENV, "AWS_S3_REGION_NAME": "eu-central-1"})
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME is not" in result.stderr

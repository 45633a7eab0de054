"""Media on S3-compatible object storage, read from the environment (site/SCALE-OUT.md).

Several application hosts must all see every upload, so once a bucket is named every file Wagtail
stores (original images, renditions, documents, contributors' photos) goes to object storage
instead of MEDIA_ROOT.

The bucket stays private and every URL is signed and expires (query-string authentication).
There is deliberately no "public media domain": Wagtail keeps the renditions of all images under
one prefix, including the thumbnails of contributors' photos it makes for moderators, so a public
domain over renditions would serve those to anyone holding a URL, with no expiry. The cost of
signing is that image URLs change whenever a page is rendered again, so browsers and CDNs cannot
keep images for long; the benefit is that nothing is readable without a URL the site handed out
recently to someone allowed to see it.

Credentials are never settings: boto3 finds them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in
the environment, or the host's role), so they cannot leak through a settings dump.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_int

# Every variable of this feature: one of them without a bucket is a half-made configuration.
VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_QUERYSTRING_EXPIRE",
    "AWS_LOCATION",
)
DEFAULT_EXPIRE_SECONDS = 2 * 3600


def s3_media(environ, *, page_cache_seconds):
    """The storage and the origin browsers fetch media from, or None without a bucket.

    `page_cache_seconds` is how long a reader's page, and so the signed URLs in it, may be kept
    by the edge cache and then the browser: a URL must outlive the page that carries it.
    """
    bucket = (environ.get("AWS_STORAGE_BUCKET_NAME") or "").strip()
    if not bucket:
        named = [name for name in VARIABLES if environ.get(name)]
        if named:
            raise ImproperlyConfigured(
                f"{', '.join(named)} set but AWS_STORAGE_BUCKET_NAME is not: name the bucket, "
                "or unset them to keep media on local disk (MEDIA_ROOT)."
            )
        return None
    _check_credentials(environ)
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        raise ImproperlyConfigured(
            "AWS_S3_CUSTOM_DOMAIN would serve media without signatures, contributors' photos "
            "included; Polyphony keeps the bucket private (site/SCALE-OUT.md)."
        )
    if (environ.get("AWS_QUERYSTRING_AUTH") or "true").strip().lower() not in {"1", "true"}:
        raise ImproperlyConfigured(
            "AWS_QUERYSTRING_AUTH cannot be turned off: the media bucket is private and every "
            "URL must be signed (site/SCALE-OUT.md)."
        )

    expire = env_int("AWS_QUERYSTRING_EXPIRE", DEFAULT_EXPIRE_SECONDS, environ)
    if expire <= page_cache_seconds:
        raise ImproperlyConfigured(
            f"AWS_QUERYSTRING_EXPIRE ({expire} s) must be longer than a page may be cached "
            f"({page_cache_seconds} s, EDGE_CACHE_SECONDS + BROWSER_CACHE_SECONDS), or cached "
            "pages would show broken images."
        )
    endpoint, region, style, origin = _endpoint(environ, bucket)
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": region,
        "addressing_style": style,
        "signature_version": "s3v4",
        "querystring_auth": True,
        "querystring_expire": expire,
        # Never replace an object that has the same name: Django's own suffix instead.
        "file_overwrite": False,
        # No ACL on objects: access comes from the bucket policy alone (private).
        "default_acl": None,
        # Content-Type only: no user metadata, no original file name, nothing identifying.
        "object_parameters": {},
        "location": (environ.get("AWS_LOCATION") or "").strip("/"),
    }
    return {
        "storage": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "origin": origin,
    }


def _check_credentials(environ):
    key_id, secret = environ.get("AWS_ACCESS_KEY_ID"), environ.get("AWS_SECRET_ACCESS_KEY")
    if bool(key_id) != bool(secret):
        raise ImproperlyConfigured(
            "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (to use the "
            "host's role)."
        )


def _endpoint(environ, bucket):
    """(endpoint URL, region, addressing style, origin of the signed URLs).

    The origin is known exactly, so that the content security policy can allow images from it
    and from nowhere else.
    """
    region = (environ.get("AWS_S3_REGION_NAME") or "").strip()
    endpoint = (environ.get("AWS_S3_ENDPOINT_URL") or "").strip().rstrip("/")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ImproperlyConfigured(f"AWS_S3_ENDPOINT_URL is not a URL: {endpoint!r}")
        # S3-compatible servers (MinIO, Ceph, ...) usually have no wildcard DNS for buckets.
        style = environ.get("AWS_S3_ADDRESSING_STYLE") or "path"
        host = parts.netloc if style == "path" else f"{bucket}.{parts.netloc}"
        origin = f"{parts.scheme}://{host}"
    else:
        if not region:
            raise ImproperlyConfigured(
                "AWS_S3_REGION_NAME must be set for a bucket on AWS (or AWS_S3_ENDPOINT_URL for "
                "another S3-compatible service)."
            )
        # Virtual-hosted URLs under the regional endpoint: the form AWS signs by default.
        style = "virtual"
        endpoint = f"https://s3.{region}.amazonaws.com"
        origin = f"https://{bucket}.s3.{region}.amazonaws.com"
    if style not in {"path", "virtual"}:
        raise ImproperlyConfigured("AWS_S3_ADDRESSING_STYLE must be 'path' or 'virtual'.")
    return endpoint, region or "us-east-1", style, origin

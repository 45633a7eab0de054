"""Page weight for slow, censored links (issue #18): per reader page type and locale, the bytes a
browser downloads gzip-compressed before images (the HTML and every stylesheet, script and icon
it names) and the number of requests it makes (images included). Budgets: at most 20 KB and 10
requests. Compression is what nginx does (site/nginx/polyphony-gzip.conf, level 5)."""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BYTES_BUDGET = 20 * 1024
REQUESTS_BUDGET = 10
IMAGE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)$", re.I)


class Subresources(HTMLParser):
    """What a browser fetches for a page: stylesheets, scripts, icons, images (not links)."""

    def __init__(self):
        super().__init__()
        self.urls, self.images, self.unsized_images = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and {"stylesheet", "icon"} & set(rel) and attrs.get("href"):
            # Browsers fetch one icon of several; count each: an upper bound.
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])
            if not (attrs.get("width") and attrs.get("height")):
                self.unsized_images += 1


def compressed(body):
    return len(gzip.compress(body, compresslevel=5))


def weigh(fetch, url):
    """`fetch(url) -> (status, body bytes)`; the page's weight as bench reports it."""
    status, body = fetch(url)
    parser = Subresources()
    parser.feed(body.decode(errors="replace"))
    total, missing = compressed(body), []
    for ref in parser.urls:
        if urlsplit(ref).netloc or IMAGE.search(urlsplit(ref).path):
            continue
        sub_status, sub = fetch(urljoin(url, ref))
        total += compressed(sub)
        if sub_status != 200:
            missing.append(ref)
    requests = 1 + len(set(parser.urls)) + len(set(parser.images))
    return {
        "status": status,
        "compressed_bytes": total,
        "requests": requests,
        "images_without_size": parser.unsized_images,
        "missing": missing,
        "met": total <= BYTES_BUDGET and requests <= REQUESTS_BUDGET,
    }


def client_fetch(host="localhost"):
    """A fetch through Django's test client (the application, no nginx in between)."""
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.test import Client

    client = Client(HTTP_HOST=host)

    def fetch(url):
        path = urlsplit(url).path
        if path.startswith(settings.STATIC_URL):
            # What nginx serves from the collected files; the application does not serve them.
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if found:
                with open(found, "rb") as file:
                    return 200, file.read()
            return 404, b""
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, body

    return fetch


def page_weights(urls, locales=("en", "ru"), fetch=None):
    """{kind: {locale: weight}} for `urls` ({kind: "/en/..."}), each also under the other
    locales' prefixes (the same page type, translated; missing translations answer 404 and say
    so in "status")."""
    fetch = fetch or client_fetch()
    result = {}
    for kind, url in urls.items():
        result[kind] = {}
        for locale in locales:
            localised = re.sub(r"^/[a-z]{2}/", f"/{locale}/", url)
            result[kind][locale] = weigh(fetch, localised)
    return result

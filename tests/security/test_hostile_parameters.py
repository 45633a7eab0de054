"""Hostile query strings and form bodies on every public page type and form, found by
hypothesis: NUL bytes, bytes that are not UTF-8, lone surrogates (`%ED%A0%80`), overlong values,
repeated parameters and `name[]` arrays, mixed with any text at all. None may answer 5xx, and a
refused form saves nothing.

Every parameter meets every named hostile value in test_hostile_input.py; this explores what
nobody named. The examples are bounded (each request renders a page) so both tests together take
well under 30 seconds.
"""

from urllib.parse import quote, quote_from_bytes

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.letters.conftest import letters  # noqa: F401 - fixture
from tests.security.hostile_helpers import row_counts
from tests.security.public_site import (  # noqa: F401 - fixtures
    conversation_fixture,
    lenient_client_fixture,
    parameters,
    public_site_fixture,
    query,
    valid_body,
)
from tests.stories.sealing_helpers import received_count

# Bytes a lenient_client never sends in these places, percent-encoded as a scanner sends them.
HOSTILE_BYTES = [b"\x00", b"a\x00b", b"\xff\xfe", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80", b"%"]
HOSTILE_TEXT = ["9" * 5000, "x" * 20_000, "-1", "0", "1e9", "99999999999999999999", "😀", "'\"<>"]


def raw(value):
    return quote_from_bytes(value) if isinstance(value, bytes) else quote(value)


def _no_surrogates(text):
    return not any("\ud800" <= char <= "\udfff" for char in text)


# A hostile value: hostile bytes alone or after some text, or any bytes at all.
hostile_values = st.one_of(
    st.sampled_from(HOSTILE_BYTES).map(raw),
    st.tuples(st.text(max_size=8).filter(_no_surrogates), st.sampled_from(HOSTILE_BYTES)).map(
        lambda pair: raw(pair[0]) + raw(pair[1])
    ),
    st.binary(min_size=1, max_size=40).map(raw),
)
# Any raw (percent-encoded) value: hostile, hostile text, or any text.
raw_values = st.one_of(
    hostile_values,
    st.sampled_from(HOSTILE_TEXT).map(raw),
    st.text(max_size=40).filter(_no_surrogates).map(raw),
)

BOUNDED = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@BOUNDED
@given(data=st.data())
def test_no_query_string_makes_a_public_page_fail(public_site, lenient_client, data):
    url, first = data.draw(st.sampled_from(parameters(public_site["pages"])), label="parameter")
    names = public_site["pages"][url]
    # Repeated names, arrays (`name[]`) and names the page does not know.
    name = st.sampled_from([*names, *(f"{n}[]" for n in names), "x%00", "%ff"])
    params = [(first, data.draw(raw_values, label="value"))]
    params += data.draw(st.lists(st.tuples(name, raw_values), max_size=3), label="more")
    before = row_counts()
    response = lenient_client.get(f"{url}?{query(params)}", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code < 500, (url, params, response.status_code)
    assert row_counts() == before


@settings(BOUNDED, max_examples=80)
@given(data=st.data())
def test_no_form_body_makes_a_public_form_fail(public_site, conversation, lenient_client, data):
    url = data.draw(st.sampled_from(sorted(public_site["forms"])), label="form")
    # A valid answer, captcha solved (on the status page: the code of a real conversation), with
    # some fields replaced by hostile values: so that they go as far into the form as they can.
    valid = valid_body(public_site, lenient_client, url)
    hostile = data.draw(
        st.dictionaries(
            st.sampled_from(public_site["forms"][url]),
            st.lists(raw_values, min_size=1, max_size=3),
            min_size=1,
            max_size=3,
        ),
        label="hostile",
    )
    body = [(name, raw(value)) for name, value in valid.items() if name not in hostile]
    body += [(name, value) for name, values in hostile.items() for value in values]
    before, queued = row_counts(), received_count()
    response = lenient_client.post(
        url, query(body), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500, (url, hostile, response.status_code)
    after = row_counts()
    if response.status_code >= 400:
        assert after == before, (url, hostile)
    # At most the one story, letter, application or answer this body describes, never a
    # half-saved other, and nothing in another form's tables.
    assert received_count() - queued <= 1
    assert sum(after.values()) - sum(before.values()) <= 1, (url, hostile, before, after)

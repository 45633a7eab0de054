"""Two gunicorn instances behind the edge nginx, sharing PostgreSQL and Redis: the limits meant
to protect the whole site hold whichever instance answers, and the one limit that does not is the
documented cost of keeping the rate limiter's secret out of Redis (site/SCALE-OUT.md).

Per-address counters are keyed by an HMAC under a secret that lives only in each instance's memory
(cms/core/ratelimit.py), so Redis alone cannot test an address; a visitor therefore gets the
per-address limit once per instance. The global budgets are plain shared counters. nginx runs one
worker, whose round robin alternates strictly between the two instances.
"""

from tests.scale.stack import fresh_minute

TELL = "/en/stories/tell/"
LOGIN = "/admin/login/"


def _refused_form(visitor):
    # Only a title: the form refuses it (200 with the errors), counted in the refused budget.
    return {"csrfmiddlewaretoken": visitor.csrf_token(TELL), "title": "Limits"}


def test_the_refused_budget_is_shared_by_both_instances(two_instances):
    """Refused POSTs: 10 a minute for the whole site (set by the fixture), from any address."""
    stack = two_instances
    visitors = [stack.visitor(number) for number in range(2, 14)]
    forms = [_refused_form(visitor) for visitor in visitors]
    fresh_minute()

    statuses = [visitor.post(TELL, form) for visitor, form in zip(visitors, forms, strict=True)]

    # Alternating instances: the budget is spent after ten, wherever they landed, and both
    # instances then refuse.
    assert statuses == [200] * 10 + [429, 429], stack.log_tails()


def test_one_address_gets_the_per_address_limit_once_per_instance(two_instances):
    """3 POSTs an hour per address and instance; the cost of a secret held only in memory."""
    stack = two_instances
    visitor = stack.visitor(20)
    forms = [_refused_form(visitor) for _ in range(3)]
    fresh_minute()

    statuses = [visitor.post(TELL, forms[i % 3]) for i in range(4)]

    assert statuses[:2] == [200, 200], stack.log_tails()
    # Both instances refuse once each has counted three: at most 2 x 3 in all, never more.
    more = [visitor.post(TELL, forms[0]) for _ in range(4)]
    assert (statuses + more).count(200) == 6, stack.log_tails()
    assert more[-2:] == [429, 429]
    # Nothing in Redis names the address or the secret its counters were keyed with.
    client = stack.cache()._cache.get_client()
    for key in client.keys("*"):
        assert b"127.0.0.20" not in key
        value = client.get(key) or b""
        assert b"127.0.0.20" not in value


def test_staff_sign_in_throttle_holds_across_both_instances(two_instances):
    """Two failed passwords per address and account (set by the fixture) on each instance, then
    locked on both: like the story form's, the address's counter is keyed by each instance's own
    secret."""
    stack = two_instances
    visitor = stack.visitor(9)
    form = {
        "csrfmiddlewaretoken": visitor.csrf_token(LOGIN),
        "username": "admin",
        "password": "not the password",
    }

    attempts = [visitor.post(LOGIN, form) for _ in range(6)]

    assert attempts == [200, 200, 200, 200, 429, 429], stack.log_tails()
    answered = stack.answers("POST", LOGIN, total=6)
    assert all(statuses.count(200) == 2 and 429 in statuses for statuses in answered), answered
    # Another address may still try the same account: only the per-address lock is reached.
    elsewhere = stack.visitor(10)
    form["csrfmiddlewaretoken"] = elsewhere.csrf_token(LOGIN)
    assert elsewhere.post(LOGIN, form) == 200

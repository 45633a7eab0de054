"""Two gunicorn instances behind the edge nginx, sharing PostgreSQL and Redis: the limits meant
to protect the site hold for the whole site, whichever instance answers.

With a per-process cache each instance would count on its own, and would even hash addresses
under its own daily secret (cms/core/ratelimit.py): a visitor would get the limit once per instance.
The instances' access logs tell which one answered each request.
"""

from tests.scale.stack import fresh_minute

TELL = "/en/stories/tell/"
LOGIN = "/admin/login/"


def test_story_form_limits_hold_across_both_instances(two_instances):
    """Per address 3 an hour, 5 a minute in all (set by the fixture)."""
    stack = two_instances
    visitors = {number: stack.visitor(number) for number in range(2, 7)}
    forms = {
        number: {"csrfmiddlewaretoken": visitor.csrf_token(TELL), "title": "Limits"}
        for number, visitor in visitors.items()
    }
    minute = fresh_minute()

    # One address: three POSTs counted, whichever instance took them, then refused by both.
    burst = [visitors[2].post(TELL, forms[2]) for _ in range(5)]
    # Four others: the two that fit under the global cap pass, then everybody is refused.
    others = [visitors[number].post(TELL, forms[number]) for number in (3, 4, 5, 6)]

    assert burst == [200, 200, 200, 429, 429], stack.log_tails()
    assert others == [200, 200, 429, 429], stack.log_tails()
    answered = stack.answers("POST", TELL, total=9)
    assert all(200 in statuses and 429 in statuses for statuses in answered), answered
    assert sum(statuses.count(200) for statuses in answered) == 5
    # The counters are in Redis, where this process finds them too: every POST that reached the
    # global counter, the five allowed and the two it refused.
    assert stack.cache().get(f"ratelimit:global:story-submit:{minute}") == 7


def test_staff_sign_in_throttle_holds_across_both_instances(two_instances):
    """Two failed passwords per address and account (set by the fixture), then locked."""
    stack = two_instances
    visitor = stack.visitor(9)
    form = {
        "csrfmiddlewaretoken": visitor.csrf_token(LOGIN),
        "username": "admin",
        "password": "not the password",
    }

    attempts = [visitor.post(LOGIN, form) for _ in range(4)]

    assert attempts == [200, 200, 429, 429], stack.log_tails()
    answered = stack.answers("POST", LOGIN, total=4)
    assert all(429 in statuses for statuses in answered), answered
    # Another address may still try the same account: only the per-address lock is reached.
    elsewhere = stack.visitor(10)
    form["csrfmiddlewaretoken"] = elsewhere.csrf_token(LOGIN)
    assert elsewhere.post(LOGIN, form) == 200

"""When PostgreSQL is unreachable (a restart, a failover), readers and contributors get a clear
503 page in their language that needs no database, never a generic error or a trace; someone
who was sending a form is told that nothing arrived and how to send it again."""

import pytest
from django.db import OperationalError
from django.test import Client
from wagtail.models import Site


@pytest.fixture
def database_down(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    # Wagtail's first database access for every page request.
    monkeypatch.setattr(Site, "find_for_request", unreachable)


def test_a_reader_gets_a_503_in_their_language(world, database_down):
    response = Client(raise_request_exception=False).get("/ru/stories/")
    assert response.status_code == 503
    text = response.content.decode()
    assert "Сайт ненадолго недоступен" in text
    assert "Попробуйте ещё раз через минуту." in text
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_someone_sending_a_story_is_told_nothing_arrived(world, database_down):
    client = Client(raise_request_exception=False, enforce_csrf_checks=False)
    response = client.post("/uk/stories/tell/", {"title": "x"})
    assert response.status_code == 503
    text = response.content.decode()
    assert "до нас не дійшло" in text
    assert "квитанц" in text
    assert "Traceback" not in text and "OperationalError" not in text


def test_an_unreachable_redis_gets_the_same_clear_page(world, monkeypatch):
    from redis.exceptions import ConnectionError as RedisDown

    def unreachable(*args, **kwargs):
        raise RedisDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Site, "find_for_request", unreachable)
    response = Client(raise_request_exception=False).get("/de/stories/")
    assert response.status_code == 503
    assert "Die Website ist kurz nicht erreichbar" in response.content.decode()


def test_other_errors_still_get_the_ordinary_error_page(world, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(Site, "find_for_request", broken)
    response = Client(raise_request_exception=False).get("/en/stories/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()

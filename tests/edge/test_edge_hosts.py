"""Through the edge cache under three doors (cms/core/hosts.py): nginx keeps a copy per host,
each naming only its own host, and a publish purges every one of them."""

import pytest

from cms.core.models import StandardPage
from tests.builders import World, make_page

PRIMARY, ONION, MIRROR = "localhost", "pphnyexample2ad.onion", "mirror-one.example.net"


@pytest.fixture
def doors(edge, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION, MIRROR]
    settings.PRIMARY_HOST = PRIMARY
    settings.ONION_HOST = ONION
    settings.MIRROR_HOSTS = [MIRROR]
    return edge


def test_each_door_has_its_own_copy_and_a_publish_purges_all(doors):
    world = World.load()
    page = make_page(world.homes["en"], StandardPage, "Door before", slug="door", publish=True)
    copies = {}
    for host in (PRIMARY, ONION, MIRROR):
        first = doors.get("/en/door/", headers={"Host": host})
        second = doors.get("/en/door/", headers={"Host": host})
        assert first.status == 200 and second.cache == "HIT", (host, second.cache)
        copies[host] = second.text
    for host, text in copies.items():
        assert f'href="http://{host}/en/door/"' in text, host
        others = [other for other in (PRIMARY, ONION, MIRROR) if other != host]
        assert not [other for other in others if f"//{other}" in text], host
    assert doors.get("/en/door/", headers={"Host": PRIMARY}).headers.get("Onion-Location")
    assert "Onion-Location" not in doors.get("/en/door/", headers={"Host": ONION}).headers

    page.title = "Door after"
    page.save_revision().publish(skip_permission_checks=True)

    for host in (PRIMARY, ONION, MIRROR):
        after = doors.get("/en/door/", headers={"Host": host})
        assert after.cache == "MISS", host
        assert "Door after" in after.text and "Door before" not in after.text, host

import pytest


@pytest.mark.parametrize("language", ["en", "ru", "uk", "de", "fr", "cs"])
def test_every_locale_home_answers_under_its_prefix(client, world, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()

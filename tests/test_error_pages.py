"""Error pages speak Indonesian, even to a browser that asks for English."""

from django.test import override_settings


def test_404_is_indonesian_for_english_browser(world, login):
    client = login(world.garut.opd)
    response = client.get("/r/tegal/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Halaman tidak ditemukan" in body
    assert "<title>" in body


def test_403_is_indonesian(world, login):
    client = login(world.garut.opd)
    response = client.get("/r/garut/people/add/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


@override_settings(DEBUG=False)
def test_login_page_stays_indonesian_for_english_browser(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'lang="id"' in response.content.decode()

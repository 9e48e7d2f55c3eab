"""Login, logout, password change and reset pages, in Indonesian; and the region navigation."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD


def html(response):
    return response.content.decode()


def test_login_page_has_title_labels_and_works_on_a_phone(client, db):
    page = client.get(reverse("login"))
    text = html(page)
    assert page.status_code == 200
    assert "<title>Masuk · Masterplan Smart City</title>" in text
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in text
    assert text.count("<h1") == 1
    assert re.search(r'<label[^>]*for="id_username"', text) and re.search(r'<label[^>]*for="id_password"', text)
    assert 'autocomplete="username"' in text and 'autocomplete="current-password"' in text
    assert "Lupa kata sandi?" in text


def test_login_with_wrong_password_shows_indonesian_error_and_keeps_username(client, world):
    page = client.post(reverse("login"), {"username": "opd-garut", "password": "salah"})
    assert page.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in html(page)
    assert 'value="opd-garut"' in html(page)


def test_login_then_dashboard_then_logout(client, world):
    response = client.post(reverse("login"), {"username": "opd-garut", "password": PASSWORD})
    assert response["Location"] == reverse("dashboard")
    assert "Kabupaten Garut" in html(client.get(reverse("dashboard")))
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("login"))


def test_logged_out_page(client, world, settings):
    settings.LOGOUT_REDIRECT_URL = None
    client.force_login(world.garut.opd)
    page = client.post(reverse("logout"))
    assert page.status_code == 200 and "Anda sudah keluar" in html(page)


def test_password_change_pages(login, world):
    client = login(world.garut.opd)
    page = client.get(reverse("password_change"))
    assert "<title>Ganti kata sandi" in html(page)
    response = client.post(
        reverse("password_change"),
        {"old_password": "salah", "new_password1": "Baru-Sekali-2024", "new_password2": "Baru-Sekali-2024"},
    )
    assert response.status_code == 200 and "Data belum tersimpan" in html(response)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Baru-Sekali-2024", "new_password2": "Baru-Sekali-2024"},
        follow=True,
    )
    assert "Kata sandi Anda sudah diganti" in html(response)


def test_password_reset_mail_is_indonesian_with_a_working_link(client, world, mailoutbox):
    page = client.get(reverse("password_reset"))
    assert "<title>Lupa kata sandi" in html(page)
    response = client.post(reverse("password_reset"), {"email": "opd-garut@example.go.id"}, follow=True)
    assert "Periksa surel Anda" in html(response)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.subject == "Buat kata sandi baru — Masterplan Smart City"
    assert "Nama pengguna Anda: opd-garut" in mail.body
    link = re.search(r"https?://testserver(/accounts/reset/\S+)", mail.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "Baru-Sekali-2024", "new_password2": "Baru-Sekali-2024"}, follow=True
    )
    assert "Kata sandi Anda sudah tersimpan" in html(response)
    assert client.login(username="opd-garut", password="Baru-Sekali-2024")


def test_invalid_reset_link_says_so(client, world):
    page = client.get(reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "salah-token"}))
    assert "Tautan ini tidak berlaku lagi" in html(page)


@pytest.mark.parametrize(
    "who,sees_people,label",
    [
        ("opd", False, "Perwakilan OPD"),
        ("dewan", False, "Anggota Dewan Smart City"),
        ("diskominfo", True, "Staf Diskominfo"),
    ],
)
def test_region_nav_depends_on_role_and_marks_current_page(login, world, who, sees_people, label):
    page = login(getattr(world.garut, who)).get(reverse("agency_list", args=["garut"]))
    nav = html(page).split("<main", 1)[0]
    assert (reverse("people_list", args=["garut"]) in nav) is sees_people
    assert f"({label})" in nav
    assert re.search(r'href="/r/garut/agencies/" aria-current="page"', nav)

"""Links in e-mails point at the address the app was reached by (the request's scheme and host),
and at SITE_URL when no request is being served (a worker, a command): masterplan.links."""

import re

import pytest
from django.urls import reverse

from masterplan.links import absolute_url
from masterplan.notifications.services import notify


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "10.1.2.3", "smartcity.example.go.id"]
    settings.SITE_URL = "http://site-url.example/"


def test_outside_a_request_links_take_site_url(world, hosts, mailoutbox, django_capture_on_commit_callbacks):
    assert absolute_url("/r/garut/") == "http://site-url.example/r/garut/"
    assert absolute_url("r/garut/") == "http://site-url.example/r/garut/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
    with django_capture_on_commit_callbacks(execute=True):
        notify([world.expert], "other", "Dari worker", "/r/garut/books/")
    assert "Buka: http://site-url.example/r/garut/books/" in mailoutbox[0].body
    assert "http://site-url.example/notifications/" in mailoutbox[0].body


def test_mails_sent_while_serving_a_request_link_to_its_address(
    world, hosts, login, client, mailoutbox, django_capture_on_commit_callbacks
):
    # An invitation, over HTTPS on the public name.
    diskominfo = login(world.garut.diskominfo)
    with django_capture_on_commit_callbacks(execute=True):
        diskominfo.post(
            reverse("people_add", args=["garut"]),
            {"username": "baru", "full_name": "Baru", "email": "baru@example.go.id", "role": "dewan"},
            HTTP_HOST="smartcity.example.go.id",
            secure=True,
        )
    (invite,) = mailoutbox
    assert re.search(r"https://smartcity\.example\.go\.id/accounts/reset/\S+/\S+/", invite.body)
    assert "https://smartcity.example.go.id/accounts/login/" in invite.body

    # A notification (a new comment), served on a LAN address with a port.
    expert = login(world.expert)
    section = world.garut.env_section
    with django_capture_on_commit_callbacks(execute=True):
        expert.post(
            reverse("section_review", args=["garut", section.pk]),
            {"op": "comment", "text": "Data dukung?"},
            HTTP_HOST="10.1.2.3:8000",
        )
    notification_mail = mailoutbox[-1]
    assert f"Buka: http://10.1.2.3:8000/r/garut/sections/{section.pk}/" in notification_mail.body
    assert "site-url.example" not in notification_mail.body

    # A password reset, asked for on the public name.
    client.logout()
    client.post(reverse("password_reset"), {"email": world.garut.opd.email}, HTTP_HOST="smartcity.example.go.id")
    assert re.search(r"^https?://smartcity\.example\.go\.id/accounts/reset/\S+/\S+/$", mailoutbox[-1].body, re.M)

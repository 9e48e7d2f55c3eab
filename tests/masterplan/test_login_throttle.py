"""Login throttling (masterplan.login_throttle, django-axes): too many wrong passwords for an account,
or from an address, refuse even the right one, on the app's login and the admin's, with a message
saying until when; a site administrator unlocks in the admin."""

import re
from datetime import timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masterplan.formats import format_time
from tests.factories import PASSWORD

LOCKED = "Terlalu banyak percobaan masuk yang gagal"


def _post_login(client, username, password, address="10.0.0.1", url=None, **headers):
    return client.post(
        url or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def _fail(client, username, times, address="10.0.0.1", url=None, **headers):
    for _ in range(times):
        response = _post_login(client, username, "salah", address, url, **headers)
    return response


def _logged_in(client):
    return client.get(reverse("dashboard")).status_code == 200


def test_wrong_passwords_lock_the_account_until_a_named_time(world, settings):
    limit = settings.LOGIN_FAILURE_LIMIT_ACCOUNT
    client = Client()
    before = _fail(client, "opd-garut", limit - 1)
    assert before.status_code == 200 and LOCKED not in before.content.decode()

    locking = _fail(client, "opd-garut", 1)  # the last allowed failure already says so
    assert locking.status_code == 429 and LOCKED in locking.content.decode()

    response = _post_login(client, "opd-garut", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    page = response.content.decode()
    latest = AccessAttempt.objects.get(username="opd-garut").attempt_time
    until = latest + timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    assert f"sampai pukul {format_time(until)}" in page
    assert "Nama pengguna atau kata sandi salah" not in page  # the password was right
    assert 'value="opd-garut"' in page  # the form is still there, filled in
    assert 0 < int(response["Retry-After"]) <= settings.LOGIN_COOLOFF_MINUTES * 60

    # From another address the account is locked too; another account from another address is not.
    assert _post_login(Client(), "opd-garut", PASSWORD, address="10.0.0.2").status_code == 429
    other = Client()
    assert _post_login(other, "diskominfo-garut", PASSWORD, address="10.0.0.2").status_code == 302
    assert _logged_in(other)

    # Once the failures are as old as the cool-off, the right password works again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES))
    assert _post_login(client, "opd-garut", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_an_address_is_locked_across_accounts_at_its_own_higher_limit(world, settings):
    settings.LOGIN_FAILURE_LIMIT_ADDRESS = 2 * settings.LOGIN_FAILURE_LIMIT_ACCOUNT
    client = Client()
    # One wrong password each for many names: no account reaches its limit, the address does.
    # X-Real-IP from a client is not believed without a proxy that sets it (CLIENT_IP_HEADER).
    for n in range(settings.LOGIN_FAILURE_LIMIT_ADDRESS - 1):
        response = _post_login(client, f"tebakan-{n}", "salah", HTTP_X_REAL_IP=f"192.0.2.{n}")
        assert response.status_code == 200
    assert _post_login(client, "opd-garut", PASSWORD).status_code == 302  # below the address's limit
    client.post(reverse("logout"))
    assert _post_login(client, "tebakan-x", "salah").status_code == 429
    assert _post_login(client, "dewan-garut", PASSWORD).status_code == 429
    assert _post_login(Client(), "dewan-garut", PASSWORD, address="10.0.0.9").status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_names(world, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    _fail(Client(), "opd-garut", 1, address="172.18.0.5", HTTP_X_REAL_IP="203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_the_admin_login_is_throttled_and_an_administrator_unlocks(world, settings, login):
    url = reverse("admin:login")
    client = Client()
    _fail(client, "opd-garut", settings.LOGIN_FAILURE_LIMIT_ACCOUNT, url=url)
    assert _post_login(client, "admin", PASSWORD, url=url).status_code == 302  # only opd-garut is locked
    _fail(Client(), "admin", settings.LOGIN_FAILURE_LIMIT_ACCOUNT, address="10.0.0.3", url=url)
    refused = _post_login(Client(), "admin", PASSWORD, address="10.0.0.3", url=url)
    assert refused.status_code == 429 and LOCKED in refused.content.decode()
    assert _post_login(Client(), "opd-garut", PASSWORD).status_code == 429

    # Another site administrator unlocks opd-garut: the access attempts in the admin, deleted.
    staff = login(get_user_model().objects.create_superuser("admin2", "admin2@example.go.id", PASSWORD))
    changelist = reverse("admin:axes_accessattempt_changelist")
    listing = staff.get(changelist, {"q": "opd-garut"})
    assert listing.status_code == 200
    ids = [str(pk) for pk in AccessAttempt.objects.filter(username="opd-garut").values_list("pk", flat=True)]
    assert ids and all(re.search(rf'value="{pk}"', listing.content.decode()) for pk in ids)
    confirmed = staff.post(changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert confirmed.status_code == 302
    assert _post_login(Client(), "opd-garut", PASSWORD).status_code == 302
    assert _post_login(Client(), "admin", PASSWORD, address="10.0.0.3", url=url).status_code == 429  # still

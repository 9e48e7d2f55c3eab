"""Login throttling with django-axes, on the app's login page and the admin's.

Failed logins are counted per account and per address (settings: LOGIN_FAILURE_LIMIT_ACCOUNT,
LOGIN_FAILURE_LIMIT_ADDRESS, LOGIN_COOLOFF_MINUTES). Reaching either limit refuses every login of
that account, or from that address, even with the right password, until the failures are
LOGIN_COOLOFF_MINUTES old; the login form says until when (``LockoutMessageMixin``) and the answer
is 429. A site administrator unlocks in the admin (Axes, "Access attempts": delete the account's
rows) or with ``manage.py axes_reset_username NAME`` / ``axes_reset_ip ADDRESS``.
"""

from datetime import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django import forms
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formats import format_time


class ThrottleBackend(AxesStandaloneBackend):
    """Axes' check, before the password is. A login without a request (a shell, a script, the test
    client) does not come over the web: there is nothing to throttle."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the header a trusted reverse proxy sets
    (CLIENT_IP_HEADER; docker-compose's nginx: X-Real-IP). Behind a proxy REMOTE_ADDR is the
    proxy's, which would put every user on one address."""
    return request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR")


def _limits():
    """The limit of each lockout parameter, in the order of AXES_LOCKOUT_PARAMETERS."""
    own = {"username": settings.LOGIN_FAILURE_LIMIT_ACCOUNT, "ip_address": settings.LOGIN_FAILURE_LIMIT_ADDRESS}
    return [own[parameter] for parameter in settings.AXES_LOCKOUT_PARAMETERS]


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per parameter. Axes compares one count with one limit
    (AXES_FAILURE_LIMIT, the account's), so an address's count is scaled to it: either reaching
    its own limit locks."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return max(
            (count * settings.AXES_FAILURE_LIMIT // limit for count, limit in zip(counts, _limits(), strict=True)),
            default=0,
        )

    def locked_until(self, request, credentials=None) -> datetime | None:
        """When the refusal ends: for each parameter at its limit, the failures expire newest
        last, so it ends when the one that brought the count to the limit is LOGIN_COOLOFF_MINUTES
        old."""
        ends = []
        for attempts, limit in zip(self.get_user_attempts(request, credentials), _limits(), strict=True):
            total = 0
            for attempt_time, failures in attempts.order_by("-attempt_time").values_list(
                "attempt_time", "failures_since_start"
            ):
                total += failures
                if total >= limit:
                    ends.append(attempt_time + get_cool_off(request))
                    break
        return max(ends, default=None)


class LockoutMessageMixin:
    """For an AuthenticationForm: when the throttle refused, the form's error says so and until
    when, instead of "wrong password" (the password may well have been right)."""

    def get_invalid_login_error(self):
        if not getattr(self.request, "axes_locked_out", False):
            return super().get_invalid_login_error()
        until = ThrottleHandler().locked_until(self.request, {"username": self.cleaned_data.get("username")})
        if until is None:  # unlocked meanwhile (an administrator): no time to name
            until = timezone.now()
        minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
        return forms.ValidationError(
            _(
                "Terlalu banyak percobaan masuk yang gagal untuk akun ini atau dari alamat jaringan ini. "
                "Demi keamanan, masuk ditahan sampai pukul %(time)s (sekitar %(minutes)s menit lagi); "
                "coba lagi setelah itu. Lupa kata sandi? Buat yang baru lewat tautan di bawah, lalu masuk "
                "setelah pukul tersebut. Administrator situs dapat membuka kunci lebih awal."
            ),
            code="locked_out",
            params={"time": format_time(until), "minutes": minutes},
        )


def lockout_response(request, original_response, credentials):
    """Axes' answer to a refused login: the login page as rendered, with the form's message
    (LockoutMessageMixin), as 429 Too Many Requests with the seconds to wait."""
    original_response.status_code = 429
    until = ThrottleHandler().locked_until(request, credentials)
    if until is not None:
        original_response["Retry-After"] = str(max(1, int((until - timezone.now()).total_seconds())))
    return original_response

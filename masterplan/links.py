"""Absolute links, for what leaves the app: e-mails (invitations, password resets,
notifications). ``absolute_url`` is the one way to build them.

While a request is served (``masterplan.middleware.CurrentRequestMiddleware`` marks it with
``serving``), a link takes the request's scheme and host (checked against ALLOWED_HOSTS by
Django), so mail sent from http://10.0.0.5:8000 or https://smartcity.example.go.id links back
there. Outside a request (a Celery worker, a management command) it takes ``settings.SITE_URL``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest

_current_request: ContextVar[HttpRequest | None] = ContextVar("masterplan_current_request", default=None)


@contextmanager
def serving(request: HttpRequest) -> Iterator[None]:
    """While the block runs, ``absolute_url`` builds links from this request."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """The absolute URL of a site path such as ``/r/garut/stages/1/`` (an absolute URL is kept).

    From ``request`` when given, else from the request being served, else from SITE_URL."""
    if not path or path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = f"/{path}"
    request = request or _current_request.get()
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{settings.SITE_URL.rstrip('/')}{path}"

"""Request middleware of the project."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from masterplan.links import serving


class CurrentRequestMiddleware:
    """Marks the request being served, so links in the mails it sends (built by
    ``masterplan.links.absolute_url``, also in on-commit callbacks) point at the address the
    user reached the app by, not at a configured one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with serving(request):
            return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Refuse a request body above settings.REQUEST_MAX_BYTES from its Content-Length, before
    anything reads it. docker-compose's nginx refuses the same size; this holds where Django is
    reached without it (`make run`, gunicorn alone). Django's own limit leaves uploaded files out,
    which would otherwise be written to a temporary file whatever their size."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            page = render_to_string("413.html", {"max_mb": settings.UPLOAD_MAX_MB})
            return HttpResponse(page, status=413)
        return self.get_response(request)

"""Middleware of the project."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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

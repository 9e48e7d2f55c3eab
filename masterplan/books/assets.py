"""Where the print assets (stylesheet, fonts) are: static/print/, found through the static files
finders (the source tree in development, STATIC_ROOT after collectstatic)."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

PRINT_STATIC = "print"


def print_static_dir() -> Path:
    """The folder of the print stylesheet and fonts (static/print/), used as the base URL."""
    found = finders.find(f"{PRINT_STATIC}/book.css")
    if found:
        return Path(found).parent
    return Path(settings.STATIC_ROOT) / PRINT_STATIC

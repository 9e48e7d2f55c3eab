from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from masterplan import access
from masterplan.selectors import region_cards


@login_required
def dashboard(request):
    """The user's regions. A user with one region goes straight to it."""
    regions = access.visible_regions(request.user)
    cards = region_cards(regions)
    if len(cards) == 1 and not request.user.is_superuser:
        return redirect(cards[0]["region"])
    return render(request, "masterplan/dashboard.html", {"cards": cards, "title": _("Beranda")})

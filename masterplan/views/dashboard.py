from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dimensions.models import Section
from dimensions.selectors import section_counts_by_region
from masterplan import access
from masterplan.models import Role
from masterplan.national.views import national_table
from masterplan.selectors import region_cards

CARDS_PER_PAGE = 12


@login_required
@require_safe  # a page to read: a POST is refused, like every read URL's
def dashboard(request):
    """The user's regions. Who follows many (an expert, the coordinator, the site administrator)
    gets the national page's table: filtered, sorted, paged. A region's own people get cards with
    counts, and an OPD representative the dimensions their agency works on (paged too).

    A fixed number of queries whatever the number of regions."""
    if access.sees_national_view(request.user):
        context = national_table(request)
        context["title"] = _("Beranda")
        return render(request, "masterplan/dashboard_national.html", context)
    page = Paginator(access.visible_regions(request.user).order_by("name", "pk"), CARDS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    cards = region_cards(access.visible_regions(request.user).filter(pk__in=[r.pk for r in page.object_list]))
    section_counts = section_counts_by_region(c["masterplan"] for c in cards if c["masterplan"] is not None)
    opd_agencies = {}  # agency id -> region id, for OPD representatives
    for card in cards:
        m = access.membership(request.user, card["region"])  # cached: no query per region
        card["role"] = m.role if m else (access.ADMIN if request.user.is_superuser else None)
        card["role_label"] = m.get_role_display() if m else _("Administrator situs")
        card["agency"] = m.agency if m else None
        card["can_manage"] = access.can(request.user, access.MANAGE, card["region"])
        card["my_sections"] = []
        card["section_count"], card["approved_count"] = section_counts.get(card["region"].pk, (0, 0))
        if m and m.role == Role.OPD:
            opd_agencies[m.agency_id] = m.region_id
    # The OPD representative's own work: their agency's sections in the current masterplans.
    plans = [c["masterplan"].pk for c in cards if c["masterplan"] is not None]
    if opd_agencies and plans:
        by_region = {c["region"].pk: c for c in cards}
        sections = (
            Section.objects.filter(agency_id__in=opd_agencies, masterplan_id__in=plans)
            .select_related("dimension")
            .order_by("dimension__order")
        )
        for section in sections:
            card = by_region.get(opd_agencies[section.agency_id])
            if card is not None:
                card["my_sections"].append(section)
    return render(request, "masterplan/dashboard.html", {"cards": cards, "page_obj": page, "title": _("Beranda")})

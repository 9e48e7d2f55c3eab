"""The national page (*Pantauan Nasional*), its exports, and the coordinator's assignment of
experts to a region. Thin: masterplan.access decides, the selectors read, the services write."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_safe

from dimensions.selectors import all_dimensions
from masterplan import access, formats, pagecache, services
from masterplan.apps import FILTER_CHOICES_SCOPE
from masterplan.lookups import is_id
from masterplan.selectors import expert_candidates, region_experts

from . import exports
from .forms import NationalFilterForm
from .selectors import (
    PAGE_SIZE,
    ROW_STATUS,
    STAGE_DONE,
    NationalPage,
    RegionRow,
    active_book_count,
    dimension_comparison,
    expert_choices,
    national_regions,
    national_regions_page,
    page_rows_status,
    region_rows,
)


def _require_national(user):
    if not access.sees_national_view(user):
        raise PermissionDenied


SORT_COLUMNS = [
    ("name", _lazy("Daerah")),
    ("province", _lazy("Provinsi")),
    ("cohort", _lazy("Angkatan")),
    ("stage", _lazy("Tahap")),
    ("progress", _lazy("Disetujui")),
    ("reviews", _lazy("Menunggu tinjauan")),
    ("overdue", _lazy("Tahap terlambat")),
]


def national_table(request, *, page_size: int = PAGE_SIZE) -> dict:
    """The filtered, sorted, paged table of the regions the user follows: the national page's and
    the dashboard's. A fixed number of queries."""
    form = NationalFilterForm(request.GET, experts=expert_choices(request.user))
    filters = form.filters()
    dimensions = all_dimensions()
    found = national_regions_page(request.user, filters, request.GET.get("page"), page_size)
    sort_key, sort_desc = filters.sort.lstrip("-"), filters.sort.startswith("-")
    # A column's link sorts by it; on the column already sorted, it turns the order around.
    sort_columns = [
        (key, label, f"-{key}" if key == sort_key and not sort_desc else key) for key, label in SORT_COLUMNS
    ]
    rows = _rows(request.user, found, dimensions)
    return {
        "form": form,
        "national": found,
        "dimensions": dimensions,
        "page_obj": found.page,
        "rows": rows,
        # The rows' HTML (each the row template's output, escaped there) as one string: fifty
        # {{ row.html }} in a template loop cost a millisecond.
        "rows_html": mark_safe("\n".join(row.html for row in rows)),
        "filter_selects": form.select_options(
            pagecache.get_or_build_in_scope(
                FILTER_CHOICES_SCOPE, "national-filters", [request.user.pk, get_language()], form.model_choices
            )
        ),
        "can_assign_experts": access.can_assign_experts(request.user),
        "sort_columns": sort_columns,
        "sort_key": sort_key,
        "sort_desc": sort_desc,
        "today": timezone.localdate(),
    }


def _rows(user, found: NationalPage, dimensions: list) -> list[RegionRow]:
    """The page's rows, each with its HTML (``html``) and its region's status: from the page cache
    for the regions nothing was written in since (a row reads only its own region's data, the
    day, and its cohort's median), built for the others at once (a fixed number of queries)."""
    regions = found.page.object_list
    today = timezone.localdate()
    medians = hashlib.sha256(repr(sorted(found.medians.items())).encode(), usedforsecurity=False).hexdigest()[:16]
    vary = (today.isoformat(), access.can_assign_experts(user), get_language(), medians)

    def build(ids: list[int]) -> dict[int, tuple[dict, str]]:
        wanted = set(ids)
        shown = [r for r in regions if r.pk in wanted]
        page_rows_status(shown, found, today)
        template = get_template("national/_row.html")
        return {
            row.region.pk: ({k: getattr(row.region, k) for k in ROW_STATUS}, template.render({"row": row}))
            for row in _shown(region_rows(shown, dimensions), user)
        }

    parts = pagecache.get_or_build_many([r.pk for r in regions], "national-row", vary, build)
    rows = []
    for region in regions:
        status, html = parts[region.pk]
        region.__dict__.update(status)
        row = RegionRow(region)
        row.html = html
        rows.append(row)
    return rows


def _shown(rows: list, user) -> list:
    """What the table shows of each row, put together here rather than by template tags in the
    row loop (50 rows of some twenty cells: the tags were most of the page's time)."""
    can_assign = access.can_assign_experts(user)
    done, no_experts = _("Selesai"), _("Belum ada tenaga ahli")
    books = _("%(a)s dirender, %(b)s final dari %(n)s")
    book_count = active_book_count()
    # Reversed once with a stand-in slug (slugs are URL-safe): fifty reverses cost more.
    region_url, experts_url = (reverse(name, args=["-slug-"]) for name in ("region_detail", "national_region_experts"))
    for row in rows:
        r = row.region
        row.url, row.name, row.province = region_url.replace("-slug-", r.slug), r.full_name, r.province.name
        row.experts_url = experts_url.replace("-slug-", r.slug) if can_assign else ""
        row.experts_text = ", ".join(str(u) for u in row.experts) or no_experts
        if r.stage_key == STAGE_DONE:
            row.stage_text, row.stage_dates = done, ""
        elif r.stage_key:
            row.stage_text = _("Tahap %(n)s") % {"n": formats.roman(r.stage_key)}
            row.stage_dates = formats.date_range(r.stage_date) if r.stage_date else ""
        else:
            row.stage_text, row.stage_dates = "–", ""
        # One string for the six cells: a loop in the template costs more than the rest of the row.
        row.cells = format_html_join(
            "", '<td class="text-center small">{}/{}</td>', ((c.approved, c.total) for c in row.dimensions)
        )
        row.percent_text = "–" if row.percent is None else f"{row.percent}%"
        row.sections_text = f"{r.sections_approved}/{r.sections_total}"
        row.reviews_text, row.overdue_text, row.cohort = str(r.open_reviews), str(r.overdue_stages), str(r.cohort_id)
        row.comments_text = (
            ngettext("%(n)s komentar", "%(n)s komentar", r.open_comments) % {"n": r.open_comments}
            if r.open_comments
            else ""
        )
        row.books_text = books % {"a": r.books_rendered, "b": r.books_final, "n": book_count}
    return rows


def _comparison_rows(comparison) -> list[tuple]:
    """(dimension or None for the total, the row's figures, its amounts as (short, full) text):
    each amount shortened the Indonesian way (formats.format_short_number: "870,5 M", "2,35 T"),
    so the table fits a phone and a small amount is not shown as "0,00 T"; the full amount is the
    cell's title."""
    figures = [*comparison.dimensions, comparison.total]
    return [
        (
            d.dimension,
            d,
            [
                (formats.format_short_number(a).replace(" ", formats.NBSP), formats.format_rupiah(a))
                for a in [*d.by_source, d.unassigned, d.budget]
            ],
        )
        for d in figures
    ]


@login_required
@require_safe
def national_page(request):
    _require_national(request.user)
    context = national_table(request)
    found = context["national"]
    comparison = dimension_comparison(found.plan_ids, context["dimensions"], found.page.paginator.count, found.tokens)
    # Put together only when the HTML below is built (or a test reads them), not for each request.
    rows = SimpleLazyObject(lambda: _comparison_rows(comparison))
    context["comparison"], context["comparison_rows"] = comparison, rows
    # Its HTML kept under the sums' digest (and the reference data: dimension and source names).
    context["comparison_html"] = pagecache.get_or_build_reference(
        f"national-comparison:{comparison.digest}:{comparison.region_count}:{get_language()}",
        lambda: render_to_string("national/_comparison.html", {"comparison": comparison, "comparison_rows": rows}),
    )
    context["title"] = _("Pantauan Nasional")
    return render(request, "national/national.html", context)


@login_required
@require_safe
def national_export(request, fmt):
    """Every filtered row (not only the page's), as CSV or XLSX."""
    _require_national(request.user)
    form = NationalFilterForm(request.GET, experts=expert_choices(request.user))
    dimensions = all_dimensions()
    rows = region_rows(national_regions(request.user, form.filters()), dimensions)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(rows, dimensions), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(rows, dimensions),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="pantauan-nasional-{stamp}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def region_experts_page(request, slug):
    """The experts of one region: the coordinator (or the administrator) adds and removes them."""
    region = access.get_region(request.user, slug)  # 404 for a region the user may not read
    if not access.can_assign_experts(request.user):
        raise PermissionDenied
    if request.method == "POST":
        candidates = expert_candidates()
        user_id = request.POST.get("expert", "")
        user_id = user_id if is_id(user_id, any_column=True) else ""
        action = request.POST.get("action")
        try:
            if action == "add":
                expert = get_object_or_404(candidates, pk=user_id) if user_id else None
                if expert is None:
                    raise ValidationError(_("Pilih tenaga ahli."))
                services.expert_assign(region, expert, by=request.user)
                messages.success(request, _("%(u)s ditugaskan ke %(r)s.") % {"u": expert, "r": region})
            elif action == "remove":
                expert = get_object_or_404(region_experts(region), pk=user_id) if user_id else None
                if expert is None:
                    raise Http404
                services.expert_unassign(region, expert, by=request.user)
                messages.success(request, _("%(u)s tidak lagi ditugaskan ke %(r)s.") % {"u": expert, "r": region})
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("national_region_experts", slug=region.slug)
    experts = list(region_experts(region))
    return render(
        request,
        "national/region_experts.html",
        {
            "region": region,
            "experts": experts,
            "candidates": expert_candidates().exclude(pk__in=[e.pk for e in experts]),
            "title": _("Tenaga ahli %(r)s") % {"r": region},
        },
    )

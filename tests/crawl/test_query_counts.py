"""No main page's number of database queries grows with the number of entries or regions.

Each page is measured on the demo of ``seed_demo`` (four regions), then again after
``seed_demo --scale 3 --content-factor 3`` added three generated regions and ``garut-x3``, Garut
with three times its content. The same page of Garut must run exactly as many queries as before
(more regions elsewhere), the same page of ``garut-x3`` as many as Garut's (three times the
entries), and the expert's pages across all their
regions (dashboard, review queue, notifications) as many with eight regions as with four. Then
each page is held to a fixed maximum.

What the seed does not multiply (documents, people, participants, review comments and replies,
notifications, deleted entries) is added by this module: a little to Garut before the first count, three times as
much to garut-x3 (so an empty list, whose prefetches Django skips, is never compared with a full one)."""

import tempfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bimtek.models import Participant, Stage
from dimensions.models import GapItem, Program, Section, SwotEntry
from dimensions.review.models import ReviewComment
from masterplan.models import Document, Membership, Region, Role, User
from masterplan.notifications.models import Notification

from .conftest import DEMO_PASSWORD, seed, seeded_module

SCALE, CONTENT_FACTOR = 3, 3
BIG = f"garut-x{CONTENT_FACTOR}"  # the region with more content, same shape as garut


def _stage(slug, number):
    return Stage.objects.get(masterplan__region__slug=slug, number=number).pk


def _section(slug, **lookup):
    return (
        Section.objects.filter(masterplan__region__slug=slug, **lookup)
        .order_by("dimension__order", "agency__name")
        .values_list("pk", flat=True)
        .first()
    )


def _opd_section(slug):
    return _section(slug, agency__acronym="DLH", dimension__code="environment")


def _dlh(slug):
    return Region.objects.get(slug=slug).agencies.get(acronym="DLH").pk


def _submitted_section(slug):
    return _section(slug, state=Section.State.SUBMITTED)


# name -> (user role, the page's URL in region `slug`, fixed maximum, text the page shows of the
# added content). Roles are the demo users "<role>-<slug>"; "ahli" is the expert of every demo
# region. Each maximum is the count measured on SQLite and PostgreSQL (in the comment) plus 3, room
# for a small change to a page; the test that matters is that a count does not move at all between
# the small and the big demo.
REGION_PAGES = {
    "region overview": ("diskominfo", lambda s: reverse("region_detail", args=[s]), 18, None),  # 15
    "dimension index": ("diskominfo", lambda s: reverse("dimension_index", args=[s]), 21, None),  # 18
    "dimension detail": (
        "diskominfo",
        lambda s: reverse("dimension_detail", args=[s, "environment"]),
        31,
        None,  # 28
    ),
    "dimension detail (OPD)": (
        "opd",
        lambda s: reverse("dimension_detail", args=[s, "environment"]),
        33,
        None,  # 30
    ),
    "section workspace (OPD)": (
        "opd",
        lambda s: reverse("section_workspace", args=[s, _opd_section(s)]),
        34,
        "Sudah dilengkapi.",  # 31 (with the review conversation: 3)
    ),
    "section workspace (expert)": (
        "ahli",
        lambda s: reverse("section_workspace", args=[s, _opd_section(s)]),
        34,
        "Sudah dilengkapi.",  # 31 (with the review conversation: 3)
    ),
    "section review (expert)": (
        "ahli",
        lambda s: reverse("section_review", args=[s, _submitted_section(s)]),
        35,
        "Sudah dilengkapi.",  # 32 (with the review conversation: 3, instead of the status log: 1)
    ),
    "section history (OPD)": (
        "opd",
        lambda s: reverse("section_history", args=[s, _opd_section(s)]),
        20,
        lambda s: DELETED[s][-1],  # 17
    ),
    "agency detail": ("diskominfo", lambda s: reverse("agency_detail", args=[s, _dlh(s)]), 20, None),  # 17
    "progress matrix": ("diskominfo", lambda s: reverse("progress_matrix", args=[s]), 15, None),  # 12
    "consistency report": ("diskominfo", lambda s: reverse("consistency_report", args=[s]), 20, None),  # 17
    "stage list": ("diskominfo", lambda s: reverse("stage_list", args=[s]), 14, None),  # 11
    "stage detail": ("diskominfo", lambda s: reverse("stage_detail", args=[s, _stage(s, 1)]), 17, "Dokumen 5"),  # 14
    "participants": (
        "diskominfo",
        lambda s: reverse("participant_list", args=[s, _stage(s, 1)]),
        14,
        "Peserta 5",  # 11
    ),
    "agencies": ("diskominfo", lambda s: reverse("agency_list", args=[s]), 13, None),  # 10
    "people": ("diskominfo", lambda s: reverse("people_list", args=[s]), 12, "Staf 5"),  # 9
    "documents": ("diskominfo", lambda s: reverse("document_list", args=[s]), 12, "Dokumen 5"),  # 9
    "books": ("diskominfo", lambda s: reverse("book_list", args=[s]), 16, None),  # 13
    "narrative texts": ("diskominfo", lambda s: reverse("narrative_text_list", args=[s]), 13, None),  # 10
    "dashboard (Diskominfo)": ("diskominfo", lambda s: reverse("dashboard"), 14, None),  # 11
    "dashboard (OPD)": ("opd", lambda s: reverse("dashboard"), 15, None),  # 12
    "notifications (OPD)": ("opd", lambda s: reverse("notification_list"), 12, "Komentar 5"),  # 9
}

# The expert's pages over every assigned region, four regions and then eight: name -> (URL,
# fixed maximum, text the page shows of garut-x3's work).
EXPERT_PAGES = {
    "dashboard (expert)": (lambda: reverse("dashboard"), 24, f"/r/{BIG}/"),  # 21: the national table
    "review queue (expert)": (lambda: reverse("review_queue"), 14, f"/r/{BIG}/"),  # 11 (filter choices)
    "review queue, page 2 (expert)": (lambda: reverse("review_queue") + "?page=2", 14, f"/r/{BIG}/"),  # 11
    "review queue, one region (expert)": (lambda: reverse("review_queue") + f"?region={BIG}", 14, f"/r/{BIG}/"),  # 11
    "review queue, filtered (expert)": (
        lambda: reverse("review_queue") + "?dimension=environment&state=all&agency=DLH&stage=none",
        14,
        f"/r/{BIG}/",
    ),  # 11
    "notifications (expert)": (lambda: reverse("notification_list"), 12, "Komentar 5"),  # 9
}

# The national page (masterplan.national) and the dashboard of those who follow many regions, over
# four regions and then eight: name -> (user, URL, fixed maximum, text it shows of garut-x3).
NATIONAL_PAGES = {
    "national page (expert)": ("ahli", lambda: reverse("national"), 28, f"/r/{BIG}/"),  # 25
    "national page (coordinator)": ("koordinator", lambda: reverse("national"), 28, f"/r/{BIG}/"),  # 25
    "national page filtered (coordinator)": (
        "koordinator",
        lambda: reverse("national") + "?lagging=1&sort=-progress&stage=4",
        29,
        None,  # 26
    ),
    "national export CSV (coordinator)": (
        "koordinator",
        lambda: reverse("national_export", args=["csv"]),
        18,
        "Garut x3",  # 15
    ),
    "national export XLSX (expert)": ("ahli", lambda: reverse("national_export", args=["xlsx"]), 19, None),  # 16
    "dashboard (coordinator)": ("koordinator", lambda: reverse("dashboard"), 24, f"/r/{BIG}/"),  # 21
}

# Labels of the entries _more_content deleted, by region.
DELETED = {}


class Counter:
    """One logged-in client per demo user; counts the queries of a page's second request (the first
    one warms per-process caches such as content types)."""

    def __init__(self):
        self.clients = {}

    def client(self, username):
        if username not in self.clients:
            client = Client()
            assert client.login(username=username, password=DEMO_PASSWORD), username
            self.clients[username] = client
        return self.clients[username]

    def count(self, username, url):
        client = self.client(username)
        assert client.get(url).status_code == 200, (username, url)
        # The page built in full, not its parts from the page cache (masterplan/pagecache.py):
        # what is counted is all the page would ever ask, whenever the test runs.
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (username, url)
        return len(ctx.captured_queries)


def _username(role, slug):
    return role if role == "ahli" else f"{role}-{slug}"


def _measure(counter, slug):
    out = {}
    for name, (role, url, _max, _shows) in REGION_PAGES.items():
        out[name] = counter.count(_username(role, slug), url(slug))
    return out


def _measure_expert(counter):
    return {name: counter.count("ahli", url()) for name, (url, _max, _shows) in EXPERT_PAGES.items()}


def _measure_national(counter):
    return {name: counter.count(user, url()) for name, (user, url, _max, _shows) in NATIONAL_PAGES.items()}


def _more_content(slug, n):
    """n documents, people, participants, notifications, and n comments with a reply on the
    sections the pages show: what the seed leaves empty or does not multiply."""
    region = Region.objects.get(slug=slug)
    stage = Stage.objects.get(masterplan__region=region, number=1)
    diskominfo, opd, expert = (User.objects.get(username=u) for u in (f"diskominfo-{slug}", f"opd-{slug}", "ahli"))
    agencies = list(region.agencies.order_by("pk"))
    kinds = [Document.Kind.MATERIAL, Document.Kind.MINUTES, Document.Kind.MOU, Document.Kind.COMMITMENT]
    for i in range(n):
        Document.objects.create(
            region=region,
            stage=stage if i % 2 else None,
            kind=kinds[i % len(kinds)],
            title=f"Dokumen {i}",
            file=ContentFile(b"%PDF-1.4 uji", name=f"dokumen-{i}.pdf"),
            uploaded_by=diskominfo,
        )
        person = User.objects.create_user(f"opd{i}-{slug}", f"opd{i}-{slug}@example.go.id", "x", first_name=f"Staf {i}")
        Membership.objects.create(user=person, region=region, role=Role.OPD, agency=agencies[i % len(agencies)])
    Participant.objects.bulk_create(
        Participant(stage=stage, name=f"Peserta {i}", institution=f"Instansi {i}", helix=helix)
        for i in range(n)
        for helix in ("academia", "business", "community", "media")
    )
    Notification.objects.bulk_create(
        Notification(
            recipient=user, region=region, kind=Notification.Kind.COMMENT, text=f"Komentar {i}", url=f"/r/{slug}/"
        )
        for i in range(n)
        for user in (opd, expert)
    )
    for section_pk in (_opd_section(slug), _submitted_section(slug)):
        section = Section.objects.get(pk=section_pk)
        entries = list(SwotEntry.objects.filter(section=section).order_by("pk")[:n])
        entries += list(Program.objects.filter(section=section).order_by("pk")[:n])
        for entry in entries[:n]:
            comment = ReviewComment.objects.create(
                section=section,
                content_type=ContentType.objects.get_for_model(entry),
                object_id=entry.pk,
                entry_label=str(entry)[:250],
                author=expert,
                text="Mohon lengkapi data dukung.",
            )
            ReviewComment.objects.create(section=section, parent=comment, author=opd, text="Sudah dilengkapi.")
        ReviewComment.objects.create(section=section, author=expert, text="Catatan umum bagian ini.")
    # Deleted entries, listed with their history on the section's history page.
    for gap in GapItem.objects.filter(section_id=_opd_section(slug)).order_by("-pk")[:n]:
        DELETED.setdefault(slug, []).append(str(gap))
        gap.delete()


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """Counts on the demo, then on the demo with more regions and more content (kept for the
    module: the tests check the bounds on the big demo)."""
    counter = Counter()
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        seeded_module(django_db_blocker),
    ):
        _more_content("garut", 2)
        small = {
            "garut": _measure(counter, "garut"),
            "expert": _measure_expert(counter),
            "national": _measure_national(counter),
        }
        seed(scale=SCALE, content_factor=CONTENT_FACTOR)
        _more_content(BIG, 2 * CONTENT_FACTOR)
        big = {
            "garut": _measure(counter, "garut"),
            BIG: _measure(counter, BIG),
            "expert": _measure_expert(counter),
            "national": _measure_national(counter),
        }
        yield {"small": small, "big": big, "counter": counter}


@pytest.mark.parametrize("name", list(REGION_PAGES))
def test_region_page_does_not_grow(counts, db, django_assert_max_num_queries, name):
    small, big = counts["small"]["garut"][name], counts["big"]["garut"][name]
    bigger = counts["big"][BIG][name]
    assert (small, big, bigger) == (small, small, small), (
        f"{name}: {small} queries on Garut, {big} with {SCALE} more regions, {bigger} on {BIG}"
    )
    role, url, maximum, shows = REGION_PAGES[name]
    client = counts["counter"].client(_username(role, BIG))
    with django_assert_max_num_queries(maximum):
        response = client.get(url(BIG))
    assert response.status_code == 200
    if shows is not None:
        text = shows(BIG) if callable(shows) else shows
        assert text in response.content.decode(), f"{name} does not show the added content {text!r}"


@pytest.mark.parametrize("name", list(EXPERT_PAGES))
def test_expert_page_does_not_grow_with_regions(counts, db, django_assert_max_num_queries, name):
    small, big = counts["small"]["expert"][name], counts["big"]["expert"][name]
    assert small == big, f"{name}: {small} queries with 4 regions, {big} with {5 + SCALE}"
    url, maximum, shows = EXPERT_PAGES[name]
    with django_assert_max_num_queries(maximum):
        response = counts["counter"].client("ahli").get(url())
    assert response.status_code == 200
    # The page does list the new regions' work (equal counts are not equal because it is missing).
    assert shows in response.content.decode(), f"{name} does not show {shows!r}"


@pytest.mark.parametrize("name", list(NATIONAL_PAGES))
def test_national_page_does_not_grow_with_regions(counts, db, django_assert_max_num_queries, name):
    small, big = counts["small"]["national"][name], counts["big"]["national"][name]
    assert small == big, f"{name}: {small} queries with 4 regions, {big} with {5 + SCALE}"
    user, url, maximum, shows = NATIONAL_PAGES[name]
    with django_assert_max_num_queries(maximum):
        response = counts["counter"].client(user).get(url())
    assert response.status_code == 200
    if shows is not None:
        assert shows in response.content.decode(), f"{name} does not show {shows!r}"

"""Content for the books: the ``world`` fixture's Garut filled in across all six dimensions, with
narrative texts, goals and indicators, programs with road maps, and quick wins."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from PIL import Image

from dimensions.models import Dimension, FundingSource, QuickWin
from masterplan.books.models import BookDefinition, NarrativeText
from masterplan.books.services import book_pdf_render
from masterplan.demo.builder import demo_seed
from masterplan.models import Masterplan
from tests import factories as f
from tests.books.layoutcheck import read_pdf
from tests.books.pdfcheck import page_texts
from tests.conftest import _region_world


def assert_test_database():
    """Module-scoped fixtures write outside pytest-django's per-test transaction: make sure they
    write to the test database."""
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    assert "test" in name or "memory" in name, f"not a test database: {name}"


DIMENSION_CODES = ["governance", "branding", "economy", "living", "society", "environment"]


def fill_masterplan(mp, agencies, programs_per_dimension=2, tag=""):
    """Content for every dimension of a masterplan: a section per dimension (agencies taken in
    turn), readiness, gap, a full SWOT, strategies, a goal with an indicator and targets, programs
    with road map entries, indicators, their budget as a yearly amount and an APBD share, and one
    quick win per dimension (its program's budget not broken down, as in old data)."""
    apbd = FundingSource.objects.order_by("order").first()
    sections = []
    for i, dim in enumerate(Dimension.objects.order_by("order")):
        agency = agencies[i % len(agencies)]
        section, _created = mp.sections.get_or_create(agency=agency, dimension=dim)
        sections.append(section)
        f.ReadinessItemFactory(section=section, description=f"Kesiapan {dim.name}{tag}")
        f.GapItemFactory(section=section, element=dim.elements.first(), gap=f"Kesenjangan {dim.name}{tag}")
        swot = {
            q: f.SwotEntryFactory(
                section=section, quadrant=q, statement=f"{label} {dim.name}{tag}", evidence="Data BPS"
            )
            for q, label in [("S", "Kekuatan"), ("W", "Kelemahan"), ("O", "Peluang"), ("T", "Ancaman")]
        }
        strategy = f.StrategyFactory(section=section, kind="SO", statement=f"Strategi SO {dim.name}{tag}")
        strategy.swot_entries.set([swot["S"], swot["O"]])
        goal = f.GoalFactory(section=section, statement=f"Sasaran {dim.name}{tag}")
        ind = f.IndicatorFactory(goal=goal, name=f"Indikator {dim.name}{tag}")
        for year in (mp.period_start, mp.period_start + 1):
            f.IndicatorTargetFactory(indicator=ind, year=year, value=50 + year - mp.period_start)
        for n in range(programs_per_dimension):
            program = f.ProgramFactory(
                section=section,
                name=f"Program {dim.name} {n + 1}{tag}",
                start_year=mp.period_start,
                end_year=mp.period_start + 2,
                budget=1_250_000 * (n + 1),
            )
            # The total is the sum of the parts: one yearly amount and an APBD share of all of it.
            f.ProgramFundingFactory(program=program, funding_source=apbd, amount=program.budget)
            f.RoadmapEntryFactory(
                program=program, year=mp.period_start, activity=f"Kajian {program.name}", amount=program.budget
            )
            pind = f.IndicatorFactory(goal=None, program=program, name=f"Indikator {program.name}")
            f.IndicatorTargetFactory(indicator=pind, year=mp.period_start, value=10)
        qw_program = f.ProgramFactory(
            section=section,
            name=f"Program percepatan {dim.name}{tag}",
            horizon="short",
            start_year=mp.period_start,
            end_year=mp.period_start,
        )
        f.QuickWinFactory(program=qw_program, name=f"Quick Win {dim.name}{tag}", status=QuickWin.Status.CHOSEN)
    return sections


@pytest.fixture
def book_world(world):
    g = world.garut
    fill_masterplan(g.masterplan, [g.dlh, g.bappeda])
    NarrativeText.objects.create(
        masterplan=g.masterplan, key="latar_belakang", html="<p>Latar belakang Garut menuju kota cerdas.</p>"
    )
    NarrativeText.objects.create(
        masterplan=g.masterplan, key="kata_pengantar_kepala_daerah", html="<p>Puji syukur kami panjatkan.</p>"
    )
    books = {b.number: b for b in BookDefinition.objects.all()}
    return SimpleNamespace(world=world, garut=g, masterplan=g.masterplan, books=books)


def _png():
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (20, 90, 160)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture(scope="session")
def rendered_books(django_db_setup, django_db_blocker, tmp_path_factory):
    """Each active book of a filled-in Garut (with its emblem; Tegal beside it), rendered once per
    test session for every test that reads PDFs back; the data is rolled back afterwards."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        assert_test_database()
        g = _region_world("Garut", "garut")
        _region_world("Tegal", "tegal")  # another region's content must never show up
        g.region.emblem.save("garut.png", ContentFile(_png()), save=True)
        fill_masterplan(g.masterplan, [g.dlh, g.bappeda])
        NarrativeText.objects.create(
            masterplan=g.masterplan, key="latar_belakang", html="<p>Garut menuju kota cerdas sejak 2017.</p>"
        )
        NarrativeText.objects.create(
            masterplan=g.masterplan, key="kata_pengantar_kepala_daerah", html="<p>Puji syukur kami panjatkan.</p>"
        )
        results = {}
        for book in BookDefinition.objects.active():
            r = book_pdf_render(g.masterplan, book)
            results[book.number] = {
                "pdf": r.pdf,
                "pages": r.page_count,
                "draft": r.is_draft,
                "texts": page_texts(r.pdf),
                "title": book.title,
                "layout": read_pdf(r.pdf),  # characters with position, font, colour
            }
        transaction.set_rollback(True)
    return results


# The demo's books: the four regions of seed_demo, rendered once per test session.
DEMO_BOOKS = dict.fromkeys(("garut", "tegal", "konawe-selatan", "bekasi"), (1, 2, 3, 4))


def _seeded_book_pdfs(tmp_path_factory, books_of, **seed):
    """{(region slug, book number): PDF bytes}: the demo seeded (``seed`` as for demo_seed), the
    books of ``books_of`` rendered through the same service as the app, the data rolled back."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        assert_test_database()
        demo_seed(**seed)
        books = {b.number: b for b in BookDefinition.objects.active()}
        pdfs = {}
        for slug, numbers in books_of.items():
            masterplan = Masterplan.objects.get(region__slug=slug)
            for number in numbers:
                pdfs[(slug, number)] = book_pdf_render(masterplan, books[number]).pdf
        transaction.set_rollback(True)
    return pdfs


@pytest.fixture(scope="session")
def demo_book_pdfs(django_db_setup, django_db_blocker, tmp_path_factory):
    """{(region slug, book number): PDF bytes} of ``DEMO_BOOKS``: the demo seeded, the books
    rendered through the same service as the app, the data rolled back afterwards. Modules using it
    mark their tests django_db (so the test database exists before this runs)."""
    with django_db_blocker.unblock():
        return _seeded_book_pdfs(tmp_path_factory, DEMO_BOOKS)


@pytest.fixture(scope="session")
def x10_book_pdfs(django_db_setup, django_db_blocker, tmp_path_factory):
    """The four books of ``garut-x10`` (seed_demo --content-factor 10: ten times Garut's content,
    about 660 pages), the size the benchmark renders: {"garut-x10": {number: {"pdf", "pages"}}},
    each book read back once (layoutcheck.read_pdf with words) for both the layout and the sums.
    Only the print_layout tests use it."""
    with django_db_blocker.unblock():
        pdfs = _seeded_book_pdfs(tmp_path_factory, {"garut-x10": (1, 2, 3, 4)}, content_factor=10)
    return {
        "garut-x10": {number: {"pdf": pdf, "pages": read_pdf(pdf, words=True)} for (_slug, number), pdf in pdfs.items()}
    }

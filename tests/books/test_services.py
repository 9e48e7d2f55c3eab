"""The book service without the PDF pipeline: draft flag, content hash, the configurable book set,
queries of the data collection, the print HTML itself."""

import datetime
import re
from pathlib import Path

import pytest

from dimensions.models import QuickWin, Section
from masterplan.books.models import BookDefinition, ChapterDefinition, NarrativeText
from masterplan.books.selectors import ALL_PARTS, PROGRAMS, QUICK_WINS, SUMMARY, book_data_collect, book_parts
from masterplan.books.services import (
    book_content_hash,
    book_html_build,
    book_pdf_render,
    book_pdf_render_single,
    book_plan_build,
)
from tests import factories as f
from tests.books.conftest import fill_masterplan
from tests.books.pdfcheck import outline_titles, page_texts


def _approve_all(masterplan):
    Section.objects.filter(masterplan=masterplan).update(state=Section.State.APPROVED)


def test_default_book_set_from_migration(db):
    books = list(BookDefinition.objects.active())
    assert [(b.number, b.title) for b in books] == [
        (1, "Analisis Strategis"),
        (2, "Masterplan Smart City"),
        (3, "Ringkasan Eksekutif"),
        (4, "Profil Quick Win"),
    ]
    buku1 = [c.title for c in books[0].chapters.all()]
    assert buku1[0] == "Kata Pengantar"
    assert buku1[1:7] == [
        "Pendahuluan",
        "Profil Daerah",
        "Analisis Kesiapan Daerah",
        "Analisis Kesenjangan",
        "Analisis SWOT",
        "Visi, Misi, Sasaran dan Strategi",
    ]
    kinds2 = [c.kind for c in books[1].chapters.all()]
    assert kinds2 == [
        "narrative",
        "vision_reference",  # refers to Buku 1's vision, mission and goals (issue 8)
        "strategies",
        "programs",
        "action_plan",
        "roadmap",
        "governance",
        "closing",
    ]
    assert [c.kind for c in books[3].chapters.all()][-1] == "quick_win_profiles"


def test_draft_until_every_section_is_approved(book_world):
    mp = book_world.masterplan
    book3 = book_world.books[3]
    assert book_html_build(mp, book3).is_draft is True
    sections = list(Section.objects.filter(masterplan=mp))
    _approve_all(mp)
    Section.objects.filter(pk=sections[0].pk).update(state=Section.State.SUBMITTED)
    assert book_html_build(mp, book3).is_draft is True
    _approve_all(mp)
    built = book_html_build(mp, book3)
    assert built.is_draft is False
    assert "DRAF" not in built.html


def test_final_pdf_has_no_draft_mark(book_world):
    mp = book_world.masterplan
    _approve_all(mp)
    result = book_pdf_render(mp, book_world.books[3])
    assert result.is_draft is False
    texts = page_texts(result.pdf)
    assert len(texts) == result.page_count
    assert not any("DRAF" in t for t in texts)
    assert "KABUPATEN GARUT" in texts[0]
    assert result.seconds_data > 0 and result.seconds_layout > 0


def test_masterplan_without_sections_is_a_draft(db):
    mp = f.MasterplanFactory(region=f.RegionFactory(name="Kosong", slug="kosong"))
    built = book_html_build(mp, BookDefinition.objects.get(number=1))
    assert built.is_draft is True
    assert "Belum ada butir SWOT" in built.html


class TestContentHash:
    def test_stable_and_equal_to_the_plan_hash(self, book_world):
        mp, book = book_world.masterplan, book_world.books[1]
        first = book_content_hash(mp, book)
        assert len(first) == 64
        assert book_content_hash(mp, book) == first == book_plan_build(mp, book).content_hash

    def test_changes_with_data_texts_definitions_and_review_state(self, book_world):
        mp, book = book_world.masterplan, book_world.books[1]
        seen = {book_content_hash(mp, book)}

        swot = book_world.garut.swot
        swot.statement = "Kekuatan baru"
        swot.save()
        seen.add(book_content_hash(mp, book))

        text = NarrativeText.objects.get(masterplan=mp, key="latar_belakang")
        text.html = "<p>Teks baru</p>"
        text.save()
        seen.add(book_content_hash(mp, book))

        chapter = book.chapters.get(kind="swot")
        chapter.title = "Analisis SWOT per Dimensi"
        chapter.save()
        seen.add(book_content_hash(mp, book))

        _approve_all(mp)
        seen.add(book_content_hash(mp, book))
        assert len(seen) == 5

    def test_other_books_and_regions_do_not_change_it(self, book_world):
        mp, book = book_world.masterplan, book_world.books[1]
        before = book_content_hash(mp, book)
        f.SwotEntryFactory(section=book_world.world.tegal.env_section, statement="Tegal saja")
        book_world.books[2].chapters.filter(kind="roadmap").update(title="Peta Jalan Baru")
        assert book_content_hash(mp, book) == before

    def test_books_differ(self, book_world):
        mp = book_world.masterplan
        assert len({book_content_hash(mp, b) for b in book_world.books.values()}) == 4


class TestBookSetIsData:
    def test_deactivated_book_is_not_listed(self, db):
        BookDefinition.objects.filter(number=3).update(active=False)
        assert [b.number for b in BookDefinition.objects.active()] == [1, 2, 4]

    def test_reordered_and_renamed_chapters_are_printed_so(self, book_world):
        mp, book = book_world.masterplan, book_world.books[1]
        swot = book.chapters.get(kind="swot")
        swot.order = 1  # before Pendahuluan (order 20)
        swot.save()
        html = book_html_build(mp, book).html
        assert html.index("ANALISIS SWOT") < html.index("PENDAHULUAN")
        assert 'data-running="BAB I  Analisis SWOT"' in html or 'data-running="BAB I Analisis SWOT"' in html

    def test_a_new_book_prints_its_chapters_with_bookmarks(self, book_world):
        book = BookDefinition.objects.create(number=5, code="peta-jalan", title="Peta Jalan", order=5)
        ChapterDefinition.objects.create(book=book, order=1, title="Peta Jalan Program", kind="roadmap")
        ChapterDefinition.objects.create(book=book, order=2, title="Penutup", kind="closing", narrative_keys="penutup")
        result = book_pdf_render(book_world.masterplan, book)
        titles = outline_titles(result.pdf)
        assert "BAB I Peta Jalan Program" in titles
        assert "BAB II Penutup" in titles
        assert "1.6 Smart Environment" in titles
        assert "BUKU 5" in page_texts(result.pdf)[0]

    def test_unknown_narrative_key_is_refused(self, db):
        from django.core.exceptions import ValidationError

        chapter = ChapterDefinition(
            book=BookDefinition.objects.get(number=1),
            title="X",
            kind="narrative",
            narrative_keys="latar_belakang, tidak_ada",
        )
        with pytest.raises(ValidationError) as exc:
            chapter.full_clean()
        assert "tidak_ada" in str(exc.value)


class TestPrintHtml:
    def test_document_metadata_and_language(self, book_world):
        built = book_html_build(book_world.masterplan, book_world.books[2])
        assert '<html lang="id">' in built.html
        assert '<meta name="author" content="Kabupaten Garut — Diskominfo">' in built.html
        assert (
            "<title>Buku 2 Masterplan Smart City — Masterplan Smart City Kabupaten Garut 2024–2033</title>"
            in built.html
        )
        assert built.title.startswith("Buku 2 Masterplan Smart City")
        assert built.base_url.startswith("file://") and built.base_url.endswith("/print/")

    def test_no_bootstrap_and_no_flex_in_print(self, book_world):
        from masterplan.books.services import print_static_dir

        built = book_html_build(book_world.masterplan, book_world.books[1])
        css = (print_static_dir() / "book.css").read_text()
        assert "bootstrap" not in built.html.lower()
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        assert not re.search(r"display\s*:\s*(inline-)?(flex|grid)", css)
        assert "flex" not in built.html

    def test_money_and_indonesian_dates(self, book_world):
        region = book_world.garut.region
        region.mou_number = "001/MoU/2023"
        region.mou_date = datetime.date(2023, 8, 17)
        region.save()
        html1 = book_html_build(book_world.masterplan, book_world.books[1]).html
        assert "17 Agustus 2023" in html1
        html2 = book_html_build(book_world.masterplan, book_world.books[2]).html
        assert "Rp 1.250.000" in html2 and "Rp 250.000.000" in html2

    def test_indicator_table_has_baseline_and_yearly_targets(self, book_world):
        html = book_html_build(book_world.masterplan, book_world.books[1]).html
        assert "Indikator Smart Economy" in html
        # the name on a row across the table, then the row of its numbers
        row = html.split("Indikator Smart Economy</td></tr>", 1)[1].split("</tr>", 1)[0]
        cells = row.count("<td")
        assert cells == 2 + 10  # unit, baseline, then one cell per year of 2024-2033
        assert ">50<" in row and ">51<" in row and "(2023)" in row


@pytest.mark.parametrize("scale", [1, 10])
def test_data_collection_uses_a_fixed_number_of_queries(world, django_assert_num_queries, scale):
    """The same number of queries for a region and for one with ten times its content, for every
    part (None) and for the parts each default book needs."""
    g = world.garut
    fill_masterplan(g.masterplan, [g.dlh, g.bappeda])
    for n in range(scale - 1):  # ten times the sections and entries: more agencies writing
        agency = f.AgencyFactory(region=g.region, name=f"Dinas {n}")
        fill_masterplan(g.masterplan, [agency], programs_per_dimension=2, tag=f" #{n}")
    NarrativeText.objects.create(masterplan=g.masterplan, key="penutup", html="<p>Penutup</p>")
    for qw in QuickWin.objects.filter(program__section__masterplan=g.masterplan):  # (Django skips an empty prefetch)
        ind = f.IndicatorFactory(goal=None, program=qw.program, name=f"Capaian {qw.name}")
        f.IndicatorTargetFactory(indicator=ind, year=g.masterplan.period_start, value=100)
    # Buku 2 refers to Buku 1's goals (issue 8): no goals, indicators or targets (-3); the
    # profiles of Buku 4 read each quick win's program indicators and their targets (+2).
    for book_number, queries in [(None, 29), (1, 14), (2, 20), (3, 13), (4, 9)]:
        if book_number is None:
            parts = ALL_PARTS
        else:
            parts = book_parts(BookDefinition.objects.get(number=book_number).chapters.all())
        with django_assert_num_queries(queries, info=f"book {book_number}"):
            data = book_data_collect(g.masterplan, parts)
        assert len(data.sections) == 2 + 6 * scale
        assert len(data.narratives) == 1
        if PROGRAMS in parts:
            assert len(data.programs) == 1 + 18 * scale
        if SUMMARY in parts:
            assert data.program_count == 1 + 18 * scale
            assert [len(d.top_programs) for d in data.dimensions] == [3] * 6
        if QUICK_WINS in parts:
            assert len(data.quick_wins) == 6 * scale


def test_table_header_row_repeats_on_every_page_of_a_long_table(world):
    """A long action plan breaks across pages; each page of it starts with the header row."""
    section = world.garut.env_section
    for n in range(70):
        program = f.ProgramFactory(section=section, name=f"Program panjang {n:02d}", start_year=2024, end_year=2025)
        f.RoadmapEntryFactory(program=program, year=2024, activity=f"Kegiatan rinci nomor {n:02d} untuk program ini")
    book = BookDefinition.objects.create(number=9, code="uji", title="Uji", order=9)
    ChapterDefinition.objects.create(book=book, order=1, title="Rencana Aksi", kind="action_plan")
    texts = page_texts(book_pdf_render(world.garut.masterplan, book).pdf)
    table_pages = [t for t in texts if "Program panjang" in t]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Tahun Kegiatan Target" in " ".join(text.split())


def test_admin_edits_the_book_set(world, login):
    from django.urls import reverse

    client = login(world.admin)
    book = BookDefinition.objects.get(number=1)
    assert client.get(reverse("admin:books_bookdefinition_changelist")).status_code == 200
    response = client.get(reverse("admin:books_bookdefinition_change", args=[book.pk]))
    assert response.status_code == 200
    assert "Analisis SWOT" in response.content.decode()  # chapters inline
    assert client.get(reverse("admin:books_chapterdefinition_changelist")).status_code == 200
    assert client.get(reverse("admin:books_narrativetext_add")).status_code == 200


def test_summary_aggregates(book_world):
    from decimal import Decimal

    data = book_data_collect(book_world.masterplan, {SUMMARY})
    env = next(d for d in data.dimensions if d.dimension.code == "environment")
    # the world's own program (Rp 250.000.000) is Smart Environment's largest
    assert next(p.name for p in env.top_programs) == "Program Sampah Cerdas Garut"
    assert env.program_count == 4 and env.swot_count == 5 and env.strategy_count == 1
    assert env.budget_total == Decimal(250_000_000 + 1_250_000 + 2_500_000 + 250_000_000)
    [(source, amount, count)] = data.budget_by_source
    assert source.code == "apbd" and count == 12 and amount == Decimal(6 * 3_750_000)


def test_print_reads_no_file_outside_its_resources(book_world, tmp_path):
    """Even HTML that bypassed the sanitiser (a bulk update) can neither run nor fetch anything."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for print")
    NarrativeText.objects.filter(masterplan=book_world.masterplan, key="latar_belakang").update(
        html=f'<p>Teks</p><img src="{secret.as_uri()}"><script>alert(1)</script>'
    )
    built = book_html_build(book_world.masterplan, book_world.books[1])
    assert "secret.png" not in built.html and "<script" not in built.html

    from masterplan.books.services import _url_fetcher

    fetcher = _url_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch(secret.as_uri())
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/x.png")
    assert fetcher.fetch(built.base_url + "book.css").status in (None, 200)


def test_a_book_prints_its_own_region_s_media_and_no_other(world, settings, tmp_path):
    """MEDIA_ROOT holds every region's uploads and books: the renderer reads only the rendering
    region's emblem and cover logos, even from HTML that names another region's files (here a
    print template an administrator edited)."""
    import io

    from django.core.files.base import ContentFile
    from pypdf import PdfReader

    from masterplan.books.models import CoverLogo
    from masterplan.models import Document
    from tests.masterplan.conftest import png_bytes

    settings.MEDIA_ROOT = str(tmp_path / "media")
    garut, tegal = world.garut.region, world.tegal.region
    garut.emblem.save("garut.png", ContentFile(png_bytes((40, 40))), save=True)
    CoverLogo.objects.create(region=garut, name="GMKC", image=ContentFile(png_bytes((41, 41)), name="g.png"))
    tegal.emblem.save("tegal.png", ContentFile(png_bytes((50, 50))), save=True)
    logo = CoverLogo.objects.create(region=tegal, name="Tegal", image=ContentFile(png_bytes((51, 51)), name="t.png"))
    document = Document.objects.create(
        region=tegal, kind="mou", title="Foto", file=ContentFile(png_bytes((52, 52)), name="foto.png")
    )
    foreign = [Path(f.path).as_uri() for f in (tegal.emblem, logo.image, document.file)]
    folder = tmp_path / "templates" / "print"
    folder.mkdir(parents=True)
    edited = (
        '<html><body><img src="{{ emblem_uri }}">{% for logo in cover_logos %}<img src="{{ logo.uri }}">'
        "{% endfor %}" + "".join(f'<img src="{uri}">' for uri in foreign) + "</body></html>"
    )
    (folder / "book.html").write_text(edited)  # the book as one document
    (folder / "part.html").write_text(edited)  # each part of a book assembled from parts
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]

    for render in (book_pdf_render, book_pdf_render_single):
        pdf = render(world.garut.masterplan, BookDefinition.objects.get(number=3)).pdf
        # the first page: the front matter (the cover) is the part that may print the region's media
        sizes = sorted(image.image.size for image in PdfReader(io.BytesIO(pdf)).pages[0].images)
        assert sizes == [(40, 40), (41, 41)]
        images = [image.image.size for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images]
        assert set(images) == {(40, 40), (41, 41)}


def test_demo_narrative_texts_fill_every_key_once(world):
    from masterplan.books.chapters import NARRATIVE_KEYS
    from masterplan.books.demo_texts import narrative_texts_demo_seed

    mp = world.garut.masterplan
    assert narrative_texts_demo_seed(mp) == len(NARRATIVE_KEYS)
    assert narrative_texts_demo_seed(mp) == 0
    html = book_html_build(mp, BookDefinition.objects.get(number=1)).html
    assert "Teks ini belum ditulis" not in html
    assert "Undang-Undang Nomor 23 Tahun 2014" in html

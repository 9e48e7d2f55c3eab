"""What each book contains (issue 8), read back from the PDFs: the cover (emblem, logos, date of
the edition), the front matter each book definition carries, Buku 2 referring to Buku 1 instead of
reprinting it and printing its strategies once, readiness grouped by component and sub-component,
one real profile page per quick win, and road maps that wrap long names and show agency and
budget."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from PIL import Image

from dimensions.models import QuickWin
from masterplan.books import services
from masterplan.books.charts import roadmap_chart_svgs, schedule_bar_svg, wrap
from masterplan.books.layout import schedule_phases
from masterplan.books.models import BookDefinition, ChapterDefinition, NarrativeText
from masterplan.books.services import book_content_hash, book_html_build, book_pdf_render, edition_date_text
from tests import factories as f
from tests.books.conftest import assert_test_database, fill_masterplan
from tests.books.pdfcheck import heading_page, lines, page_texts, reader, toc_entries
from tests.conftest import _region_world

pytestmark = pytest.mark.django_db

LONG_NAME = (
    "Integrasi Layanan Kependudukan, Perizinan dan Pengaduan Warga dalam Satu Aplikasi Terpadu "
    "Kabupaten Garut Tahap Pertama"
)
HEAD_FOREWORD = "Puji syukur kami panjatkan."
TEAM_FOREWORD = "Dokumen ini disusun bersama Tim Pelaksana."
SCHEDULE = "Bulan 1–2: penyiapan aplikasi; bulan 3: uji coba di lima puskesmas; bulan 4–6: seluruh puskesmas."


def _image(color, size=(120, 60)):
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format="PNG")
    return buf.getvalue()


def _flat(texts):
    return " ".join(" ".join(texts).split())


@pytest.fixture(scope="module")
def books(django_db_setup, django_db_blocker, tmp_path_factory):
    """The four books of a filled-in Garut with an emblem, two logos, a quick win with a schedule
    and an impact indicator, and a program with a long name; rendered once, rolled back after."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        assert_test_database()
        g = _region_world("Garut", "garut")
        _region_world("Tegal", "tegal")
        g.region.emblem.save("garut.png", ContentFile(_image((20, 110, 60), (60, 80))), save=True)
        for name, color in [("Gerakan Menuju Kota Cerdas", (200, 40, 40)), ("Kementerian", (20, 80, 160))]:
            services.cover_logo_add(
                g.region, name=name, image=SimpleUploadedFile("logo.png", _image(color), content_type="image/png")
            )
        fill_masterplan(g.masterplan, [g.dlh, g.bappeda])
        f.ReadinessItemFactory(
            section=g.gov_section, component="struktur", subcomponent="alam", description="Wilayah pegunungan"
        )
        f.ProgramFactory(section=g.gov_section, name=LONG_NAME, budget=4_500_000_000, start_year=2025, end_year=2029)
        qw = QuickWin.objects.get(name="Quick Win Smart Living")
        qw.schedule, qw.duration_months, qw.budget = SCHEDULE, 6, 200_000_000
        qw.impact_indicator = "Waktu tunggu di puskesmas turun"
        qw.save()
        ind = f.IndicatorFactory(goal=None, program=qw.program, name="Pasien terlayani tepat waktu", baseline=40)
        f.IndicatorTargetFactory(indicator=ind, year=2024, value=85)
        for key, text in [("kata_pengantar_kepala_daerah", HEAD_FOREWORD), ("kata_pengantar_ketua_tim", TEAM_FOREWORD)]:
            NarrativeText.objects.create(masterplan=g.masterplan, key=key, html=f"<p>{text}</p>")
        results = {}
        for book in BookDefinition.objects.active():
            r = book_pdf_render(g.masterplan, book)
            results[book.number] = {"pdf": r.pdf, "texts": page_texts(r.pdf)}
        transaction.set_rollback(True)
    return results


def _body(book):
    """The pages after the table of contents, and the TOC pages' indexes."""
    _entries, toc_pages = toc_entries(book["texts"])
    return book["texts"][toc_pages[-1] + 1 :], toc_pages


def _pages_of_chapter(texts, chapter, next_chapter):
    start = heading_page(texts, chapter)
    end = heading_page(texts, next_chapter) if next_chapter else len(texts) + 1
    assert start and end and start < end, (chapter, start, end)
    return texts[start - 1 : end - 1]


# --- the cover ------------------------------------------------------------------------------------


def test_every_cover_carries_the_edition_date_emblem_and_logos(books):
    assert sorted(books) == [1, 2, 3, 4]
    for number, book in books.items():
        assert f"Edisi {edition_date_text()}" in book["texts"][0], number
        xobjects = reader(book["pdf"]).pages[0]["/Resources"].get("/XObject") or {}
        images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
        assert len(images) == 3, number  # the emblem and the two logos


def test_edition_date_is_indonesian_and_left_out_of_the_content_hash(book_world, monkeypatch):
    assert edition_date_text(datetime.date(2025, 8, 17)) == "17 Agustus 2025"
    mp, book = book_world.masterplan, book_world.books[1]
    before, hash_before = book_html_build(mp, book), book_content_hash(mp, book)
    monkeypatch.setattr(services.timezone, "localdate", lambda: datetime.date(2031, 1, 2))
    after = book_html_build(mp, book)
    assert "Edisi 2 Januari 2031" in after.html and "Edisi 2 Januari 2031" not in before.html
    assert after.content_hash == before.content_hash
    assert book_content_hash(mp, book) == hash_before  # the hash of the book made of parts


def test_a_new_logo_changes_the_content_hash(book_world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    mp, book = book_world.masterplan, book_world.books[3]
    before = book_content_hash(mp, book)
    logo = services.cover_logo_add(
        book_world.garut.region, name="Logo", image=SimpleUploadedFile("l.png", _image((1, 2, 3)))
    )
    assert book_content_hash(mp, book) != before
    services.cover_logo_remove(logo)
    assert book_content_hash(mp, book) == before


# --- front matter per book ----------------------------------------------------------------------


def test_default_front_matter_per_book_from_migration(db):
    front = {
        b.number: [k for c in b.chapters.all() if c.front_matter for k in c.keys]
        for b in BookDefinition.objects.active()
    }
    assert front == {
        1: ["kata_pengantar_kepala_daerah", "kata_pengantar_ketua_tim"],
        2: ["kata_pengantar_kepala_daerah"],
        3: [],
        4: ["kata_pengantar_ketua_tim"],
    }


def test_each_book_prints_the_forewords_its_definition_carries(books):
    expected = {1: {HEAD_FOREWORD, TEAM_FOREWORD}, 2: {HEAD_FOREWORD}, 3: set(), 4: {TEAM_FOREWORD}}
    for number, book in books.items():
        _body_pages, toc_pages = _body(book)
        front = "\n".join(book["texts"][1 : toc_pages[0]])
        everywhere = "\n".join(book["texts"])
        for text in (HEAD_FOREWORD, TEAM_FOREWORD):
            assert (text in front) is (text in expected[number]), (number, text)
            assert (text in everywhere) is (text in expected[number]), (number, text)


def test_buku_3_has_at_most_one_page_of_front_matter(books):
    _body_pages, toc_pages = _body(books[3])
    assert toc_pages == [1]  # the page after the cover
    assert "BAB I" in books[3]["texts"][2] and "RINGKASAN EKSEKUTIF" in books[3]["texts"][2]


def test_a_foreword_added_in_the_admin_is_printed(book_world):
    book = book_world.books[3]
    ChapterDefinition.objects.create(
        book=book, order=10, title="Sambutan", kind="narrative", narrative_keys="kata_pengantar_kepala_daerah",
        front_matter=True,
    )  # fmt: skip
    html = book_html_build(book_world.masterplan, book).html
    assert "Puji syukur kami panjatkan." in html  # the world's text
    assert html.index("Puji syukur") < html.index("Daftar Isi")


# --- Buku 2 refers to Buku 1 --------------------------------------------------------------------


def test_buku_2_refers_to_buku_1_instead_of_reprinting_it(books):
    body2, _toc = _body(books[2])
    text2 = _flat(body2)
    assert "Buku 1 Analisis Strategis, BAB VI Visi, Misi, Sasaran dan Strategi" in text2
    assert "Terwujudnya daerah cerdas yang melayani" in text2  # the vision it serves
    body1 = _flat(_body(books[1])[0])
    for reprinted in ["Sasaran Smart Economy", "Indikator Smart Economy", "Memperkuat ekonomi lokal"]:
        assert reprinted in body1, reprinted  # goals, goal indicators, missions: in Buku 1...
        assert reprinted not in text2, reprinted  # ...not again in Buku 2


@pytest.mark.parametrize("number", [1, 2])
def test_strategies_are_printed_once(books, number):
    body, _toc = _body(books[number])
    for name in ["Smart Governance", "Smart Environment"]:
        assert _flat(body).count(f"Strategi SO {name}") == 1, name


def test_the_reference_follows_the_book_set(book_world):
    mp = book_world.masterplan
    chapter = book_world.books[1].chapters.get(kind="vision_mission_goals")
    chapter.title = "Arah Kebijakan"
    chapter.save()
    html = book_html_build(mp, book_world.books[2]).html
    assert "Buku 1 Analisis Strategis, BAB VI Arah Kebijakan" in html
    BookDefinition.objects.filter(number=1).update(active=False)  # nowhere else: print the missions
    html = book_html_build(mp, book_world.books[2]).html
    assert "Buku 1" not in html.split("Daftar Isi", 1)[1]
    assert "Memperkuat ekonomi lokal" in html


# --- readiness ----------------------------------------------------------------------------------


def test_readiness_is_grouped_by_component_and_sub_component(books):
    texts = books[1]["texts"]
    pages = _pages_of_chapter(texts, "BAB III Analisis Kesiapan Daerah", "BAB IV Analisis Kesenjangan")
    all_lines = [line for page in pages for line in lines(page)]
    # one group row per sub-component, not the sub-component on every row
    assert all_lines.count("Infrastruktur TIK") == 1
    assert all_lines.count("Alam (geografi, sumber daya alam)") == 1
    text = _flat(pages)
    assert text.index("3.1 Struktur") < text.index("Alam (geografi") < text.index("Wilayah pegunungan")
    assert text.index("3.2 Infrastruktur") < text.index("Infrastruktur TIK") < text.index("Kesiapan Smart Governance")
    for dimension in ["Smart Governance", "Smart Environment"]:
        assert f"Kesiapan {dimension}" in text
    assert "Belum ada butir kesiapan untuk subkomponen ini." in text  # e.g. Infrastruktur fisik


# --- quick-win profiles ---------------------------------------------------------------------------


def test_one_real_profile_page_per_quick_win(books):
    texts = books[4]["texts"]
    body, toc_pages = _body(books[4])
    profiles = [t for t in body if "Permasalahan" in t]
    assert len(profiles) == 6
    for page in profiles:  # the whole profile on its page
        for label in ["OPD pemilik", "Anggaran", "Solusi", "Manfaat", "Jadwal pelaksanaan", "Bulan ke-"]:
            assert label in page, label
        assert "Indikator dampak" in page and "Risiko" in page
    [living] = [t for t in profiles if "Quick Win Smart Living" in t]
    flat = " ".join(living.split())
    for phase in ["Penyiapan aplikasi", "Uji coba di lima puskesmas", "Seluruh puskesmas"]:
        assert phase in flat, phase
    assert "Waktu tunggu di puskesmas turun" in flat
    assert "Pasien terlayani tepat waktu" in flat and "40 (2023)" in flat and "85 (2024)" in flat
    assert "Rp 200.000.000" in flat and "6 bulan" in flat
    assert len(texts) == toc_pages[-1] + 1 + 1 + 6  # the list, then a page per quick win


def test_schedule_phases_are_read_from_the_text():
    assert schedule_phases(SCHEDULE) == [
        (1, 2, "Penyiapan aplikasi"),
        (3, 3, "Uji coba di lima puskesmas"),
        (4, 6, "Seluruh puskesmas"),
    ]
    assert schedule_phases("Bulan 1 s.d. 3: kajian\nbulan 4-12 pelaksanaan") == [
        (1, 3, "Kajian"),
        (4, 12, "Pelaksanaan"),
    ]
    for text in ["", "Dimulai setelah APBD perubahan", "Bulan 5–2: terbalik", "Bulan 1: a; lalu evaluasi"]:
        assert schedule_phases(text) is None, text


def test_unreadable_schedule_prints_one_bar_and_the_text(book_world):
    qw = f.QuickWinFactory(
        program=f.ProgramFactory(section=book_world.garut.env_section, horizon="short", start_year=2024, end_year=2024),
        name="Quick Win Tanpa Fase",
        status="chosen",
        schedule="Dimulai setelah APBD perubahan disahkan",
        duration_months=8,
    )
    html = book_html_build(book_world.masterplan, book_world.books[4]).html
    profile = html.split(f" {qw.name}</h2>", 1)[1]
    assert "Pelaksanaan quick win" in profile and "Dimulai setelah APBD perubahan disahkan" in profile
    schedule = profile.split('<table class="small compact schedule">', 1)[1].split("</table>", 1)[0]
    assert '<th class="month">8</th>' in schedule and '<th class="month">9</th>' not in schedule
    assert schedule.count("<svg") == 1 and 'aria-label="Bulan 1–8"' in schedule


def test_schedule_bar_spans_its_months_and_carries_no_text():
    svg = schedule_bar_svg(3, 6, 12)
    assert 'viewBox="0 0 12 10"' in svg and 'preserveAspectRatio="none"' in svg
    assert '<rect x="2.08" y="2" width="3.84"' in svg  # months 3 to 6 of 12
    assert "<text" not in svg
    assert '<rect x="0.08" y="2" width="11.84"' in schedule_bar_svg(1, 14, 12)  # cut to the quick win


# --- road map -----------------------------------------------------------------------------------


def test_roadmap_wraps_long_names_and_shows_agency_and_budget(books):
    texts = books[2]["texts"]
    roadmap = _flat(_pages_of_chapter(texts, "BAB V Peta Jalan", "BAB VI Tata Kelola Pelaksanaan"))
    assert LONG_NAME in roadmap  # every word, nothing cut
    assert "…" not in roadmap and "..." not in roadmap
    assert "Bappeda" in roadmap and "DLH" in roadmap  # lead agencies
    assert "4,5 M" in roadmap and "250 jt" in roadmap  # budgets


def test_roadmap_label_column_has_one_font_size():
    program = SimpleNamespace(
        name=LONG_NAME,
        budget=4_500_000_000,
        start_year=2025,
        end_year=2030,
        horizon="medium",
        lead_agency=SimpleNamespace(name="Dinas Komunikasi dan Informatika", acronym="Diskominfo"),
        roadmap=SimpleNamespace(all=lambda: []),
    )
    [svg] = roadmap_chart_svgs([program], list(range(2024, 2034)))
    assert svg.count("font-size=") == 1  # the chart's own; no label sets another
    name_lines = wrap(LONG_NAME, 204)
    assert len(name_lines) >= 2 and " ".join(name_lines) == LONG_NAME
    for line in name_lines:
        assert f">{line}</text>" in svg.replace("&#x27;", "'")
    assert ">Diskominfo</text>" in svg and ">4,5 M</text>" in svg


def test_wrap_never_cuts_and_breaks_an_overlong_word():
    assert wrap("Garut", 200) == ["Garut"]
    long_word = "Supercalifragilisticexpialidocious" * 3
    parts = wrap(long_word, 60)
    assert len(parts) > 1 and "".join(p.rstrip("-") for p in parts) == long_word


def test_a_chart_fits_under_a_chapter_title_and_heading():
    programs = [
        SimpleNamespace(
            name=f"{LONG_NAME} {n}",
            budget=None,
            start_year=2024,
            end_year=2025,
            horizon="short",
            lead_agency=SimpleNamespace(name="Dinas", acronym="Bag. Organisasi Setda"),
            roadmap=SimpleNamespace(all=lambda: []),
        )
        for n in range(40)
    ]
    charts = roadmap_chart_svgs(programs, list(range(2024, 2034)))
    assert len(charts) > 1
    for svg in charts:
        height = float(svg.split('height="', 1)[1].split('"', 1)[0])
        assert height * 165 / 680 <= 185  # mm, printed 165 mm wide


def test_a_long_road_map_breaks_between_charts_never_leaving_its_heading_alone(world):
    section = world.garut.gov_section
    for n in range(70):
        f.ProgramFactory(section=section, name=f"{LONG_NAME} {n:02d}", start_year=2024, end_year=2025)
    book = BookDefinition.objects.create(number=9, code="uji", title="Uji", order=9)
    ChapterDefinition.objects.create(book=book, order=1, title="Peta Jalan", kind="roadmap")
    texts = page_texts(book_pdf_render(world.garut.masterplan, book).pdf)
    [first] = [t for t in texts if "1.1 Smart Governance" in t and "Daftar Isi" not in t]
    assert f"{LONG_NAME} 00" in " ".join(first.split())  # the chart starts under its heading
    pages = [t for t in texts if LONG_NAME.split()[0] in t and "Daftar Isi" not in t]
    assert len(pages) >= 3
    for page in pages[:-1]:  # each page of the road map holds a full chart, not a sliver
        assert sum(1 for n in range(70) if f"{n:02d}" in page) >= 15

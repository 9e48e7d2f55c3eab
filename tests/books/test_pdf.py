"""The four books rendered once per test session (a filled-in Garut, sections not all approved:
``rendered_books`` in conftest.py) and read back with pypdf: content where it belongs, table of
contents, draft mark, fonts, metadata, bookmarks, emblem. Page geometry: test_layout.py."""

import pytest

from tests.books.layoutcheck import page_labels
from tests.books.pdfcheck import (
    font_files_missing,
    font_names,
    heading_page,
    lines,
    outline_titles,
    reader,
    toc_entries,
)

# Marks every test as a DB test, so pytest-django sets the test database up before the
# session-scoped render (without it that fixture would reach the development database).
pytestmark = pytest.mark.django_db

DIMENSIONS = [
    "Smart Governance",
    "Smart Branding",
    "Smart Economy",
    "Smart Living",
    "Smart Society",
    "Smart Environment",
]


@pytest.fixture(scope="module")
def books(rendered_books):
    return rendered_books


def test_four_books_rendered_as_draft(books):
    assert sorted(books) == [1, 2, 3, 4]
    for book in books.values():
        assert book["pdf"].startswith(b"%PDF-")
        assert book["pages"] == len(book["texts"]) > 3
        assert book["draft"] is True


def test_cover_names_region_book_and_period(books):
    assert sorted(books) == [1, 2, 3, 4]
    for number, book in books.items():
        cover = book["texts"][0]
        assert "KABUPATEN GARUT" in cover
        assert f"BUKU {number}" in cover
        assert book["title"] in cover
        assert "Periode 2024–2033" in cover
        assert "Tegal" not in "".join(book["texts"])


def test_cover_carries_the_emblem(books):
    page = reader(books[1]["pdf"]).pages[0]
    xobjects = page["/Resources"].get("/XObject") or {}
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert images, "the emblem image is drawn on the cover"


def test_every_page_after_the_cover_has_header_and_page_number(books):
    """Front matter numbered i, ii, iii; the body "Halaman k dari N", N its own pages (the whole
    rule in test_layout.py)."""
    texts = books[2]["texts"]
    labels = page_labels(books[2]["layout"])
    body = [label for label in labels if label.isdigit()]
    assert len(texts) > 3 and labels[0] == "" and labels[1] == "i" and body[0] == "1"
    for text, label in zip(texts[1:], labels[1:], strict=True):
        assert "Buku 2 Masterplan Smart City · Kabupaten Garut" in text
        assert (f"Halaman {label} dari {len(body)}" in text) if label.isdigit() else label in text


def test_running_header_names_the_chapter(books):
    texts = books[1]["texts"]
    page = heading_page(texts, "BAB V Analisis SWOT")
    assert "BAB V Analisis SWOT" in " ".join(texts[page - 1].split())


def test_draft_mark_on_every_page(books):
    assert sorted(books) == [1, 2, 3, 4]
    for number, book in books.items():
        assert book["texts"], number
        assert all("DRAF" in text and "DRAFT" not in text for text in book["texts"]), number  # Indonesian


def test_buku_1_chapters_dimensions_and_swot(books):
    texts = books[1]["texts"]
    body = "\n".join(texts)
    for chapter in [
        "BAB I",
        "PENDAHULUAN",
        "PROFIL DAERAH",
        "ANALISIS KESIAPAN DAERAH",
        "ANALISIS KESENJANGAN",
        "ANALISIS SWOT",
        "VISI, MISI, SASARAN DAN STRATEGI",
    ]:
        assert chapter in body
    swot_page = heading_page(texts, "BAB V Analisis SWOT")
    swot_text = "\n".join(texts[swot_page - 1 :])
    for name in DIMENSIONS:
        assert name in swot_text
    # the matrix of one dimension: its four quadrants with their statements
    assert "Kekuatan (S)" in swot_text and "Ancaman (T)" in swot_text
    assert "Kekuatan Smart Governance" in swot_text
    assert "Ancaman Smart Environment" in swot_text
    # the world's own SWOT entry (environment section of DLH) is there too
    assert "Kekuatan Garut: bank sampah aktif" in swot_text
    assert "Garut menuju kota cerdas sejak 2017." in body
    assert "Puji syukur kami panjatkan." in texts[1]


def test_buku_2_programs_indicators_roadmap(books):
    texts = books[2]["texts"]
    body = "\n".join(texts)
    program_page = heading_page(texts, "BAB III Program Smart City")
    roadmap_page = heading_page(texts, "BAB V Peta Jalan")
    assert program_page and roadmap_page and program_page < roadmap_page
    programs = " ".join("\n".join(texts[program_page - 1 : roadmap_page - 1]).split())  # cells wrap lines
    assert "Program Sampah Cerdas Garut" in programs
    assert "Program Smart Living 2" in programs
    assert "Rp 2.500.000" in programs  # money the Indonesian way
    assert "Indikator Program Smart Economy 1" in programs
    roadmap = "\n".join(texts[roadmap_page - 1 :])
    for name in DIMENSIONS:
        assert name in roadmap
    assert "Program Smart Branding 1" in roadmap  # label inside the SVG chart
    assert "2033" in roadmap
    assert "TATA KELOLA PELAKSANAAN" in body and "Dewan Smart City" in body and "Monitoring dan Evaluasi" in body


def test_buku_3_is_a_short_summary(books):
    texts = books[3]["texts"]
    assert len(texts) <= 10
    body = "\n".join(texts)
    assert "RINGKASAN EKSEKUTIF" in body
    assert "Quick Win Smart Society" in body
    for name in DIMENSIONS:
        assert name in body


def test_buku_4_one_page_per_quick_win(books):
    texts = books[4]["texts"]
    for name in DIMENSIONS:
        qw = f"Quick Win {name}"
        pages = [
            i
            for i, t in enumerate(texts)
            if any(line.strip().endswith(qw) and line.strip()[0].isdigit() for line in t.splitlines())
        ]
        # the heading "1.n Quick Win X" appears on the TOC page and on exactly one profile page
        profile_pages = [i for i in pages if "Daftar Isi" not in texts[i]]
        assert len(profile_pages) == 1, qw
        page = texts[profile_pages[0]]
        assert "Permasalahan" in page and "Indikator dampak" in page
        others = [n for n in DIMENSIONS if n != name]
        assert not any(f"{o}\n" in page.split("Permasalahan")[0] for o in others)


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_table_of_contents_page_numbers_are_right(books, number):
    """Every line of the contents (and of the lists of tables and figures that follow it) names
    the page number printed on the page where that heading or caption is: roman in the front
    matter, from 1 in the body."""
    texts = books[number]["texts"]
    labels = page_labels(books[number]["layout"])
    entries, toc_pages = toc_entries(texts)
    assert len(entries) >= 4
    assert any(page == "1" for _t, page in entries) and any(page == "i" for _t, page in entries)
    for title, page in entries:
        if title in ("Daftar Isi", "Daftar Tabel", "Daftar Gambar"):  # headings of the contents pages
            found = next(i + 1 for i in toc_pages if title in lines(texts[i])[:3])
        else:
            found = heading_page(texts, title, skip_pages=toc_pages)
        assert found and labels[found - 1] == page, title


def test_fonts_are_embedded_and_shipped(books):
    assert sorted(books) == [1, 2, 3, 4]
    for book in books.values():
        assert font_files_missing(book["pdf"]) == []
        assert {"PT-Serif", "PT-Sans-Bold"} <= font_names(book["pdf"])


def test_metadata_title_author_language(books):
    r = reader(books[1]["pdf"])
    assert r.metadata.title.startswith("Buku 1 Analisis Strategis")
    assert "Kabupaten Garut" in r.metadata.title
    assert r.metadata.author == "Kabupaten Garut — Diskominfo"
    assert r.trailer["/Root"]["/Lang"] == "id"


def test_bookmarks_name_chapters_and_sections(books):
    titles = outline_titles(books[1]["pdf"])
    for chapter in ["Kata Pengantar", "Daftar Isi", "BAB I Pendahuluan", "BAB V Analisis SWOT", "BAB VII Penutup"]:
        assert chapter in titles
    assert "5.1 Smart Governance" in titles
    assert "4.6 Smart Environment" in titles

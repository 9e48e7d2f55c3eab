"""Page geometry of the books, read back with pdfium (tests/books/layoutcheck.py): every line
inside the text block, no page that ends with a heading, a table caption, a table header or a
group row, the front matter numbered i, ii, iii and the body from 1, captions numbered per
chapter and listed in the front matter of the long books.

The four books are those of ``rendered_books`` (conftest.py), rendered once per session. Each
check is shown able to fail on a small document that breaks its rule."""

import io
from types import SimpleNamespace

import pdfplumber
import pypdfium2
import pytest
import weasyprint
from django.template.loader import render_to_string

from masterplan.books.services import print_static_dir
from tests.books.layoutcheck import (
    KEEP_COLOR,
    MM,
    _rgb,
    book_problems,
    css_page_margins,
    line_text,
    outside_text_block,
    page_chars,
    page_labels,
    page_numbering,
    read_pdf,
    stranded_lines,
)
from tests.books.pdfcheck import lines

pytestmark = pytest.mark.django_db  # the session render needs the test database

NUMBERS = [1, 2, 3, 4]


@pytest.fixture(scope="module")
def pages(rendered_books):
    return {number: book["layout"] for number, book in rendered_books.items()}


@pytest.mark.parametrize("number", NUMBERS)
def test_nothing_printed_outside_the_text_block(pages, number):
    assert outside_text_block(pages[number]) == []


@pytest.mark.parametrize("number", NUMBERS)
def test_no_page_ends_with_a_heading_a_table_header_or_a_group_row(pages, number):
    assert stranded_lines(pages[number]) == []


@pytest.mark.django_db
@pytest.mark.print_layout
@pytest.mark.parametrize("slug", ["garut", "tegal", "konawe-selatan", "bekasi"])
def test_every_book_of_every_demo_region_passes_the_layout_checks(demo_book_pdfs, slug):
    """The demo's own books (seed_demo's content, not the test world's): every line inside the
    text block, nothing stranded at a page foot, front matter in roman numerals."""
    books = {number: pdf for (region, number), pdf in demo_book_pdfs.items() if region == slug}
    assert sorted(books) == [1, 2, 3, 4]
    assert {number: book_problems(pdf) for number, pdf in books.items()} == {number: [] for number in books}


@pytest.mark.django_db
@pytest.mark.print_layout
@pytest.mark.parametrize("number", NUMBERS)
def test_every_book_of_garut_x10_passes_the_layout_checks(x10_book_pdfs, number):
    """Ten times Garut's content (the benchmark's region): long tables broken over many pages
    still keep every line inside the text block and nothing stranded at a page foot."""
    assert book_problems(x10_book_pdfs["garut-x10"][number]["pages"]) == []


@pytest.mark.parametrize("number", NUMBERS)
def test_front_matter_in_roman_numerals_and_the_body_from_one(pages, number):
    assert page_numbering(pages[number]) == []
    labels = page_labels(pages[number])
    assert labels[:2] == ["", "i"] and "1" in labels


def test_the_text_block_is_the_one_the_running_header_spans(pages):
    """The margins come from book.css; the running header starts at the left edge of the text
    block and ends at its right edge."""
    top, right, _bottom, left = css_page_margins()
    page = pages[2][5]
    header = page.header[0]
    assert abs(header[0]["x0"] - left * MM) < 0.5
    assert abs(header[-1]["x1"] - (210 - right) * MM) < 0.5
    assert header[0]["bottom"] < top * MM


def test_captions_are_numbered_per_chapter_and_listed_in_the_long_books(rendered_books):
    texts1 = rendered_books[1]["texts"]
    body1 = "\n".join(texts1)
    assert "Tabel 2.1 Data Umum Kabupaten Garut" in body1
    assert "Tabel 4.1 Analisis Kesenjangan Smart Governance" in body1
    assert "Gambar 5.1 Matriks SWOT Smart Governance" in body1
    assert "Gambar 5.6 Matriks SWOT Smart Environment" in body1
    for number in (1, 2):
        front = [lines(t)[:2] for t in rendered_books[number]["texts"][1:6]]
        assert any("Daftar Tabel" in head for head in front), number
        assert any("Daftar Gambar" in head for head in front), number
    assert "Gambar 5.1 Peta Jalan Program Smart Governance" in "\n".join(rendered_books[2]["texts"])
    for number in (3, 4):  # a few pages: captions, no lists
        text = "\n".join(rendered_books[number]["texts"])
        assert "Tabel 1.1" in text and "Daftar Tabel" not in text, number


# The checks can fail: small documents, each breaking one rule, with the books' stylesheet. ------


def _pdf(body, front="front-matter", main="body-matter"):
    """A cover, a page of front matter and a chapter holding ``body``; ``front`` and ``main``: the
    classes of the front matter and body wrappers."""
    html = (
        f'<html lang="id"><head><link rel="stylesheet" href="book.css"></head><body>'
        f'<div class="cover">Sampul</div><div class="{front}"><p>Kata pengantar</p></div>'
        f'<div class="{main}"><section class="chapter"><h1 class="chapter-title" data-running="BAB I X">'
        f'<span class="chapter-label">BAB I</span>X</h1>{body}</section><div id="akhir-isi"></div></div>'
        f"</body></html>"
    )
    base = print_static_dir().as_uri() + "/"
    return weasyprint.HTML(string=html, base_url=base).write_pdf()


def test_the_checks_pass_a_right_document():
    assert (
        book_problems(
            _pdf("<p>Teks.</p><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>")
        )
        == []
    )


def test_a_table_wider_than_the_text_block_is_found():
    wide = (
        '<table style="width: 120%"><tbody><tr><td>kiri</td><td class="num">sampai ke tepi kertas</td></tr>'
        "</tbody></table>"
    )
    problems = outside_text_block(read_pdf(_pdf(wide)))
    assert problems and "right margin" in problems[0]


def test_a_heading_or_group_row_at_the_foot_of_a_page_is_found():
    forced = '<div style="break-before: page"><p>Halaman berikutnya.</p></div>'
    assert stranded_lines(read_pdf(_pdf(f"<p>Teks.</p><h2>2.1 Judul</h2>{forced}"))) == ["p. 3 ends with '2.1 Judul'"]
    group = (
        '<table><tbody><tr><td>1</td></tr><tr class="group" style="break-after: page"><td>Sasaran 1</td></tr>'
        "<tr><td>2</td></tr></tbody></table>"
    )
    assert stranded_lines(read_pdf(_pdf(group))) == ["p. 3 ends with 'Sasaran 1'"]


def test_page_numbers_of_the_whole_document_are_found():
    problems = page_numbering(read_pdf(_pdf("<p>Teks.</p>", front="", main="")))  # numbered as one
    assert "p. 2: front matter footer 'Halaman 2 dari 3', expected 'i'" in problems
    assert "p. 3: footer 'Halaman 3 dari 3', expected 'Halaman 1 dari 1'" in problems


def test_keep_color_is_the_one_book_css_gives_headings_and_header_rows():
    css = (print_static_dir() / "book.css").read_text()
    assert "#{:02x}{:02x}{:02x}".format(*KEEP_COLOR) in css


def test_a_swot_quadrant_that_breaks_across_pages_is_labelled_again():
    """Quadrants long enough to run over three pages: every page of the matrix starts with the
    labels of the quadrants it continues."""
    agency = SimpleNamespace(agency="DLH")
    entries = {
        q: [
            SimpleNamespace(
                statement=f"Butir {q}{n} " + "uraian panjang " * 6, component="", evidence="", section=agency
            )
            for n in range(45)
        ]
        for q in "SWOT"
    }
    d = SimpleNamespace(swot=entries, dimension=SimpleNamespace(name="Smart Governance"))
    html = render_to_string("print/sections/swot_dimension.html", {"section": SimpleNamespace(payload=d)})
    pages = read_pdf(_pdf(html))[2:]
    assert len(pages) >= 4
    for page in pages:
        first = line_text(page.body[0])
        assert first in ("Kekuatan (S) Kelemahan (W)", "Peluang (O) Ancaman (T)", "BAB I"), (page.number, first)


def test_pdfium_reads_the_characters_pdfplumber_reads():
    """The checks read the characters with pdfium into pdfplumber's dicts (its own parse is several
    times slower): the same letters, boxes, sizes, fonts and colours, a ligature ("fi") and the
    hyphens at a line's end included (pdfium marks a hyphen there as U+0002)."""
    pdf = _pdf(
        "<h2>2.1 Profil Daerah</h2><p>Anggaran <strong>Rp 1.250.000</strong> untuk profil desa.</p>"
        '<p style="width: 22mm">pember&shy;dayaan masyarakat</p><p style="width: 30mm">kerja sosial-ekonomi</p>'
    )

    def key(c):
        return round(c["top"]), round(c["x0"], 2)

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        expected = [c for page in doc.pages for c in sorted((c for c in page.chars if c["text"].strip()), key=key)]
    with pypdfium2.PdfDocument(pdf) as doc:
        found = [c for page in doc for c in sorted((c for c in page_chars(page) if c["text"].strip()), key=key)]
    assert [c["text"] for c in found] == [c["text"] for c in expected]
    assert {"fi", "\u2010", "-"} <= {c["text"] for c in found}  # ligature, hyphenation, "sosial-" at a line's end
    for mine, theirs in zip(found, expected, strict=True):
        assert all(abs(mine[k] - theirs[k]) < 1e-3 for k in ("x0", "x1", "top", "bottom", "size")), (mine, theirs)
        assert (mine["fontname"], _rgb(mine)) == (theirs["fontname"], _rgb(theirs)), (mine, theirs)

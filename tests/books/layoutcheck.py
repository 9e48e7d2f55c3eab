"""Reading a rendered book's page geometry back with pdfplumber (each character's position, font,
size and colour): text outside the text block, pages that end with a heading, a table header or
a group row, the page number in each footer.

The text block is derived from the @page margins of static/print/book.css (one place). What must
never end a page (headings, table captions and header rows, group rows, SWOT quadrant labels) is
printed in one colour that nothing else in the body uses, KEEP_COLOR (book.css says so too): the
checker finds those lines by it.

Also a command, for books rendered outside the tests (the demo regions, garut-x10):

    .venv/bin/python manage.py render_books garut-x10 --output-dir /tmp/x10
    DEBUG=1 DJANGO_SETTINGS_MODULE=masterplan.settings .venv/bin/python -m tests.books.layoutcheck /tmp/x10/*.pdf
"""

import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from masterplan.formats import roman

BOOK_CSS = Path(__file__).resolve().parents[2] / "static" / "print" / "book.css"
MM = 72 / 25.4  # PDF points per millimetre
KEEP_COLOR = (0x1D, 0x3B, 0x5C)  # #1d3b5c in book.css: headings, captions, header and group rows
TOLERANCE = 0.25 * MM  # glyph boxes are advance widths, the layout rounds: a quarter millimetre
LINE_GAP = 2.0  # points: characters whose tops differ less than this share a line


def css_page_margins(css_text=None):
    """(top, right, bottom, left) in mm of the first ``@page { margin: ... }`` of book.css (one to
    four values, as CSS reads them)."""
    css_text = css_text if css_text is not None else BOOK_CSS.read_text()
    m = re.search(r"@page\s*\{[^}]*?\bmargin:\s*([^;]+);", css_text)
    assert m, "book.css has no @page margin"
    values = [float(v.removesuffix("mm")) for v in m[1].split()]
    assert 1 <= len(values) <= 4 and all(v > 0 for v in values), m[1]
    top, right, bottom, left = {
        1: lambda v: (v[0], v[0], v[0], v[0]),
        2: lambda v: (v[0], v[1], v[0], v[1]),
        3: lambda v: (v[0], v[1], v[2], v[1]),
        4: lambda v: tuple(v),
    }[len(values)](values)
    return top, right, bottom, left


@dataclass
class Block:
    """The text block of a page in PDF points, top-down like pdfplumber's ``top``/``bottom``."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, page, margins_mm):
        top, right, bottom, left = (v * MM for v in margins_mm)
        return cls(left=left, top=top, right=float(page.width) - right, bottom=float(page.height) - bottom)


def _rgb(char):
    color = char.get("non_stroking_color")
    if not isinstance(color, tuple | list) or len(color) != 3:
        return None
    return tuple(round(c * 255) for c in color)


def _is_watermark(char):
    """The draft mark is the only rotated text of a book."""
    _a, b, c, _d, _e, _f = char["matrix"]
    return abs(b) > 1e-3 or abs(c) > 1e-3


def text_lines(chars):
    """Characters grouped into lines (by their top), top to bottom; each line left to right."""
    lines = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) < LINE_GAP:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def line_text(line):
    """The characters of a line, a space where the gap between two is wider than a fifth of the
    font size (the spaces themselves are not kept)."""
    out, previous = "", None
    for c in line:
        if previous is not None and c["x0"] - previous["x1"] > 0.2 * c["size"]:
            out += " "
        out += c["text"]
        previous = c
    return out


@dataclass
class PageReading:
    number: int  # 1-based index in the PDF
    header: list  # lines in the top margin
    body: list  # lines of the text block
    footer: list  # lines in the bottom margin
    outside: list  # (text, why) of characters printed outside the text block
    words: list = field(default_factory=list)  # pdfplumber's words (with font and size), when asked

    @property
    def footer_text(self):
        return " ".join(line_text(line) for line in self.footer)

    @property
    def last_line(self):
        return self.body[-1] if self.body else []


def read_page(page, number, margins_mm, words=False):
    block = Block.of(page, margins_mm)
    chars = [c for c in page.chars if c["text"].strip() and not _is_watermark(c)]
    outside = []
    header, body, footer = [], [], []
    for c in chars:
        if c["x0"] < block.left - TOLERANCE or c["x1"] > block.right + TOLERANCE:
            side = "left" if c["x0"] < block.left - TOLERANCE else "right"
            outside.append((c["text"], f"{side} margin at x={c['x0'] / MM:.1f}-{c['x1'] / MM:.1f} mm"))
        if c["bottom"] <= block.top + TOLERANCE:
            header.append(c)
        elif c["top"] >= block.bottom - TOLERANCE:
            footer.append(c)
        elif c["top"] < block.top - TOLERANCE or c["bottom"] > block.bottom + TOLERANCE:
            outside.append((c["text"], f"across the top or bottom edge at y={c['top'] / MM:.1f} mm"))
        else:
            body.append(c)
    header_lines, footer_lines = text_lines(header), text_lines(footer)
    # the running header and the footer are one line each: more is body text that ran into a margin
    for where, lines in (("top", header_lines), ("bottom", footer_lines)):
        for line in lines[1:] if where == "top" else lines[:-1]:
            outside.append((line_text(line), f"{where} margin: a second line besides the running text"))
    found = page.extract_words(extra_attrs=["fontname", "size"]) if words else []
    return PageReading(number, header_lines, text_lines(body), footer_lines, outside, found)


def read_pdf(pdf, margins_mm=None, words=False):
    """A PageReading per page of ``pdf`` (bytes or a path); with ``words``, each page's words too
    (from the same parse: reading a long book takes longer than rendering it)."""
    margins_mm = margins_mm or css_page_margins()
    source = io.BytesIO(pdf) if isinstance(pdf, bytes | bytearray) else pdf
    with pdfplumber.open(source) as doc:
        return [read_page(page, i, margins_mm, words) for i, page in enumerate(doc.pages, start=1)]


def is_keep_line(line):
    """A line printed entirely in KEEP_COLOR: a heading, a table's caption, a table header or group
    row. A figure's caption (Gambar 5.1 ...) is printed below its figure: it may end a page."""
    return bool(line) and all(_rgb(c) == KEEP_COLOR for c in line) and not line_text(line).startswith("Gambar ")


# The checks: each returns a list of problems (empty when the book is right). -------------------


def outside_text_block(pages):
    """Characters printed outside the text block on any page after the cover."""
    problems = []
    for p in pages[1:]:
        texts = sorted({f"{why}: {text!r}" for text, why in p.outside})
        problems += [f"p. {p.number}: {t}" for t in texts[:5]]
    return problems


def stranded_lines(pages):
    """Pages (after the cover, before the last) whose last line is a heading, a caption, a table
    header or a group row: something that belongs with what follows it."""
    return [f"p. {p.number} ends with {line_text(p.last_line)!r}" for p in pages[1:-1] if is_keep_line(p.last_line)]


def first_body_page(pages):
    """1-based number of the page that opens BAB I (its label line "BAB I")."""
    for p in pages[1:]:
        if any(line_text(line).replace(" ", "") == "BABI" for line in p.body):  # letter-spaced
            return p.number
    return None


def page_numbering(pages):
    """The footers: nothing on the cover; the front matter after it numbered i, ii, iii (only
    the numeral); from BAB I on "Halaman 1 dari N", N the number of body pages."""
    problems = []
    first = first_body_page(pages)
    if first is None:
        return ["no page opens BAB I"]
    if pages[0].footer:
        problems.append(f"the cover has a footer: {pages[0].footer_text!r}")
    for k, p in enumerate(pages[1 : first - 1], start=1):
        if p.footer_text != roman(k).lower():
            problems.append(f"p. {p.number}: front matter footer {p.footer_text!r}, expected {roman(k).lower()!r}")
    body = pages[first - 1 :]
    for k, p in enumerate(body, start=1):
        expected = f"Halaman {k} dari {len(body)}"
        if p.footer_text != expected:
            problems.append(f"p. {p.number}: footer {p.footer_text!r}, expected {expected!r}")
    if len(problems) > 6:  # one wrong rule shows on every page: the first few say which
        problems = [*problems[:5], f"... and {len(problems) - 5} more pages numbered wrong"]
    return problems


def page_labels(pages):
    """The page number each page prints: "" (the cover), "ii" (front matter), "7" (body)."""
    labels = []
    for p in pages:
        m = re.match(r"^Halaman (\d+) dari \d+$", p.footer_text)
        labels.append(m[1] if m else p.footer_text)
    return labels


def book_problems(pdf):
    """Every layout problem of one rendered book (PDF bytes, a path or its read pages), as
    readable lines."""
    pages = pdf if isinstance(pdf, list) else read_pdf(pdf)
    return outside_text_block(pages) + stranded_lines(pages) + page_numbering(pages)


def main(paths):
    failed = False
    for path in paths:
        problems = book_problems(path)
        failed |= bool(problems)
        print(f"{path}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
        for line in problems:
            print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

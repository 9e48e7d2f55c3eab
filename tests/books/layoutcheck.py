"""Reading a rendered book's page geometry back (each character's position, font, size and
colour): text outside the text block, pages that end with a heading, a table header or a group
row, the page number in each footer.

The characters are read with pdfium (Chrome's PDF engine, through pypdfium2) into the dicts
pdfplumber gives, with its coordinates: pdfplumber's own parse (pdfminer, pure Python) takes six
to eight times as long, minutes for the long books. Words are grouped by pdfplumber's word
clustering.

The text block is derived from the @page margins of static/print/book.css (one place). What must
never end a page (headings, table captions and header rows, group rows, SWOT quadrant labels) is
printed in one colour that nothing else in the body uses, KEEP_COLOR (book.css says so too): the
checker finds those lines by it.

Also a command, for books rendered outside the tests (the demo regions, garut-x10):

    .venv/bin/python manage.py render_books garut-x10 --output-dir /tmp/x10
    DEBUG=1 DJANGO_SETTINGS_MODULE=masterplan.settings .venv/bin/python -m tests.books.layoutcheck /tmp/x10/*.pdf
"""

import ctypes
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
from pdfplumber.utils import extract_words

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
    """The text block of a page in PDF points, top-down like the characters' ``top``/``bottom``."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def of(cls, page, margins_mm):
        top, right, bottom, left = (v * MM for v in margins_mm)
        width, height = page.get_size()
        return cls(left=left, top=top, right=width - right, bottom=height - bottom)


# FPDFText_GetTextObject answering the object's address (an int, cheap to compare per character)
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium.FPDFText_GetTextObject, ctypes.c_void_p).value
)


def page_chars(page):
    """The characters of a pypdfium2 page as pdfplumber (pdfminer) gives them: ``text``; ``x0``,
    ``x1`` the origin and the advance width; ``bottom`` the font's descent below the baseline,
    ``top`` one font size above it (points from the top of the page); ``size``, ``fontname``
    ("ABCDEF+PT-Serif-Bold"), ``non_stroking_color`` (r, g, b from 0 to 1), ``matrix``. Spaces are
    kept (they end words); the spaces and line breaks pdfium infers are not."""
    textpage = page.get_textpage()
    tp, height = textpage.raw, page.get_height()
    x, y, box = ctypes.c_double(), ctypes.c_double(), pdfium.FS_RECTF()
    objects, styles = {}, {}  # per text object and per style: what their characters share
    chars, previous = [], None
    for i in range(pdfium.FPDFText_CountChars(tp)):
        code = pdfium.FPDFText_GetUnicode(tp, i)
        if code in (0x20, 0x0D, 0x0A) and pdfium.FPDFText_IsGenerated(tp, i):
            continue  # the only characters pdfium makes up
        code = 0x2D if code == 2 else code  # pdfium marks a hyphen that breaks a word as U+0002
        pdfium.FPDFText_GetCharOrigin(tp, i, x, y)
        key = _text_object_address(tp, i)
        if previous == (x.value, y.value, key):
            # One glyph for several letters (a ligature, "fi"): one character, as in pdfminer. Its
            # advance is the loose box's right edge (no Unicode names the glyph to measure it).
            pdfium.FPDFText_GetLooseCharBox(tp, i, box)
            chars[-1]["text"] += chr(code)
            chars[-1]["x1"] = box.right
            continue
        previous = (x.value, y.value, key)
        if key not in objects:
            objects[key] = _text_style(tp, i, styles)
        shared, scale, descent, font, font_size, widths = objects[key]
        if code not in widths:
            width = ctypes.c_float()
            pdfium.FPDFFont_GetGlyphWidth(font, code, font_size, width)
            widths[code] = width.value * scale[0]
        bottom = height - y.value + descent
        chars.append(
            {
                "text": chr(code),
                "x0": x.value,
                "x1": x.value + widths[code],
                "top": bottom - shared["size"],
                "bottom": bottom,
                "matrix": (*scale, x.value, y.value),
                **shared,
            }
        )
    textpage.close()
    return chars


def _text_style(tp, i, styles):
    """What the characters of the text object of character ``i`` share (pdfium asks per
    character), the same for every text object of that font, size, matrix and colour in
    ``styles``: the dict keys ``size``, ``fontname`` and ``non_stroking_color``; the scale and
    rotation of the characters' matrix; the font's descent in points below the baseline; the font,
    its size in text space and a cache of advance widths."""
    matrix, rgba = pdfium.FS_MATRIX(), [ctypes.c_uint() for _ in range(4)]
    font = pdfium.FPDFTextObj_GetFont(pdfium.FPDFText_GetTextObject(tp, i))
    font_size = pdfium.FPDFText_GetFontSize(tp, i)
    pdfium.FPDFText_GetMatrix(tp, i, matrix)
    pdfium.FPDFText_GetFillColor(tp, i, *rgba)
    scale, rgb = (matrix.a, matrix.b, matrix.c, matrix.d), tuple(c.value for c in rgba[:3])
    key = (ctypes.c_void_p.from_buffer(font).value, font_size, scale, rgb)
    if key not in styles:
        name, descent = ctypes.create_string_buffer(128), ctypes.c_float()
        pdfium.FPDFText_GetFontInfo(tp, i, name, len(name), None)
        pdfium.FPDFFont_GetDescent(font, font_size, descent)
        shared = {
            "size": font_size * matrix.d,
            "fontname": name.value.decode(),
            "non_stroking_color": tuple(c / 255 for c in rgb),
        }
        styles[key] = shared, scale, -descent.value * matrix.d, font, font_size, {}
    return styles[key]


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
    font size (the spaces themselves are not kept). PT Sans Bold sets "k W" exactly a fifth apart:
    a thousandth of a point below counts too, pdfium's coordinates being single-precision floats."""
    out, previous = "", None
    for c in line:
        if previous is not None and c["x0"] - previous["x1"] > 0.2 * c["size"] - 1e-3:
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
    words: list = field(default_factory=list)  # the words (with font and size), when asked

    @property
    def footer_text(self):
        return " ".join(line_text(line) for line in self.footer)

    @property
    def last_line(self):
        return self.body[-1] if self.body else []


def read_page(page, number, margins_mm, words=False):
    block = Block.of(page, margins_mm)
    every = [c for c in page_chars(page) if not _is_watermark(c)]
    chars = [c for c in every if c["text"].strip()]
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
    found = _words(every) if words else []
    return PageReading(number, header_lines, text_lines(body), footer_lines, outside, found)


def _words(chars):
    """pdfplumber's words (its page.extract_words with the font and size of each word)."""
    for c in chars:
        c["upright"], c["doctop"] = True, c["top"]  # what its clustering reads besides the box
    return extract_words(chars, extra_attrs=["fontname", "size"])


def read_pdf(pdf, margins_mm=None, words=False, pages=None):
    """A PageReading per page of ``pdf`` (bytes or a path), or of its ``pages`` (numbered from 1);
    with ``words``, each page's words too (from the same parse)."""
    margins_mm = margins_mm or css_page_margins()
    doc = pypdfium2.PdfDocument(pdf)
    try:
        numbers = pages or range(1, len(doc) + 1)
        return [read_page(doc[n - 1], n, margins_mm, words) for n in numbers]
    finally:
        doc.close()


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

"""The budget tables of the demo's books add up to the rupiah, read back from the PDFs by position
and font (tests/books/layoutcheck.py), as a reader with a calculator would check them:

- Buku 3 "Kebutuhan Anggaran" and Buku 2 "Ringkasan Anggaran": by year and horizon, by dimension
  and horizon, by funding source; each row and each column adds up to its total, and the three
  tables, the overview per dimension and the sentence above them name the same total;
- Buku 2 "Rencana Aksi": each program's yearly amounts add up to the program's budget (its group
  row), the programs of a dimension to the dimension's total, which is the summary's;
- Buku 2 "Program Smart City": each program's shares of its funding sources add up to its budget,
  the programs of a horizon to the horizon's total, which is the summary's cell.

The four demo regions' Buku 3 and Garut's Buku 2 are rendered once per test session
(``demo_book_pdfs`` in conftest.py); ``garut-x10``'s (``x10_book_pdfs``) on the SQLite tier only."""

import io
import re
from dataclasses import dataclass, field

import pytest
from pypdf import PdfReader

from tests.books.layoutcheck import read_pdf

pytestmark = pytest.mark.django_db

HORIZONS = ["pendek", "menengah", "panjang"]
NUMBER = re.compile(r"^\d{1,3}(?:\.\d{3})*$")
RUNNING = re.compile(r"^(Buku \d .*·.*|Halaman \S+ dari \d+)$")  # the running header and footer


# Reading a book back ---------------------------------------------------------------------------


@dataclass
class Amount:
    value: int  # rupiah; a dash is 0
    x0: float
    x1: float
    bold: bool


@dataclass
class Line:
    page: int
    top: float
    words: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    def amounts(self, dashes=False) -> list[Amount]:
        """The amounts in rupiah on the line, left to right ("Rp 1.250.000"; "–" as 0 when asked)."""
        found, words = [], self.words
        for i, w in enumerate(words):
            text = w["text"].replace("\u00a0", " ")
            number, start = None, w
            if text == "Rp" and i + 1 < len(words):
                number, end = words[i + 1]["text"].rstrip(".,"), words[i + 1]
            elif text.startswith("Rp") and NUMBER.match(text[2:].strip().rstrip(".,")):
                number, end = text[2:].strip().rstrip(".,"), w
            elif dashes and text == "–":
                found.append(Amount(0, w["x0"], w["x1"], "Bold" in w["fontname"]))
                continue
            if number is not None and NUMBER.match(number):
                found.append(Amount(int(number.replace(".", "")), start["x0"], end["x1"], "Bold" in end["fontname"]))
        return found

    def label(self) -> str:
        """The text before the line's first amount."""
        out = []
        for w in self.words:
            if w["text"].startswith("Rp") or w["text"] == "–":
                break
            out.append(w["text"])
        return " ".join(out)


def book_lines(pdf_bytes, pages=None) -> list[Line]:
    """Every line of text of the book (or of its ``pages``, numbered from 1), page after page, top
    to bottom; without the running header and footer and the draft mark (its letters are huge:
    words are split where the size changes). ``pdf_bytes`` may be the book already read with
    layoutcheck.read_pdf(..., words=True)."""
    read = pdf_bytes if isinstance(pdf_bytes, list) else read_pdf(pdf_bytes, words=True, pages=pages)
    wanted = set(pages or (page.number for page in read))
    return [line for page in read if page.number in wanted for line in _page_lines(page.number, page.words)]


def _page_lines(number, words) -> list[Line]:
    words = sorted((w for w in words if w["size"] < 30), key=lambda w: (w["top"], w["x0"]))
    page_lines = []
    for w in words:
        if page_lines and abs(page_lines[-1].top - w["top"]) < 3:
            page_lines[-1].words.append(w)
        else:
            page_lines.append(Line(number, w["top"], [w]))
    for line in page_lines:
        line.words.sort(key=lambda w: w["x0"])
    return [line for line in page_lines if not RUNNING.match(line.text)]


def chapter_pages(pdf_bytes, first, last) -> list[int]:
    """The pages (from 1) of the chapters from the one whose title ends with ``first`` to the one
    ending with ``last``, from the bookmarks (only those pages need reading)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    chapters = [
        (item.title, reader.get_destination_page_number(item)) for item in reader.outline if not isinstance(item, list)
    ]
    start = next(i for i, (title, _page) in enumerate(chapters) if title.endswith(first))
    end = next(i for i, (title, _page) in enumerate(chapters) if title.endswith(last))
    stop = chapters[end + 1][1] if end + 1 < len(chapters) else len(reader.pages)
    return list(range(chapters[start][1] + 1, stop + 1))


def index_of(lines, text, start=0):
    for i in range(start, len(lines)):
        if lines[i].text == text:
            return i
    raise AssertionError(f"{text!r} not found")


def table_after(lines, heading, start=0):
    """The rows (label, amounts) of the table under ``heading`` down to its "Jumlah" row, and that
    row's amounts. Lines without amounts (table headers repeated on a new page, a caption, a
    wrapped label) are passed over."""
    i = index_of(lines, heading, start) + 1
    rows = []
    while True:
        assert i < len(lines), f"the table under {heading!r} has no Jumlah row"
        line = lines[i]
        amounts = [a.value for a in line.amounts(dashes=True)]
        if amounts and line.text.startswith("Jumlah"):
            return rows, amounts, i
        if amounts:
            rows.append((line.label(), amounts))
        i += 1


# Checks ---------------------------------------------------------------------------------------------


def check_grid(rows, totals, what):
    """Each row's last amount is the sum of the others; each column's total the sum of its rows."""
    assert rows, what
    for label, amounts in rows:
        assert len(amounts) == len(totals), f"{what}: {label} {amounts}"
        assert sum(amounts[:-1]) == amounts[-1], f"{what}: row {label} {amounts}"
    for col, total in enumerate(totals):
        assert sum(a[col] for _label, a in rows) == total, f"{what}: column {col + 1}"
    assert sum(totals[:-1]) == totals[-1], f"{what}: the total row"


def check_summary(lines, section_heading):
    """The budget summary's three tables; returns what other tables are compared with."""
    start = index_of(lines, section_heading)
    sentence = next(line for line in lines[start:] if line.text.startswith("Total perkiraan anggaran seluruh program"))
    [stated] = sentence.amounts()
    by_year, year_totals, end = table_after(lines, "Anggaran per Tahun", start)
    check_grid(by_year, year_totals, f"{section_heading}: per tahun")
    years = [int(label) for label, _a in by_year if label.isdigit()]
    assert len(years) == 10 and years == list(range(years[0], years[0] + 10)), years  # the period, every year
    by_dim, dim_totals, end = table_after(lines, "Anggaran per Dimensi dan Jangka Waktu", end)
    check_grid(by_dim, dim_totals, f"{section_heading}: per dimensi")
    assert dim_totals[:-1] == year_totals[:-1], "the horizons' totals, by year and by dimension"
    by_source, source_totals, end = table_after(lines, "Anggaran per Sumber Dana", end)
    assert all(len(a) == 1 for _label, a in by_source), by_source
    assert sum(a[0] for _label, a in by_source) == source_totals[0], f"{section_heading}: per sumber dana"
    assert stated.value == year_totals[-1] == dim_totals[-1] == source_totals[0]
    assert not any(label.startswith("Belum dirinci") for label, _a in by_year + by_source), "the demo is complete"
    return {
        "total": stated.value,
        "by_dimension": {label: dict(zip([*HORIZONS, "jumlah"], a, strict=True)) for label, a in by_dim},
    }


def check_action_plan(lines):
    """Rencana Aksi: the yearly rows of each program add up to its group row, the programs of a
    dimension to the dimension's Jumlah row. Returns {dimension: total}."""
    start = index_of(lines, "RENCANA AKSI")
    end = _heading_index(lines, "Ringkasan Anggaran", start)
    totals, programs, current = {}, [], None

    def close():
        if current is not None:
            name, total, years = current
            assert years, f"{name}: no yearly amounts"
            assert sum(years) == total, f"Rencana Aksi, {name}: {years} != {total}"

    for line in lines[start:end]:
        amounts = line.amounts()
        if not amounts:
            continue
        [amount] = amounts  # one amount column
        if line.text.startswith("Jumlah "):
            close()
            current = None
            dimension = line.label().removeprefix("Jumlah ").strip()
            assert sum(programs) == amount.value, f"Rencana Aksi, {dimension}"
            totals[dimension] = amount.value
            programs = []
        elif amount.bold:  # a program's group row
            close()
            current = (line.label(), amount.value, [])
            programs.append(amount.value)
        else:
            assert current is not None, line.text
            current[2].append(amount.value)
    assert len(totals) == 6, totals
    return totals


def _heading_index(lines, title, start):
    """A numbered section heading ("4.7 Ringkasan Anggaran")."""
    for i in range(start, len(lines)):
        if re.match(rf"^\d+\.\d+ {re.escape(title)}$", lines[i].text):
            return i
    raise AssertionError(title)


def check_program_tables(lines):
    """Program Smart City: each program's shares of its funding sources add up to its budget, the
    programs of a horizon to the horizon's Jumlah row. Returns {(dimension, horizon): total}."""
    start = index_of(lines, "PROGRAM SMART CITY")
    end = index_of(lines, "RENCANA AKSI", start)
    totals = {}
    dimension, budget_right, budgets, program = None, None, [], None
    checked = 0

    def close():
        nonlocal checked
        if program is not None and program[1]:
            assert sum(program[1]) == program[0], f"Program Smart City, shares {program}"
            checked += 1

    for line in lines[start:end]:
        heading = re.match(r"^\d+\.\d+ (Smart \w+)$", line.text)
        if heading:
            dimension = heading[1]
            continue
        if "Anggaran" in line.text and "Sumber dana" in line.text:  # the header row, on every page
            budget_right = next(w["x1"] for w in line.words if w["text"] == "Anggaran")
            continue
        for amount in line.amounts():
            if line.text.startswith("Jumlah jangka"):
                close()
                program = None
                horizon = next(h for h in HORIZONS if h in line.text)
                assert sum(budgets) == amount.value, f"Program Smart City, {dimension}, {horizon}"
                totals[(dimension, horizon)] = amount.value
                budgets = []
            elif abs(amount.x1 - budget_right) < 4:  # right-aligned under "Anggaran": a budget
                close()
                program = (amount.value, [])
                budgets.append(amount.value)
            else:  # further right, under "Sumber dana": a share
                assert amount.x0 > budget_right, line.text
                program[1].append(amount.value)
    close()
    assert checked > 0, "no program with several funding sources was checked"
    return totals


def check_dimension_overview(lines, by_dimension):
    """Buku 3 "Gambaran per Dimensi": the dimensions' budgets add up and are the summary's."""
    heading = _heading_index(lines, "Gambaran per Dimensi", 0)
    rows, [total], _end = table_after(lines, lines[heading].text, heading)
    budgets = {re.match(r"^Smart \w+", label)[0]: amounts[-1] for label, amounts in rows}  # after the counts
    assert sum(budgets.values()) == total
    assert budgets == {d: v["jumlah"] for d, v in by_dimension.items()}
    return total


# The tests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["garut", "tegal", "konawe-selatan", "bekasi"])
def test_buku_3_budget_needs_add_up(demo_book_pdfs, slug):
    lines = book_lines(demo_book_pdfs[(slug, 3)])
    summary = check_summary(lines, _heading_text(lines, "Kebutuhan Anggaran"))
    assert check_dimension_overview(lines, summary["by_dimension"]) == summary["total"]


def test_buku_2_budget_tables_add_up_and_agree(demo_book_pdfs):
    check_buku_2_and_3(demo_book_pdfs[("garut", 2)], demo_book_pdfs[("garut", 3)])


@pytest.mark.print_layout
def test_garut_x10_budget_tables_add_up_and_agree(x10_book_pdfs):
    """Ten times Garut: tables broken over many pages, sums in the hundreds of billions."""
    books = x10_book_pdfs["garut-x10"]
    check_buku_2_and_3(books[2]["pdf"], books[3]["pages"], read=books[2]["pages"])


def check_buku_2_and_3(pdf, pdf_buku_3, read=None):
    """Buku 2's summary, action plan and program tables add up and agree; Buku 3 names the same
    total and its own tables add up. ``read``: Buku 2 already read (layoutcheck.read_pdf)."""
    lines = book_lines(read or pdf, chapter_pages(pdf, "Program Smart City", "Rencana Aksi"))
    summary = check_summary(lines, _heading_text(lines, "Ringkasan Anggaran"))
    by_dimension = summary["by_dimension"]
    action_plan = check_action_plan(lines)
    assert action_plan == {d: v["jumlah"] for d, v in by_dimension.items()}
    programs = check_program_tables(lines)
    for dimension, cells in by_dimension.items():
        for horizon in HORIZONS:
            assert programs.get((dimension, horizon), 0) == cells[horizon], (dimension, horizon)
    buku_3 = book_lines(pdf_buku_3)
    summary_3 = check_summary(buku_3, _heading_text(buku_3, "Kebutuhan Anggaran"))
    assert summary_3["total"] == summary["total"]
    assert check_dimension_overview(buku_3, summary_3["by_dimension"]) == summary["total"]


def _heading_text(lines, title):
    return lines[_heading_index(lines, title, 0)].text

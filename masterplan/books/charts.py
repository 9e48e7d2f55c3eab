"""Charts drawn by the project as inline SVG for print: the road map of a dimension's programs by
year, and the bars of a quick win's schedule by month. Plain rects and text only (no filters, no
gradients). WeasyPrint lays SVG text out letter by letter, so charts carry only the text they
must.

The road map scales to the text width (165 mm: its WIDTH of 680 units prints 10 units at about
6.9 pt). Its labels are wrapped by their real width in the print font (PT Sans, measured from
static/print/fonts), never cut: a long name takes more lines and its row grows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from fontTools.ttLib import TTFont

from masterplan.formats import EMPTY, format_short_number

from .assets import print_static_dir

WIDTH = 680  # user units; the SVG scales to the text width
FONT_SIZE = 10  # one size for every label
LINE_H = 11.5
ROW_H = 22  # the least row height (one line)
ROW_PAD = 8
HEAD_H = 26
LEGEND_H = 22
# One chart is never taller than what a page holds under a chapter title and a heading (about
# 200 mm): longer lists are split into several charts, by rows and by height (wrapped names).
ROWS_PER_CHART = 30
MAX_ROWS_HEIGHT = 680  # with head and legend about 178 mm
HORIZON_STYLE = {
    "short": ("#1f6f50", "Jangka pendek"),
    "medium": ("#2f5f98", "Jangka menengah"),
    "long": ("#8a5a14", "Jangka panjang"),
}
GRID = "#d0d5da"
STRIPE = "#f1f3f5"

# Road map columns: program name, lead agency, budget, then the years.
NAME_W = 204
AGENCY_X, AGENCY_W = 210, 62
BUDGET_RIGHT, BUDGET_W = 330, 52
YEARS_X = 342


# --- text measure -------------------------------------------------------------------------------

FONT_FILES = {False: "pt-sans-latin-400-normal.woff", True: "pt-sans-latin-700-normal.woff"}
FALLBACK_EM = 0.56  # average advance of PT Sans, for a font that cannot be read


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance width per code point, in em, of the print font; and the width of a missing glyph."""
    try:
        font = TTFont(str(print_static_dir() / "fonts" / FONT_FILES[bold]), lazy=True)
        upem = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {cp: metrics[name][0] / upem for cp, name in font.getBestCmap().items()}
        font.close()
    except (OSError, KeyError):
        return {}, FALLBACK_EM
    return widths, FALLBACK_EM


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    widths, missing = _advances(bold)
    return sum(widths.get(ord(c), missing) for c in text) * size


def wrap(text: str, width: float, size: float = FONT_SIZE, bold: bool = False) -> list[str]:
    """The lines ``text`` takes in ``width`` units: broken between words, a word wider than the
    line broken where it must. Never shortened."""
    lines: list[str] = []
    line = ""
    for word in (text or "").split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold) > width and len(line) > 1:  # one word too wide
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut] + "-", size, bold) > width:
                cut -= 1
            lines.append(line[:cut] + "-")
            line = line[cut:]
    if line or not lines:
        lines.append(line)
    return lines


def _text_lines(x, top, lines, anchor="start", bold=False):
    """<text> elements for lines whose block starts at ``top``."""
    weight = ' font-weight="bold"' if bold else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return [
        f'<text x="{x}" y="{top + k * LINE_H + LINE_H * 0.78:.1f}"{anchor_attr}{weight}>{escape(line)}</text>'
        for k, line in enumerate(lines)
    ]


def _head(x, y, text, anchor="start"):
    """A bold column heading."""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{anchor_attr} font-weight="bold">{escape(text)}</text>'


def _rule(y, color=GRID, stroke=0.5):
    return f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" stroke="{color}" stroke-width="{stroke}"/>'


def _stripe(x, y, w, h):
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{STRIPE}"/>'


def _bar(x, y, w, color):
    """A bar 12 units high centred on ``y``."""
    return f'<rect x="{x:.1f}" y="{y - 6:.1f}" width="{w:.1f}" height="12" rx="3" fill="{color}"/>'


def _svg_open(height, title):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img" aria-label="{escape(title)}" '
        f'font-family="PT Sans, sans-serif" font-size="{FONT_SIZE}">'
    )


def _chunks(rows, heights):
    """Rows split into charts of at most ROWS_PER_CHART rows and MAX_ROWS_HEIGHT units."""
    chunk, used = [], 0.0
    for row, h in zip(rows, heights, strict=True):
        if chunk and (len(chunk) == ROWS_PER_CHART or used + h > MAX_ROWS_HEIGHT):
            yield chunk
            chunk, used = [], 0.0
        chunk.append((row, h))
        used += h
    if chunk:
        yield chunk


# --- road map -----------------------------------------------------------------------------------


def _agency_label(program):
    agency = program.lead_agency or program.section.agency
    return agency.acronym or agency.name


@dataclass
class _RoadmapRow:
    program: object
    name: list[str]
    agency: list[str]
    height: float


def roadmap_chart_svgs(programs, years, title=""):
    """One or more SVG strings with a row per program: its name, lead agency and budget, a bar
    across the years it runs, a dot for each year that has a planned activity; and a legend."""
    programs = list(programs)
    if not programs or not years:
        return []
    rows = []
    for p in programs:
        name = wrap(p.name, NAME_W)
        agency = wrap(_agency_label(p), AGENCY_W)
        height = max(ROW_H, max(len(name), len(agency)) * LINE_H + ROW_PAD)
        rows.append(_RoadmapRow(p, name, agency, height))
    return [_roadmap_svg(chunk, years, title) for chunk in _chunks(rows, [r.height for r in rows])]


def _roadmap_svg(chunk, years, title):
    col_w = (WIDTH - YEARS_X) / len(years)
    rows_h = sum(h for _row, h in chunk)
    height = HEAD_H + rows_h + LEGEND_H + 6
    first = years[0]
    out = [_svg_open(height, title)]
    for i, year in enumerate(years):
        x = YEARS_X + i * col_w
        if i % 2 == 0:
            out.append(_stripe(x, HEAD_H - 4, col_w, rows_h + 4))
        out.append(_head(x + col_w / 2, HEAD_H - 9, str(year), "middle"))
    out.append(_head(0, HEAD_H - 9, "Program"))
    out.append(_head(AGENCY_X, HEAD_H - 9, "OPD"))
    out.append(_head(BUDGET_RIGHT, HEAD_H - 9, "Rp", "end"))
    out.append(_rule(HEAD_H - 4, "#1d3b5c", 0.8))
    y = HEAD_H
    for row, h in chunk:
        p = row.program
        out += _text_lines(0, y + (h - len(row.name) * LINE_H) / 2, row.name)
        out += _text_lines(AGENCY_X, y + (h - len(row.agency) * LINE_H) / 2, row.agency)
        budget = format_short_number(p.budget) or EMPTY
        out += _text_lines(BUDGET_RIGHT, y + (h - LINE_H) / 2, [budget], anchor="end")
        out.append(_rule(y + h))
        start, end = max(p.start_year, first), min(p.end_year, years[-1])
        if start <= end:
            color = HORIZON_STYLE.get(p.horizon, ("#555", ""))[0]
            out.append(_bar(YEARS_X + (start - first) * col_w + 2, y + h / 2, (end - start + 1) * col_w - 4, color))
            for year in sorted({r.year for r in p.roadmap.all()}):
                if start <= year <= end:
                    cx = YEARS_X + (year - first + 0.5) * col_w
                    out.append(f'<circle cx="{cx:.1f}" cy="{y + h / 2:.1f}" r="3" fill="#fff"/>')
        y += h
    # legend: colour AND words, so the chart reads in black and white too
    ly = y + 16
    x = 0
    for color, label in HORIZON_STYLE.values():
        out.append(f'<rect x="{x}" y="{ly - 8:.1f}" width="14" height="8" rx="2" fill="{color}"/>')
        out.append(f'<text x="{x + 18}" y="{ly:.1f}">{label}</text>')
        x += 105
    out.append(f'<circle cx="{x + 7}" cy="{ly - 4:.1f}" r="3" fill="#fff" stroke="#333" stroke-width="0.8"/>')
    out.append(f'<text x="{x + 16}" y="{ly:.1f}">Kegiatan rencana aksi pada tahun itu</text>')
    out.append(f'<text x="{WIDTH}" y="{ly:.1f}" text-anchor="end">Rp: anggaran (jt = juta, M = miliar)</text>')
    out.append("</svg>")
    return "".join(out)


# --- quick win schedule -------------------------------------------------------------------------


def schedule_bar_svg(first, last, months):
    """One phase of a quick win's schedule: a light track of ``months`` months with a bar over
    months ``first``..``last``. No text: the schedule table around it carries the words and the
    month numbers (WeasyPrint lays SVG text out letter by letter, HTML text by the line); the box
    is stretched to the table's month columns (preserveAspectRatio none), one unit per month."""
    first, last = max(first, 1), min(last, months)
    bar = ""
    if first <= last:
        color = HORIZON_STYLE["short"][0]
        bar = (
            f'<rect x="{first - 1 + 0.08:.2f}" y="2" width="{last - first + 1 - 0.16:.2f}" height="6" fill="{color}"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="schedule-bar" viewBox="0 0 {months} 10" '
        f'preserveAspectRatio="none" role="img" aria-label="Bulan {first}–{last}">'
        f'<rect x="0" y="3.5" width="{months}" height="3" fill="{STRIPE}"/>{bar}</svg>'
    )

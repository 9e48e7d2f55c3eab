"""Charts drawn by the project as inline SVG for print: the road map of a dimension's programs
by year. Plain rects and text only (WeasyPrint draws them fast; no filters, no gradients)."""

from django.utils.html import escape

WIDTH = 680  # user units; the SVG scales to the text width
LABEL_W = 230
ROW_H = 22
HEAD_H = 26
LEGEND_H = 22
ROWS_PER_CHART = 24  # one chart never taller than a page: longer lists are split
HORIZON_STYLE = {
    "short": ("#1f6f50", "Jangka pendek"),
    "medium": ("#2f5f98", "Jangka menengah"),
    "long": ("#8a5a14", "Jangka panjang"),
}


def _wrap(text, width=38, lines=2):
    words, out, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def roadmap_chart_svgs(programs, years, title=""):
    """One or more SVG strings (ROWS_PER_CHART programs each) with a bar per program across the
    years it runs, a dot for each year that has a planned activity, and a legend."""
    programs = list(programs)
    if not programs or not years:
        return []
    return [
        _roadmap_svg(programs[i : i + ROWS_PER_CHART], years, title) for i in range(0, len(programs), ROWS_PER_CHART)
    ]


def _roadmap_svg(programs, years, title):
    col_w = (WIDTH - LABEL_W) / len(years)
    height = HEAD_H + ROW_H * len(programs) + LEGEND_H + 6
    first = years[0]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="PT Sans, sans-serif" font-size="10">'
    ]
    # year header and column stripes
    for i, year in enumerate(years):
        x = LABEL_W + i * col_w
        if i % 2 == 0:
            out.append(
                f'<rect x="{x:.1f}" y="{HEAD_H - 4}" width="{col_w:.1f}" '
                f'height="{ROW_H * len(programs) + 4}" fill="#f1f3f5"/>'
            )
        out.append(
            f'<text x="{x + col_w / 2:.1f}" y="{HEAD_H - 9}" text-anchor="middle" font-weight="bold">{year}</text>'
        )
    out.append(f'<text x="0" y="{HEAD_H - 9}" font-weight="bold">Program</text>')
    for row, p in enumerate(programs):
        y = HEAD_H + row * ROW_H
        lines = _wrap(p.name)
        ty = y + (ROW_H / 2) + 3 - (5 if len(lines) > 1 else 0)
        for k, line in enumerate(lines):
            out.append(
                f'<text x="0" y="{ty + k * 10:.1f}" font-size="{9 if len(lines) > 1 else 10}">{escape(line)}</text>'
            )
        out.append(
            f'<line x1="0" y1="{y + ROW_H:.1f}" x2="{WIDTH}" y2="{y + ROW_H:.1f}" stroke="#d0d5da" stroke-width="0.5"/>'
        )
        start, end = max(p.start_year, first), min(p.end_year, years[-1])
        if end < start:
            continue
        color = HORIZON_STYLE.get(p.horizon, ("#555", ""))[0]
        x = LABEL_W + (start - first) * col_w + 2
        w = (end - start + 1) * col_w - 4
        out.append(f'<rect x="{x:.1f}" y="{y + 5:.1f}" width="{w:.1f}" height="{ROW_H - 10}" rx="3" fill="{color}"/>')
        for year in sorted({r.year for r in p.roadmap.all()}):
            if start <= year <= end:
                cx = LABEL_W + (year - first + 0.5) * col_w
                out.append(f'<circle cx="{cx:.1f}" cy="{y + ROW_H / 2:.1f}" r="3" fill="#fff"/>')
    # legend: colour AND words, so the chart reads in black and white too
    ly = HEAD_H + ROW_H * len(programs) + 16
    x = 0
    for color, label in HORIZON_STYLE.values():
        out.append(f'<rect x="{x}" y="{ly - 8}" width="14" height="8" rx="2" fill="{color}"/>')
        out.append(f'<text x="{x + 18}" y="{ly}">{label}</text>')
        x += 120
    out.append(f'<circle cx="{x + 7}" cy="{ly - 4}" r="3" fill="#fff" stroke="#333" stroke-width="0.8"/>')
    out.append(f'<text x="{x + 16}" y="{ly}">Kegiatan rencana aksi pada tahun itu</text>')
    out.append("</svg>")
    return "".join(out)

"""The outline of one book: its chapters (numbered BAB I, II, ... unless front matter) and their
sections, computed in Python so the table of contents, the headings, the bookmarks and the
running header all agree. Each chapter kind lists the sections it prints; the print partial of
the kind renders them."""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dimensions import rules
from masterplan.formats import roman

from .chapters import ChapterKind, narrative_title
from .charts import roadmap_chart_svgs, schedule_bar_svg


@dataclass
class SectionView:
    title: str
    kind: str  # what the partial prints: "narrative" or a kind-specific name
    payload: object = None
    number: str = ""
    anchor: str = ""
    heading: bool = True  # False: printed without its own heading (a chapter's only text)
    new_page: bool = False

    @property
    def label(self):
        return f"{self.number} {self.title}".strip()


@dataclass
class ChapterView:
    definition: object
    title: str
    number: int | None  # None for front matter
    anchor: str
    sections: list = field(default_factory=list)

    @property
    def kind(self):
        return self.definition.kind

    @property
    def roman(self):
        return roman(self.number) if self.number else ""

    @property
    def label(self):
        return f"BAB {self.roman}" if self.number else ""

    @property
    def running_title(self):
        return f"{self.label}  {self.title}".strip() if self.number else self.title


@dataclass
class Caption:
    kind: str  # "table" or "figure"
    label: str  # "Tabel 2.1"
    title: str
    anchor: str


class Captions:
    """The captions of a book's tables and figures, numbered per chapter (Tabel 2.1, Gambar 5.1)
    in the order the body prints them: the print partials add theirs (the ``caption`` tag), the
    front matter then lists them with their pages. A long book lists them (LIST_MIN captions or
    more); a summary of a few pages does not need it."""

    LIST_MIN = 10
    WORDS = {"table": gettext_lazy("Tabel"), "figure": gettext_lazy("Gambar")}
    ANCHORS = {"table": "tabel", "figure": "gambar"}

    def __init__(self):
        self.items: list[Caption] = []
        self._counts = Counter()

    def add(self, kind: str, chapter_number: int, title: str) -> Caption:
        self._counts[kind, chapter_number] += 1
        number = f"{chapter_number}.{self._counts[kind, chapter_number]}"
        caption = Caption(kind, f"{self.WORDS[kind]} {number}", title, f"{self.ANCHORS[kind]}-{number}")
        self.items.append(caption)
        return caption

    @property
    def listed(self) -> bool:
        return len(self.items) >= self.LIST_MIN

    @property
    def tables(self) -> list[Caption]:
        return [c for c in self.items if c.kind == "table"] if self.listed else []

    @property
    def figures(self) -> list[Caption]:
        return [c for c in self.items if c.kind == "figure"] if self.listed else []


def _narrative_sections(chapter, data):
    region = data.region
    sections = []
    for key in chapter.keys:
        title = str(narrative_title(key))
        if key == "kata_pengantar_kepala_daerah" and region.head_title:
            title = _("Sambutan %(title)s %(region)s") % {"title": region.head_title, "region": region.name}
        text = data.narratives.get(key)
        sections.append(
            SectionView(
                title=title, kind="narrative", payload={"key": key, "html": mark_safe(text.html) if text else ""}
            )
        )
    return sections


def _per_dimension(data, kind, has_content):
    return [
        SectionView(title=d.dimension.name, kind=kind, payload=d if has_content(d) else None) for d in data.dimensions
    ]


# "Bulan 1–2: penyiapan sistem", "bulan 3: uji coba", "Bulan 4 s.d. 6 ..." (one phase each,
# separated by ";" or new lines) as Diskominfo writes a quick win's schedule.
_PHASE = re.compile(
    r"^(?:bulan|bln\.?)\s*(?:ke-?\s*)?(\d{1,2})"
    r"(?:\s*(?:[-–—]|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*(?:bulan\s*)?(\d{1,2}))?"
    r"\s*[:.,]?\s*(.*?)[\s.;]*$",
    re.I,
)
MAX_SCHEDULE_MONTHS = 24


def schedule_phases(text):
    """[(first month, last month, activity)] of a schedule written phase by phase, or None when
    some part of it does not read so (the text is then printed as written)."""
    parts = [p.strip() for p in re.split(r"[;\n]+", text or "") if p.strip()]
    phases = []
    for part in parts:
        m = _PHASE.match(part)
        if not m:
            return None
        first = int(m[1])
        last = int(m[2]) if m[2] else first
        if not 1 <= first <= last <= MAX_SCHEDULE_MONTHS:
            return None
        activity = m[3].strip()
        phases.append((first, last, activity[:1].upper() + activity[1:]))
    return phases or None


def _impact_indicators(program):
    """The program's indicators with the baseline and the target the quick win reaches: the last one
    in the program's years (where dimensions.rules puts a program indicator's targets); in data
    written before that rule, the last one before the program ends, else the first one set."""
    span = rules.program_span(program.start_year, program.end_year)
    rows = []
    for ind in program.indicators.all():
        targets = sorted(ind.targets.all(), key=lambda t: t.year)
        within = [t for t in targets if t.year in span] or [t for t in targets if t.year <= span.last]
        target = within[-1] if within else (targets[0] if targets else None)
        rows.append({"indicator": ind, "target": target})
    return rows


def _quick_win_profile(qw):
    """What a quick win's profile page prints besides the quick win itself: its schedule as a
    month chart (a row per phase) and its program's indicators with baseline and target."""
    months = max(qw.duration_months or 1, 1)
    read = schedule_phases(qw.schedule)
    if read:
        months = min(max(months, max(last for _f, last, _a in read)), MAX_SCHEDULE_MONTHS)
    # nothing to read phase by phase: one bar for the whole quick win, and the text as written
    phases = read or [(1, months, _("Pelaksanaan quick win"))]
    return {
        "qw": qw,
        "program": qw.program,
        "months": list(range(1, months + 1)),
        "phases": [
            {
                "first": first,
                "last": last,
                "activity": activity,
                "bar": mark_safe(schedule_bar_svg(first, last, months)),
            }
            for first, last, activity in phases
        ],
        "schedule_as_text": bool(qw.schedule) and not read,
        "indicators": _impact_indicators(qw.program),
    }


def _kind_sections(chapter, data, references):
    kind = chapter.kind
    mp = data.masterplan
    if kind == ChapterKind.REGIONAL_PROFILE:
        return [
            SectionView(_("Data Umum Daerah"), "profile_facts"),
            SectionView(_("Perangkat Daerah"), "profile_agencies", data.agencies),
        ]
    if kind == ChapterKind.READINESS:
        return [SectionView(str(label), "readiness_component", items) for label, items in data.readiness_by_component]
    if kind == ChapterKind.GAP:
        return _per_dimension(data, "gap_dimension", lambda d: d.gaps)
    if kind == ChapterKind.SWOT:
        return _per_dimension(data, "swot_dimension", lambda d: d.has_swot)
    if kind == ChapterKind.VISION_MISSION_GOALS:
        return [
            SectionView(_("Visi"), "vision", mp.vision),
            SectionView(_("Misi"), "mission", mp.missions),
            SectionView(_("Sasaran dan Indikator"), "goals", data.dimensions),
            SectionView(_("Strategi"), "strategy_summary", data.dimensions),
        ]
    if kind == ChapterKind.VISION_REFERENCE:
        # Buku 2 states the vision its programs serve and points to where mission, goals and
        # indicators are set out, instead of reprinting them.
        where = references.get(ChapterKind.VISION_MISSION_GOALS, "")
        return [
            SectionView(_("Visi"), "vision_reference", {"vision": mp.vision, "missions": mp.missions, "where": where})
        ]
    if kind == ChapterKind.STRATEGIES:
        return _per_dimension(data, "strategy_dimension", lambda d: d.has_strategies)
    if kind == ChapterKind.PROGRAMS:
        return _per_dimension(data, "program_dimension", lambda d: d.programs)
    if kind == ChapterKind.ACTION_PLAN:
        # Each dimension's action plan, then the budget summary by year, horizon and source.
        return [
            *_per_dimension(data, "action_plan_dimension", lambda d: d.programs),
            SectionView(_("Ringkasan Anggaran"), "summary_budget"),
        ]
    if kind == ChapterKind.ROADMAP:
        sections = []
        for d in data.dimensions:
            charts = [mark_safe(svg) for svg in roadmap_chart_svgs(d.programs, mp.years, title=d.dimension.name)]
            sections.append(SectionView(d.dimension.name, "roadmap_dimension", {"dim": d, "charts": charts}))
        return sections
    if kind == ChapterKind.GOVERNANCE:
        return [
            SectionView(_("Dewan Smart City"), "governance_dewan"),
            SectionView(_("Tim Pelaksana"), "governance_team"),
            SectionView(_("Monitoring dan Evaluasi"), "governance_monitoring"),
        ]
    if kind == ChapterKind.EXECUTIVE_SUMMARY:
        return [
            SectionView(_("Visi dan Misi"), "summary_vision"),
            SectionView(_("Gambaran per Dimensi"), "summary_dimensions"),
            SectionView(_("Program Utama"), "summary_programs"),
            SectionView(_("Quick Win"), "summary_quick_wins"),
            SectionView(_("Kebutuhan Anggaran"), "summary_budget"),
        ]
    if kind == ChapterKind.QUICK_WIN_PROFILES:
        sections = [SectionView(_("Daftar Quick Win"), "quick_win_list", data.quick_wins)]
        sections += [
            SectionView(qw.name, "quick_win_profile", _quick_win_profile(qw), new_page=True) for qw in data.quick_wins
        ]
        return sections
    if kind == ChapterKind.CLOSING:
        return [SectionView(_("Pengesahan"), "signature", heading=False)]
    return []


# Chapters whose sections (one per dimension, mostly) each open a page: in a long book they are
# the longest chapters, and a section that opens a page is where the renderer may cut a chapter
# into parts laid out apart (services.book_plan_build) without changing a line of the book.
PAGE_PER_SECTION = {ChapterKind.STRATEGIES, ChapterKind.PROGRAMS, ChapterKind.ACTION_PLAN, ChapterKind.ROADMAP}


def book_outline(definitions, data, references=None):
    """The chapters of a book (its ordered chapter definitions) with numbered, anchored sections.
    ``references``: where other books print a kind of chapter (selectors.chapter_references)."""
    references = references or {}
    chapters = []
    number = 0
    for index, definition in enumerate(definitions, start=1):
        if not definition.front_matter:
            number += 1
        chapter = ChapterView(
            definition=definition,
            title=definition.title,
            number=None if definition.front_matter else number,
            anchor=f"bab-{index}",
        )
        sections = _narrative_sections(definition, data) + _kind_sections(definition, data, references)
        visible = [s for s in sections if s.heading]
        if len(visible) == 1 and visible[0].kind == "narrative":
            visible[0].heading = False  # a chapter of one text: the chapter title is its heading
        for k, s in enumerate((s for s in sections if s.heading), start=1):
            s.number = f"{number}.{k}" if chapter.number else ""
            s.anchor = f"{chapter.anchor}-{k}"
            if definition.front_matter or definition.kind in PAGE_PER_SECTION:
                s.new_page = s.new_page or k > 1
        chapter.sections = sections
        chapters.append(chapter)
    return chapters

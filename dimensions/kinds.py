"""The registry of the kinds of entry an agency writes in a section, in the order of the analysis
flow. Everything that treats entries asks it: the URLs (``code``), the forms, the queries of the
pages (what a row shows, the order), which section an entry belongs to (also for history records
of deleted ones), which list of the page it sits in, how it is counted, what is deleted and
restored with it, the history and the demo.

Adding a kind is one ``Kind(...)`` in ``KINDS`` plus its model, its form and its row template
(``templates/dimensions/rows/<code>.html``).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Model, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from dimensions import forms
from dimensions.models import (
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Strategy,
    SwotEntry,
)
from masterplan.lookups import is_id


@dataclass(frozen=True)
class Kind:
    code: str
    model: type[Model]
    form: type[forms.EntryForm]
    label: str  # one entry ("Butir SWOT")
    add_label: str  # the button that adds one
    edit_label: str  # the heading of its edit form ("Ubah butir SWOT": not the label lower-cased)
    short_label: str  # a column of counts ("SWOT")
    # An entry hangs on its section, or on one of these parent entries (FK names that are also
    # kind codes), which do.
    parents: tuple[str, ...] = ()
    # The parent comes from the list the entry is added to ("goal-12"); otherwise the form picks it.
    parent_from_group: bool = False
    # The field whose value picks the list of the page the entry sits in (a quadrant, a horizon).
    group_field: str | None = None
    # What a row shows, loaded with the entry.
    select_related: tuple[str, ...] = ("section__agency",)
    prefetch: Callable[[], list] = list
    # The order of the entries on the page (the model's own ordering when empty).
    order_by: tuple[str, ...] = ()
    # Rows of other kinds shown inside an entry's row: (related name, kind code).
    nested: tuple[tuple[str, str], ...] = ()
    # Related names of what is deleted with an entry, and restored with it.
    cascade: tuple[str, ...] = ()
    # Counted in the progress matrix and the dimension overview, and what a dimension without any
    # lacks; with ``every_group`` each list (e.g. each SWOT quadrant) must have one.
    counted: bool = True
    missing: str = ""
    every_group: bool = False
    # Refusals of a restore: the parent is deleted too / the parent has another one already.
    parent_gone: str = ""
    parent_taken: str = ""
    # Help where the step is filled in: what to write, after the Kominfo method, and an example.
    guidance: str = ""
    example: str = ""

    # Where an entry belongs ----------------------------------------------------------------------

    @property
    def section_paths(self) -> tuple[str, ...]:
        """The ORM paths from the model to its section."""
        return tuple(f"{p}__section" for p in self.parents) or ("section",)

    @property
    def count_path(self) -> str:
        return self.section_paths[0]

    def in_section(self, section) -> QuerySet:
        """The entries of this kind of one section: entries are looked up only through here."""
        return self.model.objects.filter(reduce(or_, (Q(**{p: section}) for p in self.section_paths)))

    def of_sections(self, section_ids) -> Q:
        """A filter of this kind's entries of the given sections."""
        return reduce(or_, (Q(**{f"{p}__in": section_ids}) for p in self.section_paths))

    def section_id_of(self, entry) -> int:
        for p in self.parents:
            if getattr(entry, f"{p}_id"):
                return getattr(entry, p).section_id
        return entry.section_id

    def parent_of(self, record) -> tuple["Kind", int] | tuple[None, None]:
        """The parent kind and id an entry (or its history record) hangs on."""
        for p in self.parents:
            pk = getattr(record, f"{p}_id")
            if pk:
                return KINDS[p], pk
        return None, None

    def history_in_section(self, section) -> Q:
        """A filter of this kind's history records of one section (through live parents)."""
        if not self.parents:
            return Q(section_id=section.pk)
        return reduce(
            or_,
            (Q(**{f"{p}_id__in": KINDS[p].model.objects.filter(section=section).values("pk")}) for p in self.parents),
        )

    # The page ------------------------------------------------------------------------------------

    def queryset(self) -> QuerySet:
        """The entries with everything their row shows (for the whole flow and one row alike)."""
        qs = self.model.objects.select_related(*self.select_related).prefetch_related(*self.prefetch())
        return qs.order_by(*self.order_by) if self.order_by else qs

    def dom_id(self, pk: int) -> str:
        """The HTML id of an entry's row on the section page (a link's anchor: #entry-swot-12)."""
        return f"entry-{self.code}-{pk}"

    def group_of(self, entry) -> str:
        """The key of the list the entry is shown in (a page has one list per group)."""
        if self.group_field:
            return getattr(entry, self.group_field)
        if self.parent_from_group:
            kind, pk = self.parent_of(entry)
            return f"{kind.code}-{pk}"
        return "all"

    def initial_for(self, group: str) -> dict:
        """Initial values of a new entry added under a list of the page."""
        if not self.group_field:
            return {}
        choices = {str(value) for value, _label in self.model._meta.get_field(self.group_field).flatchoices}
        if group not in choices:
            return {}
        return self.form.initial_for_group(self.group_field, group)

    def new_entry(self, section, user, group: str) -> Model:
        """A new, unsaved entry of the section; its parent, when the list names it, of the
        section too (else 404)."""
        if not self.parents:
            return self.model(section=section, created_by=user)
        if not self.parent_from_group:
            return self.model()  # the form picks the parent
        parent_code, _sep, pk = group.partition("-")
        if parent_code not in self.parents or not is_id(pk):
            raise Http404
        parent = KINDS[parent_code].model.objects.filter(section=section, pk=pk).first()
        if parent is None:
            raise Http404
        return self.model(**{parent_code: parent})

    # Delete and restore --------------------------------------------------------------------------

    def cascade_rows(self, entry) -> list[Model]:
        """What is deleted with an entry, deepest first (so a restore can go the other way)."""
        rows = []
        for name in self.cascade:
            relation = self.model._meta.get_field(name)
            for child in relation.related_model.objects.filter(**{relation.field.name: entry}).order_by("pk"):
                child_kind = kind_for_model(type(child))
                if child_kind is not None:
                    rows.extend(child_kind.cascade_rows(child))
                rows.append(child)
        return rows

    def cascade_models(self) -> Iterator[type[Model]]:
        """The models deleted with an entry, parents before children."""
        for name in self.cascade:
            model = self.model._meta.get_field(name).related_model
            yield model
            child_kind = kind_for_model(model)
            if child_kind is not None:
                yield from child_kind.cascade_models()


def _indicators():
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
        ).order_by("pk"),
    )


KINDS: dict[str, Kind] = {
    k.code: k
    for k in (
        Kind(
            "readiness",
            ReadinessItem,
            forms.ReadinessItemForm,
            _("Butir kesiapan"),
            _("Tambah butir kesiapan"),
            _("Ubah butir kesiapan"),
            _("Kesiapan"),
            group_field="subcomponent",
            order_by=("pk",),
            missing=_("Belum ada butir kesiapan"),
            guidance=_(
                "Tuliskan kondisi daerah saat ini pada tiga komponen kesiapan: struktur (alam dan budaya), "
                "infrastruktur (fisik, TIK, sosial) dan suprastruktur (kebijakan, kelembagaan, anggaran), "
                "masing-masing dengan data dukungnya."
            ),
            example=_(
                "Infrastruktur TIK: 38 dari 42 kecamatan sudah terhubung jaringan internet Pemda. "
                "Data dukung: Laporan Diskominfo 2024."
            ),
        ),
        Kind(
            "gap",
            GapItem,
            forms.GapItemForm,
            _("Butir kesenjangan"),
            _("Tambah butir kesenjangan"),
            _("Ubah butir kesenjangan"),
            _("Kesenjangan"),
            select_related=("section__agency", "element"),
            order_by=("element__order", "pk"),
            missing=_("Belum ada butir kesenjangan"),
            guidance=_(
                "Bandingkan kondisi saat ini dengan kondisi yang diharapkan untuk dimensi atau elemennya; "
                "kesenjangan adalah jarak di antara keduanya, yang kelak dijawab oleh program."
            ),
            example=_(
                "Saat ini 55 % sampah terangkut; diharapkan 85 % pada akhir periode. Kesenjangan: 30 % sampah "
                "belum terangkut karena armada dan TPS terbatas."
            ),
        ),
        Kind(
            "swot",
            SwotEntry,
            forms.SwotEntryForm,
            _("Butir SWOT"),
            _("Tambah butir SWOT"),
            _("Ubah butir SWOT"),
            _("SWOT"),
            group_field="quadrant",
            every_group=True,
            guidance=_(
                "Kekuatan dan kelemahan adalah faktor internal daerah, peluang dan ancaman faktor eksternal. "
                "Tulis satu pernyataan per butir dengan data dukungnya; butir SWOT menjadi bahan strategi."
            ),
            example=_("Kelemahan: data timbulan sampah belum diperbarui sejak 2021 (Laporan DLH 2023)."),
        ),
        Kind(
            "strategy",
            Strategy,
            forms.StrategyForm,
            _("Strategi"),
            _("Tambah strategi"),
            _("Ubah strategi"),
            _("Strategi"),
            group_field="kind",
            prefetch=lambda: [
                Prefetch(
                    "swot_entries",
                    queryset=SwotEntry.objects.select_related("section__agency").order_by(
                        SwotEntry.quadrant_order(), "pk"
                    ),
                )
            ],
            nested=(("swot_entries", "swot"),),
            missing=_("Belum ada strategi"),
            guidance=_(
                "Bentuk strategi dari pasangan butir SWOT: SO memakai kekuatan untuk meraih peluang, WO "
                "memperbaiki kelemahan dengan peluang, ST memakai kekuatan menghadapi ancaman, WT menekan "
                "kelemahan sekaligus menghindari ancaman."
            ),
            example=_(
                "WO: memanfaatkan dana CSR (peluang) untuk membangun sistem data persampahan yang belum ada "
                "(kelemahan)."
            ),
        ),
        Kind(
            "goal",
            Goal,
            forms.GoalForm,
            _("Sasaran"),
            _("Tambah sasaran"),
            _("Ubah sasaran"),
            _("Sasaran"),
            prefetch=lambda: [_indicators()],
            nested=(("indicators", "indicator"),),
            cascade=("indicators",),
            missing=_("Belum ada sasaran"),
            guidance=_(
                "Sasaran menyatakan hasil yang ingin dicapai dimensi ini dalam periode masterplan; setiap "
                "sasaran diukur dengan indikator."
            ),
            example=_("Pengelolaan sampah yang tuntas di seluruh kecamatan."),
        ),
        Kind(
            "indicator",
            Indicator,
            forms.IndicatorForm,
            _("Indikator"),
            _("Tambah indikator"),
            _("Ubah indikator"),
            _("Indikator"),
            parents=("goal", "program"),
            parent_from_group=True,
            select_related=("goal__section__agency", "program__section__agency"),
            prefetch=lambda: [Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))],
            cascade=("targets",),
            counted=False,
            parent_gone=_("Induk indikator ini (sasaran atau program) juga terhapus; pulihkan induknya dahulu."),
            guidance=_(
                "Indikator harus terukur: satuan, nilai dasar (baseline) dan target per tahun. Target "
                "indikator program hanya untuk tahun program berjalan; target indikator sasaran untuk tahun "
                "periode masterplan."
            ),
            example=_(
                "Persentase aduan sampah selesai dalam 3 hari (%), baseline 40 (2024), target 60 (2025) dan 75 (2026)."
            ),
        ),
        Kind(
            "program",
            Program,
            forms.ProgramForm,
            _("Program"),
            _("Tambah program"),
            _("Ubah program"),
            _("Program"),
            group_field="horizon",
            select_related=("section__agency", "element", "lead_agency", "quick_win"),
            prefetch=lambda: [
                Prefetch("partner_agencies"),
                Prefetch("funding", queryset=ProgramFunding.objects.select_related("funding_source")),
                Prefetch("strategies", queryset=Strategy.objects.order_by(Strategy.kind_order(), "pk")),
                Prefetch("roadmap"),
                _indicators(),
            ],
            order_by=("element__order", "start_year", "name"),
            nested=(("indicators", "indicator"),),
            cascade=("indicators", "roadmap", "funding", "quick_win"),
            missing=_("Belum ada program"),
            guidance=_(
                "Program menjawab kesenjangan dan melaksanakan strategi, per elemen, dalam jangka pendek "
                "(1 tahun), menengah (5 tahun) atau panjang (hingga 10 tahun). Setiap program punya OPD "
                "penanggung jawab dan mitra, indikator terukur, peta jalan per tahun dengan anggaran, dan "
                "sumber dananya."
            ),
            example=_(
                "Jangka menengah 2025–2029: Sistem Informasi Persampahan Terpadu, dipimpin DLH bersama "
                "Diskominfo, mendukung strategi WO, dibiayai APBD."
            ),
        ),
        Kind(
            "quickwin",
            QuickWin,
            forms.QuickWinForm,
            _("Quick win"),
            _("Tambah quick win"),
            _("Ubah quick win"),
            _("Quick win"),
            parents=("program",),
            select_related=(
                "program__section__agency",
                "program__lead_agency",
                "program__element",
                "funding_source",
            ),
            order_by=("program__start_year", "name"),
            parent_gone=_("Program quick win ini juga terhapus; pulihkan programnya dahulu."),
            parent_taken=_("Program ini sudah memiliki quick win lain."),
            missing=_("Belum ada quick win"),
            guidance=_(
                "Quick win adalah program percepatan yang selesai dalam 6 sampai 12 bulan, mempertajam layanan "
                "yang sudah ada (bukan membangun infrastruktur) dan langsung dirasakan masyarakat; biasanya satu "
                "per dimensi, diwujudkan lewat program satu tahun."
            ),
            # Not a demo region's quick win: a region's pages never name another region (tests/crawl).
            example=_(
                "dr. Kepo di Kabupaten Gresik: layanan dokumen kependudukan secara daring, mempertajam layanan "
                "Disdukcapil yang sudah ada."
            ),
        ),
    )
}

# Kinds written in the section itself (not on a parent entry), in the order of the flow.
SECTION_KINDS = [k for k in KINDS.values() if not k.parents]


def kind_for_model(model: type[Model]) -> Kind | None:
    return next((k for k in KINDS.values() if k.model is model), None)


def kind_of(entry: Model) -> Kind:
    kind = kind_for_model(type(entry))
    if kind is None:
        raise TypeError(type(entry).__name__)
    return kind


def get_kind(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise Http404 from None


def anchor_of(model: type[Model], pk: int, program_id: int | None = None) -> str:
    """The anchor of an entry on the section page: its row (``entry-swot-12``). A program's road
    map year has no row of its own: its program's (``program_id``). Empty for anything else."""
    kind = kind_for_model(model)
    if kind is not None:
        return kind.dom_id(pk)
    if model is RoadmapEntry and program_id:
        return KINDS["program"].dom_id(program_id)
    return ""

"""Rules of what agencies write, each in one place: the database constraint's condition, the model
field's validator, the form field and the consistency report all ask here, so they cannot
disagree.

Imports nothing of the dimensions app (the models import it); money is written by the core's formats.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Case, Choices, F, IntegerField, Q, Value, When
from django.db.models.lookups import Exact
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from masterplan.formats import format_rupiah

# Budgets ---------------------------------------------------------------------------------------
# Program.budget and QuickWin.budget: left empty, or zero and up.

BUDGET_NEGATIVE = _("Anggaran tidak boleh negatif.")


def budget_not_negative(field: str = "budget") -> Q:
    """The condition of the database constraint."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0})


def budget_is_valid(amount: Decimal | None) -> bool:
    return amount is None or amount >= 0


def validate_budget(amount: Decimal | None) -> None:
    """The validator of the model field and the form field."""
    if not budget_is_valid(amount):
        raise ValidationError(BUDGET_NEGATIVE, code="negative")


# A program's budget: the total is the sum of the parts. ------------------------------------------
# Its budget per year is the amount of its road map years (RoadmapEntry.amount); its total
# (Program.budget, kept in the column for queries and the books) is their sum, set when they are
# saved and never typed; its split over funding sources (ProgramFunding.amount) adds up to that
# total to the rupiah. Quick wins keep their own budget and one funding source.

BUDGET_RULE_HELP = _(
    "Total anggaran program adalah jumlah anggaran per tahun di peta jalan; pembagian sumber dana "
    "harus berjumlah sama dengan total itu, tepat sampai rupiah."
)
SPLIT_MISMATCH = _("Pembagian sumber dana berjumlah %(split)s, tidak sama dengan total anggaran per tahun %(total)s.")
SPLIT_WITHOUT_YEARLY = _("Pembagian sumber dana berisi jumlah, tetapi anggaran per tahun di peta jalan belum diisi.")
SPLIT_AMOUNT_MISSING = _("Anggaran per tahun sudah diisi: setiap sumber dana perlu jumlahnya.")


def amounts_total(amounts: Iterable[Decimal | None]) -> Decimal | None:
    """The total of the parts given (empty parts left out); None when no part has an amount."""
    given = [a for a in amounts if a is not None]
    return sum(given, Decimal(0)) if given else None


def split_error(total: Decimal | None, split: Iterable[Decimal | None]) -> str | None:
    """What is wrong with a funding split against the program's total, or None when it adds up.

    No split at all is fine here (no funding source chosen yet is a missing budget, not a wrong
    one); without yearly amounts the sources may be named without amounts; with a total every
    source has an amount and together they make the total exactly."""
    split = list(split)
    if not split:
        return None
    if total is None:
        return None if all(a is None for a in split) else str(SPLIT_WITHOUT_YEARLY)
    if any(a is None for a in split):
        return str(SPLIT_AMOUNT_MISSING)
    parts = sum(split, Decimal(0))
    if parts != total:
        return str(SPLIT_MISMATCH) % {"split": format_rupiah(parts), "total": format_rupiah(total)}
    return None


def spread(total: Decimal, parts: int) -> list[Decimal]:
    """``total`` in ``parts`` equal parts of whole rupiah, the remainder (sen included) on the first,
    so that they add up to the total exactly."""
    if parts < 1:
        return []
    each = (total / parts).quantize(Decimal(1), rounding=ROUND_DOWN)
    return [total - each * (parts - 1)] + [each] * (parts - 1)


# Quick wins ------------------------------------------------------------------------------------
# A quick win is a program delivered in 6 to 12 months.

QUICK_WIN_MIN_MONTHS = 6
QUICK_WIN_MAX_MONTHS = 12
_MONTHS = {"min": QUICK_WIN_MIN_MONTHS, "max": QUICK_WIN_MAX_MONTHS}

QUICK_WIN_TOO_SHORT = _("Quick win berjalan paling singkat %(min)s bulan.")
QUICK_WIN_TOO_LONG = _("Quick win harus selesai dalam %(max)s bulan.")


def _months_text(message: str) -> str:
    return str(message) % _MONTHS


# Lazy: read when a page shows them, in the language of that request.
_months_text_lazy = lazy(_months_text, str)
QUICK_WIN_MONTHS_HELP = _months_text_lazy(_("Quick win selesai dalam %(min)s sampai %(max)s bulan."))
QUICK_WIN_TOO_LONG_TITLE = _months_text_lazy(_("Quick win lebih dari %(max)s bulan"))
QUICK_WIN_TOO_LONG_HINT = _months_text_lazy(QUICK_WIN_TOO_LONG)


def quick_win_months_in_range(field: str = "duration_months") -> Q:
    """The condition of the database constraint."""
    return Q(**{f"{field}__gte": QUICK_WIN_MIN_MONTHS}) & Q(**{f"{field}__lte": QUICK_WIN_MAX_MONTHS})


def quick_win_months_are_valid(months: int | None) -> bool:
    return months is not None and QUICK_WIN_MIN_MONTHS <= months <= QUICK_WIN_MAX_MONTHS


def validate_quick_win_months(months: int | None) -> None:
    """The validator of the model field and the form field (an empty value is the field's own
    "required" check)."""
    if months is None:
        return
    if months < QUICK_WIN_MIN_MONTHS:
        raise ValidationError(QUICK_WIN_TOO_SHORT, code="too_short", params=_MONTHS)
    if months > QUICK_WIN_MAX_MONTHS:
        raise ValidationError(QUICK_WIN_TOO_LONG, code="too_long", params=_MONTHS)


def quick_win_program_fits(start_year: int | None, end_year: int | None) -> bool:
    """A quick win hangs on a program of one year: a longer one cannot be done in 12 months."""
    return start_year is not None and end_year is not None and end_year <= start_year


def quick_win_program_filter(prefix: str = "") -> Q:
    """The programs a quick win may hang on, as a filter (``prefix`` "program__" from a quick win)."""
    return Q(**{f"{prefix}end_year__lte": F(f"{prefix}start_year")})


QUICK_WIN_PROGRAM_TOO_LONG = _(
    "Program induk berjalan %(a)s–%(b)s, lebih dari %(max)s bulan: quick win hanya untuk program satu tahun."
)
QUICK_WIN_PROGRAM_HELP = _months_text_lazy(
    _(
        "Quick win harus selesai dalam %(max)s bulan, jadi hanya program satu tahun (jangka pendek) yang "
        "belum memiliki quick win yang ditawarkan di sini."
    )
)
QUICK_WIN_NO_PROGRAM = _(
    "Bagian ini belum memiliki program satu tahun tanpa quick win; tambahkan dulu di langkah Program."
)


def quick_win_program_error(start_year: int | None, end_year: int | None) -> str | None:
    """What is wrong with the program a quick win hangs on, or None."""
    if start_year is None or end_year is None or quick_win_program_fits(start_year, end_year):
        return None
    return str(QUICK_WIN_PROGRAM_TOO_LONG) % {"a": start_year, "b": end_year, "max": QUICK_WIN_MAX_MONTHS}


QUICK_WIN_NO_BUDGET = _("Anggaran quick win belum diisi.")
QUICK_WIN_NO_SOURCE = _("Sumber dana quick win belum dipilih.")


# Years -----------------------------------------------------------------------------------------
# Every year written lies in a span: a program's years in the masterplan period; a road map year in
# its program's years; a yearly target of an indicator in its program's years (a goal's indicator:
# in the period). The forms offer and accept those years only; the report finds old data outside.


@dataclass(frozen=True)
class Span:
    first: int
    last: int
    of_program: bool = False  # a program's years, else the masterplan period (only the words differ)

    def __contains__(self, year: int | None) -> bool:
        return year is not None and self.first <= year <= self.last

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    def outside(self, years: Iterable[int | None]) -> list[int]:
        """The years given that lie outside, each once, in order."""
        return sorted({y for y in years if y is not None and y not in self})

    def error(self) -> str:
        """The form's message at a year outside."""
        if self.of_program:
            message = _("Tahun harus di antara tahun mulai dan selesai program (%(a)s–%(b)s).")
        else:
            message = _("Tahun harus di dalam periode masterplan (%(a)s–%(b)s).")
        return str(message) % {"a": self.first, "b": self.last}

    def finding(self, years: Iterable[int]) -> str:
        """The consistency report's message for years outside."""
        if self.of_program:
            message = _("Tahun %(y)s di luar masa program (%(a)s–%(b)s).")
        else:
            message = _("Tahun %(y)s di luar periode masterplan (%(a)s–%(b)s).")
        return str(message) % {"y": ", ".join(str(y) for y in years), "a": self.first, "b": self.last}


def period_span(masterplan) -> Span:
    """The masterplan's period (``period_start``..``period_end``)."""
    return Span(masterplan.period_start, masterplan.period_end)


def program_span(start_year: int | None, end_year: int | None) -> Span | None:
    """A program's years, or None while they are not known (or not in order)."""
    if start_year is None or end_year is None or end_year < start_year:
        return None
    return Span(start_year, end_year, of_program=True)


def target_span(masterplan, program=None) -> Span:
    """The years an indicator's yearly targets may take: its program's years, a goal's the period."""
    if program is not None:
        span = program_span(program.start_year, program.end_year)
        if span is not None:
            return span
    return period_span(masterplan)


def year_error(year: int | None, *spans: Span | None) -> str | None:
    """The message of the first span (the widest first) the year lies outside, or None."""
    for span in spans:
        if span is not None and year is not None and year not in span:
            return span.error()
    return None


def year_finding(years: Iterable[int], *spans: Span | None) -> str | None:
    """The report's message for the years outside the first span they break, or None."""
    years = list(years)
    for span in spans:
        if span is not None:
            outside = span.outside(years)
            if outside:
                return span.finding(outside)
    return None


# What a program needs ----------------------------------------------------------------------------
# Asked by its form while typing and by the consistency report; the model leaves them empty for
# drafts written elsewhere (the admin, old data).

PROGRAM_NO_LEAD = _("OPD penanggung jawab belum dipilih.")
PROGRAM_NO_STRATEGY = _("Program belum dikaitkan dengan strategi yang didukungnya.")
PROGRAM_NO_STRATEGY_YET = _(
    "Bagian ini belum memiliki strategi. Tulis strategi di langkah Strategi, lalu kaitkan programnya."
)
INDICATOR_NO_TARGET = _("Belum ada target tahunan: isi target paling sedikit untuk satu tahun.")


def program_lead_missing(lead_agency_id: int | None) -> bool:
    return lead_agency_id is None


def program_strategy_missing(strategy_count: int) -> bool:
    return not strategy_count


def indicator_target_missing(target_count: int) -> bool:
    return not target_count


# Order -----------------------------------------------------------------------------------------


def choice_order(field: str, choices: type[Choices]) -> Case:
    """An ORDER BY expression that sorts ``field`` in the order of its choices (S, W, O, T; SO, WO,
    ST, WT), not A-Z by code; unknown codes last."""
    values = list(choices.values)
    # Conditions as lookups, not Q: a model's Meta.ordering is also applied through relations
    # (simple-history's m2m diff), where Django prefixes the references and a Q cannot be.
    return Case(
        *(When(Exact(F(field), value), then=Value(i)) for i, value in enumerate(values)),
        default=Value(len(values)),
        output_field=IntegerField(),
    )

"""The forms agencies fill in, one per kind of entry, edited in place (htmx) or as plain pages.

Every entry form carries the entry's ``version`` (hidden) for optimistic locking, is rendered by
crispy-forms without its own <form> tag (the templates wrap it in an hx-post form), validates with
the model's clean() plus the checks below, and keeps its sub-rows (yearly targets of an
indicator, road map years of a program) as inline formsets in ``form.formsets``, validated and
saved together with it.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from dimensions import rules
from dimensions.models import (
    SUBCOMPONENTS,
    Element,
    FundingSource,
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessComponent,
    ReadinessItem,
    RoadmapEntry,
    Strategy,
    SwotEntry,
)
from masterplan.formats import format_id_decimal, parse_id_decimal
from masterplan.lookups import is_id
from masterplan.models import Agency

# Numbers -------------------------------------------------------------------------------------


class IdDecimalField(forms.DecimalField):
    """A decimal typed the Indonesian way (thousands dots, decimal comma)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return super().to_python(parse_id_decimal(value))

    def prepare_value(self, value):
        return format_id_decimal(value)

    def widget_attrs(self, widget):
        # No HTML step/min/max on a text input; the server checks.
        attrs = super().widget_attrs(widget)
        for key in ("step", "min", "max"):
            attrs.pop(key, None)
        return attrs


class RupiahField(IdDecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("help_text", _("Dalam rupiah, mis. 1.250.000."))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")


class WholeRupiahField(RupiahField):
    """The parts of a program's budget (a year, a funding source): whole rupiah, not negative, so
    the parts and their totals add up in every table to the rupiah."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("decimal_places", 0)
        kwargs.setdefault("max_digits", 16)  # the whole digits of models.MONEY
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "")
        kwargs.setdefault("validators", [rules.validate_budget])
        kwargs.setdefault(
            "error_messages",
            {
                "max_decimal_places": _("Tulis dalam rupiah penuh, tanpa sen."),
                "max_digits": _("Jumlah ini terlalu besar."),
                "max_whole_digits": _("Jumlah ini terlalu besar."),
            },
        )
        super().__init__(*args, **kwargs)


# Base ----------------------------------------------------------------------------------------


class EntryForm(forms.ModelForm):
    """Base of every entry form: the section it writes in, the version it was read at, and sub-row
    formsets validated and saved with it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    formset_classes = {}

    def __init__(self, *args, section, **kwargs):
        self.section = section
        self.masterplan = section.masterplan
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["version"].initial = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.formsets = self.build_formsets(self.data if self.is_bound else None)

    @classmethod
    def initial_for_group(cls, field: str, group: str) -> dict:
        """Initial values of an entry added under the list of ``group`` (a valid value of ``field``)."""
        return {field: group}

    def build_formsets(self, data):
        return {}

    @property
    def sent_version(self):
        try:
            return int(self.data.get("version") or 0) or None
        except (TypeError, ValueError):
            return None

    def is_valid(self):
        valid = super().is_valid()
        formsets_valid = all(fs.is_valid() for fs in self.formsets.values())  # every one, for errors
        # Checks across rows (and against the form's years when those are valid) even when
        # something else is wrong, so every error shows at once.
        self.clean_formsets()
        formsets_valid = formsets_valid and not any(fs.total_error_count() for fs in self.formsets.values())
        return valid and formsets_valid

    def clean_formsets(self):
        """Checks across the form and its sub-rows (after both validated)."""

    def save_formsets(self):
        for fs in self.formsets.values():
            fs.instance = self.instance
            fs.save()

    @property
    def all_errors_count(self):
        return len(self.errors) + sum(fs.total_error_count() for fs in self.formsets.values())

    def _period_check(self, year):
        error = rules.year_error(year, rules.period_span(self.masterplan))
        if error:
            raise ValidationError(error, code="period")
        return year


def _year_widget(span):
    return forms.NumberInput(attrs={"min": span.first, "max": span.last, "inputmode": "numeric"})


class RowForm(forms.ModelForm):
    """A sub-row (yearly target, road map year); its fields are rendered one per table cell. With
    a ``span`` (dimensions.rules) its year field offers only those years."""

    def __init__(self, *args, masterplan=None, span=None, **kwargs):
        self.masterplan = masterplan
        super().__init__(*args, **kwargs)
        if span is not None and "year" in self.fields:
            self.fields["year"].widget = _year_widget(span)


# Sub-rows one entry may have (yearly targets, road map years, funding sources), far above any
# real use. Django's default (1,000, and 2,000 built) let one hand-made POST ask the server to build,
# check and show thousands of rows: seconds of work per request.
ROWS_MAX = 50
ROW_LIMITS = {"max_num": ROWS_MAX, "absolute_max": ROWS_MAX, "validate_max": True}


class BaseRowFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, masterplan=None, span=None, **kwargs):
        self.masterplan = masterplan
        self.span = span
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Hapus baris")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["masterplan"] = self.masterplan
        kwargs["span"] = self.span
        return kwargs

    def clean(self):
        super().clean()
        # A row sent with the id of a row that is not this entry's (another entry's, or one
        # deleted meanwhile) would be silently skipped by Django: say so, and save nothing.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise ValidationError(
                _(
                    "Satu baris tidak ditemukan pada isian ini (mungkin sudah dihapus atau milik isian lain). "
                    "Tidak ada yang disimpan. Salin isian Anda, muat ulang halaman, lalu coba lagi."
                ),
                code="foreign_row",
            )

    def live_forms(self):
        """The rows that will be saved: filled in and not marked for deletion."""
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (not form.has_changed() and not form.instance.pk):
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            yield form

    def clean_years(self, span):
        """Each row's year inside the span (dimensions.rules; None while it is not known) and no
        year twice."""
        seen = {}
        for form in self.live_forms():
            year = form.cleaned_data.get("year")
            if year is None or form.has_error("year"):  # the model's clean may have said it already
                continue
            error = rules.year_error(year, span)
            if error:
                form.add_error("year", error)
            elif year in seen and self.unique_year:
                form.add_error("year", _("Tahun %(y)s sudah diisi di baris lain.") % {"y": year})
            seen[year] = form


# Readiness, gap, SWOT -------------------------------------------------------------------------


class ReadinessItemForm(EntryForm):
    class Meta:
        model = ReadinessItem
        fields = ["component", "subcomponent", "description", "evidence"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "evidence": forms.Textarea(attrs={"rows": 2})}

    @classmethod
    def initial_for_group(cls, field, group):
        component = next(str(c) for c, subs in SUBCOMPONENTS.items() if group in subs)
        return {"component": component, "subcomponent": group}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sub-components grouped under their component, so the choice explains itself.
        self.fields["subcomponent"].choices = [("", "---------")] + [
            (ReadinessComponent(comp).label, [(str(s), s.label) for s in subs]) for comp, subs in SUBCOMPONENTS.items()
        ]
        self.helper.layout = Layout(
            Row(Column("component", css_class="col-md-6"), Column("subcomponent", css_class="col-md-6")),
            "description",
            "evidence",
            "version",
        )


def _element_field(form, required):
    dimension = form.section.dimension
    field = forms.ModelChoiceField(
        queryset=Element.objects.filter(dimension=dimension).order_by("order"),
        required=required,
        label=_("Elemen"),
        error_messages={"invalid_choice": _("Elemen ini bukan bagian dari dimensi %(dim)s.") % {"dim": dimension}},
    )
    return field


class GapItemForm(EntryForm):
    class Meta:
        model = GapItem
        fields = ["element", "existing_condition", "expected_condition", "gap"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in ("existing_condition", "expected_condition", "gap")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"] = _element_field(self, required=False)
        self.fields["element"].help_text = _("Kosongkan bila berlaku untuk dimensi secara umum.")


class SwotEntryForm(EntryForm):
    class Meta:
        model = SwotEntry
        fields = ["quadrant", "component", "statement", "evidence", "priority"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2}), "evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Row(
                Column("quadrant", css_class="col-md-4"),
                Column("component", css_class="col-md-4"),
                Column("priority", css_class="col-md-4"),
            ),
            "statement",
            "evidence",
            "version",
        )


# Strategy ------------------------------------------------------------------------------------


class SwotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_quadrant_display()} ({obj.quadrant}): {obj.statement} — {obj.section.agency}"


class StrategyForm(EntryForm):
    swot_entries = SwotChoiceField(
        queryset=SwotEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Butir SWOT asal"),
        help_text=_(
            "Pilih dari dua kuadran jenis strategi: SO memakai Kekuatan dan Peluang, WT Kelemahan dan Ancaman, dst."
        ),
    )

    class Meta:
        model = Strategy
        fields = ["kind", "statement", "swot_entries"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # SWOT entries of this dimension in this masterplan, of every agency.
        self.fields["swot_entries"].queryset = (
            SwotEntry.objects.filter(section__masterplan=self.masterplan, section__dimension=self.section.dimension)
            .select_related("section__agency")
            # S, W, O, T as people read a SWOT table, not A-Z by code.
            .order_by(SwotEntry.quadrant_order(), "priority", "pk")
        )

    def clean(self):
        cleaned = super().clean()
        kind, entries = cleaned.get("kind"), cleaned.get("swot_entries")
        if kind and entries:
            try:
                Strategy.check_swot_entries(kind, entries)
            except ValidationError as e:
                for message in e.message_dict.get("swot_entries", []):
                    self.add_error("swot_entries", message)
        return cleaned


# Goal and indicator --------------------------------------------------------------------------


class GoalForm(EntryForm):
    class Meta:
        model = Goal
        fields = ["statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}


class TargetForm(RowForm):
    value = IdDecimalField(label=_("Target"), max_digits=14, decimal_places=2)

    class Meta:
        model = IndicatorTarget
        fields = ["year", "value"]


class TargetFormSet(BaseRowFormSet):
    unique_year = True

    def validate_unique(self):
        """Years twice are reported at the row by clean_years (a clearer message than Django's)."""


def target_formset_class(extra):
    return inlineformset_factory(
        Indicator, IndicatorTarget, form=TargetForm, formset=TargetFormSet, extra=extra, can_delete=True, **ROW_LIMITS
    )


class IndicatorForm(EntryForm):
    baseline = IdDecimalField(label=_("Nilai dasar (baseline)"), required=False, max_digits=14, decimal_places=2)

    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "baseline_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "name",
            Row(
                Column("unit", css_class="col-md-4"),
                Column("baseline", css_class="col-md-4"),
                Column("baseline_year", css_class="col-md-4"),
            ),
            "version",
        )

    @property
    def target_span(self):
        """The years its targets may take: its program's, a goal's indicator the period's (dimensions.rules)."""
        program = self.instance.program if self.instance.program_id else None
        return rules.target_span(self.masterplan, program)

    @property
    def targets_help(self):
        span = self.target_span
        if span.of_program:
            text = _("Target untuk tahun program berjalan, %(a)s–%(b)s; baris kosong diabaikan.")
        else:
            text = _("Target untuk tahun periode masterplan, %(a)s–%(b)s; baris kosong diabaikan.")
        return text % {"a": span.first, "b": span.last}

    def build_formsets(self, data):
        # A row for every year of its span not yet given a target: type the value, done.
        span = self.target_span
        have = set(self.instance.targets.values_list("year", flat=True)) if self.instance.pk else set()
        initial = [{"year": y} for y in span.years if y not in have]
        cls = target_formset_class(extra=len(initial) or 1)
        return {
            "targets": cls(
                data, instance=self.instance, prefix="targets", initial=initial, masterplan=self.masterplan, span=span
            )
        }

    def clean_formsets(self):
        targets = self.formsets["targets"]
        targets.clean_years(self.target_span)
        if not targets.total_error_count() and rules.indicator_target_missing(len(list(targets.live_forms()))):
            targets._non_form_errors.append(str(rules.INDICATOR_NO_TARGET))


# Program -------------------------------------------------------------------------------------


class RoadmapForm(RowForm):
    amount = WholeRupiahField(label=_("Anggaran (Rp)"))

    class Meta:
        model = RoadmapEntry
        fields = ["year", "activity", "target", "amount"]
        widgets = {"activity": forms.Textarea(attrs={"rows": 1})}


class RoadmapFormSet(BaseRowFormSet):
    unique_year = False

    def yearly_total(self):
        """The program's total: the sum of the amounts of the rows that will be saved."""
        return rules.amounts_total(form.cleaned_data.get("amount") for form in self.live_forms())


def roadmap_formset_class(extra):
    return inlineformset_factory(
        Program, RoadmapEntry, form=RoadmapForm, formset=RoadmapFormSet, extra=extra, can_delete=True, **ROW_LIMITS
    )


class FundingForm(RowForm):
    amount = WholeRupiahField(label=_("Jumlah (Rp)"))

    class Meta:
        model = ProgramFunding
        fields = ["funding_source", "amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funding_source"].queryset = FundingSource.objects.order_by("order")


class FundingFormSet(BaseRowFormSet):
    def validate_unique(self):
        """A source twice is reported at the row by clean_split (a clearer message than Django's)."""

    def clean_split(self, total, total_known=True):
        """Each source once, and (once the total is known: the yearly amounts are valid) the split
        against it (dimensions.rules): an amount at each row while there is a total, the sum next
        to the split."""
        seen = set()
        amounts = []
        for form in self.live_forms():
            source = form.cleaned_data.get("funding_source")
            if source is None:
                continue
            if source.pk in seen:
                form.add_error("funding_source", _("%(s)s sudah ada di baris lain.") % {"s": source})
                continue
            seen.add(source.pk)
            amount = form.cleaned_data.get("amount")
            if total_known and total is not None and amount is None and "amount" not in form.errors:
                form.add_error("amount", _("Isi jumlahnya."))
            amounts.append(amount)
        error = rules.split_error(total, amounts) if total_known else None
        if error and not any(f.errors for f in self.forms):
            self._non_form_errors.append(error)


def funding_formset_class(extra):
    return inlineformset_factory(
        Program, ProgramFunding, form=FundingForm, formset=FundingFormSet, extra=extra, can_delete=True, **ROW_LIMITS
    )


class ProgramForm(EntryForm):
    # Shown with the split: the total is the sum of the yearly amounts, the split adds up to it.
    budget_rule_help = rules.BUDGET_RULE_HELP

    class Meta:
        model = Program
        fields = [
            "element",
            "name",
            "description",
            "horizon",
            "start_year",
            "end_year",
            "lead_agency",
            "partner_agencies",
            "other_partners",
            "output",
            "outcome",
            "strategies",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "other_partners": forms.Textarea(attrs={"rows": 2}),
            "output": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "partner_agencies": forms.CheckboxSelectMultiple,
            "strategies": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.masterplan.region
        self.fields["element"] = _element_field(self, required=True)
        agencies = Agency.objects.filter(region=region).order_by("name")
        foreign = _("Perangkat daerah ini bukan milik %(region)s.") % {"region": region}
        self.fields["lead_agency"].queryset = agencies
        self.fields["lead_agency"].error_messages["invalid_choice"] = foreign
        self.fields["partner_agencies"].queryset = agencies
        self.fields["partner_agencies"].error_messages["invalid_choice"] = foreign
        # The lead agency and the strategies it serves: the consistency report's rules, asked here.
        self.fields["lead_agency"].required = True
        self.fields["lead_agency"].error_messages["required"] = rules.PROGRAM_NO_LEAD
        self.fields["strategies"].queryset = Strategy.objects.filter(section=self.section).order_by(
            Strategy.kind_order(), "pk"
        )
        self.has_strategies = self.fields["strategies"].queryset.exists()
        self.fields["strategies"].error_messages["invalid_choice"] = _("Strategi ini bukan milik bagian ini.")
        self.fields["strategies"].help_text = (
            _("Pilih paling sedikit satu.") if self.has_strategies else rules.PROGRAM_NO_STRATEGY_YET
        )
        for name in ("start_year", "end_year"):
            self.fields[name].widget = _year_widget(rules.period_span(self.masterplan))
        if not self.instance.pk and not self.is_bound and not self.initial.get("lead_agency"):
            # model_to_dict already put lead_agency=None in initial, so setdefault would not do.
            self.initial["lead_agency"] = self.section.agency_id
        self.helper.layout = Layout(
            Row(Column("element", css_class="col-md-6"), Column("horizon", css_class="col-md-6")),
            "name",
            "description",
            Row(
                Column("start_year", css_class="col-6 col-md-3"),
                Column("end_year", css_class="col-6 col-md-3"),
            ),
            "lead_agency",
            Field("partner_agencies", wrapper_class="checkbox-scroll"),
            "other_partners",
            Row(Column("output", css_class="col-md-6"), Column("outcome", css_class="col-md-6")),
            "strategies",
            "version",
        )

    def clean_start_year(self):
        return self._period_check(self.cleaned_data.get("start_year"))

    def clean_end_year(self):
        return self._period_check(self.cleaned_data.get("end_year"))

    def clean_strategies(self):
        chosen = self.cleaned_data.get("strategies")
        # Only once the section has strategies to serve: before, the program is a draft of Tahap II.
        if self.has_strategies and rules.program_strategy_missing(len(chosen or ())):
            raise ValidationError(rules.PROGRAM_NO_STRATEGY, code="no_strategy")
        return chosen

    def build_formsets(self, data):
        roadmap = roadmap_formset_class(extra=1 if self.instance.pk else 2)
        funding = funding_formset_class(extra=1)
        kwargs = {"instance": self.instance, "masterplan": self.masterplan}
        return {
            "roadmap": roadmap(data, prefix="roadmap", **kwargs),
            "funding": funding(data, prefix="funding", **kwargs),
        }

    @property
    def budget_total(self):
        """The total the form shows: what the yearly amounts typed add up to, else the saved one."""
        if self.is_bound:
            return self.formsets["roadmap"].yearly_total()
        return self.instance.budget

    @property
    def split_total(self):
        """What the funding split typed adds up to, else the saved split's."""
        if self.is_bound:
            return rules.amounts_total(f.cleaned_data.get("amount") for f in self.formsets["funding"].live_forms())
        return rules.amounts_total(self.instance.funding.values_list("amount", flat=True)) if self.instance.pk else None

    def clean_formsets(self):
        cleaned = getattr(self, "cleaned_data", {})
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        roadmap = self.formsets["roadmap"]
        roadmap.clean_years(rules.program_span(start, end))
        if not roadmap.is_valid():
            # No total to check the split against until the yearly amounts are right.
            self.formsets["funding"].clean_split(None, total_known=False)
            return
        total = roadmap.yearly_total()
        # The total is the sum of the parts: set here, saved with the program, never typed.
        self.instance.budget = total
        self.formsets["funding"].clean_split(total)


# Quick win -----------------------------------------------------------------------------------


class QuickWinForm(EntryForm):
    budget = RupiahField(label=_("Anggaran (Rp)"), required=False, validators=[rules.validate_budget])
    duration_months = forms.IntegerField(
        label=_("Lama pelaksanaan (bulan)"),
        # The rule's own messages, not Django's min_value/max_value ones.
        validators=[rules.validate_quick_win_months],
        help_text=rules.QUICK_WIN_MONTHS_HELP,
        widget=forms.NumberInput(
            attrs={"min": rules.QUICK_WIN_MIN_MONTHS, "max": rules.QUICK_WIN_MAX_MONTHS, "inputmode": "numeric"}
        ),
    )

    class Meta:
        model = QuickWin
        fields = [
            "program",
            "name",
            "status",
            "problem",
            "solution",
            "benefits",
            "duration_months",
            "schedule",
            "budget",
            "funding_source",
            "partners",
            "impact_indicator",
            "risks",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in ("problem", "solution", "benefits", "schedule", "partners", "risks")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        free = Q(quick_win__isnull=True)
        if self.instance.pk:
            free |= Q(pk=self.instance.program_id)
        field = self.fields["program"]
        # Any free program of the section is accepted by the field, so that one of more than a year
        # is refused by the model with the rule's own words (QuickWin.clean); only those that fit
        # the rule are offered (and the one it has, so that an edit shows it).
        field.queryset = Program.objects.filter(free, section=self.section).order_by("start_year", "name")
        shown = {self.instance.program_id, self.data.get("program") if self.is_bound else None} - {None, ""}
        shown = [int(pk) for pk in shown if is_id(pk)]  # what it has or what was sent stays visible
        offered = field.queryset.filter(rules.quick_win_program_filter() | Q(pk__in=shown))
        field.choices = [("", "---------")] + [(p.pk, f"{p.name} ({p.start_year})") for p in offered]
        field.error_messages["invalid_choice"] = _("Pilih program bagian ini yang belum memiliki quick win.")
        field.help_text = rules.QUICK_WIN_PROGRAM_HELP if len(field.choices) > 1 else rules.QUICK_WIN_NO_PROGRAM
        self.fields["funding_source"].queryset = FundingSource.objects.order_by("order")
        # A quick win's profile prints its budget and source: the consistency report asks for them.
        self.fields["budget"].required = True
        self.fields["budget"].error_messages["required"] = rules.QUICK_WIN_NO_BUDGET
        self.fields["funding_source"].required = True
        self.fields["funding_source"].error_messages["required"] = rules.QUICK_WIN_NO_SOURCE
        self.helper.layout = Layout(
            Row(Column("program", css_class="col-md-8"), Column("status", css_class="col-md-4")),
            "name",
            "problem",
            "solution",
            "benefits",
            Row(
                Column("duration_months", css_class="col-md-4"),
                Column("budget", css_class="col-md-4"),
                Column("funding_source", css_class="col-md-4"),
            ),
            "schedule",
            "partners",
            "impact_indicator",
            "risks",
            "version",
        )

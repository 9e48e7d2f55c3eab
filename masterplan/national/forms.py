"""The national page's filters (a GET form: a wrong value is left out, never an error page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masterplan.models import Cohort, Province, User

from .selectors import SORTS, STAGE_CHOICES, Filters

SORT_CHOICES = [(key, key) for key in SORTS] + [(f"-{key}", f"-{key}") for key in SORTS]


class NationalFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari daerah"), required=False, max_length=100)
    cohort = forms.ModelChoiceField(
        label=_("Angkatan"), queryset=Cohort.objects.order_by("-year"), required=False, empty_label=_("Semua")
    )
    province = forms.ModelChoiceField(
        label=_("Provinsi"), queryset=Province.objects.order_by("name"), required=False, empty_label=_("Semua")
    )
    expert = forms.ModelChoiceField(
        label=_("Tenaga ahli"), queryset=User.objects.none(), required=False, empty_label=_("Semua")
    )
    stage = forms.TypedChoiceField(
        label=_("Tahap saat ini"),
        choices=[("", _("Semua")), *STAGE_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
    )
    lagging = forms.BooleanField(label=_("Hanya yang tertinggal"), required=False)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, experts, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["expert"].queryset = experts
        self.fields["expert"].label_from_instance = lambda u: u.get_full_name() or u.username

    MODEL_FIELDS = ("cohort", "province", "expert")

    def model_choices(self) -> dict[str, list[tuple[str, str]]]:
        """The choices of the fields read from the database, as (value, label): what the page
        cache keeps (national.views)."""
        choices = {}
        for name in self.MODEL_FIELDS:
            field = self.fields[name]
            choices[name] = [(str(obj.pk), field.label_from_instance(obj)) for obj in field.queryset]
        return choices

    def select_options(self, model_choices: dict[str, list[tuple[str, str]]] | None = None) -> list[tuple]:
        """The select fields as (bound field, [(value, label), ...], the value chosen), for the
        ``select_options`` tag: Django's widget templates render each option through an include,
        the slowest part of the page. ``model_choices``: model_choices(), when already at hand."""
        model_choices = model_choices if model_choices is not None else self.model_choices()
        fields = []
        for name in (*self.MODEL_FIELDS, "stage"):
            field, bound = self.fields[name], self[name]
            if name in model_choices:
                choices = [("", field.empty_label), *model_choices[name]]
            else:
                choices = field.choices
            fields.append((bound, choices, str(self.data.get(name, ""))))
        return fields

    def filters(self) -> Filters:
        """The valid filters; a field with a wrong value is ignored."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
        return Filters(
            cohort=data.get("cohort").pk if data.get("cohort") else None,
            province=data.get("province").pk if data.get("province") else None,
            expert=data.get("expert").pk if data.get("expert") else None,
            stage=data.get("stage") or None,
            lagging=bool(data.get("lagging")),
            query=(data.get("q") or "").strip(),
            sort=data.get("sort") or "name",
        )

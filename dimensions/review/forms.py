from django import forms
from django.utils.translation import gettext_lazy as _


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Komentar"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    entry_type = forms.CharField(required=False, widget=forms.HiddenInput)
    entry_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Komentar tidak boleh kosong.")


ALL_STATES = "all"


class QueueFilterForm(forms.Form):
    """The review queue's filters (GET). Only validates: the page writes its own small form, so
    five hundred regions are a plain loop of options, not five hundred widget templates. The
    region is checked against a set of slugs (a choice field would normalise hundreds of choices
    on every request); ``region_choices`` is what the page lists."""

    region = forms.CharField(label=_("Daerah"), required=False, max_length=100)
    stage = forms.ChoiceField(label=_("Tahap berikutnya"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False)
    dimension = forms.ChoiceField(label=_("Dimensi"), required=False)
    agency = forms.CharField(label=_("Perangkat daerah"), required=False, max_length=100)

    def __init__(self, data, *, regions, dimensions, stage_choices, state_choices):
        super().__init__(data)
        self.region_choices = [("", _("Semua daerah")), *regions]
        self._region_slugs = {slug for slug, _name in regions}
        self.fields["stage"].choices = [("", _("Semua tahap")), *stage_choices]
        self.fields["state"].choices = [*state_choices, (ALL_STATES, _("Semua status"))]
        self.fields["dimension"].choices = [("", _("Semua dimensi")), *dimensions]

    def clean_region(self):
        region = self.cleaned_data["region"]
        if region and region not in self._region_slugs:
            raise forms.ValidationError(_("Daerah ini tidak ada dalam antrean Anda."))
        return region

    def value_of(self, name, default=""):
        """The valid value of a field, else its default (a wrong value filters nothing)."""
        self.is_valid()
        if name in self.errors:
            return default
        return self.cleaned_data.get(name) or default

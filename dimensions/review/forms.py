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

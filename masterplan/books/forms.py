from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TEXT_CHARS = 60_000


class NarrativeTextForm(forms.Form):
    html = forms.CharField(
        label=_("Teks"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 18, "class": "font-monospace"}),
        help_text=_(
            "Tulis teks biasa (baris kosong memisahkan paragraf) atau HTML sederhana: <p>, <br>, <ul>/<ol>/<li>, "
            '<strong>, <em>, <a href="https://…">, <table>/<tr>/<th>/<td>. Tag dan atribut lain dibuang saat disimpan.'
        ),
    )
    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

from django import forms
from django.utils.translation import gettext_lazy as _

from masterplan import uploads

from .services import COVER_LOGO_MAX_BYTES

MAX_TEXT_CHARS = 60_000


class NarrativeTextForm(forms.Form):
    html = forms.CharField(
        label=_("Teks"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Tulis seperti di pengolah kata: Enter memulai paragraf baru; tombol di atas kotak memberi huruf "
            "tebal atau miring, daftar berbutir atau bernomor, dan tautan. Judul bab dicetak otomatis. Format "
            "lain (judul, warna, ukuran huruf, gambar) tidak dicetak di buku dan dibuang saat disimpan."
        ),
    )
    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)


class CoverLogoForm(forms.Form):
    """A mark for the book covers. The service checks the file again by its content."""

    name = forms.CharField(
        label=_("Nama logo"),
        max_length=120,
        help_text=_("Mis. Gerakan Menuju Kota Cerdas, Kementerian Komunikasi dan Digital."),
    )
    image = uploads.UploadField(
        label=_("Berkas logo"),
        allowed=uploads.IMAGE_KINDS,
        max_bytes=COVER_LOGO_MAX_BYTES,
        help_text=_(
            "PNG atau JPEG, paling besar 2 MB. Logo dicetak di jalur putih di kaki sampul, setinggi 16 mm: "
            "pakai berkas beresolusi cukup (tinggi sedikitnya 400 piksel), sebaiknya berlatar transparan."
        ),
    )

"""Forms of the bimtek pages. They check input and keep what was typed; writes are done by
bimtek.services (and masterplan.services for documents)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masterplan.forms import DocumentForm
from masterplan.models import Document

from .imports import AttendanceFileError, parse_attendance
from .models import Participant, Stage
from .services import SIGN_OFF_REASON_MAX


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["start_date", "end_date", "venue", "status", "notes"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "venue": _("Mis. Aula Bappeda, Jl. Pembangunan No. 1."),
            "notes": _("Catatan pelaksanaan, mis. kesepakatan dan tindak lanjut."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Signed off" is given (and kept) only by the expert's sign-off, never chosen here.
        if self.instance.status == Stage.Status.SIGNED_OFF:
            self.fields["status"].disabled = True
            self.fields["status"].help_text = _("Tahap sudah disahkan tenaga ahli; status tidak dapat diubah.")
        else:
            self.fields["status"].choices = [
                (value, label) for value, label in Stage.Status.choices if value != Stage.Status.SIGNED_OFF
            ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return cleaned


class SignOffWithdrawForm(forms.Form):
    """Why a stage's sign-off is withdrawn: kept in the stage's history and told to Diskominfo."""

    reason = forms.CharField(
        label=_("Alasan pencabutan"),
        max_length=SIGN_OFF_REASON_MAX,
        required=False,
        help_text=_("Opsional, paling panjang 100 karakter. Mis. “Disahkan sebelum berita acara diunggah.”"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "institution", "position", "helix", "email", "phone"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }
        help_texts = {
            "helix": _("Unsur pentahelix yang diwakili peserta."),
            "institution": _("Mis. Bappeda, Universitas Garut, PT Telkom, Komunitas Garut Bersih."),
        }


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas daftar hadir"),
        help_text=_(
            "CSV atau XLSX. Baris judul memuat kolom Nama, Instansi dan Unsur/Helix; kolom Jabatan, Email "
            "dan Telepon boleh ada. Unsur: pemerintah, akademisi, bisnis/swasta, komunitas/masyarakat (termasuk "
            "LSM dan ormas), media."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, existing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = existing
        self.rows = None

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            self.rows = parse_attendance(uploaded, existing=self.existing)
        except AttendanceFileError as exc:
            raise forms.ValidationError(exc.messages) from exc
        return uploaded


STAGE_DOCUMENT_KINDS = [
    Document.Kind.MATERIAL,
    Document.Kind.MINUTES,
    Document.Kind.PHOTO,
    Document.Kind.COMMITMENT,
    Document.Kind.OTHER,
]


class StageDocumentForm(DocumentForm):
    """The region's document form, on a stage page: the stage is the page's, the kinds are a
    stage's (materials, minutes, photos, commitment sheet)."""

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, masterplan=masterplan, **kwargs)
        self.fields.pop("stage", None)
        self.fields["kind"].choices = [(k.value, k.label) for k in STAGE_DOCUMENT_KINDS]

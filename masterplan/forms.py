"""Forms of the core pages. They check input and show the message next to the field; the writes
are done by masterplan.services, whose ValidationErrors the views put back on the form."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from bimtek.models import Stage
from dimensions.models import Dimension

from . import services, uploads
from .login_throttle import LockoutMessageMixin
from .models import Agency, Document, Masterplan, Region, Role

EMBLEM_MAX_BYTES = 5 * 1024 * 1024  # an emblem goes on book covers; 5 MB is plenty


class UsernameLengthMixin:
    """A user name longer than any account's is refused before authenticate() (and the throttle's
    record of the attempt, a 255-character column on PostgreSQL) sees it."""

    def clean_username(self):
        username = self.cleaned_data.get("username") or ""
        if len(username) > (self.fields["username"].max_length or 150):
            raise forms.ValidationError(_("Nama pengguna terlalu panjang."), code="max_length")
        return username


class LoginForm(UsernameLengthMixin, LockoutMessageMixin, AuthenticationForm):
    """The app's login: a wrong password, or too many of them (masterplan.login_throttle)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
    }


class AdminLoginForm(UsernameLengthMixin, LockoutMessageMixin, AdminAuthenticationForm):
    """The admin's login, throttled as the app's."""


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RegionProfileForm(forms.ModelForm):
    """The part of the region profile Diskominfo keeps up to date. Kind, name, slug and cohort
    identify the region in Kominfo's programme and are set by the site administrator."""

    emblem = uploads.UploadField(
        label=_("Lambang daerah"),
        allowed=uploads.IMAGE_KINDS,
        max_bytes=EMBLEM_MAX_BYTES,
        required=False,
        widget=forms.ClearableFileInput,
    )

    class Meta:
        model = Region
        fields = ["province", "head_title", "head_name", "mou_number", "mou_date", "emblem"]
        widgets = {"mou_date": DateInput()}


class MasterplanForm(forms.ModelForm):
    class Meta:
        model = Masterplan
        fields = ["period_start", "period_end", "vision", "mission"]
        widgets = {
            "vision": forms.Textarea(attrs={"rows": 3}),
            "mission": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"period_end": _("Paling lama 10 tahun setelah tahun awal.")}


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "acronym"]
        help_texts = {"name": _("Nama lengkap, mis. Dinas Lingkungan Hidup."), "acronym": _("Mis. DLH.")}

    def __init__(self, *args, region, **kwargs):
        self.region = region
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if services._agency_name_taken(self.region, name, self.instance.pk):
            raise forms.ValidationError(_("Perangkat daerah dengan nama ini sudah ada di daerah ini."))
        return name


class AgencyDimensionsForm(forms.Form):
    dimensions = forms.ModelMultipleChoiceField(
        label=_("Dimensi yang dikerjakan"),
        queryset=Dimension.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Centang dimensi yang menjadi tugas perangkat daerah ini pada masterplan sekarang."),
    )


class RoleAgencyMixin:
    """Agency required iff the role is OPD; agencies offered are the region's only."""

    def _setup_role_agency(self, region):
        self.fields["role"].choices = [(r.value, r.label) for r in services.INVITABLE_ROLES]
        self.fields["agency"].queryset = Agency.objects.filter(region=region).order_by("name")
        self.fields["agency"].required = False
        self.fields["agency"].help_text = _("Wajib untuk perwakilan OPD; kosongkan untuk peran lain.")
        self.fields["agency"].empty_label = _("— Tanpa perangkat daerah —")
        self.fields["agency"].label_from_instance = lambda a: f"{a.name} ({a.acronym})" if a.acronym else a.name

    def _clean_role_agency(self, cleaned):
        role, agency = cleaned.get("role"), cleaned.get("agency")
        if role == Role.OPD and agency is None and "agency" not in self.errors:
            self.add_error("agency", _("Perwakilan OPD wajib memilih perangkat daerah."))
        elif role and role != Role.OPD and agency is not None:
            self.add_error("agency", _("Hanya perwakilan OPD yang terikat pada perangkat daerah; kosongkan isian ini."))
        return cleaned


class MemberInviteForm(RoleAgencyMixin, forms.Form):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Untuk masuk; huruf, angka dan @ . + - _ saja, mis. opd-garut-dlh."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    full_name = forms.CharField(
        label=_("Nama lengkap"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    email = forms.EmailField(label=_("Surel"), help_text=_("Tautan untuk membuat kata sandi dikirim ke alamat ini."))
    role = forms.ChoiceField(label=_("Peran"))
    agency = forms.ModelChoiceField(label=_("Perangkat daerah"), queryset=Agency.objects.none())

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self._setup_role_agency(region)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if services.username_taken(username):
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai. Pilih nama lain."))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if services.email_taken(email):
            raise forms.ValidationError(
                _(
                    "Alamat surel ini sudah terdaftar. Bila orangnya sudah punya akun, minta administrator situs "
                    "menambahkannya ke daerah ini."
                )
            )
        return email

    def clean(self):
        return self._clean_role_agency(super().clean())


class MembershipForm(RoleAgencyMixin, forms.Form):
    """Change a member's role and agency (a plain form: the service does the write)."""

    role = forms.ChoiceField(label=_("Peran"))
    agency = forms.ModelChoiceField(label=_("Perangkat daerah"), queryset=Agency.objects.none())

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role, "agency": membership.agency_id})
        super().__init__(*args, **kwargs)
        self.membership = membership
        self._setup_role_agency(membership.region)

    def clean(self):
        return self._clean_role_agency(super().clean())


class DocumentForm(forms.ModelForm):
    file = uploads.UploadField(label=_("Berkas"))

    class Meta:
        model = Document
        fields = ["kind", "title", "stage", "file"]

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the stages of this region's current masterplan can be chosen.
        stages = Stage.objects.filter(masterplan=masterplan) if masterplan else Stage.objects.none()
        self.fields["stage"].queryset = stages.order_by("number")
        self.fields["stage"].required = False
        self.fields["stage"].empty_label = _("— Dokumen umum daerah —")
        self.fields["stage"].help_text = _("Pilih tahap bila dokumen ini milik satu tahap bimtek.")

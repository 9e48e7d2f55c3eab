"""Upload validation, shared by every form that takes a file (documents, emblems, stage material).

A file's kind is decided by its CONTENT (magic bytes; DOCX and XLSX are ZIP packages told apart
by their ``word/`` or ``xl/`` parts), never by its name, so a renamed executable or a text file
called ``x.pdf`` is refused. The size limit is ``settings.UPLOAD_MAX_BYTES`` (20 MB) unless a
caller passes a smaller one.

Use either the function::

    kind = validate_upload(file, allowed={"pdf", "docx"})

or the validator object (``validators=[UploadValidator({"png", "jpeg"})]``), or the form field
``UploadField(allowed=...)``, which also gives the stored file the extension of its real kind.
"""

import os
import zipfile

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PDF, DOCX, XLSX, PNG, JPEG = "pdf", "docx", "xlsx", "png", "jpeg"
ALL_KINDS = frozenset({PDF, DOCX, XLSX, PNG, JPEG})
IMAGE_KINDS = frozenset({PNG, JPEG})

LABELS = {
    PDF: gettext_lazy("PDF"),
    DOCX: gettext_lazy("Word (DOCX)"),
    XLSX: gettext_lazy("Excel (XLSX)"),
    PNG: gettext_lazy("PNG"),
    JPEG: gettext_lazy("JPEG"),
}
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", PNG: ".png", JPEG: ".jpg"}
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    PNG: "image/png",
    JPEG: "image/jpeg",
}
# What the browser's file picker offers first; the server still checks the content.
ACCEPT = {
    PDF: ".pdf,application/pdf",
    DOCX: ".docx",
    XLSX: ".xlsx",
    PNG: "image/png",
    JPEG: "image/jpeg",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls


def human_list(kinds):
    """'PDF, PNG atau JPEG' in a stable order."""
    labels = [str(LABELS[k]) for k in sorted(kinds, key=list(LABELS).index)]
    if len(labels) <= 1:
        return "".join(labels)
    return _("%(items)s atau %(last)s") % {"items": ", ".join(labels[:-1]), "last": labels[-1]}


def accept_attr(kinds):
    return ",".join(ACCEPT[k] for k in sorted(kinds, key=list(LABELS).index))


def _read_head(file, size=8192):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head or b""


def _zip_kind(file):
    """DOCX or XLSX by the parts inside the ZIP package, else None."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _image_ok(file):
    from PIL import Image

    file.seek(0)
    try:
        with Image.open(file) as img:
            img.verify()
        return True
    except Exception:  # Pillow raises many kinds for broken or hostile images
        return False
    finally:
        file.seek(0)


def detect_kind(file):
    """The kind of the file's content (one of ALL_KINDS) or None."""
    head = _read_head(file)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    guessed = filetype.guess(head)
    if guessed is not None:
        if guessed.extension == "png":
            return PNG
        if guessed.extension == "jpg":
            return JPEG
    return None


def validate_upload(file, allowed=ALL_KINDS, max_bytes=None):
    """Check an uploaded file by size and content; return its kind or raise ValidationError
    with a message for the user (Indonesian)."""
    allowed = frozenset(allowed)
    unknown = allowed - ALL_KINDS
    if unknown:
        raise ValueError(f"unknown upload kinds: {sorted(unknown)}")
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    if size == 0:
        raise ValidationError(_("Berkas kosong. Pilih berkas yang berisi."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("Ukuran berkas %(size)s melebihi batas %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    kind = detect_kind(file)
    if kind is None:
        if _read_head(file, 8).startswith(_OLE_MAGIC):
            raise ValidationError(
                _("Format Word/Excel lama (.doc/.xls) tidak diterima. Simpan ulang sebagai DOCX atau XLSX."),
                code="legacy_office",
            )
        raise ValidationError(
            _(
                "Isi berkas tidak dikenali. Unggah berkas %(allowed)s "
                "(jenis berkas diperiksa dari isinya, bukan dari namanya)."
            )
            % {"allowed": human_list(allowed)},
            code="unknown_kind",
        )
    if kind not in allowed:
        raise ValidationError(
            _("Isi berkas ini berformat %(kind)s, sedangkan yang diterima hanya %(allowed)s.")
            % {"kind": LABELS[kind], "allowed": human_list(allowed)},
            code="kind_not_allowed",
        )
    if kind in IMAGE_KINDS and not _image_ok(file):
        raise ValidationError(_("Berkas gambar rusak atau tidak dapat dibaca."), code="broken_image")
    return kind


def normalise_name(file, kind):
    """Give the file a safe name ending with the extension of its real kind, so it is later
    served with the right content type (a PNG uploaded as 'foto.pdf' is stored as 'foto.png')."""
    stem = os.path.splitext(os.path.basename(file.name or ""))[0] or "berkas"
    stem = get_valid_filename(stem)[:80] or "berkas"
    file.name = f"{stem}{EXTENSIONS[kind]}"
    return file


def content_type_for(name):
    """The content type of a stored file, from the extension it was given at upload."""
    ext = os.path.splitext(name or "")[1].lower()
    for kind, kind_ext in EXTENSIONS.items():
        if ext == kind_ext or (kind == JPEG and ext == ".jpeg"):
            return CONTENT_TYPES[kind]
    return "application/octet-stream"


@deconstructible
class UploadValidator:
    """Form or model field validator: ``validators=[UploadValidator({"pdf"})]``."""

    def __init__(self, allowed=ALL_KINDS, max_bytes=None):
        self.allowed = frozenset(allowed)
        self.max_bytes = max_bytes

    def __call__(self, file):
        validate_upload(file, self.allowed, self.max_bytes)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (self.allowed, self.max_bytes) == (other.allowed, other.max_bytes)


class UploadField(forms.FileField):
    """A file field that accepts only the given kinds (checked by content) up to a size, and
    renames a new upload to carry the extension of its real kind."""

    def __init__(self, *, allowed=ALL_KINDS, max_bytes=None, **kwargs):
        self.allowed = frozenset(allowed)
        self.max_bytes = max_bytes
        kwargs.setdefault(
            "help_text",
            gettext_lazy("Format %(kinds)s, paling besar %(max)s.")
            % {"kinds": human_list(self.allowed), "max": filesizeformat(max_bytes or settings.UPLOAD_MAX_BYTES)},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", accept_attr(self.allowed))

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            kind = validate_upload(value, self.allowed, self.max_bytes)
            normalise_name(value, kind)
        return value

"""Upload validation, shared by every form that takes a file (documents, emblems, stage material).

A file's kind is decided by its CONTENT (magic bytes; DOCX and XLSX are ZIP packages told apart
by their ``word/`` or ``xl/`` parts), never by its name, so a renamed executable or a text file
called ``x.pdf`` is refused. The size limit is ``settings.UPLOAD_MAX_BYTES`` (20 MB) unless a
caller passes a smaller one.

A file is also checked for what it would cost to open, before any library opens it: a DOCX or
XLSX package (a ZIP archive) by what it unpacks to (``check_package``: total size, compression
ratio, member count, archives inside, no XML DTDs), an image by its pixel count and by being
readable to the end.

Use either the function::

    kind = validate_upload(file, allowed={"pdf", "docx"})

or the validator object (``validators=[UploadValidator({"png", "jpeg"})]``), or the form field
``UploadField(allowed=...)``, which also gives the stored file the extension of its real kind.
"""

import contextlib
import os
import struct
import tempfile
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

from .formats import format_id_number

PDF, DOCX, XLSX, PNG, JPEG = "pdf", "docx", "xlsx", "png", "jpeg"
ALL_KINDS = frozenset({PDF, DOCX, XLSX, PNG, JPEG})
IMAGE_KINDS = frozenset({PNG, JPEG})
ZIP_KINDS = frozenset({DOCX, XLSX})

# A 1 MB ZIP can unpack to gigabytes. Python's zipfile never yields more than a member's declared
# size (it stops there and the CRC check fails), so the sizes in the archive's directory bound
# what reading it costs; they are checked before anything reads a member.
ZIP_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # a Word file full of photos stays far below
ZIP_MAX_MEMBERS = 5000
ZIP_MAX_DIRECTORY_BYTES = 2 * 1024 * 1024  # zipfile parses the whole directory into objects
# Per member, past the grace size: XML compresses some 10-30 times, a bomb a thousand times.
# Apache POI (ZipSecureFile) refuses at the same ratio.
ZIP_MAX_RATIO = 100
ZIP_RATIO_GRACE_BYTES = 1024 * 1024
ZIP_MAX_DEPTH = 2  # a package may carry archives (a workbook embedded in a Word file), they none
# DTDs are how XML entity attacks start; OOXML forbids them in every part and allows only UTF-8
# and UTF-16 (ECMA-376 Part 2, [M1.17] [M1.18]). Parsers see them refused too: openpyxl parses
# with defusedxml when it is installed (requirements.txt).
_DTD_MARKERS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 256 * 1024
# What zipfile raises for an archive it cannot read: a damaged directory, a bad checksum, an unknown
# compression method, an encrypted member (RuntimeError: it wants a password).
_BROKEN_ARCHIVE = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError)

# Decoded, an image takes 3-4 bytes a pixel; 50 megapixels is a large camera photo (8000 x 6000 is 48).
IMAGE_MAX_PIXELS = 50_000_000

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
    _check_zip_directory(file)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as zf:
            names = set(zf.namelist())
    except _BROKEN_ARCHIVE:
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


def _package_error(message, code, **params):
    return ValidationError(message % params if params else message, code=code)


def _broken_package():
    return _package_error(
        _("Berkas ini rusak: isinya tidak dapat dibuka. Buka berkasnya di Word atau Excel lalu simpan ulang."),
        "package_broken",
    )


def _too_many_members():
    return _package_error(
        _(
            "Berkas ini terdiri atas terlalu banyak bagian (paling banyak %(max)s). Simpan ulang berkasnya "
            "di Word atau Excel."
        ),
        "package_members",
        max=format_id_number(ZIP_MAX_MEMBERS),
    )


def _check_zip_directory(file):
    """Refuse an archive whose directory is too big to parse, reading only its last bytes
    (the end record says where the directory is and how long it is)."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(max(0, size - 65536 - 22))
    tail = file.read()
    file.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not a ZIP archive zipfile can open; it says so itself
    directory_bytes = struct.unpack("<I", tail[at + 12 : at + 16])[0]
    if directory_bytes == 0xFFFFFFFF and at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        # ZIP64: the 64-bit end record, where the locator before the end record points.
        offset = struct.unpack("<Q", tail[at - 12 : at - 4])[0]
        file.seek(offset)
        record = file.read(56)
        file.seek(0)
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            raise _broken_package()
        directory_bytes = struct.unpack("<Q", record[40:48])[0]
    if directory_bytes > ZIP_MAX_DIRECTORY_BYTES:
        raise _too_many_members()


def check_package(file, max_uncompressed=None):
    """Check a ZIP-based upload (DOCX, XLSX) before anything opens it; raise ValidationError
    with a message for the user, or return None.

    From the archive's directory: at most ZIP_MAX_MEMBERS members, unpacking to at most
    ``max_uncompressed`` bytes (ZIP_MAX_UNCOMPRESSED_BYTES) in all, no member compressed more
    than ZIP_MAX_RATIO times. Then every member is read once, in chunks, through the limits
    just checked: its checksum must hold, no XML DTD, and an archive inside is checked the same
    way (one level deep). Memory stays at a few chunks whatever the file claims."""
    budget = [max_uncompressed or ZIP_MAX_UNCOMPRESSED_BYTES]  # bytes left, shared with archives inside
    file.seek(0)
    try:
        _check_archive(file, budget, depth=1)
    finally:
        file.seek(0)


def _check_archive(file, budget, depth):
    _check_zip_directory(file)
    try:
        archive = zipfile.ZipFile(file)
    except _BROKEN_ARCHIVE as exc:
        raise _broken_package() from exc
    with archive:
        members = archive.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            raise _too_many_members()
        total = sum(m.file_size for m in members)
        if total > budget[0]:
            raise _package_error(
                _(
                    "Isi berkas ini terlalu besar setelah dibuka: %(size)s, paling besar %(max)s. Berkas Word "
                    "atau Excel biasa tidak sebesar itu; simpan ulang berkasnya atau bagi menjadi beberapa berkas."
                ),
                "package_too_large",
                size=filesizeformat(total),
                max=filesizeformat(budget[0]),
            )
        budget[0] -= total
        for member in members:
            if member.file_size > ZIP_RATIO_GRACE_BYTES and member.file_size > ZIP_MAX_RATIO * max(
                member.compress_size, 1
            ):
                raise _package_error(
                    _(
                        "Berkas ini dipadatkan secara tidak wajar (sebagian isinya membesar %(ratio)s kali saat "
                        "dibuka) dan ditolak demi keamanan. Simpan ulang berkasnya di Word atau Excel."
                    ),
                    "package_ratio",
                    ratio=format_id_number(member.file_size // max(member.compress_size, 1)),
                )
        for member in members:
            if not member.is_dir():
                _check_member(archive, member, budget, depth)


def _looks_like_xml(head):
    """Whether a member's first bytes could start an XML document (an XML parser would read it):
    other members may hold anything, e.g. Word for Mac's printer settings embed an Apple plist
    with its DOCTYPE."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):  # UTF-16
        return True
    stripped = head.lstrip(b" \t\r\n")
    return not stripped or stripped.startswith(b"<")


def _check_member(archive, member, budget, depth):
    """Read one member in chunks: no DTD in an XML part; an archive inside is checked too."""
    try:
        with archive.open(member) as stream, tempfile.SpooledTemporaryFile(max_size=4 * _CHUNK) as copy:
            chunk = stream.read(_CHUNK)
            nested = chunk.startswith(b"PK\x03\x04")
            if nested and depth >= ZIP_MAX_DEPTH:
                raise _package_error(
                    _("Berkas ini memuat arsip di dalam arsip yang ada di dalamnya; tidak diterima."),
                    "package_nested",
                )
            xml = _looks_like_xml(chunk)
            window = b""
            while chunk:
                if nested:
                    copy.write(chunk)
                if xml:
                    window = window[-16:] + chunk  # a marker across two chunks is found too
                    if any(marker in window for marker in _DTD_MARKERS):
                        raise _package_error(
                            _(
                                "Berkas ini memuat deklarasi DOCTYPE (DTD), yang tidak pernah ada di berkas Word "
                                "atau Excel dan dapat dipakai untuk menyerang server; berkas ditolak. Simpan ulang "
                                "berkasnya di Word atau Excel."
                            ),
                            "package_dtd",
                        )
                chunk = stream.read(_CHUNK)
            if nested:
                copy.seek(0)
                _check_archive(copy, budget, depth + 1)
    except _BROKEN_ARCHIVE as exc:  # nothing a reader could use
        raise _broken_package() from exc


def _too_many_pixels(size=None):
    limit = {"max": format_id_number(IMAGE_MAX_PIXELS // 1_000_000)}
    if size is None:
        message = _("Gambar ini melebihi batas %(max)s megapiksel. Perkecil gambarnya lalu unggah lagi.") % limit
    else:
        message = _(
            "Gambar ini berukuran %(width)s × %(height)s piksel, melebihi batas %(max)s megapiksel. "
            "Perkecil gambarnya lalu unggah lagi."
        ) % {"width": format_id_number(size[0]), "height": format_id_number(size[1]), **limit}
    return ValidationError(message, code="image_too_large")


@contextlib.contextmanager
def _truncated_images_refused():
    """WeasyPrint, once imported, tells Pillow to decode cut-off images without a word
    (ImageFile.LOAD_TRUNCATED_IMAGES, process-wide); the check wants the word. Restored at once;
    books render in the worker process, not beside this check."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _check_image(file):
    """Refuse an image that is broken, cut short, or too large to decode."""
    from PIL import Image

    file.seek(0)
    try:
        with _truncated_images_refused():
            with Image.open(file) as img:
                if img.width * img.height > IMAGE_MAX_PIXELS:
                    raise _too_many_pixels(img.size)
                img.verify()  # the structure and, for PNG, every chunk's checksum
            file.seek(0)
            with Image.open(file) as img:
                if img.format == "JPEG":
                    # verify() does not read JPEG data: decode it at an eighth of its size
                    # (cheap), so a file cut short is found.
                    img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
                    img.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:  # Pillow's own limit, above ours: stopped at the header
        raise _too_many_pixels() from exc
    except Exception as exc:  # Pillow raises many kinds for broken or hostile images
        raise ValidationError(_("Berkas gambar rusak atau tidak dapat dibaca."), code="broken_image") from exc
    finally:
        file.seek(0)


def detect_kind(file):
    """The kind of the file's content (one of ALL_KINDS) or None. A ZIP archive whose directory
    is too big to read is refused here already (ValidationError)."""
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


def validate_upload(file, allowed=ALL_KINDS, max_bytes=None, max_uncompressed=None):
    """Check an uploaded file by size and content; return its kind or raise ValidationError
    with a message for the user (Indonesian). ``max_uncompressed`` lowers what a DOCX or XLSX
    may unpack to (ZIP_MAX_UNCOMPRESSED_BYTES)."""
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
    if kind in ZIP_KINDS:
        check_package(file, max_uncompressed)
    if kind in IMAGE_KINDS:
        _check_image(file)
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

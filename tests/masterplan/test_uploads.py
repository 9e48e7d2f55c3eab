"""Upload validation by content (masterplan.uploads), with real small files made here."""

import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from masterplan import uploads
from masterplan.uploads import UploadField, UploadValidator, validate_upload
from tests.masterplan.conftest import docx_bytes, jpeg_bytes, pdf_bytes, png_bytes, upload, xlsx_bytes


def error_code(exc_info):
    return exc_info.value.error_list[0].code


@pytest.mark.parametrize(
    "name,make,kind",
    [
        ("laporan.pdf", pdf_bytes, "pdf"),
        ("notulen.docx", docx_bytes, "docx"),
        ("hadir.xlsx", xlsx_bytes, "xlsx"),
        ("foto.png", png_bytes, "png"),
        ("foto.jpg", jpeg_bytes, "jpeg"),
    ],
)
def test_each_accepted_kind_is_recognised_by_content(name, make, kind):
    assert validate_upload(upload(name, make())) == kind


def test_kind_comes_from_content_not_name():
    # A PNG called .pdf is a PNG: accepted where PNG is allowed, refused where only PDF is.
    assert validate_upload(upload("scan.pdf", png_bytes())) == "png"
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("scan.pdf", png_bytes()), allowed={"pdf"})
    assert error_code(exc) == "kind_not_allowed"
    assert "PNG" in exc.value.messages[0] and "PDF" in exc.value.messages[0]


def test_text_file_named_pdf_is_rejected_with_indonesian_message():
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("x.pdf", b"Ini hanya teks biasa, bukan PDF.\n" * 10))
    assert error_code(exc) == "unknown_kind"
    assert "Isi berkas tidak dikenali" in exc.value.messages[0]


def test_file_over_the_limit_is_rejected_and_the_limit_itself_accepted(settings):
    limit = settings.UPLOAD_MAX_BYTES
    assert limit == 20 * 1024 * 1024
    header = b"%PDF-1.4\n"
    at_limit = upload("besar.pdf", header + b"0" * (limit - len(header)))
    assert validate_upload(at_limit) == "pdf"
    too_big = upload("besar.pdf", header + b"0" * (limit - len(header) + 1))
    with pytest.raises(ValidationError) as exc:
        validate_upload(too_big)
    assert error_code(exc) == "too_large"
    assert "melebihi batas" in exc.value.messages[0]


def test_smaller_limit_per_caller():
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("a.png", png_bytes(size=(300, 300))), max_bytes=100)
    assert error_code(exc) == "too_large"


def test_docx_is_not_xlsx_and_other_zips_are_refused():
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("tabel.xlsx", docx_bytes()), allowed={"xlsx"})
    assert error_code(exc) == "kind_not_allowed"
    assert "Word" in exc.value.messages[0]

    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as zf:
        zf.writestr("isi.txt", "bukan dokumen office")
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("dokumen.docx", plain_zip.getvalue()))
    assert error_code(exc) == "unknown_kind"


def test_broken_image_empty_file_and_legacy_office_are_refused():
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("rusak.png", png_bytes()[:40]))
    assert error_code(exc) == "broken_image"
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("kosong.pdf", b""))
    assert error_code(exc) == "empty"
    with pytest.raises(ValidationError) as exc:
        validate_upload(upload("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert error_code(exc) == "legacy_office"


def test_upload_field_renames_to_the_real_kind_and_keeps_content():
    class F(forms.Form):
        file = UploadField(allowed={"png", "pdf"})

    form = F(files={"file": upload("../../etc/scan.pdf", png_bytes())})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].name == "scan.png"
    form.cleaned_data["file"].seek(0)
    assert form.cleaned_data["file"].read() == png_bytes()


def test_upload_field_shows_the_error_on_the_field():
    class F(forms.Form):
        file = UploadField(allowed={"pdf"})

    form = F(files={"file": upload("x.pdf", b"teks")})
    assert not form.is_valid()
    assert "Isi berkas tidak dikenali" in form.errors["file"][0]
    assert 'accept=".pdf,application/pdf"' in str(form["file"])


def test_validator_object_works_as_a_form_field_validator():
    class F(forms.Form):
        file = forms.FileField(validators=[UploadValidator({"jpeg"})])

    assert F(files={"file": upload("a.jpg", jpeg_bytes())}).is_valid()
    assert not F(files={"file": upload("a.jpg", png_bytes())}).is_valid()


def test_unknown_kind_name_is_a_programming_error():
    with pytest.raises(ValueError):
        validate_upload(SimpleUploadedFile("a.gif", b"GIF89a"), allowed={"gif"})


def test_content_type_from_stored_name():
    assert uploads.content_type_for("documents/2024/01/a.pdf") == "application/pdf"
    assert uploads.content_type_for("emblems/x.jpeg") == "image/jpeg"
    assert uploads.content_type_for("x.exe") == "application/octet-stream"

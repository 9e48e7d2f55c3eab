"""A request bigger than one upload at the limit and its form is refused before Django reads it
(masterplan.middleware), with an Indonesian page; the limit comes from the one upload limit."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masterplan.models import Document


def test_request_over_the_limit_is_refused_unread_and_the_limit_is_one_number(login, world):
    assert settings.REQUEST_MAX_BYTES == settings.UPLOAD_MAX_BYTES + 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.REQUEST_MAX_BYTES
    client = login(world.garut.diskominfo)
    url = reverse("document_upload", args=["garut"])
    # The Content-Length alone decides: the body is never read (a small body that claims more).
    response = client.post(
        url,
        b"kind=other",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Berkas terlalu besar" in page and f"batas {settings.UPLOAD_MAX_MB} MB" in page
    assert not Document.objects.exists()
    # At the limit the form answers, with its own message next to the field.
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * settings.UPLOAD_MAX_BYTES)
    response = client.post(url, {"kind": "other", "title": "Besar", "stage": "", "file": big})
    assert response.status_code == 200 and "melebihi batas" in response.content.decode()

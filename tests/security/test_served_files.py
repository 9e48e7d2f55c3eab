"""Uploads are served as untrusted content: a PDF carrying JavaScript is accepted (it is a real
PDF) but never shown inside the site's origin with script rights (masterplan/views/files.py)."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masterplan.books.models import CoverLogo
from masterplan.models import Document
from tests.masterplan.conftest import png_bytes


def pdf_with_javascript():
    """A one-page PDF that runs app.alert() when opened (an OpenAction of type JavaScript)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Type /Action /S /JavaScript /JS (app.alert\\('XSS'\\);) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def assert_untrusted(response):
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_with_javascript_is_only_ever_downloaded_in_a_sandbox(world, login, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    client = login(world.garut.diskominfo)
    content = pdf_with_javascript()
    upload = SimpleUploadedFile("laporan.pdf", content, content_type="application/pdf")
    data = {"kind": "other", "title": "Laporan", "stage": "", "file": upload}
    assert client.post(reverse("document_upload", args=["garut"]), data).status_code == 302
    document = Document.objects.get(region=world.garut.region)

    url = reverse("document_download", args=["garut", document.pk])
    for query in ("", "?inline=1"):
        response = login(world.garut.dewan).get(url + query)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="laporan.pdf"'
        assert_untrusted(response)
        assert b"".join(response.streaming_content) == content


def test_emblem_and_cover_logos_are_served_in_a_sandbox(world, login, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    region = world.garut.region
    region.emblem.save("lambang.png", ContentFile(png_bytes()), save=True)
    logo = CoverLogo.objects.create(region=region, name="GMKC", image=ContentFile(png_bytes(), name="l.png"))
    client = login(world.garut.dewan)
    for url in (reverse("region_emblem", args=["garut"]), reverse("cover_logo_image", args=["garut", logo.pk])):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        assert "Content-Disposition" not in response or "inline" in response["Content-Disposition"]
        assert_untrusted(response)

"""The programme's logos on the book covers: Diskominfo uploads them on the books page (checked by
content), everyone of the region sees them, other regions get 404; the page says what the cover
still lacks (emblem, logos)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from masterplan.books import services
from masterplan.books.models import CoverLogo


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path):
    """Uploads of these tests go to a temporary folder, never the project's media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


def image_bytes(fmt="PNG", size=(120, 40), color=(200, 40, 40)):
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt)
    return buf.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def url(name, slug="garut", *args):
    return reverse(name, args=[slug, *args])


def add_logo(region, name="Gerakan Menuju Kota Cerdas"):
    return services.cover_logo_add(region, name=name, image=upload("logo.png", image_bytes()))


def test_diskominfo_uploads_a_logo_the_region_sees(world, login):
    client = login(world.garut.diskominfo)
    form_page = client.get(url("cover_logo_upload"))
    assert form_page.status_code == 200 and form_page.content.decode().count("<h1") == 1
    response = client.post(
        url("cover_logo_upload"),
        {"logo-name": "Gerakan Menuju Kota Cerdas", "logo-image": upload("gmkc.png", image_bytes())},
    )
    assert response.status_code == 302 and response["Location"] == url("book_list")
    logo = CoverLogo.objects.get()
    assert logo.region == world.garut.region and logo.uploaded_by == world.garut.diskominfo
    assert logo.image.name.startswith("cover_logos/") and logo.image.name.endswith(".png")

    for user in (world.garut.diskominfo, world.garut.opd, world.garut.dewan, world.expert):
        client = login(user)
        page = client.get(url("book_list")).content.decode()
        image_url = url("cover_logo_image", "garut", logo.pk)
        assert f'src="{image_url}"' in page and 'alt="Gerakan Menuju Kota Cerdas"' in page
        image = client.get(image_url)
        assert image.status_code == 200 and image["Content-Type"] == "image/png"
        assert b"".join(image.streaming_content) == image_bytes()
        assert (url("cover_logo_delete", "garut", logo.pk) in page) is (user == world.garut.diskominfo)


def test_jpeg_is_accepted_and_named_for_its_content(world, login):
    client = login(world.garut.diskominfo)
    client.post(
        url("cover_logo_upload"), {"logo-name": "Kementerian", "logo-image": upload("k.png", image_bytes("JPEG"))}
    )
    assert CoverLogo.objects.get().image.name.endswith(".jpg")


@pytest.mark.parametrize(
    "content,message",
    [
        (b"%PDF-1.4 not an image", "hanya PNG atau JPEG"),
        (b"just some text, named like a picture", "Isi berkas tidak dikenali"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "rusak"),
    ],
)
def test_a_file_that_is_no_png_or_jpeg_is_refused_whatever_its_name(world, login, content, message):
    client = login(world.garut.diskominfo)
    response = client.post(url("cover_logo_upload"), {"logo-name": "Logo", "logo-image": upload("logo.png", content)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Data belum tersimpan" in html and message in html
    assert not CoverLogo.objects.exists()


def test_the_service_checks_the_content_too(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.cover_logo_add(world.garut.region, name="X", image=upload("x.png", b"GIF89a fake"))
    assert "image" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.cover_logo_add(world.garut.region, name="  ", image=upload("x.png", image_bytes()))
    assert "name" in exc.value.message_dict
    assert not CoverLogo.objects.exists()


def test_at_most_six_logos_in_upload_order(world, login):
    for n in range(services.MAX_COVER_LOGOS):
        add_logo(world.garut.region, name=f"Logo {n}")
    assert [logo.name for logo in CoverLogo.objects.order_by("order")] == [f"Logo {n}" for n in range(6)]
    page = login(world.garut.diskominfo).get(url("book_list")).content.decode()
    assert "Jumlah logo sudah maksimum" in page and 'name="logo-image"' not in page
    response = login(world.garut.diskominfo).post(
        url("cover_logo_upload"), {"logo-name": "Logo 7", "logo-image": upload("l.png", image_bytes())}
    )
    assert response.status_code == 200 and "paling banyak 6 logo" in response.content.decode()
    assert CoverLogo.objects.count() == 6


def test_diskominfo_removes_a_logo_and_its_file(world, login, django_capture_on_commit_callbacks):
    logo = add_logo(world.garut.region)
    storage, name = logo.image.storage, logo.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.garut.diskominfo).post(url("cover_logo_delete", "garut", logo.pk))
    assert response.status_code == 302 and response["Location"] == url("book_list")
    assert not CoverLogo.objects.exists()
    assert not storage.exists(name)


@pytest.mark.parametrize("who", ["opd", "dewan", "expert"])
def test_only_managers_may_upload_or_remove(world, login, who):
    logo = add_logo(world.garut.region)
    client = login(world.expert if who == "expert" else getattr(world.garut, who))
    page = client.get(url("book_list")).content.decode()
    assert 'name="logo-image"' not in page
    assert client.get(url("cover_logo_upload")).status_code == 403
    response = client.post(url("cover_logo_upload"), {"logo-name": "X", "logo-image": upload("x.png", image_bytes())})
    assert response.status_code == 403
    assert client.post(url("cover_logo_delete", "garut", logo.pk)).status_code == 403
    assert list(CoverLogo.objects.all()) == [logo]


@pytest.mark.parametrize("who", ["opd", "diskominfo", "dewan"])
def test_a_foreign_region_is_404(world, login, who):
    garut_logo = add_logo(world.garut.region, name="Logo Khusus Garut")
    client = login(getattr(world.tegal, who))
    assert client.get(url("cover_logo_image", "garut", garut_logo.pk)).status_code == 404
    assert client.post(url("cover_logo_delete", "garut", garut_logo.pk)).status_code == 404
    assert client.post(url("cover_logo_upload", "garut"), {"logo-name": "X"}).status_code == 404
    # the foreign logo through the own region's slug
    assert client.get(url("cover_logo_image", "tegal", garut_logo.pk)).status_code == 404
    assert client.post(url("cover_logo_delete", "tegal", garut_logo.pk)).status_code == 404
    assert list(CoverLogo.objects.all()) == [garut_logo]
    assert "Logo Khusus Garut" not in client.get(url("book_list", "tegal")).content.decode()


def test_outsider_gets_404_and_anonymous_the_login(world, login, client):
    logo = add_logo(world.garut.region)
    response = client.get(url("cover_logo_image", "garut", logo.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert login(world.outsider).get(url("cover_logo_image", "garut", logo.pk)).status_code == 404


def test_books_page_says_what_the_cover_lacks(world, login):
    region = world.garut.region
    page = login(world.garut.diskominfo).get(url("book_list")).content.decode()
    assert "Lambang daerah belum diunggah" in page and url("region_edit") in page
    assert "Belum ada logo program" in page
    opd_page = login(world.garut.opd).get(url("book_list")).content.decode()
    assert "Lambang daerah belum diunggah" in opd_page and url("region_edit") not in opd_page  # may not edit it

    region.emblem.save("garut.png", ContentFile(image_bytes()), save=True)
    page = login(world.garut.diskominfo).get(url("book_list")).content.decode()
    assert "Lambang daerah belum diunggah" not in page and "Belum ada logo program" in page
    add_logo(region)
    page = login(world.garut.diskominfo).get(url("book_list")).content.decode()
    assert "Sampul buku belum lengkap" not in page

"""Page tests of the core pages: status, key content in Indonesian, forms that keep typed data
and show the message next to the field."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from dimensions.models import Section
from masterplan.models import Agency, Document, Membership, Province, Role, User
from tests import factories as f
from tests.masterplan.conftest import docx_bytes, jpeg_bytes, pdf_bytes, png_bytes, upload, xlsx_bytes


def html(response):
    return response.content.decode()


def field_error(response, field_id):
    """The text of the error shown under one field (crispy bootstrap5 renders it with an id)."""
    match = re.search(rf'id="error_\d+_{field_id}"[^>]*>(.*?)</', html(response), re.S)
    assert match, f"no error shown next to {field_id}"
    return re.sub(r"<[^>]+>", "", match.group(1)).replace("\xa0", " ").strip()


def input_value(response, field_id):
    match = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', html(response))
    assert match, f"no input {field_id}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


# --- dashboard and region overview --------------------------------------------------------------


def test_dashboard_of_expert_lists_assigned_regions_only(login, world):
    page = login(world.expert).get(reverse("dashboard"))
    assert page.status_code == 200
    assert "Kabupaten Garut" in html(page) and "Tegal" not in html(page)
    assert reverse("national") in html(page)  # their regions in the national page's table


def test_dashboard_of_admin_lists_all_regions(login, world):
    page = login(world.admin).get(reverse("dashboard"))
    assert "Kabupaten Garut" in html(page) and "Kabupaten Tegal" in html(page)
    assert [r.region.slug for r in page.context["rows"]] == ["garut", "tegal"]


def test_dashboard_shows_the_opd_its_dimensions(login, world):
    page = login(world.garut.opd).get(reverse("dashboard"))
    assert "Dimensi tugas OPD Anda" in html(page)
    assert "Smart Environment" in html(page) and "Draf" in html(page)


def test_dashboard_of_outsider_says_no_region(login, world):
    page = login(world.outsider).get(reverse("dashboard"))
    assert "belum terdaftar di daerah mana pun" in html(page)


def test_dashboard_query_count_does_not_grow_with_regions(login, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.admin)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboard"))
    for i in range(15):
        region = f.RegionFactory(name=f"Kota Uji {i}", slug=f"uji-{i}")
        mp = f.MasterplanFactory(region=region)
        f.SectionFactory(masterplan=mp)
        f.MembershipFactory(region=region, role="dewan")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("dashboard"))
    assert "Kota Uji 14" in html(page)


def test_region_overview_shows_profile_vision_missions_and_counts(login, world):
    region = world.garut.region
    region.mou_number = "NK.01/KOMINFO/2023"
    region.mou_date = "2023-07-05"
    region.save()
    page = login(world.garut.dewan).get(reverse("region_detail", args=["garut"]))
    text = html(page)
    assert page.status_code == 200
    assert "<h1" in text and text.count("<h1") == 1
    assert "Kabupaten Garut" in text and "Provinsi Jawa Barat" in text
    assert "Bupati H. Contoh" in text
    assert "NK.01/KOMINFO/2023, 5 Juli 2023" in text
    assert "2024–2033" in text
    assert "Terwujudnya daerah cerdas yang melayani" in text
    assert "<li>Meningkatkan pelayanan publik digital</li>" in text
    assert "Ubah profil" not in text  # Dewan reads only
    assert 'src="/r/garut/emblem/"' not in text  # no emblem yet


def test_region_overview_offers_edit_to_diskominfo(login, world):
    page = login(world.garut.diskominfo).get(reverse("region_detail", args=["garut"]))
    assert reverse("region_edit", args=["garut"]) in html(page)


# --- region profile edit ------------------------------------------------------------------------


def _profile_data(**kw):
    data = {
        "profile-province": str(Province.objects.get(name="Jawa Barat").pk),
        "profile-head_title": "Bupati",
        "profile-head_name": "Rudy Gunawan",
        "profile-mou_number": "NK.5/2023",
        "profile-mou_date": "2023-07-05",
        "mp-period_start": "2024",
        "mp-period_end": "2033",
        "mp-vision": "Garut Hebat dan Cerdas",
        "mp-mission": "Misi satu\nMisi dua",
    }
    data.update(kw)
    return data


def test_region_edit_saves_profile_masterplan_and_emblem(login, world):
    client = login(world.garut.diskominfo)
    data = _profile_data()
    data["profile-emblem"] = upload("lambang-garut.png", png_bytes())
    response = client.post(reverse("region_edit", args=["garut"]), data)
    assert response.status_code == 302
    region = world.garut.region
    region.refresh_from_db()
    world.garut.masterplan.refresh_from_db()
    assert region.head_name == "Rudy Gunawan" and str(region.mou_date) == "2023-07-05"
    assert world.garut.masterplan.vision == "Garut Hebat dan Cerdas"
    assert region.emblem.name.endswith(".png")

    emblem = client.get(reverse("region_emblem", args=["garut"]))
    assert emblem.status_code == 200 and emblem["Content-Type"] == "image/png"
    assert b"".join(emblem.streaming_content) == png_bytes()
    overview = client.get(reverse("region_detail", args=["garut"]))
    assert 'src="/r/garut/emblem/"' in html(overview) and 'alt="Lambang Kabupaten Garut"' in html(overview)


def test_region_edit_replacing_and_clearing_the_emblem_removes_old_files(
    login, world, django_capture_on_commit_callbacks
):
    client = login(world.garut.diskominfo)
    url = reverse("region_edit", args=["garut"])
    region = world.garut.region
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**_profile_data(), "profile-emblem": upload("satu.png", png_bytes())})
    region.refresh_from_db()
    first = region.emblem.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**_profile_data(), "profile-emblem": upload("dua.jpg", jpeg_bytes())})
    region.refresh_from_db()
    assert region.emblem.name.endswith(".jpg") and region.emblem.storage.exists(region.emblem.name)
    assert not region.emblem.storage.exists(first)
    second = region.emblem.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**_profile_data(), "profile-emblem-clear": "on"})
    region.refresh_from_db()
    assert not region.emblem and not region.emblem.storage.exists(second)
    assert client.get(reverse("region_emblem", args=["garut"])).status_code == 404


def test_region_edit_rejects_a_non_image_emblem_next_to_the_field(login, world):
    data = _profile_data(**{"profile-head_name": "Nama Diketik"})
    data["profile-emblem"] = upload("lambang.png", b"bukan gambar sama sekali")
    response = login(world.garut.diskominfo).post(reverse("region_edit", args=["garut"]), data)
    assert response.status_code == 200
    assert "Isi berkas tidak dikenali" in field_error(response, "id_profile-emblem")
    assert input_value(response, "id_profile-head_name") == "Nama Diketik"
    world.garut.region.refresh_from_db()
    assert world.garut.region.head_name == "H. Contoh" and not world.garut.region.emblem


@pytest.mark.parametrize(
    "start,end,message",
    [
        ("2030", "2025", "Tahun akhir tidak boleh sebelum tahun awal."),
        ("2024", "2035", "Periode masterplan paling lama 10 tahun."),
    ],
)
def test_region_edit_period_errors_next_to_the_field_and_nothing_saved(login, world, start, end, message):
    data = _profile_data(**{"mp-period_start": start, "mp-period_end": end, "profile-head_name": "Baru"})
    response = login(world.garut.diskominfo).post(reverse("region_edit", args=["garut"]), data)
    assert response.status_code == 200
    assert field_error(response, "id_mp-period_end") == message
    assert input_value(response, "id_mp-period_start") == start
    assert "Garut Hebat dan Cerdas" in html(response)  # typed vision kept
    assert "Data belum tersimpan" in html(response)
    world.garut.region.refresh_from_db()
    assert world.garut.region.head_name == "H. Contoh"  # profile not saved either


def test_region_edit_period_that_strands_programs_is_refused_atomically(login, world):
    data = _profile_data(**{"mp-period_start": "2026", "mp-period_end": "2035", "profile-head_name": "Baru"})
    response = login(world.garut.diskominfo).post(reverse("region_edit", args=["garut"]), data)
    assert response.status_code == 200
    assert "tidak mencakup isian yang sudah ada" in field_error(response, "id_mp-period_start")
    world.garut.region.refresh_from_db()
    assert world.garut.region.head_name == "H. Contoh"


def test_region_edit_creates_the_first_masterplan(login, world):
    region = f.RegionFactory(name="Konawe Selatan", slug="konawe-selatan")
    staff = f.UserFactory(username="diskominfo-konsel")
    f.MembershipFactory(user=staff, region=region, role="diskominfo")
    client = login(staff)
    assert "Mulai masterplan" in html(client.get(reverse("region_edit", args=["konawe-selatan"])))
    response = client.post(reverse("region_edit", args=["konawe-selatan"]), _profile_data())
    assert response.status_code == 302
    assert region.masterplans.get().period_start == 2024


# --- agencies ---------------------------------------------------------------------------------


def test_agency_list_shows_dimensions_and_member_counts(login, world):
    page = login(world.garut.dewan).get(reverse("agency_list", args=["garut"]))
    text = html(page)
    assert page.status_code == 200
    assert "Dinas Lingkungan Hidup" in text and "Smart Environment" in text and "Smart Governance" in text
    row = re.search(r"Dinas Lingkungan Hidup</a>.*?</th>(.*?)</tr>", text, re.S).group(1)
    assert re.search(r'<td class="text-end">1</td>', row)  # opd-garut
    assert "Tambah perangkat daerah" not in text


def test_agency_list_and_people_list_keep_a_fixed_query_count(login, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    g = world.garut
    client = login(g.diskominfo)
    counts = {}
    for name in ("agency_list", "people_list"):
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse(name, args=["garut"]))
        counts[name] = len(ctx.captured_queries)
    dims = [f.dimension(c) for c in ("governance", "living", "economy")]
    for i in range(40):
        agency = f.AgencyFactory(region=g.region, name=f"Dinas Uji {i:02}")
        for d in dims:
            Section.objects.create(masterplan=g.masterplan, agency=agency, dimension=d)
        for j in range(2):
            user = f.UserFactory(username=f"opd-uji-{i}-{j}")
            f.MembershipFactory(user=user, region=g.region, role="opd", agency=agency)
    for name in ("agency_list", "people_list"):
        with django_assert_max_num_queries(counts[name]):
            page = client.get(reverse(name, args=["garut"]))
        assert "Dinas Uji 39" in html(page)


def test_agency_detail_shows_sections_with_entry_counts_and_members(login, world):
    page = login(world.garut.opd).get(reverse("agency_detail", args=["garut", world.garut.dlh.pk]))
    text = html(page)
    assert "Smart Environment" in text and "Draf" in text
    assert re.search(r"Smart Environment</a></td><td>Draf</td><td class=\"text-end\">2</td>", text)  # swot + program
    assert str(world.garut.opd) in text


def test_agency_create_then_duplicate_name_is_a_field_error(login, world):
    client = login(world.garut.diskominfo)
    response = client.post(reverse("agency_create", args=["garut"]), {"name": "Dinas Kesehatan", "acronym": "Dinkes"})
    agency = Agency.objects.get(region=world.garut.region, name="Dinas Kesehatan")
    assert response["Location"] == reverse("agency_dimensions", args=["garut", agency.pk])

    response = client.post(reverse("agency_create", args=["garut"]), {"name": "dinas kesehatan", "acronym": "DK2"})
    assert response.status_code == 200
    assert field_error(response, "id_name") == "Perangkat daerah dengan nama ini sudah ada di daerah ini."
    assert input_value(response, "id_name") == "dinas kesehatan"
    assert input_value(response, "id_acronym") == "DK2"


def test_agency_edit_renames_and_same_name_as_tegal_is_fine(login, world):
    client = login(world.garut.diskominfo)
    url = reverse("agency_edit", args=["garut", world.garut.bappeda.pk])
    response = client.post(url, {"name": "Badan Perencanaan Pembangunan Daerah", "acronym": "Bappeda"})
    assert response.status_code == 302
    response = client.post(url, {"name": "Dinas Lingkungan Hidup", "acronym": "X"})
    assert "sudah ada" in field_error(response, "id_name")
    assert '<h1 class="h3">Ubah Badan Perencanaan Pembangunan Daerah</h1>' in html(response)


def test_agency_delete_blocked_page_and_allowed_delete(login, world):
    client = login(world.garut.diskominfo)
    page = client.get(reverse("agency_delete", args=["garut", world.garut.dlh.pk]))
    assert "belum dapat dihapus" in html(page) and "Ya, hapus" not in html(page)
    response = client.post(reverse("agency_delete", args=["garut", world.garut.dlh.pk]), follow=True)
    assert Agency.objects.filter(pk=world.garut.dlh.pk).exists()
    assert "tidak dapat dihapus" in html(response)

    empty = Agency.objects.create(region=world.garut.region, name="Dinas Kosong")
    response = client.post(reverse("agency_delete", args=["garut", empty.pk]))
    assert response["Location"] == reverse("agency_list", args=["garut"])
    assert not Agency.objects.filter(pk=empty.pk).exists()


def test_agency_dimensions_page_ticks_current_and_saves_changes(login, world):
    g = world.garut
    client = login(g.diskominfo)
    url = reverse("agency_dimensions", args=["garut", g.bappeda.pk])
    page = client.get(url)
    assert page.status_code == 200
    gov = f.dimension("governance")
    assert re.search(rf'value="{gov.pk}"[^>]*checked', html(page))
    living, economy = f.dimension("living"), f.dimension("economy")
    response = client.post(url, {"dimensions": [living.pk, economy.pk]}, follow=True)
    assert "ditambahkan: Smart Economy, Smart Living" in html(
        response
    ) or "ditambahkan: Smart Living, Smart Economy" in html(response)
    assert "dilepas: Smart Governance" in html(response)
    assert set(Section.objects.filter(agency=g.bappeda).values_list("dimension__code", flat=True)) == {
        "living",
        "economy",
    }


def test_agency_dimensions_refuses_to_untick_a_dimension_with_entries(login, world):
    g = world.garut
    url = reverse("agency_dimensions", args=["garut", g.dlh.pk])
    living = f.dimension("living")
    response = login(g.diskominfo).post(url, {"dimensions": [living.pk]})
    assert response.status_code == 200
    assert "Smart Environment (2 isian)" in html(response)
    assert "tidak dapat dilepas" in html(response)
    # The typed ticks are kept, and nothing changed.
    assert re.search(rf'value="{living.pk}"[^>]*checked', html(response))
    assert set(Section.objects.filter(agency=g.dlh).values_list("dimension__code", flat=True)) == {"environment"}


def test_agency_dimensions_without_masterplan_points_to_profile(login, world):
    region = f.RegionFactory(name="Bekasi", slug="bekasi")
    agency = f.AgencyFactory(region=region, name="Bappeda")
    staff = f.UserFactory(username="diskominfo-bekasi")
    f.MembershipFactory(user=staff, region=region, role="diskominfo")
    page = login(staff).get(reverse("agency_dimensions", args=["bekasi", agency.pk]))
    assert page.status_code == 200 and "Masterplan daerah ini belum dibuat" in html(page)


# --- people -----------------------------------------------------------------------------------


def test_people_list_shows_roles_and_agencies(login, world):
    page = login(world.garut.dewan).get(reverse("people_list", args=["garut"]))
    text = html(page)
    assert "Staf Diskominfo" in text and "Perwakilan OPD" in text and "Tenaga Ahli Kominfo" in text
    assert "Anggota Dewan Smart City" in text and "Dinas Lingkungan Hidup" in text
    assert "@example.go.id" not in text  # e-mail addresses only for Diskominfo
    manager_page = login(world.garut.diskominfo).get(reverse("people_list", args=["garut"]))
    assert "opd-garut@example.go.id" in html(manager_page)
    assert "Tambah pengguna" in html(manager_page)


def _invite_data(**kw):
    data = {
        "username": "opd-garut-dinkes",
        "full_name": "Siti Rahmawati",
        "email": "siti@garutkab.go.id",
        "role": "opd",
    }
    data.update(kw)
    return data


def test_people_add_sends_invitation(login, world, mailoutbox, django_capture_on_commit_callbacks):
    client = login(world.garut.diskominfo)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("people_add", args=["garut"]), _invite_data(agency=world.garut.dlh.pk), follow=True
        )
    assert "Tautan untuk membuat kata sandi dikirim ke siti@garutkab.go.id" in html(response)
    assert "belum membuat kata sandi" in html(response)
    m = Membership.objects.get(user__username="opd-garut-dinkes")
    assert (m.region, m.role, m.agency) == (world.garut.region, Role.OPD, world.garut.dlh)
    assert len(mailoutbox) == 1 and "http://testserver/accounts/reset/" in mailoutbox[0].body


@pytest.mark.parametrize(
    "data,field,message",
    [
        (_invite_data(), "id_agency", "Perwakilan OPD wajib memilih perangkat daerah."),
        (_invite_data(role="dewan", agency="DLH"), "id_agency", "Hanya perwakilan OPD"),
        (_invite_data(role="expert"), "id_role", "Masukkan pilihan yang valid"),
        (_invite_data(username="opd-garut", agency="DLH"), "id_username", "Nama pengguna ini sudah dipakai."),
        (_invite_data(email="opd-tegal@example.go.id", agency="DLH"), "id_email", "Alamat surel ini sudah terdaftar."),
        (_invite_data(agency="TEGAL_DLH"), "id_agency", "Masukkan pilihan yang valid"),
    ],
)
def test_people_add_errors_next_to_the_field_keep_typed_data(login, world, mailoutbox, data, field, message):
    data = dict(data)
    if data.get("agency") == "DLH":
        data["agency"] = world.garut.dlh.pk
    elif data.get("agency") == "TEGAL_DLH":
        data["agency"] = world.tegal.dlh.pk
    users = User.objects.count()
    response = login(world.garut.diskominfo).post(reverse("people_add", args=["garut"]), data)
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert input_value(response, "id_full_name") == "Siti Rahmawati"
    assert User.objects.count() == users and mailoutbox == []


def test_people_add_form_offers_no_expert_role_and_only_own_agencies(login, world):
    page = login(world.garut.diskominfo).get(reverse("people_add", args=["garut"]))
    text = html(page)
    assert 'value="expert"' not in text
    assert f'value="{world.garut.dlh.pk}"' in text and f'value="{world.tegal.dlh.pk}"' not in text


def test_people_edit_changes_role_and_agency(login, world):
    m = Membership.objects.get(user=world.garut.dewan)
    client = login(world.garut.diskominfo)
    url = reverse("people_edit", args=["garut", m.pk])
    response = client.post(url, {"role": "opd", "agency": ""})
    assert field_error(response, "id_agency") == "Perwakilan OPD wajib memilih perangkat daerah."
    assert re.search(r'<option value="opd" selected', html(response))
    response = client.post(url, {"role": "opd", "agency": world.garut.bappeda.pk})
    assert response.status_code == 302
    m.refresh_from_db()
    assert (m.role, m.agency) == ("opd", world.garut.bappeda)


def test_people_edit_refuses_expert_and_own_membership(login, world):
    client = login(world.garut.diskominfo)
    expert = Membership.objects.get(user=world.expert)
    own = Membership.objects.get(user=world.garut.diskominfo)
    assert client.get(reverse("people_edit", args=["garut", expert.pk])).status_code == 403
    assert client.post(reverse("people_remove", args=["garut", expert.pk])).status_code == 403
    assert client.get(reverse("people_edit", args=["garut", own.pk])).status_code == 403
    assert Membership.objects.filter(pk__in=[expert.pk, own.pk]).count() == 2


def test_people_remove(login, world):
    m = Membership.objects.get(user=world.garut.dewan)
    client = login(world.garut.diskominfo)
    page = client.get(reverse("people_remove", args=["garut", m.pk]))
    assert "Keluarkan" in html(page) and "Anggota Dewan Smart City" in html(page)
    response = client.post(reverse("people_remove", args=["garut", m.pk]), follow=True)
    assert "dikeluarkan dari daerah ini" in html(response)
    assert not Membership.objects.filter(pk=m.pk).exists()
    world.garut.dewan.refresh_from_db()
    assert not world.garut.dewan.is_active


def test_people_resend_invitation(login, world, mailoutbox, django_capture_on_commit_callbacks):
    user = world.garut.dewan
    user.set_unusable_password()
    user.save()
    m = Membership.objects.get(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.garut.diskominfo).post(reverse("people_resend", args=["garut", m.pk]), follow=True)
    assert "Undangan dikirim ulang" in html(response)
    assert mailoutbox[0].to == [user.email]


# --- documents --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,make,stored_ext,content_type",
    [
        ("MoU Garut.pdf", pdf_bytes, ".pdf", "application/pdf"),
        (
            "notulen.docx",
            docx_bytes,
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("hadir.xlsx", xlsx_bytes, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("foto-kegiatan.pdf", png_bytes, ".png", "image/png"),  # named .pdf, is a PNG
    ],
)
def test_document_upload_and_download(login, world, name, make, stored_ext, content_type):
    client = login(world.garut.diskominfo)
    content = make()  # once: a regenerated DOCX/XLSX differs in its ZIP timestamps
    data = {"kind": "mou", "title": "Nota Kesepakatan Garut", "stage": "", "file": upload(name, content)}
    response = client.post(reverse("document_upload", args=["garut"]), data)
    assert response.status_code == 302
    doc = Document.objects.get(region=world.garut.region)
    assert doc.file.name.endswith(stored_ext) and doc.uploaded_by == world.garut.diskominfo

    reader = login(world.garut.opd)
    listing = reader.get(reverse("document_list", args=["garut"]))
    assert "Nota Kesepakatan Garut" in html(listing) and "Unggah dokumen" not in html(listing)
    download = reader.get(reverse("document_download", args=["garut", doc.pk]))
    assert download.status_code == 200 and download["Content-Type"] == content_type
    assert f'filename="nota-kesepakatan-garut{stored_ext}"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == content


def test_document_with_stage_is_listed_under_the_stage(login, world):
    client = login(world.garut.diskominfo)
    data = {
        "kind": "minutes",
        "title": "Notulen Tahap I",
        "stage": world.garut.stage.pk,
        "file": upload("n.pdf", pdf_bytes()),
    }
    assert client.post(reverse("document_upload", args=["garut"]), data).status_code == 302
    page = client.get(reverse("document_list", args=["garut"]))
    assert re.search(r"Dokumen Tahap I</h2>.*Notulen Tahap I", html(page), re.S)


def test_document_upload_errors_next_to_the_field_keep_typed_data(login, world):
    client = login(world.garut.diskominfo)
    data = {"kind": "mou", "title": "Judul Diketik", "stage": "", "file": upload("x.pdf", b"hanya teks")}
    response = client.post(reverse("document_upload", args=["garut"]), data)
    assert response.status_code == 200
    assert "Isi berkas tidak dikenali" in field_error(response, "id_file")
    assert input_value(response, "id_title") == "Judul Diketik"
    # A stage of Tegal's masterplan cannot be chosen.
    data = {"kind": "mou", "title": "T", "stage": world.tegal.stage.pk, "file": upload("a.pdf", pdf_bytes())}
    response = client.post(reverse("document_upload", args=["garut"]), data)
    assert "Masukkan pilihan yang valid" in field_error(response, "id_stage")
    assert not Document.objects.exists()


def test_document_upload_over_20_mb_is_refused(login, world, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024  # the same code path, with a smaller limit to stay fast
    big = upload("besar.pdf", b"%PDF-1.4\n" + b"0" * (1536 * 1024))
    data = {"kind": "other", "title": "Besar", "stage": "", "file": big}
    response = login(world.garut.diskominfo).post(reverse("document_upload", args=["garut"]), data)
    assert field_error(response, "id_file") == "Ukuran berkas 1,5 MB melebihi batas 1,0 MB."
    assert not Document.objects.exists()


def test_document_delete_removes_record_and_file_after_commit(login, world, django_capture_on_commit_callbacks):
    doc = Document.objects.create(
        region=world.garut.region, kind="other", title="Hapus saya", file=ContentFile(pdf_bytes(), name="h.pdf")
    )
    storage, name = doc.file.storage, doc.file.name
    assert storage.exists(name)
    client = login(world.garut.diskominfo)
    assert "Hapus dokumen Hapus saya?" in html(client.get(reverse("document_delete", args=["garut", doc.pk])))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("document_delete", args=["garut", doc.pk]))
    assert response.status_code == 302
    assert not Document.objects.filter(pk=doc.pk).exists()
    assert not storage.exists(name)


def test_download_of_missing_file_is_404(login, world):
    doc = Document.objects.create(region=world.garut.region, kind="other", title="Hilang", file="documents/hilang.pdf")
    assert login(world.garut.opd).get(reverse("document_download", args=["garut", doc.pk])).status_code == 404


def test_document_list_keeps_a_fixed_query_count(login, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    g = world.garut
    client = login(g.dewan)
    Document.objects.create(region=g.region, kind="mou", title="MoU", file="documents/a.pdf", uploaded_by=g.diskominfo)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("document_list", args=["garut"]))
    old_plan = f.MasterplanFactory(region=g.region, period_start=2014, period_end=2023)
    stages = [g.stage, f.StageFactory(masterplan=g.masterplan, number=2), f.StageFactory(masterplan=old_plan, number=4)]
    for i in range(30):
        Document.objects.create(
            region=g.region,
            kind="minutes",
            title=f"Notulen {i}",
            stage=stages[i % 3],
            file=f"documents/n{i}.pdf",
            uploaded_by=g.diskominfo,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("document_list", args=["garut"]))
    assert "Notulen 29" in html(page) and "Masterplan Kabupaten Garut 2014–2023" in html(page)

"""Importing an attendance list: CSV and XLSX, header and helix words matched loosely, all or
nothing with row numbers, files checked by content."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from bimtek.imports import AttendanceFileError, helix_from_text, parse_attendance
from bimtek.models import Participant
from tests import factories as f

HEADER = ["No", "Nama", "Instansi", "Jabatan", "Unsur/Helix", "Email", "Telepon"]
ROWS = [
    [1, "Siti Rahmawati", "Bappeda", "Kepala Bidang", "Pemerintah", "siti@example.go.id", "081234567890"],
    [2, "Dr. Andi Pratama", "Universitas Garut", "Dosen", "akademisi", "", ""],
    [3, "Budi Santoso", "PT Maju Jaya", "Direktur", "Swasta", "", ""],
    [4, "Rina Marlina", "Komunitas Garut Bersih", "Ketua", "MASYARAKAT", "", ""],
    [5, "Dewi Lestari", "Radio Garut FM", "Reporter", "media", "", ""],
    [6, "John Smith", "Telkom", "Manager", "Business", "", ""],
]


def csv_file(rows, header=HEADER, encoding="utf-8", delimiter=",", name="hadir.csv"):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buf.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(rows, header=HEADER, title_rows=(), name="hadir.xlsx"):
    wb = Workbook()
    ws = wb.active
    for t in title_rows:
        ws.append(t)
    ws.append(header)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile(name, buf.getvalue(), content_type="application/octet-stream")


@pytest.mark.parametrize(
    "text,helix",
    [
        ("Pemerintah", "government"),
        ("government", "government"),
        ("Akademisi", "academia"),
        ("academia", "academia"),
        ("bisnis", "business"),
        ("SWASTA", "business"),
        ("Komunitas", "community"),
        ("masyarakat", "community"),
        ("LSM", "community"),
        ("Ormas", "community"),
        ("NGO", "community"),
        ("Lembaga Swadaya Masyarakat", "community"),
        ("organisasi masyarakat sipil", "community"),
        ("Media", "media"),
        ("alien", None),
    ],
)
def test_helix_words(text, helix):
    assert helix_from_text(text) == helix


def test_parse_csv(db):
    rows = parse_attendance(csv_file(ROWS))
    assert [r.number for r in rows] == [2, 3, 4, 5, 6, 7]
    assert not any(r.errors for r in rows)
    assert [r.data["helix"] for r in rows] == ["government", "academia", "business", "community", "media", "business"]
    assert rows[0].data["email"] == "siti@example.go.id"
    assert rows[0].data["phone"] == "081234567890"


def test_parse_csv_semicolon_cp1252_and_loose_headers(db):
    header = ["NAMA LENGKAP", "Asal Instansi", "jabatan", "unsur helix", "E-mail", "No. HP"]
    rows = [["Ré Café", "Dinas Pariwisata", "Staf", "pemerintah", "", "0812"]]
    parsed = parse_attendance(csv_file(rows, header=header, encoding="cp1252", delimiter=";"))
    assert parsed[0].data["name"] == "Ré Café"
    assert parsed[0].data["institution"] == "Dinas Pariwisata"
    assert parsed[0].data["phone"] == "0812"
    assert not parsed[0].errors


def test_parse_xlsx_with_title_rows_and_numeric_phone(db):
    rows = [[1, "Siti", "Bappeda", "Kabid", "Pemerintah", "", 81234567890]]
    parsed = parse_attendance(xlsx_file(rows, title_rows=[["DAFTAR HADIR BIMTEK TAHAP I"], []]))
    assert parsed[0].number == 4  # title, blank, header, then the first data row
    assert parsed[0].data["phone"] == "81234567890"
    assert parsed[0].data["helix"] == "government"


def test_bad_rows_reported_with_row_numbers(db):
    rows = [
        *ROWS[:2],
        [3, "", "Dinas X", "", "pemerintah", "", ""],
        [4, "Eko", "Dinas Y", "", "alien", "bukan-email", ""],
    ]
    parsed = parse_attendance(csv_file(rows))
    bad = {r.number: r.errors for r in parsed if r.errors}
    assert set(bad) == {4, 5}
    assert any("Nama" in e for e in bad[4])
    assert any("alien" in e for e in bad[5])
    assert any("Email" in e for e in bad[5])


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "kosong"),
        (b"%PDF-1.4 whatever", "CSV atau XLSX"),
        (b"\x00\x01\x02binary", "biner"),
        (b"Nama,Jabatan\nSiti,Kabid\n", "Kolom wajib"),
        (b"foo,bar\n1,2\n", "judul kolom"),
        (b"Nama,Instansi,Unsur\n", "tidak berisi"),
        (b"PK\x03\x04 not really a zip", "bukan"),
    ],
)
def test_unusable_files(db, content, message):
    with pytest.raises(AttendanceFileError) as exc:
        parse_attendance(SimpleUploadedFile("x.csv", content))
    assert message in " ".join(exc.value.messages)


@pytest.mark.parametrize(
    "name,content", [("hadir.xlsx", b"Nama,Instansi,Unsur\nSiti,Bappeda,LSM\n"), ("hadir.XLSX", b"%PDF-1.4")]
)
def test_a_file_named_xlsx_that_is_not_one_is_refused_as_such(world, login, name, content):
    client = login(world.garut.diskominfo)
    response = client.post(_import_url(world), {"file": SimpleUploadedFile(name, content)})
    errors = " ".join(response.context["form"].errors["file"])
    assert f"\u201c{name}\u201d bukan berkas Excel (XLSX) yang sah" in errors
    assert "judul kolom" not in errors
    assert "bukan berkas Excel" in response.content.decode()
    assert Participant.objects.count() == 0


def test_xlsx_named_csv_is_read_as_xlsx(db):
    upload = xlsx_file(ROWS[:1], name="daftar.csv")
    assert parse_attendance(upload)[0].data["name"] == "Siti Rahmawati"


# --- the page -----------------------------------------------------------------------------------


def _import_url(world):
    return reverse("participant_import", args=["garut", world.garut.stage.pk])


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
def test_import_preview_then_confirm(world, login, make):
    client = login(world.garut.diskominfo)
    response = client.post(_import_url(world), {"file": make(ROWS)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "6 peserta baru akan diimpor" in body
    assert Participant.objects.count() == 0  # nothing before the confirmation
    payload = response.context["payload"]
    response = client.post(_import_url(world), {"payload": payload}, follow=True)
    assert "6 peserta diimpor" in response.content.decode()
    stage_people = Participant.objects.filter(stage=world.garut.stage)
    assert stage_people.count() == 6
    assert sorted(stage_people.values_list("helix", flat=True)) == sorted(
        ["government", "academia", "business", "community", "media", "business"]
    )
    # The same list again adds nobody: every row is an already registered participant, so there is
    # no "Impor 0 peserta" button, but a sentence saying why and where to go.
    response = client.post(_import_url(world), {"file": make(ROWS)})
    assert response.context["new_rows"] == []
    assert len(response.context["duplicate_rows"]) == 6
    assert response.context["payload"] is None
    body = response.content.decode()
    assert 'name="payload"' not in body and "Impor 0 peserta" not in body
    assert "Tidak ada yang perlu diimpor" in body
    # An old preview of the same list confirmed now imports nothing and says so.
    response = client.post(_import_url(world), {"payload": payload}, follow=True)
    assert "Tidak ada peserta baru" in response.content.decode()
    assert stage_people.count() == 6


@pytest.mark.parametrize("make", [csv_file, xlsx_file])
def test_one_bad_row_rejects_the_whole_file(world, login, make):
    client = login(world.garut.diskominfo)
    rows = [*ROWS, [7, "Tanpa Unsur", "Dinas Z", "", "", "", ""]]
    response = client.post(_import_url(world), {"file": make(rows)})
    body = response.content.decode()
    assert response.context["payload"] is None
    assert [r.number for r in response.context["bad_rows"]] == [8]
    assert "tidak ada peserta yang diimpor" in body
    assert "Unsur/Helix kosong" in body
    assert Participant.objects.count() == 0


def test_tampered_payload_is_refused(world, login):
    client = login(world.garut.diskominfo)
    response = client.post(_import_url(world), {"payload": "abc:def"}, follow=True)
    assert "tidak berlaku" in response.content.decode()
    assert Participant.objects.count() == 0


def test_payload_of_another_stage_is_refused(world, login):
    client = login(world.garut.diskominfo)
    other = f.StageFactory(masterplan=world.garut.masterplan, number=2)
    response = client.post(_import_url(world), {"file": csv_file(ROWS)})
    payload = response.context["payload"]
    url = reverse("participant_import", args=["garut", other.pk])
    client.post(url, {"payload": payload})
    assert Participant.objects.count() == 0


def test_confirm_revalidates(world, login):
    """Rows that became duplicates between preview and confirmation are skipped."""
    client = login(world.garut.diskominfo)
    response = client.post(_import_url(world), {"file": csv_file(ROWS[:2])})
    f.ParticipantFactory(stage=world.garut.stage, name="Siti Rahmawati", institution="Bappeda")
    client.post(_import_url(world), {"payload": response.context["payload"]})
    assert Participant.objects.filter(stage=world.garut.stage).count() == 2


def test_file_error_shown_next_to_field(world, login):
    client = login(world.garut.diskominfo)
    response = client.post(_import_url(world), {"file": SimpleUploadedFile("x.csv", b"%PDF-1.4")})
    assert response.context["form"].errors["file"]
    assert "CSV atau XLSX" in response.content.decode()


@pytest.mark.parametrize("who", ["opd", "dewan"])
def test_import_needs_manage(world, login, who):
    client = login(getattr(world.garut, who))
    assert client.get(_import_url(world)).status_code == 403
    assert client.post(_import_url(world), {"file": csv_file(ROWS)}).status_code == 403
    assert Participant.objects.count() == 0


def test_expert_cannot_import(world, login):
    assert login(world.expert).post(_import_url(world), {"file": csv_file(ROWS)}).status_code == 403

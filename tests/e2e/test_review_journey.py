"""The review journey of issue 3 in a real browser, in the demo, by clicking only.

Each person starts from the login page, types a username and password, and then follows links
and buttons: the OPD representative of DLH Garut adds a SWOT entry and a program (with a road map
year and an indicator target) and submits Smart Environment; the expert finds it in the review
queue, comments on the SWOT entry and asks for changes; the OPD representative follows the
notification (which quotes the comment) to the entry, reads the expert's note in the section's
conversation, fixes the entry, types an answer and presses "Tandai selesai" (the answer is kept
and the comment resolved in one step) and submits again; the expert reads the whole conversation,
sees the changed field and approves; Diskominfo sees the approved cell
in the progress matrix. The OPD part runs again on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from dimensions.models import Program, Section, SwotEntry
from dimensions.review.models import ReviewComment

from . import browse
from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WEAKNESS = "Data timbulan sampah per kecamatan belum diperbarui sejak 2021"
WEAKNESS_FIXED = "Data timbulan sampah per kecamatan belum diperbarui sejak 2021 (sumber: SIPSN KLHK)"
PROGRAM = "Peta Digital Titik Sampah Liar"
INDICATOR = "Titik sampah liar yang terpetakan"
SUBMIT_NOTE = "Kelemahan data sampah dan program peta digital hasil diskusi kelompok Tahap I."
COMMENT = "Sebutkan sumber data timbulan sampah dan tahunnya."
ANSWER = "Sumber data SIPSN KLHK sudah ditambahkan pada pernyataan."
CHANGES_NOTE = "Lengkapi sumber data pada butir kelemahan."
RESUBMIT_NOTE = "Sumber data sudah dilengkapi."


def environment_section():
    return Section.objects.get(masterplan__region__slug="garut", agency__acronym="DLH", dimension__code="environment")


def open_workspace(page):
    """OPD representative, on the dashboard: the region, "Bagian saya", Smart Environment."""
    browse.open_region(page)
    browse.nav(page, "Bagian saya")
    page.locator("#bagian-saya").get_by_role("link", name=re.compile("^Smart Environment")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Environment — Dinas Lingkungan Hidup")


def add_swot_weakness(page, statement):
    slot = page.locator("#add-swot-W")
    slot.get_by_role("link", name=re.compile("Tambah butir SWOT")).click()
    form = slot.locator("form")
    expect(form.get_by_label("Kuadran")).to_have_value("W")
    form.get_by_label("Pernyataan").fill(statement)
    form.get_by_label("Data dukung").fill("Laporan DLH 2021")
    form.get_by_role("button", name="Simpan").click()
    row = page.locator("#list-swot-W [data-entry]").filter(has_text=statement)
    expect(row).to_be_visible()
    browse.settled(page)
    return row


def add_program(page, name):
    """A short-term program with one road map year, then an indicator with its first yearly target."""
    slot = page.locator("#add-program-short")
    slot.get_by_role("link", name=re.compile("Tambah program")).click()
    form = slot.locator("form")
    form.get_by_label("Elemen").select_option(label="Tata kelola sampah dan limbah")
    form.get_by_label("Jangka waktu").select_option(label="Jangka pendek (1 tahun)")
    form.get_by_label("Nama program").fill(name)
    form.get_by_label("Tahun mulai").fill("2025")
    form.get_by_label("Tahun selesai").fill("2025")
    form.get_by_label("Keluaran (output)").fill("Peta titik sampah liar di 42 kecamatan")
    # The section has strategies: a program serves one (dimensions.rules, as the consistency report).
    form.get_by_role("checkbox", name=re.compile("^SO: ")).first.check()
    form.locator("#id_roadmap-0-year").fill("2025")
    form.get_by_label("Kegiatan").first.fill("Pemetaan titik sampah liar bersama kecamatan")
    form.locator("#id_roadmap-0-target").fill("42 kecamatan")
    # The total is the sum of the yearly amounts; the split over funding sources makes the total.
    form.locator("#id_roadmap-0-amount").fill("150.000.000")
    expect(form.locator("[data-sum-of=roadmap]")).to_have_text("Rp 150.000.000")
    form.locator("#id_funding-0-funding_source").select_option(label="APBD")
    form.locator("#id_funding-0-amount").fill("150.000.000")
    form.get_by_role("button", name="Simpan").click()
    card = page.locator("#list-program-short article").filter(has_text=name)
    expect(card).to_be_visible()
    expect(card.get_by_role("table", name=f"Peta jalan {name}")).to_contain_text("42 kecamatan")
    browse.settled(page)

    card.get_by_role("link", name=re.compile("Tambah indikator")).click()
    form = card.locator("form[data-entry-form]")
    form.get_by_label("Indikator").fill(INDICATOR)
    form.get_by_label("Satuan").fill("titik")
    form.get_by_label("Target", exact=True).first.fill("120")
    form.get_by_role("button", name="Simpan").click()
    indicator = card.locator(".indicator").filter(has_text=INDICATOR)
    expect(indicator).to_be_visible()
    expect(indicator.get_by_role("table")).to_contain_text("120")
    browse.settled(page)
    return card


def submit_section(page, note):
    """From the workspace: "Tinjauan dan pengajuan", a note, "Ajukan untuk ditinjau"."""
    page.get_by_role("link", name="Tinjauan dan pengajuan").click()
    page.get_by_label("Catatan").fill(note)
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()
    expect(page.locator("#status .badge").first).to_have_text("Diajukan")
    expect(page.locator("#percakapan")).to_contain_text(note)


def open_from_queue(page):
    """Expert: "Antrean tinjauan", the row of Garut's DLH, its Smart Environment link."""
    browse.nav(page, "Antrean tinjauan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Antrean tinjauan")
    row = page.get_by_role("row").filter(has_text="Kabupaten Garut").filter(has_text="Dinas Lingkungan Hidup")
    expect(row).to_have_count(1)
    row.get_by_role("link", name="Smart Environment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tinjauan Smart Environment — Dinas Lingkungan Hidup")


def opd_part(page):
    """Journey 1, after logging in: add a SWOT entry and a program, submit the section with a note."""
    open_workspace(page)
    add_swot_weakness(page, WEAKNESS)
    add_program(page, PROGRAM)
    submit_section(page, SUBMIT_NOTE)

    section = environment_section()
    assert section.state == Section.State.SUBMITTED
    swot = SwotEntry.objects.get(section=section, statement=WEAKNESS)
    assert swot.quadrant == "W"
    program = Program.objects.get(section=section, name=PROGRAM)
    assert [(r.year, r.target) for r in program.roadmap.all()] == [(2025, "42 kecamatan")]
    assert program.budget == 150_000_000
    assert [(s.funding_source.code, s.amount) for s in program.funding.all()] == [("apbd", 150_000_000)]
    indicator = program.indicators.get()
    assert indicator.name == INDICATOR
    # The first row offered is the program's first year (dimensions.rules.target_span), not the period's.
    assert [(t.year, str(t.value)) for t in indicator.targets.all()] == [(2025, "120.00")]
    return section, swot


def test_review_journey_by_clicking_on_a_laptop(page, demo):
    password = demo

    # 1. The OPD representative fills in and submits.
    browse.login(page, "opd-garut", password)
    section, swot = opd_part(page)

    # 2. The expert finds it in the queue, comments on the SWOT entry and asks for changes.
    browse.switch_user(page, "ahli", password)
    open_from_queue(page)
    card = page.locator(f"#butir-swotentry-{swot.pk}")
    expect(card).to_contain_text(WEAKNESS)
    card.locator("summary", has_text="Komentari butir ini").click()
    card.get_by_label("Komentar").fill(COMMENT)
    card.get_by_role("button", name="Kirim komentar").click()
    expect(page.locator(f"#butir-swotentry-{swot.pk}")).to_contain_text(COMMENT)
    page.get_by_label("Catatan").fill(CHANGES_NOTE)
    page.get_by_role("button", name="Minta perbaikan").click()
    expect(page.locator("#status .badge").first).to_have_text("Perlu perbaikan")
    section.refresh_from_db()
    assert section.state == Section.State.CHANGES_REQUESTED

    # 3. The OPD representative: the notification (quoting the comment) leads to the entry on the
    #    section page; the conversation there has the notes; the fix; an answer typed and
    #    "Tandai selesai" pressed at once; the second submission.
    browse.switch_user(page, "opd-garut", password)
    unread = browse.main_nav(page).get_by_role("link", name=re.compile(r"^Notifikasi \d+ belum dibaca"))
    expect(unread).to_be_visible()
    unread.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifikasi")
    notices = page.locator(".list-group-item")
    expect(notices.filter(has_text="Smart Environment").first).to_be_visible()
    comment_notice = notices.filter(has_text=re.compile("komentar baru", re.I)).first
    expect(comment_notice).to_contain_text(COMMENT)
    comment_notice.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Environment — Dinas Lingkungan Hidup")
    assert page.url.endswith(f"#entry-swot-{swot.pk}")
    row = page.locator(f"#entry-swot-{swot.pk}")
    expect(row.get_by_role("region", name="Komentar tinjauan")).to_contain_text(COMMENT)
    conversation = page.locator("#percakapan")
    for said in (SUBMIT_NOTE, COMMENT, CHANGES_NOTE):
        expect(conversation).to_contain_text(said)

    row.get_by_role("link", name=re.compile("^Ubah")).click()
    expect(row.get_by_role("heading", name="Ubah butir SWOT")).to_be_visible()
    row.get_by_label("Pernyataan").fill(WEAKNESS_FIXED)
    row.get_by_role("button", name="Simpan").click()
    expect(row.locator("p").first).to_have_text(WEAKNESS_FIXED)
    browse.settled(page)
    thread = row.locator("[id^=komentar-]").filter(has_text=COMMENT)
    thread.locator("summary").click()
    expect(thread.get_by_role("button", name="Tandai selesai")).to_be_visible()
    thread.get_by_label("Jawaban").fill(ANSWER)
    # Typed text changes what the button says: it sends the answer too.
    thread.get_by_role("button", name="Kirim jawaban dan tandai selesai").click()
    expect(page.get_by_text("Jawaban dikirim dan komentar ditandai selesai.")).to_be_visible()
    comment = ReviewComment.objects.get(text=COMMENT)
    assert comment.resolved_at is not None
    assert comment.replies.get().text == ANSWER
    expect(page.locator(f"#entry-swot-{swot.pk}").get_by_role("region", name="Komentar tinjauan")).to_have_count(0)
    expect(page.locator("#percakapan")).to_contain_text(ANSWER)
    submit_section(page, RESUBMIT_NOTE)

    # 4. The expert sees the changed field side by side, and approves.
    browse.switch_user(page, "ahli", password)
    open_from_queue(page)
    conversation = page.locator("#percakapan")
    for said in (SUBMIT_NOTE, COMMENT, CHANGES_NOTE, ANSWER, RESUBMIT_NOTE):
        expect(conversation).to_contain_text(said)
    changes = page.locator("#perubahan")
    expect(changes.get_by_role("heading", name="Perubahan sejak tinjauan terakhir")).to_be_visible()
    changed = changes.locator(".change-changed").filter(has_text="Butir SWOT")
    expect(changed).to_have_count(1)
    field = changed.get_by_role("row").filter(has_text="Pernyataan")
    expect(field.locator("del")).to_have_text(WEAKNESS)
    expect(field.locator("ins")).to_have_text(WEAKNESS_FIXED)
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator("#status .badge").first).to_have_text("Disetujui")
    section.refresh_from_db()
    assert section.state == Section.State.APPROVED

    # 5. Diskominfo sees the approved cell in the progress matrix.
    browse.switch_user(page, "diskominfo-garut", password)
    browse.open_region(page)
    browse.nav(page, "Progres")
    expect(page.get_by_role("heading", level=1)).to_have_text("Progres penyusunan")
    matrix_row = page.locator("table.progress-matrix tbody tr").filter(
        has=page.get_by_role("rowheader", name=re.compile("^Dinas Lingkungan Hidup"))
    )
    cell = matrix_row.get_by_role("link", name=re.compile("Smart Environment"))
    expect(cell).to_contain_text("Disetujui")
    expect(cell.locator(".section-state")).to_have_class(re.compile("state-approved"))


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_opd_fills_in_and_submits_on_a_phone(page, demo, viewport):
    browse.login(page, "opd-garut", demo)
    # The menu (notifications, the user's own menu) is collapsed behind its toggler on a phone.
    toggler = browse.main_nav(page).get_by_role("button", name="Buka menu")
    expect(toggler).to_be_visible()
    expect(page.locator("#mainnav")).to_be_hidden()
    opd_part(page)
    # Nothing of the page is wider than the screen (no sideways scrolling of the whole page).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Keluar through the toggler's menu.
    browse.logout(page)

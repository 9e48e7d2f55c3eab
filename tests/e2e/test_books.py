"""The books of issue 4 in a real browser: Diskominfo of Garut opens "Buku" from the menu, clicks
"Render semua", sees the four books finished, downloads each and gets a PDF of the region.

Celery is eager here (no broker in the tests): the render runs inside the click's request, so
the page comes back finished. The real worker, its queue and the progress polling are proven by
tests/rendering; this test proves the page a person uses. The small `world` (not the demo) keeps
the four renders to a few seconds."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from masterplan.rendering.models import RenderJob

from . import browse
from .conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "buku-garut-2024"
BOOKS = {
    1: "Analisis Strategis",
    2: "Masterplan Smart City",
    3: "Ringkasan Eksekutif",
    4: "Profil Quick Win",
}


def test_diskominfo_renders_all_books_and_downloads_each(page, live_server, world, media_root, tmp_path):
    user = world.garut.diskominfo
    user.set_password(PASSWORD)
    user.save()

    browse.login(page, user.username, PASSWORD)
    browse.open_region(page, "Kabupaten Garut")
    browse.nav(page, "Buku")
    expect(page.get_by_role("heading", level=1)).to_have_text("Buku")
    for title in BOOKS.values():
        expect(page.get_by_role("heading", level=2, name=re.compile(title))).to_be_visible()
    expect(page.get_by_text("Belum ada PDF yang berhasil dirender.")).to_have_count(4)

    # The click's navigation waits for the four eager renders: allow a busy machine its time.
    page.get_by_role("button", name="Render semua").click(timeout=120_000)
    page.wait_for_load_state()

    # Finished: the message, per book a download with its page count and draft mark (the world's
    # sections are drafts), and four finished renders in the history.
    expect(page.locator("#messages")).to_contain_text("Selesai dirender, PDF siap diunduh")
    status = page.locator("#book-status")
    # Eager renders of four books take a while on a busy machine; the status fragment polls until done.
    expect(status.get_by_role("progressbar")).to_have_count(0, timeout=30_000)
    expect(status.get_by_role("link", name=re.compile("^Unduh PDF"))).to_have_count(4)
    history = status.get_by_role("table", name="Riwayat render buku, terbaru di atas")
    expect(history.locator("tbody tr")).to_have_count(4)
    expect(history.locator("tbody tr").filter(has_text="Selesai")).to_have_count(4)
    assert set(RenderJob.objects.values_list("state", flat=True)) == {RenderJob.State.DONE}

    for number, title in BOOKS.items():
        card = status.locator("section.card").filter(has=page.get_by_role("heading", name=re.compile(title)))
        expect(card).to_contain_text(re.compile(r"\d+ halaman"))
        expect(card.locator(".badge")).to_have_text("DRAF")
        with page.expect_download() as info:
            card.get_by_role("link", name=re.compile("^Unduh PDF")).click()
        download = info.value
        assert download.suggested_filename == f"garut-buku-{number}.pdf"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        data = Path(path).read_bytes()
        assert data.startswith(b"%PDF-")
        reader = PdfReader(path)
        assert len(reader.pages) >= 2, f"Buku {number} has {len(reader.pages)} page(s)"
        text = "\n".join(p.extract_text() or "" for p in reader.pages)
        assert "Garut" in text
        assert title.lower() in " ".join(text.split()).lower()
        job = RenderJob.objects.get(book__number=number)
        assert job.page_count == len(reader.pages)

    # The finished page, with its history table, also on a phone: no serious accessibility problem.
    # (The mouse leaves the last button first: a hover colour caught mid-transition is no finding.)
    page.emulate_media(reduced_motion="reduce")
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        problems = browse.page_problems(page, f"buku {size['width']}px")
        assert not problems, "\n".join(problems)

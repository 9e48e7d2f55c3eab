"""Nothing typed is lost without asking, and every answer is where the eye is (issue 9), in a real
browser: "Batal", Escape, reload and leaving ask first when a form was changed (not when it was
not, nor when it is submitted); a saved entry confirms in its own row, in sight, and to screen
readers; on a phone the unread count shows beside the collapsed menu and keyboard hints hide;
printing shows the content without menus and buttons."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from masterplan.notifications.models import Notification

from .browse import axe_violations, describe, settled
from .conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, client, live_server, user):
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])


def in_viewport(locator):
    """The element is wholly inside the window as it is scrolled now."""
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_batal_asks_and_the_saved_row_confirms_in_sight(page, viewport, world, client, live_server):
    g = world.garut
    page.dialog_answer = "dismiss"
    phone = viewport == PHONE
    Notification.objects.create(recipient=g.opd, text="Komentar baru pada bagian Anda", url="/")
    log_in(page, client, live_server, g.opd)
    page.goto(f"/r/garut/sections/{g.env_section.pk}/")

    # The unread count: beside the collapsed menu's toggler on a phone, in the menu on a laptop.
    badge = page.get_by_role("link", name="1 notifikasi belum dibaca")
    if phone:
        expect(page.locator("#mainnav")).to_be_hidden()
        expect(badge).to_be_visible()
        assert badge.get_attribute("href") == "/notifications/"
        violations = axe_violations(page)
        assert not violations, describe(violations)
    else:
        expect(badge).to_be_hidden()
        expect(page.locator("#nav-notifications")).to_contain_text("1")

    # The program is the last entry of the page: open it, type, press Batal.
    row = page.locator(f"#entry-program-{g.program.pk}")
    row.locator("[data-edit]").click()
    field = row.locator("#id_name")
    expect(field).to_be_visible()
    hint = row.locator(".kbd-hint")
    expect(hint).to_be_hidden() if phone else expect(hint).to_be_visible()
    field.fill("Program Sampah Cerdas Garut 2.0")
    row.get_by_role("link", name="Batal").click()
    assert page.dialogs == [("confirm", "Batalkan isian yang belum disimpan?")]
    expect(field).to_have_value("Program Sampah Cerdas Garut 2.0")  # dismissed: the typing stays
    if not phone:
        field.press("Escape")  # Escape asks the same way
        assert len(page.dialogs) == 2
        expect(field).to_have_value("Program Sampah Cerdas Garut 2.0")

    # Save: the confirmation is in the saved row, in sight without scrolling, and read out;
    # focus is on the row (not at the top of the page, where the old message was).
    row.get_by_role("button", name="Simpan").click()
    note = row.locator("[data-saved-note]")
    expect(note).to_have_text(re.compile("Program tersimpan"))
    settled(page)
    assert in_viewport(note)
    assert page.evaluate("scrollY") > 300  # the row is far below the top of the page
    expect(page.locator("#live-status")).to_have_text("Program tersimpan.")
    expect(page.locator("#messages")).to_have_text("")
    expect(row).to_be_focused()
    assert len(page.dialogs) == (1 if phone else 2)  # saving asked nothing

    # Printing: the content, without menus, buttons and forms.
    page.emulate_media(media="print")
    for hidden in [".site-nav", "main nav", "footer", "[data-edit]", ".entry-actions", ".add-slot"]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(row.get_by_role("heading", name="Program Sampah Cerdas Garut 2.0")).to_be_visible()


def test_reload_and_leaving_ask_only_for_changed_forms(page, world, client, live_server):
    g = world.garut
    page.dialog_answer = "dismiss"
    log_in(page, client, live_server, g.opd)
    url = f"/r/garut/sections/{g.env_section.pk}/"
    page.goto(url)
    row = page.locator(f"#entry-swot-{g.swot.pk}")

    # An open form nobody typed in: reloading asks nothing.
    row.locator("[data-edit]").click()
    expect(row.locator("#id_quadrant")).to_be_focused()
    page.reload()
    assert page.dialogs == []

    # Changed: following a link asks (dismissed: still here, typing intact); reloading asks.
    row.locator("[data-edit]").click()
    row.locator("#id_statement").fill("Bank sampah aktif di 30 desa")
    page.get_by_role("navigation", name="Jejak halaman").get_by_role("link", name="Beranda").click()
    page.wait_for_timeout(300)
    assert page.dialogs == [("beforeunload", "")]
    expect(row.locator("#id_statement")).to_have_value("Bank sampah aktif di 30 desa")
    page.dialog_answer = "accept"
    page.reload()
    assert len(page.dialogs) == 2 and page.dialogs[1][0] == "beforeunload"

    # A page form: its "Batal" link asks first; submitting it asks nothing.
    log_in(page, client, live_server, g.diskominfo)
    page.goto("/r/garut/profile/edit/")
    page.dialog_answer = "dismiss"
    field = page.locator("main form textarea").first
    field.fill("Kabupaten agraris di Priangan Timur")
    page.get_by_role("link", name="Batal").click()
    assert page.dialogs[2:] == [("confirm", "Isian yang belum disimpan akan hilang. Lanjutkan?")]
    expect(page).to_have_url(re.compile("/profile/edit/$"))
    expect(field).to_have_value("Kabupaten agraris di Priangan Timur")
    page.get_by_role("button", name="Simpan").click()
    expect(page).not_to_have_url(re.compile("/profile/edit/$"))
    assert len(page.dialogs) == 3

"""The narrative texts of the books in a real browser (issue 9): Diskominfo of Garut writes the
background chapter in the rich text editor by keyboard (bold text, a bulleted list), sees it in
the print preview in the book's typography, saves, and the book prints it formatted. Laptop, then
the same page on a phone."""

import re

import pytest
from playwright.sync_api import expect

from masterplan.books.models import BookDefinition, NarrativeText
from masterplan.books.services import book_html_build

from . import browse
from .conftest import LAPTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "teks-garut-2024"
PHONE_375 = {"width": 375, "height": 812}


def test_diskominfo_writes_formatted_text_previews_and_the_book_prints_it(page, world):
    user = world.garut.diskominfo
    user.set_password(PASSWORD)
    user.save()
    page.emulate_media(reduced_motion="reduce")  # axe must not read a button mid-transition
    browse.login(page, user.username, PASSWORD)
    page.goto("/r/garut/books/texts/")
    page.get_by_role("link", name="Tulis / ubah Latar Belakang").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Latar Belakang")

    # The editor replaces the textarea (still the form field, hidden); its help is plain text.
    editor = page.get_by_role("textbox", name="Teks")
    expect(editor).to_be_visible()
    expect(page.locator("textarea#id_html")).to_be_hidden()
    expect(page.locator("#id_html_helptext")).to_contain_text("Tulis seperti di pengolah kata")
    page.evaluate(
        "window.inputEvents = 0;"
        "document.getElementById('id_html').addEventListener('input', () => window.inputEvents++)"
    )

    # By keyboard: a paragraph with bold words, then a bulleted list from the toolbar.
    editor.click()
    page.keyboard.type("Garut menata layanan ")
    page.keyboard.press("Control+b")
    page.keyboard.type("terpadu dan terbuka")
    page.keyboard.press("Control+b")
    page.keyboard.type(" bagi warga.")
    page.keyboard.press("Enter")
    bullets = page.get_by_role("button", name="Daftar berbutir")
    bullets.click()
    expect(bullets).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("layanan perizinan daring")
    page.keyboard.press("Enter")
    page.keyboard.type("satu data daerah")
    field = page.locator("#id_html")
    expect(field).to_have_value(
        "<p>Garut menata layanan <strong>terpadu dan terbuka</strong> bagi warga.</p>"
        "<ul><li>layanan perizinan daring</li><li>satu data daerah</li></ul>"
    )
    assert page.evaluate("window.inputEvents") > 0  # an unsaved-changes guard sees the typing
    # Tab leaves the editor (no keyboard trap, no tab character typed).
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.isContentEditable")
    assert "\t" not in field.input_value()

    # The preview: the server's sanitised HTML in the book's stylesheet, below the form.
    page.get_by_role("button", name="Pratinjau").click()
    frame = page.frame_locator("iframe[title='Pratinjau cetak: Latar Belakang']")
    expect(frame.locator(".narrative strong")).to_have_text("terpadu dan terbuka")
    expect(frame.locator(".narrative ul > li")).to_have_text(["layanan perizinan daring", "satu data daerah"])
    font = frame.locator(".narrative p").evaluate("p => getComputedStyle(p).fontFamily")
    assert "PT Serif" in font
    expect(page.get_by_role("heading", name="Pratinjau seperti dicetak di buku")).to_be_focused()
    problems = browse.page_problems(page, "penyunting teks naratif dengan pratinjau [laptop]")
    assert not NarrativeText.objects.exists()  # a preview saves nothing

    # On a phone the page fits its width and still passes axe.
    page.set_viewport_size(PHONE_375)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_375["width"]
    problems += browse.page_problems(page, "penyunting teks naratif dengan pratinjau [ponsel]")
    page.set_viewport_size(LAPTOP)
    assert not problems, "\n".join(problems)

    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#messages")).to_contain_text(re.compile("Latar Belakang.*disimpan"))

    # The book prints it formatted (the HTML WeasyPrint lays out).
    book = book_html_build(world.garut.masterplan, BookDefinition.objects.get(number=1))
    assert (
        '<div class="narrative"><p>Garut menata layanan <strong>terpadu dan terbuka</strong> bagi warga.</p>'
        "<ul><li>layanan perizinan daring</li><li>satu data daerah</li></ul></div>"
    ) in book.html

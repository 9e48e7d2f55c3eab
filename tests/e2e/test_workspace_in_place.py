"""In-place editing in a real browser (headless Chromium): htmx swaps, focus, Escape, the keyboard,
stale saves, and axe-core on the workspace with forms open. Uses the package's Playwright fixtures
(conftest.py); the OPD representative of Garut is logged in through the session cookie."""

import pytest
from django.conf import settings

from dimensions.models import SwotEntry

from . import browse
from .browse import settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def page(page, live_server, world, client):
    """The package's page, logged in as opd-garut, with ``page.base`` the live server's address."""
    client.force_login(world.garut.opd)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    page.base = live_server.url
    return page


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_add_edit_escape_delete_restore_with_the_keyboard(page, world):
    g = world.garut
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/")

    # Add a weakness: the "add" link by keyboard; the form opens with focus in its first field.
    page.focus("#add-swot-W a")
    page.keyboard.press("Enter")
    page.wait_for_selector("#add-swot-W form[data-entry-form]")
    assert active_id(page) == "id_quadrant"
    assert page.input_value("#add-swot-W #id_quadrant") == "W"

    # Saving empty: the error comes back in place, focus on the field with the error.
    page.click("#add-swot-W button[type=submit]")
    page.wait_for_selector("#add-swot-W .is-invalid")
    assert active_id(page) == "id_statement"
    page.keyboard.type("SDM TIK terbatas")
    page.click("#add-swot-W button[type=submit]")
    page.wait_for_selector("#list-swot-W >> text=SDM TIK terbatas")
    settled(page)
    entry = SwotEntry.objects.get(statement="SDM TIK terbatas")
    assert active_id(page) == f"entry-swot-{entry.pk}"  # focus on the new row
    page.wait_for_selector("#add-swot-W a")  # the "add" button is back
    assert page.is_hidden("#list-swot-W + .empty-note")

    # Edit, type, Escape: the row comes back unchanged (after confirming to drop the typing).
    row = f"#entry-swot-{entry.pk}"
    page.click(f"{row} [data-edit]")
    page.wait_for_selector(f"{row} form[data-entry-form]")
    page.fill(f"{row} #id_statement", "Ketikan yang dibatalkan")
    page.press(f"{row} #id_statement", "Escape")
    page.wait_for_selector(f"{row} form[data-entry-form]", state="detached")
    settled(page)
    assert "SDM TIK terbatas" in page.inner_text(row)
    entry.refresh_from_db()
    assert entry.statement == "SDM TIK terbatas"

    # Edit and save: the row shows the new text; moving to another quadrant moves the row.
    page.click(f"{row} [data-edit]")
    page.wait_for_selector(f"{row} form[data-entry-form]")
    page.fill(f"{row} #id_statement", "SDM TIK terbatas di kecamatan")
    page.select_option(f"{row} #id_quadrant", "T")
    page.click(f"{row} button[type=submit]")
    page.wait_for_selector(f"#list-swot-T {row} >> text=SDM TIK terbatas di kecamatan")
    assert page.locator(f"#list-swot-W {row}").count() == 0

    # Delete (confirmed) and restore in place.
    page.click(f"{row} button:has-text('Hapus')")
    page.wait_for_selector(f"{row} >> text=Batalkan penghapusan")
    settled(page)
    assert not SwotEntry.objects.filter(pk=entry.pk).exists()
    page.click(f"{row} button:has-text('Batalkan penghapusan')")
    page.wait_for_selector(f"{row} >> text=SDM TIK terbatas di kecamatan")
    settled(page)
    assert SwotEntry.objects.filter(pk=entry.pk).exists()


def test_targets_rows_added_in_the_indicator_form(page, world):
    from tests import factories as f

    g = world.garut
    goal = f.GoalFactory(section=g.env_section, statement="Sampah terkelola")
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/#langkah-sasaran")
    slot = f"#add-indicator-goal-{goal.pk}"
    page.click(f"{slot} a")
    page.wait_for_selector(f"{slot} form[data-entry-form]")
    page.fill(f"{slot} #id_name", "Persentase sampah terkelola")
    page.fill(f"{slot} #id_unit", "%")
    page.fill(f"{slot} #id_targets-0-value", "45")
    page.fill(f"{slot} #id_targets-1-value", "50,5")
    page.click(f"{slot} button[type=submit]")
    page.wait_for_selector(f"#list-indicator-goal-{goal.pk} >> text=Persentase sampah terkelola")
    settled(page)
    assert "50,5" in page.inner_text(f"#list-indicator-goal-{goal.pk}")
    ind = goal.indicators.get()
    assert [str(v) for v in ind.targets.values_list("value", flat=True)] == ["45.00", "50.50"]


def axe_violations(page):
    """Every WCAG 2.1 A/AA violation, whatever its impact (stricter than browse.axe_violations)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(browse.AXE.read_text())  # not a <script>: the Content-Security-Policy refuses inline ones
    result = page.evaluate(
        "async () => (await axe.run(document, "
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
    )
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result]


def test_workspace_and_open_form_pass_axe(page, world):
    from tests.dimensions.conftest import fill

    g = world.garut
    fill(g.env_section, 1, "Aksesibel")
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/")
    assert axe_violations(page) == []
    page.click(f"#entry-program-{g.program.pk} [data-edit]")
    page.wait_for_selector(f"#entry-program-{g.program.pk} form[data-entry-form]")
    settled(page)
    assert axe_violations(page) == []
    page.goto(f"{page.base}/r/garut/dimensions/environment/")
    assert axe_violations(page) == []
    # A form with errors, the index, the history pages.
    page.click("#add-swot-S a")
    page.wait_for_selector("#add-swot-S form[data-entry-form]")
    page.click("#add-swot-S button[type=submit]")
    page.wait_for_selector("#add-swot-S .is-invalid")
    settled(page)
    assert axe_violations(page) == []
    page.goto(f"{page.base}/r/garut/dimensions/")
    assert axe_violations(page) == []
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/")
    page.click(f"#entry-swot-{g.swot.pk} button:has-text('Hapus')")
    page.wait_for_selector(f"#entry-swot-{g.swot.pk} >> text=Batalkan penghapusan")
    settled(page)
    assert axe_violations(page) == []
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/riwayat/")
    assert axe_violations(page) == []
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/swot/{g.swot.pk}/riwayat/")
    assert axe_violations(page) == []


def test_stale_save_shows_both_versions_in_place(page, world):
    g = world.garut
    row = f"#entry-swot-{g.swot.pk}"
    page.goto(f"{page.base}/r/garut/sections/{g.env_section.pk}/")
    page.click(f"{row} [data-edit]")
    page.wait_for_selector(f"{row} form[data-entry-form]")
    settled(page)
    # Someone else saves meanwhile.
    SwotEntry.objects.filter(pk=g.swot.pk).update(statement="Versi rekan", version=2)
    page.fill(f"{row} #id_statement", "Versi saya")
    page.click(f"{row} button[type=submit]")
    page.wait_for_selector(f"{row} [data-theirs]")
    settled(page)
    assert "Versi rekan" in page.inner_text(f"{row} [data-theirs]")
    assert "Versi saya" in page.inner_text(f"{row} [data-yours]")
    assert page.input_value(f"{row} #id_statement") == "Versi saya"
    assert axe_violations(page) == []
    page.click(f"{row} button[type=submit]")  # "Simpan isian saya"
    page.wait_for_selector(f"{row} form[data-entry-form]", state="detached")
    settled(page)
    assert SwotEntry.objects.get(pk=g.swot.pk).statement == "Versi saya"

"""The coordinator's journey of issue 11: log in, open Pantauan Nasional from the menu, filter to
one province and the lagging regions of one stage, download the XLSX, open a region. The page is
checked with axe-core at laptop and phone width, and kept as screenshots for a person to look at
(test-artifacts/screenshots/national-*.png)."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from . import browse
from .conftest import LAPTOP, PHONE, SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_filters_exports_and_opens_a_region(page, demo):
    browse.login(page, "koordinator", demo)
    browse.nav(page, "Pantauan Nasional")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pantauan Nasional")
    table = page.locator("table.national-table")
    expect(table.locator("tbody tr")).to_have_count(4)

    page.get_by_label("Provinsi").select_option(label="Jawa Barat")
    page.get_by_label("Tahap saat ini").select_option(label="Tahap III")
    page.get_by_label("Hanya yang tertinggal").check()
    page.get_by_role("button", name="Terapkan saringan").click()
    page.wait_for_load_state()
    rows = table.locator("tbody tr")
    # Garut: stages III and IV past and not signed off (Bekasi, also Jawa Barat, has all signed off).
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Jawa Barat")
    expect(rows.first).to_contain_text("Tertinggal")

    problems = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, size in (("laptop", LAPTOP), ("ponsel", PHONE)):
        page.set_viewport_size(size)
        problems += browse.page_problems(page, f"koordinator [{name}]: Pantauan Nasional")
        page.screenshot(path=str(SHOTS / f"national-{name}.png"), full_page=True)
    page.set_viewport_size(LAPTOP)
    assert not problems, "\n\n".join(problems)

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()), read_only=True).active
    names = sorted(r[0] for r in list(sheet.iter_rows(values_only=True))[1:])
    assert names == ["Kabupaten Garut"]

    table.get_by_role("link", name="Kabupaten Garut", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kabupaten Garut")

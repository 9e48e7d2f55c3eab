"""The Content-Security-Policy (settings.CONTENT_SECURITY_POLICY: no inline script or style) holds
in a real browser: the app's pages, htmx's in-place editing, the login throttle's message and the
Django admin work under it, and Chromium reports no violation. Every browser test fails on a
violation (conftest.py); this one also tours what the journeys do not: the admin, the pages of
every region menu item, a refused login."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from bimtek.models import Stage
from dimensions.models import Section
from masterplan.models import Region, User

from . import browse
from .browse import settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REGION_PAGES = [
    "region_detail",
    "dimension_index",
    "stage_list",
    "progress_matrix",
    "consistency_report",
    "document_list",
    "agency_list",
    "people_list",
    "book_list",
    "narrative_text_list",
]


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    return response


def test_app_htmx_and_admin_work_under_the_policy(page, demo):
    response = visit(page, "/accounts/login/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy

    # A refused login: the throttle's message next to the form.
    for _ in range(5):
        page.get_by_label("Nama pengguna").fill("dewan-garut")
        page.get_by_label("Sandi").fill("salah")
        page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("Terlalu banyak percobaan masuk yang gagal")

    # The region's pages, as Diskominfo (who sees every menu item).
    browse.type_login(page, "diskominfo-garut", demo)
    garut = Region.objects.get(slug="garut")
    for name in REGION_PAGES:
        visit(page, reverse(name, args=[garut.slug]))
    stage = Stage.objects.filter(masterplan__region=garut).order_by("number").first()
    visit(page, reverse("stage_detail", args=[garut.slug, stage.pk]))  # progress bar, helix chart
    visit(page, reverse("participant_list", args=[garut.slug, stage.pk]))
    visit(page, "/notifications/")
    browse.logout(page)

    # In-place editing (htmx) as the agency that fills the section in.
    browse.type_login(page, "opd-garut", demo)
    section = Section.objects.get(masterplan__region=garut, agency__acronym="DLH", dimension__code="environment")
    visit(page, reverse("section_workspace", args=[garut.slug, section.pk]))
    page.click("#add-swot-W a")
    page.wait_for_selector("#add-swot-W form[data-entry-form]")
    page.keyboard.press("Escape")
    page.wait_for_selector("#add-swot-W form[data-entry-form]", state="detached")
    settled(page)
    visit(page, reverse("section_history", args=[garut.slug, section.pk]))
    browse.logout(page)

    # The admin: lists, forms with autocomplete and date widgets, history, the login attempts.
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", demo)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    admin_user = User.objects.get(username="diskominfo-garut")
    for url in [
        reverse("admin:index"),
        reverse("admin:masterplan_user_changelist"),
        reverse("admin:masterplan_user_change", args=[admin_user.pk]),
        reverse("admin:masterplan_region_history", args=[garut.pk]),
        reverse("admin:dimensions_section_changelist"),
        reverse("admin:dimensions_section_change", args=[section.pk]),
        reverse("admin:bimtek_stage_change", args=[stage.pk]),
        reverse("admin:axes_accessattempt_changelist"),
    ]:
        visit(page, url)
    expect(page.locator("#result_list")).to_contain_text("dewan-garut")
    assert page.csp_violations == [], "\n".join(page.csp_violations)

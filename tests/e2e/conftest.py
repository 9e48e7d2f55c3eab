"""Playwright fixtures of the end-to-end tests: one headless Chromium for the package, a fresh
context and page per test, a screenshot of the page when a test fails.

Chromium is Debian's (`/usr/bin/chromium`, or $CHROMIUM); `playwright install` is never needed.
The browser lives for this package only (not the whole pytest session): Playwright's sync API
keeps an asyncio loop running in the main thread while it is open, and Django refuses ORM calls
from a thread with a running loop, so the rest of the suite must not find one."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "masterplan-demo"


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item (rep_setup, rep_call, rep_teardown) for the page fixture."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="package")
def browser(django_db_setup, django_db_blocker):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    # The reference data of the data migrations (dimensions, elements, funding sources, books),
    # which serialized_rollback puts back after each flush.
    with django_db_blocker.unblock():
        serialized = {
            alias: connections[alias]._test_serialized_contents
            for alias in connections
            if hasattr(connections[alias], "_test_serialized_contents")
        }
    # The sync API runs an asyncio loop in this thread; Django refuses ORM calls (the tests' own,
    # the database flush between tests) while one runs unless told this is deliberate.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as pw:
            # With a loop running, Django's connections live in a context-local store: new
            # connection objects (to the same test database) that lack the serialized reference
            # data, so the next test's serialized_rollback would restore nothing.
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            yield browser
            browser.close()


@pytest.fixture
def viewport():
    """The screen size of the `page` fixture; parametrise a test indirectly to change it."""
    return LAPTOP


@pytest.fixture
def page(browser, live_server, viewport, request, monkeypatch):
    """A new browser context (no cookies) on the live server, in Indonesian, of the test's size.
    A test whose pages break the Content-Security-Policy fails (in its teardown)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # A person in Indonesia: the browser asks for Indonesian (Chromium's default would be English).
    context = browser.new_context(
        viewport=viewport,
        locale="id-ID",
        base_url=live_server.url,
        accept_downloads=True,
        is_mobile=viewport["width"] < 600,
        has_touch=viewport["width"] < 600,
    )
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.set_default_navigation_timeout(60_000)
    # Every dialog (confirm, beforeunload) is recorded in pg.dialogs as (type, message) and
    # answered as pg.dialog_answer says: "accept" unless a test sets "dismiss".
    pg.dialogs, pg.dialog_answer = [], "accept"

    def answer(dialog):
        pg.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss() if pg.dialog_answer == "dismiss" else dialog.accept()

    pg.on("dialog", answer)
    # What Chromium refuses under the Content-Security-Policy, it says on the console.
    pg.csp_violations = []

    def note_csp_violation(message):
        if "Content Security Policy" in message.text:
            pg.csp_violations.append(f"{message.location.get('url')}: {message.text}")

    pg.on("console", note_csp_violation)
    yield pg
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SHOTS.mkdir(parents=True, exist_ok=True)
        try:
            pg.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the test's own failure
            print(f"screenshot failed: {exc}")
    context.close()
    if report is not None and report.passed and pg.csp_violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(pg.csp_violations))


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and rendered books of the test in a temporary folder (the live server shares settings)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def demo(live_server, media_root):
    """The demo of `seed_demo` (four regions, their content and the demo logins), as a new user
    meets it. About three seconds; the database is flushed after each test."""
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    return DEMO_PASSWORD

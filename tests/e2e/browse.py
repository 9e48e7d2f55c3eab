"""What a person does in the browser, as small steps the journeys share: log in by typing, click
the menu (opening it first on a phone), log out, wait for htmx, check a page with axe-core."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

AXE = Path(settings.BASE_DIR) / "tests" / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def main_nav(page):
    return page.get_by_role("navigation", name="Navigasi utama")


def open_menu(page):
    """On a narrow screen the menu is collapsed behind its toggler: open it, as a person would."""
    toggler = main_nav(page).get_by_role("button", name="Buka menu")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
        expect(toggler).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#mainnav")).to_be_visible()
        # Bootstrap's collapse animates; wait until it has finished opening.
        page.wait_for_function(
            "() => document.querySelector('#mainnav').classList.contains('show') "
            "&& !document.querySelector('#mainnav.collapsing')"
        )


def nav(page, name):
    """Click a link of the main menu by its text (exact) or a pattern; when the link is hidden in
    the collapsed menu (a phone), open the menu by its toggler first."""
    exact = {"exact": True} if isinstance(name, str) else {}
    link = main_nav(page).get_by_role("link", name=name, **exact).first
    if not link.is_visible():
        open_menu(page)
    link.click()
    page.wait_for_load_state()


def login(page, username, password):
    """From the login page: type the username and password, press Masuk, land on the dashboard."""
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk")
    type_login(page, username, password)


def logout(page):
    """The user menu of the navbar, then Keluar: back on the login page."""
    open_menu(page)
    nav_el = main_nav(page)
    nav_el.locator("button.dropdown-toggle").click()
    nav_el.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk")


def type_login(page, username, password):
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Beranda|Daerah Anda"))


def switch_user(page, username, password):
    """Keluar, then the next person logs in on the login page it lands on."""
    logout(page)
    type_login(page, username, password)


def region_link(page, region_name="Kabupaten Garut"):
    """On the dashboard: the region card's "Buka ringkasan" button, or (for whoever follows many
    regions: an expert, the coordinator, the administrator) the region's name in the table."""
    card = page.get_by_role("link", name=f"Buka ringkasan {region_name}")
    if card.count():
        return card
    return page.locator("table.national-table").get_by_role("link", name=region_name, exact=True)


def open_region(page, region_name="Kabupaten Garut"):
    """From the dashboard: open the region's overview."""
    region_link(page, region_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(region_name)


def settled(page):
    """Wait until no htmx request, swap or settle is going on (the server thread is done too)."""
    # A function, not an expression: Playwright evaluates an expression with eval, which the
    # Content-Security-Policy refuses.
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations of impact serious or critical on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the Content-Security-Policy refuses inline scripts.
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async (tags) => (await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations",
        AXE_TAGS,
    )
    return [v for v in result if v["impact"] in BLOCKING]


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"      {node['target']}")
    return "\n".join(lines)


def page_problems(page, label):
    """Everything wrong with the page as a person with assistive technology meets it: axe-core's
    serious/critical WCAG 2.1 A/AA violations, an empty <title>, not exactly one <h1>."""
    problems = []
    title = page.title().strip()
    if not title:
        problems.append(f"{label} ({page.url}): empty <title>")
    h1s = page.locator("h1").count()
    if h1s != 1:
        problems.append(f"{label} ({page.url}): {h1s} <h1> elements")
    violations = axe_violations(page)
    if violations:
        problems.append(f"{label} ({page.url}):\n{describe(violations)}")
    return problems

"""The keyboard alone: on the login page and in a section workspace the Tab key reaches the main
controls in a sensible order, and the focused control always shows a focus ring (an outline, as
computed by the browser) of at least 3:1 against its background. Opening and saving forms in place by
keyboard is tested in test_workspace_in_place.py; this is about reaching things and seeing
where the focus is."""

import pytest
from playwright.sync_api import expect

from . import browse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "kunci-garut-2024"

# What the focused element is, whether the browser draws a focus indicator on it, and the contrast
# of its outline against the background it is drawn on (of what lies just beside it, or of its
# nearest ancestor that is not transparent): WCAG 1.4.11 asks 3:1 of what shows the focus.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  // What is drawn just beside the element (where its ring goes), else its parent.
  const beside = document.elementsFromPoint(Math.max(rect.x - 4, 0), rect.y + rect.height / 2);
  let bg = [255, 255, 255];
  for (let n = beside.find((b) => !el.contains(b)) || el.parentElement; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) { bg = c; break; }
  }
  const [hi, lo] = [lum(rgb(cs.outlineColor)), lum(bg)].sort((a, b) => b - a);
  return {
    outline_contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 10) / 10,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute('name') || '',
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim(),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
    visible: rect.width > 1 && rect.height > 1,
    // Drawn on top where it is (not under another element, as the skip link was under the top bar).
    on_top: el.contains(document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)),
  };
}"""


def tab(page, key="Tab"):
    page.keyboard.press(key)
    return page.evaluate(FOCUSED)


def tab_until(page, wanted, limit, key="Tab"):
    """Press Tab until every predicate in `wanted` has matched a focused element (or `limit`
    presses); every element focused on the way must show a focus indicator and be visible."""
    found, stops = {}, []
    for _ in range(limit):
        el = tab(page, key)
        if el is None:
            continue
        stops.append(el)
        assert el["visible"], f"focused element is not visible: {el}"
        assert el["outline"], f"no focus ring on {el}"
        assert el["outline_contrast"] >= 3, f"focus ring of too little contrast on {el}"
        for name, predicate in wanted.items():
            if name not in found and predicate(el):
                found[name] = len(stops)
        if len(found) == len(wanted):
            break
    missing = set(wanted) - set(found)
    assert not missing, f"Tab never reached {missing}; stops: {[s['text'] or s['id'] for s in stops]}"
    return found


@pytest.fixture
def opd(world):
    user = world.garut.opd
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def keyboard_page(page):
    # Bootstrap skips its transitions for reduced motion: the focus is drawn at once.
    page.emulate_media(reduced_motion="reduce")
    return page


def test_login_by_keyboard_with_a_visible_focus(keyboard_page, opd):
    page = keyboard_page
    page.goto("/accounts/login/")
    # The username field has the focus at once (with its indicator); Tab goes on to the password,
    # the button and the reset link; Shift+Tab back over the brand to the skip link.
    expect(page.get_by_label("Nama pengguna")).to_be_focused()
    el = page.evaluate(FOCUSED)
    assert el["outline"] and el["outline_contrast"] >= 3, el
    found = tab_until(
        page,
        {
            "password": lambda el: el["name"] == "password",
            "submit": lambda el: el["tag"] == "button" and el["text"] == "Masuk",
            "reset": lambda el: el["text"] == "Lupa kata sandi?",
        },
        limit=6,
    )
    assert found["password"] < found["submit"] < found["reset"]
    page.get_by_label("Nama pengguna").focus()
    found = tab_until(
        page,
        {
            "brand": lambda el: el["text"] == "Masterplan Smart City",
            "skip": lambda el: el["text"] == "Langsung ke konten",
        },
        limit=4,
        key="Shift+Tab",
    )
    assert found["brand"] < found["skip"]

    # Log in with the keyboard alone: type, Tab, type, Enter.
    page.get_by_label("Nama pengguna").focus()
    page.keyboard.type(opd.username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Sandi")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beranda")


def test_workspace_controls_reached_by_tab_with_a_visible_focus(keyboard_page, opd, world):
    page = keyboard_page
    browse.login(page, opd.username, PASSWORD)
    browse.open_region(page)
    browse.nav(page, "Bagian saya")
    page.locator("#bagian-saya").get_by_role("link", name="Smart Environment — DLH").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Environment — Dinas Lingkungan Hidup")

    # From the top of the page: the skip link comes first and jumps over the menu to the content.
    el = tab(page)
    assert el["text"] == "Langsung ke konten" and el["visible"] and el["on_top"] and el["outline"], el
    assert el["outline_contrast"] >= 3, el
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    swot = world.garut.swot
    found = tab_until(
        page,
        {
            "review": lambda el: el["text"] == "Tinjauan dan pengajuan",
            "add_readiness": lambda el: el["text"].startswith("+ Tambah butir kesiapan"),
            "add_swot": lambda el: el["text"].startswith("+ Tambah butir SWOT"),
            "edit_swot": lambda el: el["text"].startswith("Ubah") and swot.statement[:30] in el["text"],
            "delete_swot": lambda el: (
                el["tag"] == "button" and el["text"].startswith("Hapus") and swot.statement[:30] in el["text"]
            ),
            "add_program": lambda el: el["text"].startswith("+ Tambah program"),
        },
        limit=120,
    )
    assert found["review"] < found["add_readiness"] < found["add_swot"] < found["add_program"]
    assert found["edit_swot"] < found["delete_swot"]

"""A crawl of the whole app as each demo user, on the data of ``seed_demo``.

Starting at ``/``, every internal ``<a href>`` of every HTML page is followed (GET only, breadth
first, a few pages per URL pattern so one long list of entries does not eat the budget), and every
``hx-get`` is fetched as htmx would. Each page must answer without a server error or a broken
link, have a title and one h1 (fragments: none), label every field, name every link, button and
image, use each id once, speak Indonesian, and, for a user of one region, never link to or name
another region."""

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from .conftest import DEMO_PASSWORD, seeded_module

MAX_PAGES = 150
# Visits per URL pattern and kind (e.g. entry_edit of a SWOT entry): enough to meet each kind of
# page, not every row; one of each htmx fragment.
PER_PATTERN = 3
HX_PER_PATTERN = 1
# URL words that make a different kind of page: the entry kind, the dimension.
PAGE_KINDS = {"kind", "code"}

# Links not followed: they change state, leave the app's pages or render PDFs (slow, tested by the
# rendering suite).
SKIP_PREFIXES = ("/admin/", "/static/", "/media/")
SKIP_URL_NAMES = {
    "logout",
    "book_render",
    "book_render_all",
    "book_download",
    "render_job_download",
}

DEMO_REGIONS = {"garut": "Garut", "tegal": "Tegal", "konawe-selatan": "Konawe Selatan", "bekasi": "Bekasi"}

# username -> own region slug, or None for users who may see several regions.
USERS = {
    "opd-garut": "garut",
    "diskominfo-garut": "garut",
    "dewan-garut": "garut",
    "opd-tegal": "tegal",
    "ahli": None,
    "koordinator": None,
    "admin": None,
}

# Text that only an untranslated Django (or a Python value printed as is) would put on a page.
ENGLISH_LEFTOVERS = [
    r"This field is required",
    r"Enter a valid",
    r"Ensure this value",
    r"Select a valid choice",
    r"\bUsername\b",
    r"\bPassword\b",
    r"\bCurrently:",
    r"\bChange:",
    r"\bClear\b",
    r"\bSubmit\b",
    r"\bLog ?in\b",
    r"\bLog ?out\b",
    r"\bNext\b",
    r"\bPrevious\b",
    r"\bPage \d+ of\b",
    r"\bSave\b",
    r"\bCancel\b",
    r"\bDelete\b",
    r"\bNone\b",
    r"\bTrue\b",
    r"\bFalse\b",
    r"\bjust now\b",
    r"\b(minutes?|hours?|days?) ago\b",
    r"\bRequired\b",
    r"\bNo (results|items)\b",
]
ENGLISH_RE = re.compile("|".join(f"(?:{p})" for p in ENGLISH_LEFTOVERS))

UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


class Page(HTMLParser):
    """What the checks need from one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = None
        self.h1 = 0
        self.links = []
        self.hx_links = []
        self.controls = []  # (description, id, aria-label, aria-labelledby, inside a <label>)
        self.label_for = set()
        self.ids = Counter()
        self.nameless = []  # links and buttons without an accessible name, images without alt
        self.text = []
        self._named = []  # open <a>/<button>: [description, collected name]
        self._in_title = False
        self._label_depth = 0
        self._skip_depth = 0  # inside <script>/<style>/<template>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] += 1
        if a.get("hx-get"):
            self.hx_links.append(a["hx-get"])
        if tag in ("script", "style"):
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
            self.title = self.title or ""
        elif tag == "h1":
            self.h1 += 1
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        if tag in ("a", "button") and not self._skip_depth:
            name = a.get("aria-label") or a.get("title") or ""
            self._named.append([f"<{tag} href={a.get('href')!r} class={a.get('class')!r}>", name])
        elif tag == "img":
            if "alt" not in a:
                self.nameless.append(f"<img src={a.get('src')!r}> without alt")
            for named in self._named:
                named[1] += a.get("alt") or ""
        elif tag in ("input", "select", "textarea"):
            kind = (a.get("type") or "text").lower() if tag == "input" else tag
            if kind not in UNLABELLED_INPUT_TYPES:
                what = f"<{tag} name={a.get('name')!r} type={kind!r} id={a.get('id')!r}>"
                self.controls.append(
                    (what, a.get("id"), a.get("aria-label"), a.get("aria-labelledby"), self._label_depth > 0)
                )

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "label":
            self._label_depth -= 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "label":
            self._label_depth = max(0, self._label_depth - 1)
        elif tag in ("a", "button") and self._named:
            what, name = self._named.pop()
            if not name.strip():
                self.nameless.append(f"{what} without a name")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip_depth:
            self.text.append(data)
            for named in self._named:
                named[1] += data

    def duplicate_ids(self):
        return sorted(id_ for id_, n in self.ids.items() if n > 1)

    def unlabelled(self):
        out = []
        for what, id_, aria_label, labelledby, wrapped in self.controls:
            if wrapped or (aria_label or "").strip():
                continue
            if labelledby and all(ref in self.ids for ref in labelledby.split()):
                continue
            if id_ and id_ in self.label_for:
                continue
            out.append(what)
        return out


def _pattern(path):
    """The URL pattern of a path with the words that pick a kind of page (entry kind, dimension
    code, query keys) but not ids or values: ("entry_edit", "kind=swot"), ("dimension_detail", "code=living")."""
    parts = urlsplit(path)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None, None
    words = [f"{k}={v}" for k, v in sorted(match.kwargs.items()) if k in PAGE_KINDS]
    words += sorted(q.split("=", 1)[0] for q in parts.query.split("&") if q)
    return match.url_name, " ".join(words)


def _internal(base, href):
    """The path (with query) of an internal link, or None."""
    href = href.strip()
    if href.startswith(("mailto:", "tel:", "javascript:", "#")):
        return None
    url, _frag = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _region_problems(own, html, text):
    problems = []
    for slug, name in DEMO_REGIONS.items():
        if slug == own:
            continue
        if f"/r/{slug}/" in html:
            problems.append(f"links to another region: /r/{slug}/")
        if re.search(rf"\b{re.escape(name)}\b", text):
            problems.append(f"names another region: {name}")
    return problems


def crawl(client, own_region):
    """Visit pages breadth first; return (pages visited, {url: [problems]}).

    Links are ``<a href>``; an ``hx-get`` is fetched as htmx does (HX-Request header) and its
    fragment checked like a page, except for the title and h1 that only whole pages carry."""
    queue = deque([("/", False)])
    seen = {("/", False)}
    per_pattern = Counter()
    problems = {}
    visited = 0
    while queue and visited < MAX_PAGES:
        url, hx = queue.popleft()
        response = client.get(url, headers={"HX-Request": "true"} if hx else {})
        visited += 1
        found = []
        status = response.status_code
        if status >= 500:
            found.append(f"server error {status}")
        elif status >= 400:
            found.append(f"broken link: {status}")
        links = []
        if status in (301, 302, 303, 307, 308):
            links = [(response["Location"], False)]
            if urlsplit(response["Location"]).path.startswith("/accounts/login/"):
                found.append("redirected to the login page")
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            page = Page()
            page.feed(html)
            page.close()
            links = [(href, False) for href in page.links] + [(href, True) for href in page.hx_links]
            text = " ".join(" ".join(page.text).split())
            found += _page_problems(page, html, text, own_region, fragment=hx)
        if found:
            problems[f"{url} (htmx)" if hx else url] = found
        for href, hx_link in links:
            path = _internal(url, href)
            if path is None or (path, hx_link) in seen or path.startswith(SKIP_PREFIXES):
                continue
            seen.add((path, hx_link))
            name, words = _pattern(path)
            if name in SKIP_URL_NAMES:
                continue
            per_pattern[name, words, hx_link] += 1
            if name is not None and per_pattern[name, words, hx_link] > (HX_PER_PATTERN if hx_link else PER_PATTERN):
                continue
            queue.append((path, hx_link))
    return visited, problems


def _page_problems(page, html, text, own_region, fragment=False):
    found = []
    title = (page.title or "").strip()
    # base.html appends " · Masterplan Smart City": the page's own part must not be empty.
    own_title = title.rsplit("·", 1)[0].strip() if "·" in title else title
    if not fragment and not own_title:
        found.append(f"empty <title>: {title!r}")
    if not fragment and page.h1 != 1:
        found.append(f"{page.h1} <h1> elements")
    if fragment and (page.title is not None or page.h1 > 1):
        found.append("an htmx fragment with a whole page's <title> or several <h1>")
    for control in page.unlabelled():
        found.append(f"field without a label: {control}")
    for what in page.nameless:
        found.append(what)
    for id_ in page.duplicate_ids():
        found.append(f"id used twice: {id_!r}")
    for id_ in sorted(page.label_for - set(page.ids)):
        found.append(f"<label for={id_!r}> without its field")
    for match in sorted({m.group(0) for m in ENGLISH_RE.finditer(text)}):
        found.append(f"English text: {match!r}")
    if own_region:
        found += _region_problems(own_region, html, text)
    return found


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, request):
    summary = {}
    with seeded_module(django_db_blocker):
        yield summary
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and summary:
        line = ", ".join(f"{user} {n}" for user, n in summary.items())
        reporter.write_line(f"\ncrawl: pages visited per user: {line}")


@pytest.mark.parametrize("username", list(USERS))
def test_crawl_as_demo_user(demo, db, username):
    client = Client()
    assert client.login(username=username, password=DEMO_PASSWORD)
    visited, problems = crawl(client, USERS[username])
    demo[username] = visited
    print(f"{username}: {visited} pages")
    # The crawl must have gone past the dashboard into the region's pages.
    assert visited >= 20, visited
    report = "\n".join(f"{url}\n    " + "\n    ".join(found) for url, found in problems.items())
    assert not problems, f"{len(problems)} of {visited} pages with problems as {username}:\n{report}"


# The checks themselves, on pages made to fail them (a crawl that finds nothing proves little
# unless its checks can fail).

BAD_PAGE = """<!DOCTYPE html><html><head><title> · Masterplan Smart City</title></head><body>
<h1>Satu</h1><h1>Dua</h1>
<form><input type="text" name="nama"><input type="hidden" name="x"><button type="submit">Kirim</button>
<label for="id_a">A</label><input id="id_a" name="a">
<label>B <select name="b"></select></label>
<span id="lbl">C</span><textarea name="c" aria-labelledby="lbl"></textarea>
<textarea name="d" aria-labelledby="missing"></textarea>
<input type="email" name="e" aria-label="Surel"></form>
<p>This field is required. Nilai: None</p>
<a href="/r/tegal/dimensions/">Dimensi Tegal</a>
<a href="/x/"><span class="bi bi-pencil"></span></a><a href="/y/" aria-label="Ubah"></a>
<a href="/z/"><img src="/static/logo.png" alt="Beranda"></a><img src="/static/deco.png">
<button type="button"> </button><button type="button"><span class="visually-hidden">Tutup</span></button>
<p id="dua"></p><p id="dua"></p><label for="hilang">Hilang</label>
<script>var Username = "Bekasi";</script>
</body></html>"""


def _problems_of(html, own_region="garut"):
    page = Page()
    page.feed(html)
    page.close()
    text = " ".join(" ".join(page.text).split())
    return _page_problems(page, html, text, own_region)


def test_checks_find_what_they_look_for():
    found = _problems_of(BAD_PAGE)
    assert "empty <title>: '· Masterplan Smart City'" in found
    assert "2 <h1> elements" in found
    unlabelled = [p for p in found if p.startswith("field without a label")]
    assert unlabelled == [
        "field without a label: <input name='nama' type='text' id=None>",
        "field without a label: <textarea name='d' type='textarea' id=None>",
    ]
    assert "English text: 'This field is required'" in found
    assert "English text: 'None'" in found
    assert "links to another region: /r/tegal/" in found
    assert "names another region: Tegal" in found
    assert [p for p in found if "without a name" in p or "without alt" in p] == [
        "<a href='/x/' class=None> without a name",
        "<img src='/static/deco.png'> without alt",
        "<button href=None class=None> without a name",
    ]
    assert "id used twice: 'dua'" in found
    assert "<label for='hilang'> without its field" in found
    # Script content is not page text.
    assert "names another region: Bekasi" not in found and "English text: 'Username'" not in found


def test_checks_pass_a_good_page_and_the_users_own_region():
    html = (
        "<html><head><title>Dimensi · Masterplan Smart City</title></head><body><h1>Dimensi Garut</h1>"
        '<a href="/r/garut/">Garut</a><label for="q">Cari</label><input id="q" name="q"></body></html>'
    )
    assert _problems_of(html) == []
    assert "links to another region: /r/garut/" in _problems_of(html, own_region="tegal")


def test_links_followed_are_internal_and_without_fragment():
    assert _internal("/r/garut/", "sections/3/#swot") == "/r/garut/sections/3/"
    assert _internal("/r/garut/", "/r/garut/dimensions/?q=1") == "/r/garut/dimensions/?q=1"
    assert _internal("/", "https://example.org/r/garut/") is None
    assert _internal("/", "mailto:a@b.id") is None
    assert _pattern("/r/garut/sections/3/swot/7/edit/") == ("entry_edit", "kind=swot")
    assert _pattern("/r/garut/sections/3/readiness/new/?group=alam") == ("entry_create", "kind=readiness group")

"""Every form of the app, fuzzed through its real view: no input makes a 500.

The forms are found, not listed: every write URL of the URLconf (tests/security/urlmap.py, the
authorization matrix's map) and the accounts pages, opened by a user who may write there; the
fields are those of the page's own <form> (as a browser sends them: formset management fields,
hidden version, selected options) plus the matrix's data for POST-only URLs. Each form gets:

- every field at once set to one hostile value of each class (an id no column holds, a negative
  number, NUL bytes, odd Unicode, a very long text), and the numbers inside every value the page
  filled in (an id in "goal-12", a year) replaced by a huge one and by a digit int() cannot read;
- a few Hypothesis examples: some fields hostile (from the same classes, random text and numbers,
  several values for one field), the others as the page filled them, so the input gets past the
  first checks and reaches the services and the database.

NUL bytes matter on PostgreSQL, whose text columns refuse them: they must be a form error there
too (Django's CharField refuses them; masterplan/lookups.py keeps huge ids out of queries).
Hypothesis profiles (tests/security/conftest.py): "ci" is derandomized (the same examples on every run),
"dev" explores; HYPOTHESIS_PROFILE picks one, CI defaults to "ci".
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.db import transaction
from django.urls import reverse
from gunicorn.http.wsgi import HEADER_VALUE_RE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.urlmap import ACCOUNTS, CASES, ROLES, may_post, url_for

HUGE = "99999999999999999999999"
EVERY_FIELD = {
    "huge id": HUGE,
    "negative": "-1",
    "NUL bytes": "ab\x00cd",
    "odd Unicode": "\u202e١٢٣ 𝔘ñí©ødé 😀 \ufeff",
    "very long": "x" * 70_000,
}
# Also the numbers inside every value the page filled in (an id in "goal-12", a year, an amount).
IN_EVERY_VALUE = {"huge number inside": HUGE, "odd digit inside": "²"}
DIGITS = re.compile(r"[0-9]+")
HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    HUGE,
    "-" + HUGE,
    "1e400",
    "NaN",
    "\x00",
    "a\x00b",
    "１２３",
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic digits: int() reads them
    # (the ones above also replace the numbers inside a value: "goal-12" -> "goal-²")
    "2024-02-30",
    "99999-01-01",
    "1.000.000,50",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../../etc/passwd",
    "x" * 70_000,
]
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers().map(str),
    st.from_regex(r"-?[0-9]{1,30}([.,][0-9]{1,5})?", fullmatch=True),
)
FIELD_VALUE = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))
EXAMPLES_PER_FORM = 4


class FormFields(HTMLParser):
    """The fields of the POST forms of a page, as a browser would send them: {action: {name: value}}."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = a.get("hx-post") or a.get("action") or ""
            is_post = (a.get("method") or "").lower() == "post" or "hx-post" in a
            self.current = self.forms.setdefault(action, {}) if is_post else None
        if self.current is None or not a.get("name"):
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                self.current.setdefault(name, [])
                return
            self.current.setdefault(name, []).append("" if kind == "file" else a.get("value", ""))
        elif tag == "select":
            self.select = name
            self.current.setdefault(name, [])
        elif tag == "option" and self.select and ("selected" in a or not self.current[self.select]):
            values = self.current[self.select]
            if "selected" in a and values and not getattr(self, "_chosen", False):
                values.clear()
            self._chosen = "selected" in a
            values.append(a.get("value", ""))
        elif tag == "textarea":
            self.textarea = name
            self.current[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select, self._chosen = None, False
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current[self.textarea][0] += data


def form_cases():
    """(id, URL case or accounts URL name, role): every form the app takes."""
    seen = set()
    for case in CASES:
        if case.write is None:
            continue
        role = case.write.probe or next(r for r in ROLES if may_post(case.write.rule, r, _Garut))
        key = (case.name, case.kind, case.write.variant)
        if key not in seen:
            seen.add(key)
            yield pytest.param(case, role, id=case.id)
    for name, role in (("login", "anonymous"), ("password_reset", "anonymous"), ("password_change", "dewan")):
        assert name in ACCOUNTS
        yield pytest.param(name, role, id=name)


class _Garut:  # what may_post needs to know of the region attacked
    slug = "garut"
    notification_owner = "diskominfo"


def baseline(client, url, write_data):
    """The form's fields as the page fills them (and the matrix's data on top), and where it posts."""
    fields, target = {}, url
    response = client.get(url)
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
        parser = FormFields()
        parser.feed(response.content.decode())
        path = urlsplit(url).path
        for action, found in parser.forms.items():
            if urlsplit(action).path in ("", path):
                fields.update(found)
                target = action if urlsplit(action).path else url
    for name, value in (write_data or {}).items():
        fields[name] = value if isinstance(value, list) else [value]
    return target, fields


def post(client, url, data):
    """POST in a savepoint rolled back afterwards: a form that takes the input writes nothing.
    Fields named "?name" go in the query string (the form's action carries them, e.g. ?group=)."""
    query = [(n[1:], v) for n, vs in data.items() if n.startswith("?") for v in (vs if isinstance(vs, list) else [vs])]
    body = {n: v for n, v in data.items() if not n.startswith("?")}
    target = urlsplit(url).path + ("?" + urlencode(query) if query else "")
    with transaction.atomic():
        response = client.post(target, body)
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{target} answered {response.status_code} to {data!r:.300}"
    for header, value in response.items():  # what gunicorn would refuse to send (a 500 there)
        assert HEADER_VALUE_RE.fullmatch(value), f"{target}: header {header} {value!r:.100}"
    return response


@pytest.mark.parametrize("form,role", list(form_cases()))
def test_no_input_makes_a_form_answer_500(module_world, db, form, role):
    world = module_world
    client = world.clients[role]
    garut = world.regions["garut"]
    if isinstance(form, str):
        url, fresh = reverse(form), dict
    else:
        url, fresh = url_for(form, "garut", garut), lambda: form.write.data(garut) if form.write.data else {}
    target, fields = baseline(client, url, fresh())
    fields.pop("csrfmiddlewaretoken", None)  # the test client does not check it
    fields |= {f"?{n}": [v] for n, v in parse_qsl(urlsplit(target).query, keep_blank_values=True)}
    names = sorted(fields)
    if not names:
        return  # a button (delete, render, mark read): no field to fuzz; the matrix covers who may press it

    for value in EVERY_FIELD.values():
        post(client, target, dict.fromkeys(names, value))
    for digits in IN_EVERY_VALUE.values():
        post(client, target, {n: [DIGITS.sub(digits, str(v)) for v in vs] for n, vs in fields.items()})

    inside = st.sampled_from(HOSTILE[:13]).map(lambda h: lambda v: DIGITS.sub(h, str(v)))

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def fuzz(data):
        hostile = data.draw(st.dictionaries(st.sampled_from(names), FIELD_VALUE, min_size=1), label="hostile")
        for name in data.draw(st.sets(st.sampled_from(names), max_size=2), label="numbers replaced inside"):
            hostile[name] = [data.draw(inside)(v) for v in fields[name]]
        post(client, target, {**fields, **fresh(), **hostile})  # fresh(): an upload is read once

    fuzz()

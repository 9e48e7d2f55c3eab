"""THE authorization matrix, generated from the URLconf: every URL pattern of the app (walked from
masterplan.urls, so a URL added tomorrow is in it the day it is added) is POSTed to by every role,
against the own region's objects, the foreign region's, and the foreign region's ids inside the
own region's URL. Whoever WRITES does not allow must be refused (403, 404, 405 or the login page)
and the database must be unchanged (a snapshot of every table of the app, history included).

- ``WRITES`` (urlmap.py) names the URLs that write and who may: the rules are written out there,
  independent of masterplan.access. A URL not in it may be written by nobody: a new write URL
  without access checks fails here at once, and one with checks fails until it is added to WRITES.
- Each write URL's data is what a browser would send, so a missing check would really write;
  ``probe`` names a role the rule allows, whose POST must change the database (else the data
  proves nothing and the test says so).
- Where the service refuses (review comments, transitions, sign-off) the page answers with a
  message rather than 403: ``refusal=SERVICE`` accepts any answer but a crash, and the snapshot
  still must not move.
- Roles that take the same way as another (a second user of one role, a visitor on a foreign
  region) are left out where noted below, to keep the matrix fast.
- The Django admin (its own staff-only site) and the accounts pages (login, password reset,
  public by design) are outside the matrix; the admin's URLs are checked against non-staff users
  below.
"""

from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from tests.security.conftest import changed_tables
from tests.security.urlmap import (
    ACCOUNTS,
    CASES,
    OBJECT_OF_PK,
    ROLES,
    SERVICE,
    WRITES,
    Write,
    arguments,
    may_post,
    url_for,
    url_patterns,
)

EVERY_ROLE = list(ROLES)
# On the foreign region's URL: one user of each role who has it elsewhere (Garut), and Tegal's own
# Diskominfo and the site administrator (who may). Those with a second user of the same kind
# (opd_other_agency, expert_unassigned) and the visitor take the same way there as their twin.
IN_FOREIGN_REGION = ["dewan", "opd", "diskominfo", "expert", "diskominfo_foreign", "admin"]
# Foreign ids inside Garut's URL: everyone with a role in Garut, and the site administrator (the
# others are refused by the region before any id is looked at: the own-region run shows it).
IN_OWN_REGION = ["dewan", "opd", "opd_other_agency", "diskominfo", "expert", "admin"]
# A URL that nobody may POST to: those who would pass whatever check a new POST handler had.
ANY_POST_HANDLER = ["admin", "opd"]
# An entry URL of a kind other than SWOT: the entry is looked up per kind, so the section's own
# editor (who passes the role check) tries the foreign region's entry; a refused neighbour (another
# agency's OPD) and the site administrator (who reviews but never writes entries) try the own.
KIND_ROLES = {"own": ["opd_other_agency", "admin"], "foreign ids in own URL": ["opd", "admin"]}


def targets(case, world):
    """(label, slug in the URL, objects named, who tries): own region, foreign region, foreign
    ids in the own region's URL. Without a slug, the own and the foreign objects."""
    garut, tegal = world.regions["garut"], world.regions["tegal"]
    if case.write is None:
        yield "own", "garut", garut, ANY_POST_HANDLER
        return
    foreign_ids = SimpleNamespace(**{**vars(tegal), "slug": "garut"})
    if "*" in case.write.kinds:
        yield "own", "garut", garut, KIND_ROLES["own"]
        yield "foreign ids in own URL", "garut", foreign_ids, KIND_ROLES["foreign ids in own URL"]
        return
    yield "own", "garut", garut, EVERY_ROLE
    yield "foreign", "tegal", tegal, IN_FOREIGN_REGION
    if "slug" in arguments(case.route) and case.names_ids:
        yield "foreign ids in own URL", "garut", foreign_ids, IN_OWN_REGION


def attempt(client, url, data, snapshot, baseline):
    """POST, then what changed in the database (rolled back whatever it was)."""
    with transaction.atomic():
        try:
            response = client.post(url, data)
        except Exception as exc:  # the test client re-raises a view's exception: a 500
            response = SimpleNamespace(status_code=500, error=exc, headers={})
        changed = changed_tables(baseline, snapshot())
        transaction.set_rollback(True)
    return response, changed


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response.headers.get("Location", "").startswith(reverse("login"))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_writes_are_refused_to_whoever_may_not_and_change_nothing(module_world, snapshot, db, case):
    world = module_world
    baseline = snapshot()
    write = case.write or Write(rule=None)
    failures = []
    for label, slug, objects, roles in targets(case, world):
        url = url_for(case, slug, objects)
        for who in roles:
            client = world.clients[who]
            if write.rule is not None and may_post(write.rule, who, objects) and label != "foreign ids in own URL":
                continue
            data = write.data(objects) if write.data else {}
            response, changed = attempt(client, url, data, snapshot, baseline)
            answer_ok = response.status_code != 500 if write.refusal == SERVICE else refused(response)
            if not answer_ok or changed:
                failures.append(f"{who} on {label} ({url}): answered {response.status_code}, changed {changed}")
    if write.probe:
        garut = world.regions["garut"]
        assert may_post(write.rule, write.probe, garut), f"probe {write.probe} is not allowed by the rule"
        response, changed = attempt(
            world.clients[write.probe], url_for(case, "garut", garut), write.data(garut), snapshot, baseline
        )
        if response.status_code == 500 or not changed:
            failures.append(
                f"the probe ({write.probe}) changed nothing (answered {response.status_code}): "
                "the matrix's data would not show a missing check; fix WRITES"
            )
    assert not failures, "\n".join(failures)


def test_the_matrix_covers_the_urlconf():
    """Every name in WRITES and OBJECT_OF_PK is a URL of the app (no stale entry hides a rename);
    every URL of the app is in the matrix (all but the admin's and the accounts pages)."""
    names = {name for _route, name, _p in url_patterns()}
    assert set(WRITES) <= names and set(OBJECT_OF_PK) <= names and set(ACCOUNTS) <= names
    covered = {c.name for c in CASES}
    assert covered == {n for n in names if not n.startswith("admin:") and n not in ACCOUNTS}
    assert len(CASES) > 80


# The admin ------------------------------------------------------------------------------------


def admin_urls():
    fill = {"object_id": "1", "app_label": "masterplan", "content_type_id": "1", "id": "1", "url": "x"}
    for _route, name, pattern in url_patterns():
        if not name.startswith("admin:") or name in ("admin:", "admin:login", "admin:logout"):
            continue  # logging in and out is public
        regex = pattern.pattern.regex
        if regex.groupindex:
            yield reverse(name, kwargs={g: fill[g] for g in regex.groupindex})
        else:
            yield reverse(name, args=["1"] * regex.groups)


def test_the_admin_refuses_everyone_but_staff(module_world, snapshot, db):
    """Every URL of the admin (its own site; staff only), POSTed by the highest non-staff role:
    the admin's login page, nothing changed."""
    baseline = snapshot()
    failures = []
    urls = list(admin_urls())
    assert len(urls) > 100
    for url in urls:
        for who in ("diskominfo",):  # logged in, not staff (a visitor is refused by the same check)
            response, changed = attempt(module_world.clients[who], url, {"name": "x"}, snapshot, baseline)
            login = response.status_code == 302 and response.headers["Location"].startswith(reverse("admin:login"))
            if not (login or response.status_code == 404) or changed:
                failures.append(f"{who} {url}: {response.status_code}, changed {changed}")
    assert not failures, "\n".join(failures)

"""THE authorization matrix, generated from the URLconf: every URL pattern of the app (walked from
masterplan.urls, so a URL added tomorrow is in it the day it is added) is POSTed to by every role,
against the own region's objects, the foreign region's, and the foreign region's ids inside the
own region's URL. Whoever WRITES does not allow must be refused (403, 404, 405 or the login page)
and the database must be unchanged (a snapshot of every table of the app, history included).

- ``WRITES`` names the URLs that write and who may: the rules are written out here, independent
  of masterplan.access. A URL not in it may be written by nobody: a new write URL without access
  checks fails here at once, and one with checks fails until it is added to WRITES.
- Each write URL's data is what a browser would send, so a missing check would really write;
  ``probe`` names a role the rule allows, whose POST must change the database (else the data
  proves nothing and the test says so).
- Where the service refuses (review comments, transitions, sign-off) the page answers with a
  message rather than 403: ``refusal=SERVICE`` accepts any answer but a crash, and the snapshot
  still must not move.
- The Django admin (its own staff-only site) and the accounts pages (login, password reset,
  public by design) are outside the matrix; the admin's URLs are checked against non-staff users
  below.
"""

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse

from dimensions.kinds import KINDS
from tests import factories as f
from tests.masterplan.conftest import pdf_bytes, png_bytes
from tests.security.conftest import changed_tables
from tests.security.world import ROLES

# Who may POST --------------------------------------------------------------------------------

MANAGE = "Diskominfo of the region, the site administrator"
EDIT = "the OPD representative of the section's agency"
REVIEW = "the expert assigned to the region, the site administrator"
REVIEW_OR_EDIT = "the assigned expert, the section's OPD representative, the site administrator"
OWNER = "the notification's recipient"
AUTHENTICATED = "anyone logged in"
PUBLIC = "anyone"

STATUS, SERVICE = "status", "service"  # how a refusal looks: 403/404/405/login, or any non-crash answer


def may_post(rule, who, objects):
    if rule == PUBLIC:
        return True
    if who == "anonymous":
        return False
    if rule == AUTHENTICATED:
        return True
    if rule == OWNER:
        return who == objects.notification_owner
    if who == "admin":
        return rule in (MANAGE, REVIEW, REVIEW_OR_EDIT)  # it reviews and manages, never writes entries
    role, agency = ROLES[who].get(objects.slug, (None, None))
    is_editor = role == "opd" and agency == "dlh"  # the section attacked is DLH's
    return {
        MANAGE: role == "diskominfo",
        EDIT: is_editor,
        REVIEW: role == "expert",
        REVIEW_OR_EDIT: role == "expert" or is_editor,
    }[rule]


@dataclass
class Write:
    rule: str
    data: object = None  # callable(objects) -> POST data
    probe: str | None = None  # a role the rule allows: its POST must change the database
    refusal: str = STATUS
    variant: str = ""  # several Writes of one URL (e.g. section_review's operations)
    pk: str = ""  # what <int:pk> names, when not the default of the URL (OBJECT_OF_PK)
    kinds: tuple = field(default=())  # entry URLs: the kinds it is for ("*": every other kind)


def _pdf(name="dok.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def _png(name="logo.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def _swot(o, **extra):
    return {"quadrant": "S", "component": "struktur", "statement": "Ditulis penyerang", "priority": "2", **extra}


def _participant(o):
    return {"name": "Peserta Baru", "institution": "Bappeda", "helix": "government"}


WRITES = {
    "region_edit": [
        Write(
            MANAGE,
            lambda o: {
                "profile-province": "Diubah",
                "profile-head_title": "Bupati",
                "profile-head_name": "H. Diubah",
                "mp-period_start": "2024",
                "mp-period_end": "2033",
                "mp-vision": "Visi diubah",
                "mp-mission": "Misi",
            },
            probe="diskominfo",
        )
    ],
    "agency_create": [Write(MANAGE, lambda o: {"name": "Dinas Baru", "acronym": "DB"}, probe="diskominfo")],
    "agency_edit": [Write(MANAGE, lambda o: {"name": "Dinas Diubah", "acronym": "DD"}, probe="diskominfo")],
    "agency_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo", pk="agency_empty")],
    "agency_dimensions": [
        Write(
            MANAGE,
            lambda o: {"dimensions": [f.dimension("environment").pk, f.dimension("economy").pk]},
            probe="diskominfo",
        )
    ],
    "people_add": [
        Write(
            MANAGE,
            lambda o: {"username": "baru", "full_name": "Baru", "email": "baru@example.go.id", "role": "dewan"},
            probe="diskominfo",
        )
    ],
    "people_edit": [Write(MANAGE, lambda o: {"role": "diskominfo", "agency": ""}, probe="diskominfo")],
    "people_remove": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "people_resend": [Write(MANAGE, lambda o: {})],  # sends an e-mail, writes nothing
    "document_upload": [
        Write(MANAGE, lambda o: {"kind": "mou", "title": "Dok", "stage": "", "file": _pdf()}, probe="diskominfo")
    ],
    "document_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "stage_ensure": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "stage_edit": [
        Write(
            MANAGE,
            lambda o: {"start_date": "2024-05-01", "end_date": "2024-05-02", "venue": "Aula Baru", "status": "done"},
            probe="diskominfo",
        )
    ],
    "stage_sign_off": [Write(REVIEW, lambda o: {}, probe="expert", refusal=SERVICE)],
    "stage_document_upload": [
        Write(MANAGE, lambda o: {"kind": "minutes", "title": "Notulen", "file": _pdf()}, probe="diskominfo")
    ],
    "participant_create": [Write(MANAGE, _participant, probe="diskominfo")],
    "participant_import": [Write(MANAGE, lambda o: {"file": _pdf("hadir.csv")})],  # a preview: writes on confirm
    "participant_edit": [Write(MANAGE, _participant, probe="diskominfo")],
    "participant_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "book_render_all": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "book_render": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "narrative_text_edit": [Write(MANAGE, lambda o: {"html": "Teks baru", "loaded_at": ""}, probe="diskominfo")],
    "cover_logo_upload": [Write(MANAGE, lambda o: {"logo-name": "Logo", "logo-image": _png()}, probe="diskominfo")],
    "cover_logo_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "section_review": [
        Write(
            REVIEW_OR_EDIT,
            lambda o: {"op": "comment", "text": "Balasan", "parent": o.comment_open.pk},
            probe="opd",
            refusal=SERVICE,
            variant="reply",
        ),
        Write(
            REVIEW, lambda o: {"op": "comment", "text": "Komentar"}, probe="expert", refusal=SERVICE, variant="comment"
        ),
        Write(EDIT, lambda o: {"op": "submit", "note": ""}, probe="opd", refusal=SERVICE, variant="submit"),
    ],
    "review_comment_add": [
        Write(
            REVIEW_OR_EDIT,
            lambda o: {"text": "Balasan", "parent": o.comment_open.pk},
            probe="opd",
            refusal=SERVICE,
            variant="reply",
        ),
        Write(REVIEW, lambda o: {"text": "Komentar"}, probe="expert", refusal=SERVICE, variant="comment"),
    ],
    "review_comment_resolve": [Write(REVIEW_OR_EDIT, lambda o: {}, probe="opd", refusal=SERVICE)],
    "review_comment_reopen": [Write(REVIEW_OR_EDIT, lambda o: {}, probe="expert", refusal=SERVICE)],
    "notification_open": [Write(OWNER, lambda o: {}, probe="diskominfo")],  # marks read, on GET too
    "notification_mark_read": [Write(OWNER, lambda o: {}, probe="diskominfo")],
    "notification_mark_all_read": [Write(AUTHENTICATED, lambda o: {}, probe="diskominfo")],
    # Entries, for every kind of the registry: one view and one role check for all (the full
    # matrix on SWOT, with real data); for each other kind what depends on it (KIND_ROLES).
    "entry_create": [Write(EDIT, lambda o: _swot(o), probe="opd", kinds=("swot",)), Write(EDIT, kinds=("*",))],
    "entry_edit": [
        Write(EDIT, lambda o: _swot(o, version=str(o.entries["swot"].version)), probe="opd", kinds=("swot",)),
        Write(EDIT, kinds=("*",)),
    ],
    "entry_delete": [
        Write(EDIT, lambda o: {}, probe="opd", kinds=("swot",)),
        Write(EDIT, lambda o: {}, probe="opd", kinds=("*",)),
    ],
    "entry_restore": [
        Write(EDIT, lambda o: {}, probe="opd", pk="deleted_swot", kinds=("swot",)),
        Write(EDIT, kinds=("*",)),
    ],
}
# The accounts pages: public by design (logging in, resetting a forgotten password), or one's own.
ACCOUNTS = {
    "login": PUBLIC,
    "logout": PUBLIC,
    "password_reset": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_change": AUTHENTICATED,
}

# What <int:pk> names, per URL (the other id arguments name one thing each: ID_ARGS).
OBJECT_OF_PK = {
    **dict.fromkeys(["agency_detail", "agency_edit", "agency_delete", "agency_dimensions"], "agency"),
    **dict.fromkeys(["people_edit", "people_remove", "people_resend"], "membership"),
    **dict.fromkeys(["document_download", "document_delete"], "document"),
    **dict.fromkeys(
        [
            "stage_detail",
            "stage_edit",
            "stage_sign_off",
            "stage_document_upload",
            "participant_list",
            "participant_create",
            "participant_import",
        ],
        "stage",
    ),
    **dict.fromkeys(["cover_logo_image", "cover_logo_delete"], "logo"),
    "render_job_download": "render_job",
    **dict.fromkeys(["section_review", "review_comment_add"], "section"),
    **dict.fromkeys(["notification_open", "notification_mark_read"], "notification"),
    **dict.fromkeys(["entry_row", "entry_edit", "entry_delete", "entry_restore", "entry_history"], "entry"),
}
ID_ARGS = {"section_pk": "section", "participant_pk": "participant", "comment_pk": "comment"}
COMMENT_OF = {"review_comment_resolve": "comment_open", "review_comment_reopen": "comment_resolved"}
OTHER_ARGS = {"code": "environment", "number": 3, "key": "latar_belakang"}


# The URLconf, walked ----------------------------------------------------------------------------


def url_patterns(resolver=None, prefix=""):
    """(route, name, pattern) of every URL pattern, namespaces and includes followed."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            yield from ((route, ns + name, q) for route, name, q in url_patterns(p, prefix + str(p.pattern)))
        else:
            yield prefix + str(p.pattern), p.name or "", p


def arguments(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route)


@dataclass
class Case:
    name: str
    route: str
    write: Write | None  # None: nobody may POST
    kind: str = ""

    @property
    def id(self):
        parts = [self.name, self.kind, self.write.variant if self.write else ""]
        return "-".join(p for p in parts if p)

    @property
    def names_ids(self):
        args = arguments(self.route)
        return "pk" in args or any(a in ID_ARGS for a in args)


def cases():
    for route, name, _pattern in url_patterns():
        if name.startswith("admin:") or name in ACCOUNTS:
            continue
        kinds = list(KINDS) if "kind" in arguments(route) else [""]
        writes = WRITES.get(name, [None])
        for kind in kinds:
            for write in writes:
                if write is not None and write.kinds and kind not in write.kinds and "*" not in write.kinds:
                    continue
                if write is not None and "*" in write.kinds and any(kind in w.kinds for w in writes if w is not write):
                    continue
                yield Case(name, route, write, kind)


CASES = list(cases())


def url_for(case, slug, objects):
    kwargs = {}
    for arg in arguments(case.route):
        if arg == "slug":
            kwargs[arg] = slug
        elif arg == "kind":
            kwargs[arg] = case.kind
        elif arg in OTHER_ARGS:
            kwargs[arg] = OTHER_ARGS[arg]
        elif arg == "comment_pk":
            kwargs[arg] = getattr(objects, COMMENT_OF.get(case.name, "comment_open")).pk
        elif arg in ID_ARGS:
            kwargs[arg] = getattr(objects, ID_ARGS[arg]).pk
        elif arg == "pk":
            what = (case.write.pk if case.write and case.write.pk else None) or OBJECT_OF_PK.get(case.name)
            assert what, f"the matrix does not know what <int:pk> of {case.name} names: add it to OBJECT_OF_PK"
            if what == "entry":
                kwargs[arg] = objects.entries[case.kind].pk
            else:
                value = getattr(objects, what)
                kwargs[arg] = value if isinstance(value, int) else value.pk
        else:
            raise AssertionError(f"the matrix cannot fill <{arg}> of {case.name}: teach url_for")
    return reverse(case.name, kwargs=kwargs)


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

"""THE isolation matrix: every URL of the core pages that names a region object, for every role,
against the own region's object, the foreign region's object, and the foreign object reached
through the own region's slug.

Rules: anonymous -> redirect to login; a foreign region (or a foreign object under the own slug)
-> 404 always (the site administrator sees every region); own region without the right -> 403.

Adding a URL is one line in URLS: (url name, action it needs, object kind or None, method).
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from masterplan.models import Document, Membership, Province
from tests.masterplan.conftest import pdf_bytes, png_bytes

VIEW, MANAGE = "view", "manage"

URLS = [
    ("region_detail", VIEW, None, "get"),
    ("region_edit", MANAGE, None, "get"),
    ("region_emblem", VIEW, None, "get"),
    ("agency_list", VIEW, None, "get"),
    ("agency_create", MANAGE, None, "get"),
    ("agency_detail", VIEW, "agency", "get"),
    ("agency_edit", MANAGE, "agency", "get"),
    ("agency_delete", MANAGE, "agency", "get"),
    ("agency_dimensions", MANAGE, "agency", "get"),
    ("people_list", VIEW, None, "get"),
    ("people_add", MANAGE, None, "get"),
    ("people_edit", MANAGE, "membership", "get"),
    ("people_remove", MANAGE, "membership", "get"),
    ("people_resend", MANAGE, "membership", "post"),
    ("document_list", VIEW, None, "get"),
    ("document_upload", MANAGE, None, "get"),
    ("document_download", VIEW, "document", "get"),
    ("document_delete", MANAGE, "document", "get"),
]

ROLES = ["anonymous", "opd", "diskominfo", "dewan", "expert", "admin", "outsider"]
# What each role of Garut may do there (written out here, independent of masterplan.access).
RIGHTS = {
    "opd": {VIEW},
    "diskominfo": {VIEW, MANAGE},
    "dewan": {VIEW},
    "expert": {VIEW},
    "admin": {VIEW, MANAGE},
    "outsider": set(),
}
TARGETS = ["own", "foreign", "foreign-via-own-slug"]


def expected_status(who, action, target, method):
    ok = 302 if method == "post" else 200
    if who == "anonymous":
        return "login"
    if target == "foreign-via-own-slug":
        return 404
    if target == "foreign":
        return ok if who == "admin" else 404
    if who == "outsider":
        return 404
    return ok if action in RIGHTS[who] else 403


def _cases():
    for name, action, kind, method in URLS:
        for target in TARGETS if kind else TARGETS[:2]:
            for who in ROLES:
                yield pytest.param(name, action, kind, method, who, target, id=f"{name}-{target}-{who}")


def _objects(rw):
    """The objects of one region the URLs name; gives the region an emblem and a document."""
    rw.region.emblem.save("lambang.png", ContentFile(png_bytes()), save=True)
    document = Document.objects.create(
        region=rw.region, kind="mou", title=f"MoU {rw.region.name}", file=ContentFile(pdf_bytes(), name="mou.pdf")
    )
    return {
        "agency": rw.dlh,
        # The Dewan member's membership: editable by Diskominfo (not an expert's, not one's own).
        "membership": Membership.objects.get(user=rw.dewan, region=rw.region),
        "document": document,
    }


@pytest.fixture
def matrix_world(world):
    world.objects = {"garut": _objects(world.garut), "tegal": _objects(world.tegal)}
    return world


def _user(world, who):
    if who in ("opd", "diskominfo", "dewan"):
        return getattr(world.garut, who)
    return {"expert": world.expert, "admin": world.admin, "outsider": world.outsider}[who]


@pytest.mark.parametrize("name,action,kind,method,who,target", list(_cases()))
def test_isolation_matrix(client, matrix_world, name, action, kind, method, who, target):
    slug = "tegal" if target == "foreign" else "garut"
    obj_region = "garut" if target == "own" else "tegal"
    kwargs = {"slug": slug}
    if kind:
        kwargs["pk"] = matrix_world.objects[obj_region][kind].pk
    url = reverse(name, kwargs=kwargs)
    if who != "anonymous":
        client.force_login(_user(matrix_world, who))
    response = getattr(client, method)(url)

    expected = expected_status(who, action, target, method)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    else:
        assert response.status_code == expected, f"{who} {method.upper()} {url}"


def test_every_region_url_of_this_area_is_in_the_matrix():
    """A new region URL in masterplan/urls_region.py must get its line in URLS."""
    from masterplan import urls_region

    region_urls = {p.name for p in urls_region.urlpatterns if "<slug:slug>" in str(p.pattern)}
    assert region_urls == {name for name, *_ in URLS}


@pytest.mark.parametrize(
    "name,kind,data",
    [
        ("agency_create", None, {"name": "Dinas Baru", "acronym": "DB"}),
        ("agency_edit", "agency", {"name": "Diubah", "acronym": "X"}),
        ("agency_delete", "agency", {}),
        ("agency_dimensions", "agency", {"dimensions": []}),
        ("people_add", None, {"username": "baru", "full_name": "Baru", "email": "baru@example.go.id", "role": "dewan"}),
        ("people_edit", "membership", {"role": "diskominfo"}),
        ("people_remove", "membership", {}),
        ("document_delete", "document", {}),
        ("region_edit", None, {"profile-province": "Bali"}),  # the name: its id is put in below
    ],
)
def test_refused_posts_change_nothing(login, matrix_world, name, kind, data):
    """An OPD representative's POST to a Diskominfo action is refused (403); a Diskominfo POST
    naming Tegal's object under Garut's slug is 404; either way nothing changes in the database."""
    from dimensions.models import Section
    from masterplan.models import Agency, Region, User

    def snapshot():
        return (
            sorted(Agency.objects.values_list("pk", "name")),
            sorted(Membership.objects.values_list("pk", "role")),
            Document.objects.count(),
            Section.objects.count(),
            User.objects.count(),
            sorted(Region.objects.values_list("province", flat=True)),
        )

    if "profile-province" in data:
        data = {**data, "profile-province": str(Province.objects.get(name=data["profile-province"]).pk)}
    before = snapshot()
    garut_kwargs = {"slug": "garut"}
    cross_kwargs = {"slug": "garut"}
    if kind:
        garut_kwargs["pk"] = matrix_world.objects["garut"][kind].pk
        cross_kwargs["pk"] = matrix_world.objects["tegal"][kind].pk

    client = login(matrix_world.garut.opd)
    assert client.post(reverse(name, kwargs=garut_kwargs), data).status_code == 403
    if kind:
        client = login(matrix_world.garut.diskominfo)
        assert client.post(reverse(name, kwargs=cross_kwargs), data).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("url_name", ["dashboard", "region_detail", "agency_list", "people_list", "document_list"])
def test_opd_garut_sees_garut_and_nothing_of_tegal(login, matrix_world, url_name):
    client = login(matrix_world.garut.opd)
    url = reverse(url_name) if url_name == "dashboard" else reverse(url_name, args=["garut"])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Garut" in html
    assert "tegal" not in html.lower()

"""The small world every test knows: two regions (Garut and Tegal), each with a masterplan, two
agencies and content in one section; an OPD representative, a Diskominfo officer and a Dewan
member of each; an expert assigned to Garut only; a site administrator; a user with no region."""

from types import SimpleNamespace

import pytest
from django.test import override_settings

from tests import factories as f


def _region_world(name, slug):
    region = f.RegionFactory(name=name, slug=slug)
    mp = f.MasterplanFactory(region=region)
    dlh = f.AgencyFactory(region=region, name="Dinas Lingkungan Hidup", acronym="DLH")
    bappeda = f.AgencyFactory(region=region, name="Bappeda", acronym="Bappeda")
    env_section = f.SectionFactory(masterplan=mp, agency=dlh, dimension=f.dimension("environment"))
    gov_section = f.SectionFactory(masterplan=mp, agency=bappeda, dimension=f.dimension("governance"))
    swot = f.SwotEntryFactory(section=env_section, statement=f"Kekuatan {name}: bank sampah aktif")
    program = f.ProgramFactory(section=env_section, name=f"Program Sampah Cerdas {name}")
    stage = f.StageFactory(masterplan=mp, number=1)

    def member(role, agency=None):
        user = f.UserFactory(username=f"{role}-{slug}")
        f.MembershipFactory(user=user, region=region, role=role, agency=agency)
        return user

    return SimpleNamespace(
        region=region,
        masterplan=mp,
        dlh=dlh,
        bappeda=bappeda,
        env_section=env_section,
        gov_section=gov_section,
        swot=swot,
        program=program,
        stage=stage,
        opd=member("opd", dlh),
        diskominfo=member("diskominfo"),
        dewan=member("dewan"),
    )


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """PBKDF2 costs ~0.15 s per user; the world alone has ten, the demo seeds dozens. Tests don't
    need slow hashes. Session-wide, so module- and class-level data (the seeded demo,
    setUpTestData) is hashed fast too; this is the only place the test hasher is set."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _plain_http():
    """The tests run with DEBUG off, whose defaults are HTTPS only (secure cookies, redirect,
    HSTS); the test client and the live server speak plain HTTP. tests/infra/test_settings.py
    checks the production defaults in fresh processes."""
    with override_settings(
        SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False, SECURE_HSTS_SECONDS=0
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def _process_cache():
    """This process's memory as the cache, whatever REDIS_URL says (the Makefile gives the tests
    a Redis database for the Celery worker tests; the cached page parts stay out of it), and the
    page cache on, as in production, so every test goes through it."""
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}, PAGE_CACHE=True
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: SQLite gives a rolled-back test's ids to the next
    test's rows, whose region pages must not be found cached (masterplan/pagecache.py)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def world(db):
    garut = _region_world("Garut", "garut")
    tegal = _region_world("Tegal", "tegal")
    expert = f.UserFactory(username="ahli")
    f.MembershipFactory(user=expert, region=garut.region, role="expert")
    admin = f.UserFactory(username="admin", is_superuser=True, is_staff=True)
    outsider = f.UserFactory(username="outsider")
    return SimpleNamespace(garut=garut, tegal=tegal, expert=expert, admin=admin, outsider=outsider)


@pytest.fixture
def login(client):
    """Log a user in on the test client and return the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login

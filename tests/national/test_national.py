"""The national view: the coordinator's role (reads every region, writes nothing but expert
assignments), the national page and its exports (an expert sees only their regions), filters,
sorting, pages, the comparison per dimension, and a query count that does not grow."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from dimensions.models import Section
from masterplan import access, formats
from masterplan.models import Cohort, Membership, Province, Region, Role
from tests import factories as f


@pytest.fixture
def national(world):
    """The test world plus the coordinator, a second expert (Tegal's) and Tegal moved to another
    province and cohort, so every filter has something to tell apart."""
    world.coordinator = f.UserFactory(username="koordinator", is_coordinator=True)
    world.tegal_expert = f.UserFactory(username="ahli-tegal", first_name="Tegalwati")
    f.MembershipFactory(user=world.tegal_expert, region=world.tegal.region, role=Role.EXPERT)
    Region.objects.filter(pk=world.tegal.region.pk).update(
        province=Province.objects.get(name="Jawa Tengah"), cohort=Cohort.objects.get_or_create(year=2024)[0]
    )
    return world


def page(client, **params):
    return client.get(reverse("national"), params)


def region_names(response):
    return [row.region.slug for row in response.context["rows"]]


def csv_rows(client, **params):
    response = client.get(reverse("national_export", args=["csv"]), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(client, **params):
    response = client.get(reverse("national_export", args=["xlsx"]), params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


# --- who sees it ---------------------------------------------------------------------------------


def test_coordinator_reads_every_region_and_may_do_nothing_else(national, login):
    coordinator = national.coordinator
    client = login(coordinator)
    for slug in ("garut", "tegal"):
        assert client.get(reverse("region_detail", args=[slug])).status_code == 200
        region = Region.objects.get(slug=slug)
        assert access.role_in(coordinator, region) == access.COORDINATOR
        for action in (access.MANAGE, access.REVIEW, access.SIGN_OFF, access.EDIT_SECTION):
            assert not access.can(coordinator, action, region), action
        assert not access.can(coordinator, access.EDIT_SECTION, national.garut.env_section)
    assert not access.can_anywhere(coordinator, access.REVIEW)
    assert sorted(region_names(page(client))) == ["garut", "tegal"]


def test_coordinator_posts_to_region_pages_are_refused(national, login):
    """A sample of the writes a coordinator might try (the full list: tests/security's matrix)."""
    client = login(national.coordinator)
    garut = national.garut
    before = (Section.objects.values_list("pk", "state").order_by("pk"), Membership.objects.count())
    before = (list(before[0]), before[1])
    posts = [
        reverse("region_edit", args=["garut"]),
        reverse("agency_create", args=["garut"]),
        reverse("people_add", args=["garut"]),
        reverse("section_review", args=["garut", garut.env_section.pk]),
        reverse("entry_create", args=["garut", garut.env_section.pk, "swot"]),
    ]
    for url in posts:
        assert client.post(url, {"action": "approve"}).status_code in (403, 404), url
    assert (list(Section.objects.values_list("pk", "state").order_by("pk")), Membership.objects.count()) == before
    # The sign-off page answers a refusal with a message (the service refuses): nothing is signed.
    client.post(reverse("stage_sign_off", args=["garut", garut.stage.pk]), {"confirm": "1"})
    garut.stage.refresh_from_db()
    assert garut.stage.status != "signed_off" and garut.stage.signed_off_by is None


@pytest.mark.parametrize("who", ["opd", "diskominfo", "dewan"])
def test_region_people_are_not_offered_the_national_page(national, login, who):
    client = login(getattr(national.garut, who))
    assert page(client).status_code == 403
    assert client.get(reverse("national_export", args=["csv"])).status_code == 403
    assert reverse("national") not in client.get(reverse("dashboard")).content.decode()


def test_outsider_and_anonymous_are_refused(national, login, client):
    assert page(client).status_code == 302  # to the login page
    assert page(login(national.outsider)).status_code == 403


def test_expert_sees_only_their_regions_in_page_exports_and_filters(national, login):
    client = login(national.expert)  # Garut's only
    assert region_names(page(client)) == ["garut"]
    # Naming Tegal's expert, province or cohort finds nothing of Tegal: it is not theirs to see.
    tegal = Region.objects.get(slug="tegal")
    for params in (
        {"expert": national.tegal_expert.pk},
        {"province": tegal.province_id},
        {"cohort": tegal.cohort_id},
        {"q": "Tegal"},
    ):
        assert "tegal" not in region_names(page(client, **params)), params
        assert all("Tegal" not in " ".join(map(str, r)) for r in csv_rows(client, **params)[1:]), params
    rows = csv_rows(client)
    assert [r[0] for r in rows[1:]] == ["Kabupaten Garut"]
    assert [r[0] for r in xlsx_rows(client)[1:]] == ["Kabupaten Garut"]
    response = page(client)
    html = response.content.decode()
    assert "Tegalwati" not in html  # nor the other region's expert in the expert filter
    assert "/r/tegal/" not in html
    # Nor in the comparison: unfiltered, it counts the plans of the expert's regions only.
    found = response.context["national"]
    assert found.plan_ids == [national.garut.masterplan.pk]
    tegal_plan = national.tegal.masterplan.pk
    coordinator_page = page(login(national.coordinator)).context["national"]
    assert tegal_plan in coordinator_page.plan_ids and national.garut.masterplan.pk in coordinator_page.plan_ids


def test_the_coordinator_sees_all_and_the_expert_filter_narrows(national, login):
    client = login(national.coordinator)
    assert region_names(page(client, expert=national.tegal_expert.pk)) == ["tegal"]
    assert region_names(page(client, expert=national.expert.pk)) == ["garut"]


# --- filters, sorting, pages, exports ------------------------------------------------------------


def test_filters_by_cohort_province_stage_and_name(national, login):
    client = login(national.coordinator)
    tegal = Region.objects.get(slug="tegal")
    assert region_names(page(client, cohort=2024)) == ["tegal"]
    assert region_names(page(client, province=tegal.province_id)) == ["tegal"]
    assert region_names(page(client, province=Province.objects.get(name="Jawa Barat").pk)) == ["garut"]
    assert region_names(page(client, q="gar")) == ["garut"]
    # Both stand at stage I (not signed off); once Garut's is signed off and II exists, it is at II.
    f.StageFactory(masterplan=national.garut.masterplan, number=2, start_date=date(2031, 1, 5))
    national.garut.stage.status = "signed_off"
    national.garut.stage.save()
    assert region_names(page(client, stage=2)) == ["garut"]
    assert region_names(page(client, stage=1)) == ["tegal"]
    row = page(client, stage=2).context["rows"][0]
    assert row.region.stage_date == date(2031, 1, 5)
    # A wrong value is left out, not an error.
    assert sorted(region_names(page(client, cohort="x", stage="9", sort="nonsense"))) == ["garut", "tegal"]


def test_lagging_is_an_overdue_stage_or_progress_below_the_cohort_median(national, login):
    client = login(national.coordinator)
    assert region_names(page(client, lagging=1)) == []
    # Overdue: Tegal's stage I ended yesterday and is not signed off.
    yesterday = date.today() - timedelta(days=1)
    national.tegal.stage.start_date = national.tegal.stage.end_date = yesterday
    national.tegal.stage.save()
    response = page(client, lagging=1)
    assert region_names(response) == ["tegal"]
    assert response.context["rows"][0].region.overdue_stages == 1
    # Below the median: three regions of Garut's cohort, Garut with nothing approved, the others all.
    for n in (1, 2):
        mp = f.MasterplanFactory(region=f.RegionFactory(name=f"Maju {n}"))
        f.SectionFactory(masterplan=mp, state=Section.State.APPROVED)
    assert sorted(region_names(page(client, lagging=1))) == ["garut", "tegal"]
    rows = csv_rows(client, lagging=1)
    assert rows[0][-1] == "Tertinggal" and {r[-1] for r in rows[1:]} == {"Ya"}


def test_sorting_by_columns_both_ways(national, login):
    client = login(national.coordinator)
    f.SectionFactory(masterplan=national.garut.masterplan, state=Section.State.APPROVED)
    assert region_names(page(client, sort="name")) == ["garut", "tegal"]
    assert region_names(page(client, sort="-name")) == ["tegal", "garut"]
    assert region_names(page(client, sort="-progress")) == ["garut", "tegal"]
    assert region_names(page(client, sort="progress")) == ["tegal", "garut"]
    assert region_names(page(client, sort="-cohort")) == ["tegal", "garut"]
    # The header link of the sorted column turns the order around.
    assert "sort=-name" in page(client, sort="name").content.decode()


def test_pages_of_fifty_and_exports_of_every_filtered_row(national, login):
    province = Province.objects.get(name="Bali")
    cohort = Cohort.objects.get(year=2023)
    Region.objects.bulk_create(
        [Region(name=f"Contoh {n:02}", slug=f"contoh-{n:02}", province=province, cohort=cohort) for n in range(55)]
    )
    client = login(national.coordinator)
    first, second = page(client), page(client, page=2)
    assert len(first.context["rows"]) == 50 and len(second.context["rows"]) == 7
    assert "page=2" in first.content.decode()
    assert len(csv_rows(client)) == 1 + 57
    assert len(xlsx_rows(client)) == 1 + 57
    assert len(csv_rows(client, province=province.pk, page=2)) == 1 + 55  # all filtered rows, not the page
    assert len(xlsx_rows(client, province=province.pk)) == 1 + 55


def test_export_columns_tell_the_regions_state(national, login):
    garut = national.garut
    f.SectionFactory(masterplan=garut.masterplan, state=Section.State.APPROVED, dimension=f.dimension("governance"))
    f.SectionFactory(masterplan=garut.masterplan, state=Section.State.SUBMITTED)
    rows = csv_rows(login(national.coordinator), q="Garut")
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:4] == ["Daerah", "Provinsi", "Kode provinsi", "Angkatan"]
    assert (row["Provinsi"], row["Kode provinsi"], row["Angkatan"]) == ("Jawa Barat", "32", "2023")
    assert row["Tenaga ahli"] == str(national.expert)
    assert row["Tahap saat ini"] == "Tahap I"
    assert (row["Bagian disetujui"], row["Jumlah bagian"]) == ("1", "4")
    assert (row["Smart Governance: disetujui"], row["Smart Governance: jumlah bagian"]) == ("1", "2")
    assert row["Menunggu tinjauan"] == "1"
    assert xlsx_rows(login(national.coordinator), q="Garut")[1][:4] == ["Kabupaten Garut", "Jawa Barat", "32", 2023]


def test_comparison_per_dimension_over_the_filtered_regions(national, login):
    garut = national.garut
    program = f.ProgramFactory(section=garut.env_section, budget=Decimal(1_000_000))
    f.ProgramFundingFactory(program=program, amount=Decimal(600_000))
    f.QuickWinFactory(program__section=garut.env_section)
    client = login(national.coordinator)
    comparison = page(client, q="Garut").context["comparison"]
    env = next(d for d in comparison.dimensions if d.dimension.code == "environment")
    apbd = [s.code for s in comparison.sources].index("apbd")
    assert env.programs == 3  # the world's program, this one, the quick win's
    assert env.quick_wins == 1
    assert env.by_source[apbd] == Decimal(600_000)
    assert comparison.region_count == 1
    # Filtered to Tegal: Garut's programs are not counted.
    tegal_env = next(
        d for d in page(client, q="Tegal").context["comparison"].dimensions if d.dimension.code == "environment"
    )
    assert tegal_env.programs == 1 and tegal_env.quick_wins == 0


def test_comparison_amounts_are_short_and_carry_the_full_amount(national, login):
    """Every amount of the comparison is shortened the Indonesian way (juta, miliar, triliun), so the
    table fits a phone, each in its own scale (a small amount is not "0,00 T"); the cell's title is
    the amount in full."""
    f.ProgramFundingFactory(
        program=f.ProgramFactory(section=national.garut.env_section, budget=Decimal(2_500_000_000)),
        amount=Decimal(1_250_000_000),
    )
    response = page(login(national.coordinator), q="Garut")
    rows = response.context["comparison_rows"]
    dimension, total, money = rows[-1]
    assert dimension is None  # the total comes last
    env = next(row for row in rows if row[0] is not None and row[0].code == "environment")
    apbd = [s.code for s in response.context["comparison"].sources].index("apbd")
    assert env[2][apbd] == ("1,25\u00a0M", "Rp 1.250.000.000")
    short, full = money[-1]
    assert full == formats.format_rupiah(total.budget) and short == formats.format_short_number(total.budget).replace(
        " ", "\u00a0"
    )
    zero = next(cell for _d, _f, cells in rows for cell in cells if cell[1] == "Rp 0")
    assert zero[0] == "0"
    assert f'title="{full}"' in response.content.decode()


def test_comparison_figures_are_cached_and_never_stale(national, login):
    """Each plan's figures are counted once and cached under its figures token; any change to its
    programs, funding splits, quick wins or sections (saved or deleted, cascades too) shows at once."""
    garut = national.garut
    client = login(national.coordinator)

    def env():
        comparison = page(client, q="Garut").context["comparison"]
        apbd = [s.code for s in comparison.sources].index("apbd")
        d = next(d for d in comparison.dimensions if d.dimension.code == "environment")
        return d.programs, d.budget, d.quick_wins, d.by_source[apbd], d.regions_with_programs

    before = env()
    with CaptureQueriesContext(connection) as queries:
        assert env() == before
    assert not any('"dimensions_program"' in q["sql"] for q in queries.captured_queries)  # from the cache
    program = f.ProgramFactory(section=garut.env_section, budget=Decimal(1_000_000))
    assert env() == (before[0] + 1, before[1] + 1_000_000, before[2], before[3], 1)
    funding = f.ProgramFundingFactory(program=program, amount=Decimal(600_000))
    assert env()[3] == before[3] + 600_000
    funding.amount = Decimal(100_000)
    funding.save()
    assert env()[3] == before[3] + 100_000
    program.funding_sources.clear()
    assert env()[3] == before[3]
    program.funding_sources.add(funding.funding_source, through_defaults={"amount": Decimal(50_000)})
    assert env()[3] == before[3] + 50_000
    f.QuickWinFactory(program=program)
    assert env()[2] == before[2] + 1
    program.delete()  # its funding split and quick win with it
    assert env() == before
    # A masterplan saved from a copy read before a change does not bring back the older token.
    stale_copy = type(garut.masterplan).objects.get(pk=garut.masterplan.pk)
    f.ProgramFactory(section=garut.env_section, budget=Decimal(7))
    stale_copy.save()
    assert env()[0] == before[0] + 1
    garut.env_section.delete()  # every program of the section with it
    assert env()[:4] == (0, 0, 0, 0)


def test_section_counts_and_medians_are_cached_and_never_stale(national, login):
    """The sections approved per plan (progress, the cohort medians) come from the cache until a
    section is saved or deleted: then at once."""
    client = login(national.coordinator)

    def garut():
        return page(client, q="Garut").context["rows"][0].region

    before = garut().sections_approved
    assert garut().sections_approved == before
    section = national.garut.env_section
    assert section.state != Section.State.APPROVED
    section.state = Section.State.APPROVED
    section.save()
    assert garut().sections_approved == before + 1
    total = garut().sections_total
    section.delete()
    assert (garut().sections_approved, garut().sections_total) == (before, total - 1)


# --- the coordinator assigns experts --------------------------------------------------------------


def test_coordinator_assigns_and_unassigns_an_expert(national, login):
    client = login(national.coordinator)
    url = reverse("national_region_experts", args=["tegal"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "add", "expert": national.expert.pk})
    assert response.status_code == 302
    assert Membership.objects.filter(user=national.expert, region__slug="tegal", role=Role.EXPERT).exists()
    assert "tegal" in region_names(page(login(national.expert)))
    client = login(national.coordinator)
    client.post(url, {"action": "remove", "expert": national.expert.pk})
    assert not Membership.objects.filter(user=national.expert, region__slug="tegal").exists()
    national.expert.refresh_from_db()
    assert national.expert.is_active  # an expert is national: taken off a region, not deactivated


def test_a_regional_user_cannot_be_made_an_expert(national, login):
    client = login(national.coordinator)
    url = reverse("national_region_experts", args=["tegal"])
    before = Membership.objects.count()
    assert client.post(url, {"action": "add", "expert": national.garut.diskominfo.pk}).status_code == 404
    assert client.post(url, {"action": "add", "expert": national.coordinator.pk}).status_code == 404
    assert Membership.objects.count() == before


@pytest.mark.parametrize("sent", ["", "²", "1e3", "-1", " 1", "0000000001", "2147483648", "99999999999999999999999"])
def test_an_expert_id_that_is_no_id_asks_for_an_expert(national, login, sent):
    """Not ASCII digits, or more digits than every id column holds: no lookup, the form's message."""
    client = login(national.coordinator)
    url = reverse("national_region_experts", args=["tegal"])
    before = Membership.objects.count()
    response = client.post(url, {"action": "add", "expert": sent}, follow=True)
    assert response.redirect_chain[-1][1] == 302
    assert "Pilih tenaga ahli." in response.content.decode()
    assert Membership.objects.count() == before
    assert client.post(url, {"action": "remove", "expert": sent}).status_code == 404


@pytest.mark.parametrize("who", ["expert", "outsider"])
def test_only_the_coordinator_and_the_administrator_assign_experts(national, login, who):
    client = login(getattr(national, who))
    before = Membership.objects.count()
    garut_url = reverse("national_region_experts", args=["garut"])
    tegal_url = reverse("national_region_experts", args=["tegal"])
    expected_garut = 403 if who == "expert" else 404
    assert client.post(garut_url, {"action": "add", "expert": national.tegal_expert.pk}).status_code == expected_garut
    assert client.post(tegal_url, {"action": "add", "expert": national.expert.pk}).status_code == 404
    assert Membership.objects.count() == before
    assert login(national.admin).post(tegal_url, {"action": "add", "expert": national.expert.pk}).status_code == 302


# --- the dashboard ---------------------------------------------------------------------------------


def test_dashboard_of_expert_and_coordinator_is_the_paged_table(national, login):
    response = login(national.expert).get(reverse("dashboard"))
    assert [r.region.slug for r in response.context["rows"]] == ["garut"]
    assert reverse("national") in response.content.decode()
    response = login(national.coordinator).get(reverse("dashboard"), {"cohort": 2024})
    assert [r.region.slug for r in response.context["rows"]] == ["tegal"]
    # A region's own people keep their cards.
    response = login(national.garut.opd).get(reverse("dashboard"))
    assert "rows" not in response.context and len(response.context["cards"]) == 1


# --- queries ---------------------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm: sessions, the first request's one-offs
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url_name", ["national", "dashboard"])
def test_query_count_does_not_grow_with_regions(national, login, url_name):
    url = reverse(url_name)
    expert = login(national.expert)
    small = {"coordinator": _queries(login(national.coordinator), url), "expert": _queries(expert, url)}
    for n in range(8):
        rw_region = f.RegionFactory(name=f"Tambahan {n}")
        mp = f.MasterplanFactory(region=rw_region)
        f.SectionFactory(masterplan=mp, state=Section.State.SUBMITTED)
        f.StageFactory(masterplan=mp, number=1, start_date=date(2020, 1, 1))
        f.MembershipFactory(user=national.expert, region=rw_region, role=Role.EXPERT)
        f.MembershipFactory(user=f.UserFactory(), region=rw_region, role=Role.EXPERT)
    big = {"coordinator": _queries(login(national.coordinator), url), "expert": _queries(login(national.expert), url)}
    assert big == small


def _row_html(response, slug):
    return next(row.html for row in response.context["rows"] if row.region.slug == slug)


def test_rows_come_from_the_cache_until_their_own_region_is_written(national, login):
    """Each row is cached under its own region's token: a write in Garut rebuilds Garut's row (the
    new count shows at once) and leaves Tegal's where it was."""
    from django.core.cache import cache

    client = login(national.coordinator)
    cache.clear()  # the setup's writes long committed
    first = page(client)
    with CaptureQueriesContext(connection) as cached:
        again = page(client)
    assert [r.html for r in again.context["rows"]] == [r.html for r in first.context["rows"]]
    with CaptureQueriesContext(connection) as built:
        page(client, lagging="")  # another query string: the rows are the same, served as well
    assert len(cached) <= len(built)
    assert not any("bimtek_stage" in q["sql"] for q in cached.captured_queries)  # no row was counted

    tegal_before = _row_html(again, "tegal")
    garut_before = _row_html(again, "garut")
    section = national.garut.env_section
    section.state = Section.State.APPROVED
    section.save()
    after = page(client)
    assert _row_html(after, "garut") != garut_before
    assert _row_html(after, "tegal") == tegal_before
    assert after.context["rows"][0].region.sections_approved >= 1
    # A row from the cache carries its region's status too (what exports, sorts and tests read).
    cache_hit = page(client, q="Tegal").context["rows"][0].region
    assert (cache_hit.slug, cache_hit.stage_number) == ("tegal", national.tegal.stage.number)


def test_the_regions_order_and_filters_come_from_the_cache_and_follow_every_change(national, login):
    """The directory of regions (names' order, cohorts, provinces) is read from the cache, not sorted
    in the database, until a region is written: a renamed or moved region shows at once."""
    from django.core.cache import cache

    client = login(national.coordinator)
    cache.clear()  # the setup's writes long committed
    assert region_names(page(client)) == ["garut", "tegal"]
    by_name = 'ORDER BY "masterplan_region"."name"'
    with CaptureQueriesContext(connection) as cached:
        assert region_names(page(client, sort="-name")) == ["tegal", "garut"]
    assert not any(by_name in q["sql"] for q in cached.captured_queries), [
        q["sql"][:300] for q in cached.captured_queries if by_name in q["sql"]
    ]

    tegal = Region.objects.get(pk=national.tegal.region.pk)
    tegal.name = "Bandung Contoh"  # now before Garut
    tegal.province = national.garut.region.province
    tegal.save()
    assert region_names(page(client)) == ["tegal", "garut"]
    assert region_names(page(client, province=tegal.province_id)) == ["tegal", "garut"]
    assert region_names(page(client, sort="province")) == ["tegal", "garut"]
    # The expert's page: their own regions only, from the same directory.
    assert region_names(page(login(national.expert))) == ["garut"]


def test_the_comparison_html_is_kept_until_a_plan_changes(national, login):
    from django.core.cache import cache

    client = login(national.coordinator)
    cache.clear()  # the setup's writes long committed

    def section():
        html = page(client, q="Garut").content.decode()
        return html[html.index('aria-labelledby="comparison-title"') :]

    before = section()
    with CaptureQueriesContext(connection) as queries:
        assert section() == before
    assert not any('"dimensions_fundingsource"' in q["sql"] for q in queries.captured_queries)
    f.ProgramFactory(section=national.garut.env_section, budget=Decimal(7_770_000_000))
    after = section()
    assert after != before
    total = page(client, q="Garut").context["comparison"].total
    assert f'title="{formats.format_rupiah(total.budget)}"' in after  # the new sum, at once

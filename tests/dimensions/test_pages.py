"""The read views by dimension and the section workspace: content, isolation, roles."""

import pytest
from django.urls import reverse

from dimensions.models import Section
from tests import factories as f

from .conftest import HX, entry_url, workspace


def detail(region, code="environment"):
    return reverse("dimension_detail", args=[region.slug, code])


def test_dimension_index_lists_dimensions_agencies_counts_and_my_sections(world, login):
    g = world.garut
    r = login(g.opd).get(reverse("dimension_index", args=["garut"]))
    assert r.status_code == 200
    html = r.content.decode()
    for name in ("Smart Governance", "Smart Environment", "Smart Living", "tata kelola sampah"):
        assert name.lower() in html.lower()
    assert "Bagian saya" in html
    assert workspace(g.region, g.env_section) in html
    # Counts: one SWOT entry and one program in Garut's environment section.
    env = next(c for c in r.context["cards"] if c.dimension.code == "environment")
    assert env.counts["swot"] == 1 and env.counts["program"] == 1
    assert [s.agency.name for s in env.sections] == ["Dinas Lingkungan Hidup"]
    assert [s.pk for s in r.context["my_sections"]] == [g.env_section.pk]


def test_dimension_index_has_no_my_sections_for_readers(world, login):
    r = login(world.garut.dewan).get(reverse("dimension_index", args=["garut"]))
    assert r.status_code == 200
    assert "Bagian saya" not in r.content.decode()


def test_region_nav_links_my_sections_for_opd(world, login):
    html = login(world.garut.opd).get(reverse("dimension_index", args=["garut"])).content.decode()
    assert 'href="/r/garut/dimensions/#bagian-saya"' in html


def test_dimension_detail_shows_the_whole_flow_of_the_region(world, login):
    g = world.garut
    s = f.SwotEntryFactory(
        section=g.env_section, quadrant="W", statement="Armada sampah kurang", evidence="Data DLH 2023"
    )
    o = f.SwotEntryFactory(section=g.env_section, quadrant="O", statement="Dana CSR tersedia")
    strategy = f.StrategyFactory(section=g.env_section, kind="WO", statement="Kemitraan armada dengan swasta")
    strategy.swot_entries.set([s, o])
    f.ReadinessItemFactory(
        section=g.env_section, component="suprastruktur", subcomponent="kebijakan", description="Perda sampah 2019"
    )
    f.GapItemFactory(section=g.env_section, gap="Belum ada pemantauan")
    goal = f.GoalFactory(section=g.env_section, statement="Sampah terkelola 80%")
    ind = f.IndicatorFactory(goal=goal, name="Sampah terkelola", unit="%")
    f.IndicatorTargetFactory(indicator=ind, year=2026, value="62.5")
    f.RoadmapEntryFactory(program=g.program, year=2025, activity="Uji coba di 3 kecamatan")
    g.program.strategies.set([strategy])
    f.QuickWinFactory(
        program=f.ProgramFactory(
            section=g.env_section, name="Gerbang Raja", horizon="short", start_year=2024, end_year=2024
        ),
        name="Gerbang Raja",
        duration_months=6,
    )
    other = f.SectionFactory(masterplan=g.masterplan, agency=g.bappeda, dimension=f.dimension("environment"))
    f.SwotEntryFactory(section=other, quadrant="T", statement="Ancaman banjir tahunan")

    r = login(g.dewan).get(detail(g.region))
    assert r.status_code == 200
    html = r.content.decode()
    for text in (
        "Kekuatan",
        "Kelemahan",
        "Peluang",
        "Ancaman",
        "Kekuatan Garut: bank sampah aktif",
        "Armada sampah kurang",
        "Data DLH 2023",
        "Ancaman banjir tahunan",
        "Kemitraan armada dengan swasta",
        "Perda sampah 2019",
        "Belum ada pemantauan",
        "Sampah terkelola 80%",
        "62,5",
        "Uji coba di 3 kecamatan",
        "Gerbang Raja",
        "Program Sampah Cerdas Garut",
        "Rp 250.000.000",
        "Bappeda",
    ):
        assert text in html, text
    assert "Tegal" not in html

    # The SWOT matrix: each quadrant its own list; strategies under their kind with their sources.
    def block(start, end):
        return html[html.index(f'id="{start}"') : html.index(f'id="{end}"')]

    assert "Armada sampah kurang" in block("list-swot-W", "list-swot-O")
    assert "Ancaman banjir tahunan" in block("list-swot-T", "h-strategi")
    wo = block("list-strategy-WO", "list-strategy-ST")
    assert "Kemitraan armada dengan swasta" in wo and "Armada sampah kurang" in wo and "Dana CSR tersedia" in wo
    assert "Sampah terkelola 80%" in block("list-goal-all", "h-program")
    assert "Gerbang Raja" in html[html.index('id="list-quickwin-all"') :]
    # A reader gets no edit or add buttons.
    assert "/edit/" not in html and "/new/" not in html


def test_detail_shows_nothing_of_the_other_region(world, login):
    for user in (world.garut.opd, world.garut.diskominfo, world.expert, world.admin):
        html = login(user).get(detail(world.garut.region)).content.decode()
        assert "Tegal" not in html
        assert "Program Sampah Cerdas Garut" in html


def test_opd_sees_own_entries_editable_and_other_agencies_read_only(world, login):
    g = world.garut
    other = f.SectionFactory(masterplan=g.masterplan, agency=g.bappeda, dimension=f.dimension("environment"))
    theirs = f.SwotEntryFactory(section=other, quadrant="T", statement="Ancaman banjir tahunan")
    html = login(g.opd).get(detail(g.region)).content.decode()
    assert entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk) in html
    assert entry_url("entry_edit", g.region, other, "swot", theirs.pk) not in html
    # New entries of the page go to the OPD's own section.
    assert entry_url("entry_create", g.region, g.env_section, "swot") in html
    assert entry_url("entry_create", g.region, other, "swot") not in html


def test_workspace_is_the_same_layout_for_one_section(world, login):
    g = world.garut
    r = login(g.opd).get(workspace(g.region, g.env_section))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in html
    assert entry_url("entry_edit", g.region, g.env_section, "program", g.program.pk) in html
    assert 'id="list-program-medium"' in html
    assert "Bagian saya" in html  # the nav link


@pytest.mark.parametrize("who", ["diskominfo", "dewan", "expert", "admin"])
def test_readers_get_a_read_only_workspace(world, login, who):
    g = world.garut
    user = world.expert if who == "expert" else world.admin if who == "admin" else getattr(g, who)
    r = login(user).get(workspace(g.region, g.env_section))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in html
    assert "/edit/" not in html and "/new/" not in html and "/delete/" not in html


def test_foreign_section_is_404_for_everyone(world, login):
    t = world.tegal
    for user in (world.garut.opd, world.garut.diskominfo, world.garut.dewan, world.expert, world.admin):
        c = login(user)
        assert c.get(f"/r/garut/sections/{t.env_section.pk}/").status_code == 404
        assert c.get(f"/r/garut/sections/{t.env_section.pk}/riwayat/").status_code == 404
    # Tegal's own pages are 404 for Garut's people (the region itself is not visible).
    for user in (world.garut.opd, world.expert):
        c = login(user)
        assert c.get(workspace(t.region, t.env_section)).status_code == 404
        assert c.get(detail(t.region)).status_code == 404
        assert c.get(reverse("dimension_index", args=["tegal"])).status_code == 404


def _entry_urls(region, section, kind, pk):
    return [
        ("get", entry_url("entry_row", region, section, kind, pk)),
        ("get", entry_url("entry_edit", region, section, kind, pk)),
        ("post", entry_url("entry_edit", region, section, kind, pk)),
        ("get", entry_url("entry_delete", region, section, kind, pk)),
        ("post", entry_url("entry_delete", region, section, kind, pk)),
        ("post", entry_url("entry_restore", region, section, kind, pk)),
        ("get", entry_url("entry_history", region, section, kind, pk)),
    ]


@pytest.mark.parametrize("who", ["opd", "admin"])
def test_every_entry_url_of_a_tegal_entry_through_garut_is_404(world, login, who):
    g, t = world.garut, world.tegal
    user = g.opd if who == "opd" else world.admin
    c = login(user)
    cases = []
    for kind, entry in (("swot", t.swot), ("program", t.program)):
        # Garut's own section with Tegal's entry id, and Tegal's section under Garut's slug.
        cases += _entry_urls(g.region, g.env_section, kind, entry.pk)
        cases += _entry_urls(g.region, t.env_section, kind, entry.pk)
    cases += [
        ("get", entry_url("entry_create", g.region, t.env_section, "swot")),
        ("post", entry_url("entry_create", g.region, t.env_section, "swot")),
    ]
    for method, url in cases:
        for headers in ({}, HX):
            response = getattr(c, method)(url, **headers)
            assert response.status_code == 404, (method, url, response.status_code)
    assert t.swot.__class__.objects.filter(pk=t.swot.pk).exists()
    assert t.program.__class__.objects.filter(pk=t.program.pk).exists()


def test_indicator_of_a_tegal_goal_cannot_be_added_through_garut(world, login):
    g, t = world.garut, world.tegal
    goal = f.GoalFactory(section=t.env_section)
    c = login(g.opd)
    url = entry_url("entry_create", g.region, g.env_section, "indicator", query=f"?group=goal-{goal.pk}")
    assert c.get(url, **HX).status_code == 404
    assert c.post(url, {"name": "x", "unit": "%"}, **HX).status_code == 404


def test_opd_gets_403_on_another_agencys_section(world, login):
    g = world.garut
    theirs = f.SwotEntryFactory(section=g.gov_section, statement="Milik Bappeda")
    c = login(g.opd)
    urls = _entry_urls(g.region, g.gov_section, "swot", theirs.pk)
    urls += [
        ("get", entry_url("entry_create", g.region, g.gov_section, "swot")),
        ("post", entry_url("entry_create", g.region, g.gov_section, "swot")),
    ]
    for method, url in urls:
        if "/riwayat/" in url or (url.endswith(f"/{theirs.pk}/") and method == "get"):
            continue  # reading is allowed
        assert getattr(c, method)(url, {"statement": "x", "quadrant": "S", "priority": 1}).status_code == 403, url
        r = getattr(c, method)(url, {"statement": "x", "quadrant": "S", "priority": 1}, **HX)
        assert r.status_code == 403, url
        assert r["HX-Retarget"] == "#messages"
    theirs.refresh_from_db()
    assert theirs.statement == "Milik Bappeda"
    assert Section.objects.get(pk=g.gov_section.pk).swotentrys.count() == 1


@pytest.mark.parametrize("who", ["diskominfo", "dewan", "expert"])
def test_readers_cannot_write(world, login, who):
    g = world.garut
    user = world.expert if who == "expert" else getattr(g, who)
    c = login(user)
    data = {"statement": "Ditulis pembaca", "quadrant": "S", "priority": 1, "version": 1}
    assert c.post(entry_url("entry_create", g.region, g.env_section, "swot", query="?group=S"), data).status_code == 403
    assert c.post(entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk), data).status_code == 403
    assert c.get(entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)).status_code == 403
    assert c.post(entry_url("entry_delete", g.region, g.env_section, "swot", g.swot.pk)).status_code == 403
    assert c.post(entry_url("entry_restore", g.region, g.env_section, "swot", g.swot.pk)).status_code == 403
    g.swot.refresh_from_db()
    assert g.swot.statement == "Kekuatan Garut: bank sampah aktif"
    assert g.env_section.swotentrys.count() == 1


def test_anonymous_is_sent_to_login(client, world):
    r = client.get(workspace(world.garut.region, world.garut.env_section))
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


def test_open_review_comments_show_next_to_their_entry(world, login):
    from dimensions.review import services as review

    g = world.garut
    review.comment_add(g.env_section, world.expert, "Tambahkan data dukung jumlah bank sampah", entry=g.swot)
    review.comment_add(g.env_section, world.expert, "Bagian ini perlu SWOT ancaman")
    c = login(g.opd)
    html = c.get(workspace(g.region, g.env_section)).content.decode()
    row = html[html.index(f'id="entry-swot-{g.swot.pk}"') : html.index('id="add-swot-S"')]
    assert "Tambahkan data dukung jumlah bank sampah" in row
    assert "Bagian ini perlu SWOT ancaman" in html
    # Still there when the row comes back after an edit is cancelled.
    r = c.get(entry_url("entry_row", g.region, g.env_section, "swot", g.swot.pk), **HX)
    assert "Tambahkan data dukung jumlah bank sampah" in r.content.decode()


def test_unknown_dimension_kind_or_entry_is_404(world, login):
    g = world.garut
    c = login(g.opd)
    assert c.get(reverse("dimension_detail", args=["garut", "smart-nothing"])).status_code == 404
    assert c.get(f"/r/garut/sections/{g.env_section.pk}/nothing/new/").status_code == 404
    assert c.get(entry_url("entry_edit", g.region, g.env_section, "swot", 999999)).status_code == 404
    assert c.get("/r/garut/sections/999999/").status_code == 404


def test_region_without_masterplan_says_so(world, login):
    region = f.RegionFactory(name="Bekasi", slug="bekasi")
    user = f.UserFactory(username="dewan-bekasi")
    f.MembershipFactory(user=user, region=region, role="dewan")
    c = login(user)
    for url in (
        reverse("dimension_index", args=["bekasi"]),
        reverse("dimension_detail", args=["bekasi", "environment"]),
    ):
        r = c.get(url)
        assert r.status_code == 200 and "belum memiliki masterplan" in r.content.decode()


def test_each_step_has_the_methods_guidance_folded_where_it_is_filled_in(world, login):
    from dimensions.kinds import KINDS

    g = world.garut
    html = login(g.opd).get(workspace(g.region, g.env_section)).content.decode()
    steps = html.split('<section id="langkah-')[1:]
    # One closed <details> in each of the seven steps, with its kinds' guidance and example.
    for step, codes in zip(
        steps,
        [
            ("readiness",),
            ("gap",),
            ("swot",),
            ("strategy",),
            ("goal", "indicator"),
            ("program", "indicator"),
            ("quickwin",),
        ],
        strict=True,
    ):
        details = step.split("<details", 1)[1].split("</details>", 1)[0]
        assert details.startswith(' class="guidance')  # no "open": folded until asked for
        assert "<summary" in details and "Panduan dan contoh" in details
        for code in codes:
            assert str(KINDS[code].guidance) in details and str(KINDS[code].example) in details
    assert "6 sampai 12 bulan" in steps[-1] and "dr. Kepo" in steps[-1]
    # Where nothing is filled in (a reader), no guidance; the form page without JavaScript has its own.
    assert "Panduan dan contoh" not in login(g.dewan).get(workspace(g.region, g.env_section)).content.decode()
    page = login(g.opd).get(entry_url("entry_create", g.region, g.env_section, "swot", query="?group=S"))
    assert str(KINDS["swot"].guidance) in page.content.decode()

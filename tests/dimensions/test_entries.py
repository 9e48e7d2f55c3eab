"""Entries written in place: htmx fragments and plain-page fallbacks, bad input kept with its
errors, optimistic locking, delete and restore, review state."""

import re
from decimal import Decimal

import pytest

from dimensions.models import Indicator, IndicatorTarget, Program, QuickWin, Section, Strategy, SwotEntry
from dimensions.review import services as review
from tests import factories as f

from .conftest import HX, entry_url, workspace


def as_post(form):
    """What a browser submits for a rendered (unbound) form: every field's shown value."""
    data = {}

    def add(one):
        for bf in one:
            value = bf.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bf.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bf.html_name] = [str(v) for v in value]
            else:
                data[bf.html_name] = str(value)

    add(form)
    for fs in form.formsets.values():
        add(fs.management_form)
        for sub in fs.forms:
            add(sub)
    return data


def open_form(client, url):
    r = client.get(url, **HX)
    assert r.status_code == 200
    return as_post(r.context["form"])


def hidden_version(html):
    return re.search(r'name="version" value="(\d+)"', html).group(1)


@pytest.fixture
def opd(world, login):
    return login(world.garut.opd)


@pytest.fixture
def g(world):
    return world.garut


# Adding ----------------------------------------------------------------------------------------


def test_add_form_is_a_fragment_with_the_group_preselected(opd, g):
    r = opd.get(entry_url("entry_create", g.region, g.env_section, "swot", query="?group=W"), **HX)
    html = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in html
    assert 'hx-post="/r/garut/sections/' in html and 'id="add-swot-W"' in html
    assert re.search(r'value="W"[^>]*selected', html)


def test_add_swot_in_place(opd, g):
    url = entry_url("entry_create", g.region, g.env_section, "swot", query="?group=W")
    r = opd.post(url, {"quadrant": "W", "statement": "SDM TIK terbatas", "evidence": "BKD 2023", "priority": 1}, **HX)
    assert r.status_code == 200
    html = r.content.decode()
    entry = SwotEntry.objects.get(statement="SDM TIK terbatas")
    assert entry.section == g.env_section and entry.created_by == g.opd and entry.version == 1
    assert 'hx-swap-oob="beforeend:#list-swot-W"' in html
    assert f'id="entry-swot-{entry.pk}"' in html and "data-focus" in html
    assert 'id="add-swot-W"' in html  # the "add" button is back
    assert entry.history.get().history_user == g.opd


def test_added_entry_lands_in_the_list_of_its_own_group(opd, g):
    url = entry_url("entry_create", g.region, g.env_section, "swot", query="?group=S")
    html = opd.post(url, {"quadrant": "T", "statement": "Ancaman banjir", "priority": 2}, **HX).content.decode()
    assert 'hx-swap-oob="beforeend:#list-swot-T"' in html
    assert 'id="add-swot-S"' in html


def test_add_without_javascript_is_a_page_and_a_redirect(opd, g):
    url = entry_url("entry_create", g.region, g.env_section, "gap")
    page = opd.get(url)
    assert page.status_code == 200 and "<html" in page.content.decode()
    assert f'action="{url}?group=all"' in page.content.decode()
    r = opd.post(url, {"existing_condition": "a", "expected_condition": "b", "gap": "Kesenjangan c"})
    gap = g.env_section.gapitems.get()
    assert r.status_code == 302 and r["Location"] == workspace(g.region, g.env_section) + f"#entry-gap-{gap.pk}"


def test_cancel_gives_back_the_row_and_the_add_button(opd, g):
    r = opd.get(entry_url("entry_row", g.region, g.env_section, "swot", g.swot.pk), **HX)
    assert f'id="entry-swot-{g.swot.pk}"' in r.content.decode() and "data-focus" in r.content.decode()
    r = opd.get(entry_url("entry_add_slot", g.region, g.env_section, "swot", query="?group=O"), **HX)
    assert 'id="add-swot-O"' in r.content.decode()
    # Without JS the row URL goes back to the workspace.
    r = opd.get(entry_url("entry_row", g.region, g.env_section, "swot", g.swot.pk))
    assert r.status_code == 302 and r["Location"].endswith(f"#entry-swot-{g.swot.pk}")


# Bad input -------------------------------------------------------------------------------------


def program_data(g, **overrides):
    data = {
        "element": str(g.env_section.dimension.elements.first().pk),
        "name": "Program Ketik Saya",
        "horizon": "medium",
        "start_year": "2025",
        "end_year": "2027",
        "lead_agency": str(g.dlh.pk),
        "partner_agencies": [str(g.bappeda.pk)],
        "output": "Aplikasi pemantauan",
        "roadmap-TOTAL_FORMS": "2",
        "roadmap-INITIAL_FORMS": "0",
        "roadmap-MIN_NUM_FORMS": "0",
        "roadmap-MAX_NUM_FORMS": "1000",
        "roadmap-0-year": "2025",
        "roadmap-0-activity": "Kajian",
        "roadmap-0-target": "Dokumen kajian",
        "roadmap-0-amount": "1.250.000",  # the yearly amounts make the total
        "roadmap-1-year": "",
        "roadmap-1-activity": "",
        "funding-TOTAL_FORMS": "1",
        "funding-INITIAL_FORMS": "0",
        "funding-MIN_NUM_FORMS": "0",
        "funding-MAX_NUM_FORMS": "1000",
        "funding-0-funding_source": "",
        "funding-0-amount": "",
    }
    data.update(overrides)
    return data


def test_program_with_road_map_is_created_in_one_form(opd, g):
    from dimensions.models import FundingSource

    apbd = FundingSource.objects.get(code="apbd")
    url = entry_url("entry_create", g.region, g.env_section, "program", query="?group=medium")
    split = {"funding-0-funding_source": str(apbd.pk), "funding-0-amount": "1.250.000"}
    r = opd.post(url, program_data(g, **split), **HX)
    assert r.status_code == 200, r.content.decode()[:2000]
    program = Program.objects.get(name="Program Ketik Saya")
    assert program.budget == Decimal("1250000")
    assert list(program.roadmap.values_list("year", "activity")) == [(2025, "Kajian")]
    assert list(program.funding_sources.all()) == [apbd]
    assert list(program.partner_agencies.all()) == [g.bappeda]
    assert "Rp 1.250.000" in r.content.decode()


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"start_year": "1999"}, "start_year", "Tahun harus di dalam periode masterplan (2024–2033)."),
        ({"end_year": "2040"}, "end_year", "Tahun harus di dalam periode masterplan (2024–2033)."),
        ({"roadmap-0-amount": "-5"}, "roadmap-0-amount", "Anggaran tidak boleh negatif."),
        ({"element": "GOVERNANCE"}, "element", "Elemen ini bukan bagian dari dimensi Smart Environment."),
        ({"horizon": "short"}, "end_year", "paling lama 1 tahun"),
        ({"lead_agency": "TEGAL"}, "lead_agency", "Perangkat daerah ini bukan milik Kabupaten Garut."),
        (
            {"roadmap-0-year": "2030"},
            "roadmap-0-year",
            "Tahun harus di antara tahun mulai dan selesai program (2025–2027).",
        ),
    ],
)
def test_bad_program_input_comes_back_with_field_error_and_typed_values(opd, g, world, overrides, field, message):
    if overrides.get("element") == "GOVERNANCE":
        overrides["element"] = str(f.dimension("governance").elements.first().pk)
    if overrides.get("lead_agency") == "TEGAL":
        overrides["lead_agency"] = str(world.tegal.dlh.pk)
    before = Program.objects.count()
    url = entry_url("entry_create", g.region, g.env_section, "program", query="?group=medium")
    r = opd.post(url, program_data(g, **overrides), **HX)
    assert r.status_code == 200
    html = r.content.decode()
    assert "<html" not in html
    assert message in html
    assert 'value="Program Ketik Saya"' in html  # what was typed stays
    assert 'value="1.250.000"' in html or overrides.get("roadmap-0-amount")
    for key, value in overrides.items():
        if key not in ("element", "lead_agency"):
            assert f'value="{value}"' in html, key
    # The error sits at its field (Bootstrap's invalid marker on that input).
    form = r.context["form"]
    errors = form.errors if not field.startswith("roadmap") else form.formsets["roadmap"].forms[0].errors
    assert any(message in e for e in errors[field.split("-")[-1]])
    assert Program.objects.count() == before


def test_quick_win_longer_than_12_months_is_refused_at_the_field(opd, g):
    from dimensions.models import FundingSource

    program = f.ProgramFactory(section=g.env_section, horizon="short", start_year=2025, end_year=2025)
    url = entry_url("entry_create", g.region, g.env_section, "quickwin")
    data = {
        "program": str(program.pk),
        "name": "Lapor Sampah",
        "status": "candidate",
        "problem": "p",
        "solution": "s",
        "benefits": "b",
        "duration_months": "13",
        "budget": "75.000.000",
        "funding_source": str(FundingSource.objects.get(code="apbd").pk),
        "impact_indicator": "Aduan selesai 3 hari",
    }
    r = opd.post(url, data, **HX)
    html = r.content.decode()
    assert "Quick win harus selesai dalam 12 bulan." in html
    assert 'value="Lapor Sampah"' in html and 'value="13"' in html
    assert r.context["form"].errors["duration_months"] == ["Quick win harus selesai dalam 12 bulan."]
    assert not QuickWin.objects.exists()
    data["duration_months"] = "9"
    assert opd.post(url, data, **HX).status_code == 200
    assert QuickWin.objects.get().program == program


def test_quick_win_program_must_be_of_the_section(opd, g):
    theirs = f.ProgramFactory(section=g.gov_section)
    url = entry_url("entry_create", g.region, g.env_section, "quickwin")
    data = {
        "program": str(theirs.pk),
        "name": "x",
        "status": "candidate",
        "problem": "p",
        "solution": "s",
        "benefits": "b",
        "duration_months": "6",
        "impact_indicator": "i",
    }
    r = opd.post(url, data, **HX)
    assert "Pilih program bagian ini yang belum memiliki quick win." in r.content.decode()
    assert not QuickWin.objects.exists()


def test_strategy_picks_swot_entries_of_its_quadrants_only(opd, g):
    weakness = f.SwotEntryFactory(section=g.env_section, quadrant="W", statement="Kelemahan armada")
    opportunity = f.SwotEntryFactory(section=g.env_section, quadrant="O", statement="Peluang CSR")
    url = entry_url("entry_create", g.region, g.env_section, "strategy", query="?group=SO")
    bad = {"kind": "SO", "statement": "Strategi salah", "swot_entries": [str(weakness.pk), str(opportunity.pk)]}
    r = opd.post(url, bad, **HX)
    assert "Strategi SO hanya boleh memakai butir kuadran S dan O." in r.content.decode()
    assert not Strategy.objects.exists()
    good = {"kind": "SO", "statement": "Strategi benar", "swot_entries": [str(g.swot.pk), str(opportunity.pk)]}
    r = opd.post(url, good, **HX)
    strategy = Strategy.objects.get()
    assert set(strategy.swot_entries.all()) == {g.swot, opportunity}
    assert "Peluang CSR" in r.content.decode()


def test_strategy_may_use_swot_of_other_agencies_of_the_dimension_but_not_other_dimensions(opd, g):
    other = f.SectionFactory(masterplan=g.masterplan, agency=g.bappeda, dimension=f.dimension("environment"))
    theirs = f.SwotEntryFactory(section=other, quadrant="O", statement="Peluang dari Bappeda")
    gov = f.SwotEntryFactory(section=g.gov_section, quadrant="O", statement="Peluang tata kelola")
    form = opd.get(entry_url("entry_create", g.region, g.env_section, "strategy"), **HX).context["form"]
    choices = set(form.fields["swot_entries"].queryset)
    assert theirs in choices and g.swot in choices and gov not in choices


def indicator_data(**rows):
    data = {
        "name": "Sampah terkelola",
        "unit": "%",
        "baseline": "40,5",
        "baseline_year": "2023",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    for i, (year, value) in enumerate(rows.get("rows", [])):
        data[f"targets-{i}-year"] = str(year)
        data[f"targets-{i}-value"] = value
    data["targets-TOTAL_FORMS"] = str(len(rows.get("rows", [])))
    return data


def test_indicator_with_yearly_targets_in_one_form(opd, g):
    goal = f.GoalFactory(section=g.env_section)
    url = entry_url("entry_create", g.region, g.env_section, "indicator", query=f"?group=goal-{goal.pk}")
    # The form offers a row for each year of the period.
    form = opd.get(url, **HX).context["form"]
    assert [fm.initial.get("year") for fm in form.formsets["targets"].forms] == list(range(2024, 2034))
    r = opd.post(url, indicator_data(rows=[(2024, "50"), (2025, "62,5"), (2026, "")]), **HX)
    assert r.status_code == 200
    ind = Indicator.objects.get(goal=goal)
    assert ind.baseline == Decimal("40.5")
    assert list(ind.targets.values_list("year", "value")) == [(2024, Decimal("50")), (2025, Decimal("62.5"))]
    html = r.content.decode()
    assert f'hx-swap-oob="beforeend:#list-indicator-goal-{goal.pk}"' in html and "62,5" in html


@pytest.mark.parametrize(
    "rows,message",
    [
        ([(2040, "5")], "Tahun harus di dalam periode masterplan (2024–2033)."),
        ([(2025, "5"), (2025, "6")], "Tahun 2025 sudah diisi di baris lain."),
    ],
)
def test_bad_targets_come_back_with_row_errors(opd, g, rows, message):
    goal = f.GoalFactory(section=g.env_section)
    url = entry_url("entry_create", g.region, g.env_section, "indicator", query=f"?group=goal-{goal.pk}")
    r = opd.post(url, indicator_data(rows=rows), **HX)
    html = r.content.decode()
    assert message in html and 'value="Sampah terkelola"' in html and 'value="40,5"' in html
    assert not Indicator.objects.exists() and not IndicatorTarget.objects.exists()


# Editing ---------------------------------------------------------------------------------------


def test_edit_in_place_returns_the_row_and_bumps_the_version(opd, g):
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    r = opd.get(url, **HX)
    assert hidden_version(r.content.decode()) == "1"
    data = as_post(r.context["form"]) | {"statement": "Bank sampah di 40 desa"}
    r = opd.post(url, data, **HX)
    html = r.content.decode()
    assert f'id="entry-swot-{g.swot.pk}"' in html and "Bank sampah di 40 desa" in html and "data-focus" in html
    assert "hx-swap-oob" in html  # only the message, the row itself replaces the form
    g.swot.refresh_from_db()
    assert g.swot.statement == "Bank sampah di 40 desa" and g.swot.version == 2
    assert [h.history_user for h in g.swot.history.all()] == [g.opd, None]


def test_moving_an_entry_to_another_quadrant_moves_its_row(opd, g):
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    data = open_form(opd, url) | {"quadrant": "W"}
    html = opd.post(url, data, **HX).content.decode()
    assert 'hx-swap-oob="beforeend:#list-swot-W"' in html


def test_program_edit_keeps_road_map_rows_in_the_same_form(opd, g):
    f.RoadmapEntryFactory(program=g.program, year=2024, activity="Kajian awal")
    url = entry_url("entry_edit", g.region, g.env_section, "program", g.program.pk)
    data = open_form(opd, url)
    data.update({"roadmap-0-activity": "Kajian diperbarui", "roadmap-1-year": "2026", "roadmap-1-activity": "Uji coba"})
    r = opd.post(url, data, **HX)
    assert r.status_code == 200 and "Uji coba" in r.content.decode()
    assert list(g.program.roadmap.values_list("year", "activity")) == [(2024, "Kajian diperbarui"), (2026, "Uji coba")]
    # Deleting a row is part of the same form too.
    data = open_form(opd, url) | {"roadmap-0-DELETE": "on"}
    opd.post(url, data, **HX)
    assert list(g.program.roadmap.values_list("year", flat=True)) == [2026]


def test_edit_without_javascript_redirects_to_the_entry(opd, g):
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    page = opd.get(url)
    assert "<html" in page.content.decode()
    data = as_post(page.context["form"]) | {"statement": "Tanpa JS"}
    r = opd.post(url, data)
    assert r.status_code == 302 and r["Location"].endswith(f"#entry-swot-{g.swot.pk}")


def test_stale_version_is_refused_showing_both_versions(opd, g, world, client):
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    mine = open_form(opd, url) | {"statement": "Versi saya", "evidence": "Data saya"}
    # A colleague of the same agency saves first.
    colleague = f.UserFactory(username="opd2-garut", first_name="Sari")
    f.MembershipFactory(user=colleague, region=g.region, role="opd", agency=g.dlh)
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    theirs = as_post(other.get(url, **HX).context["form"]) | {"statement": "Versi orang lain"}
    assert other.post(url, theirs, **HX).status_code == 200

    r = opd.post(url, mine, **HX)
    assert r.status_code == 200
    html = r.content.decode()
    g.swot.refresh_from_db()
    assert g.swot.statement == "Versi orang lain" and g.swot.version == 2  # nothing overwritten
    assert "Versi orang lain" in html and "Versi saya" in html and "Sari" in html
    assert re.search(r"<td[^>]*data-theirs>Versi orang lain</td>\s*<td[^>]*data-yours>Versi saya</td>", html)
    assert "Data saya</textarea>" in html  # my typing is kept in the form
    assert hidden_version(html) == "2"
    # Saving again, knowingly, puts my version over theirs.
    again = as_post(r.context["form"])
    assert again["statement"] == "Versi saya"
    opd.post(url, again, **HX)
    g.swot.refresh_from_db()
    assert g.swot.statement == "Versi saya" and g.swot.version == 3


def test_saving_an_entry_deleted_meanwhile_keeps_the_typing(opd, g):
    from dimensions import services

    url = entry_url("entry_edit", g.region, g.env_section, "gap", f.GapItemFactory(section=g.env_section).pk)
    data = open_form(opd, url) | {"gap": "Ketikan saya"}
    gap_pk = int(url.rstrip("/").split("/")[-2])
    gap = g.env_section.gapitems.get(pk=gap_pk)
    # Deleted between the form opening and saving: the edit URL now answers 404 (the entry is
    # gone); the row's restore brings it back with its old data.
    services.entry_delete(g.env_section, gap, g.opd)
    assert opd.post(url, data, **HX).status_code == 404


# Delete and restore ----------------------------------------------------------------------------


def test_delete_then_restore_in_place(opd, g):
    pk = g.swot.pk
    r = opd.post(entry_url("entry_delete", g.region, g.env_section, "swot", pk), **HX)
    html = r.content.decode()
    assert r.status_code == 200 and not SwotEntry.objects.filter(pk=pk).exists()
    restore = entry_url("entry_restore", g.region, g.env_section, "swot", pk)
    assert f'hx-post="{restore}"' in html and f'id="entry-swot-{pk}"' in html
    r = opd.post(restore, **HX)
    assert r.status_code == 200 and "Kekuatan Garut: bank sampah aktif" in r.content.decode()
    back = SwotEntry.objects.get(pk=pk)
    assert back.statement == "Kekuatan Garut: bank sampah aktif" and back.section == g.env_section
    assert back.version == 2  # a form opened before the delete is stale now


def test_delete_without_javascript_asks_first(opd, g):
    url = entry_url("entry_delete", g.region, g.env_section, "swot", g.swot.pk)
    page = opd.get(url)
    assert page.status_code == 200 and "Ya, hapus" in page.content.decode()
    assert SwotEntry.objects.filter(pk=g.swot.pk).exists()
    r = opd.post(url)
    assert r.status_code == 302 and not SwotEntry.objects.filter(pk=g.swot.pk).exists()


def test_stale_program_shows_values_as_the_history_does(opd, g, world):
    """Both versions go through the one value display: money in rupiah, years as years, links by
    name; a field both versions share is not listed."""
    from django.test import Client

    from dimensions.models import FundingSource

    url = entry_url("entry_edit", g.region, g.env_section, "program", g.program.pk)
    mine = open_form(opd, url) | {"name": "Nama saya"}
    colleague = f.UserFactory(username="opd2-garut")
    f.MembershipFactory(user=colleague, region=g.region, role="opd", agency=g.dlh)
    other = Client()
    other.force_login(colleague)
    apbd = FundingSource.objects.get(code="apbd")
    theirs = as_post(other.get(url, **HX).context["form"]) | {
        "end_year": "2027",
        "roadmap-0-year": "2025",
        "roadmap-0-activity": "Uji coba",
        "roadmap-0-amount": "300.000.000",
        "funding-0-funding_source": str(apbd.pk),
        "funding-0-amount": "300.000.000",
    }
    assert other.post(url, theirs, **HX).status_code == 200

    html = opd.post(url, mine, **HX).content.decode()
    rows = dict(re.findall(r"<td[^>]*data-theirs>([^<]*)</td>\s*<td[^>]*data-yours>([^<]*)</td>", html))
    assert rows == {
        "Program Sampah Cerdas Garut": "Nama saya",
        "2027": "2028",
        "2025: Uji coba – Rp 300.000.000": "–",  # the yearly amounts, which make the total
        f"{apbd}: Rp 300.000.000": "–",
    }


def test_deleted_program_comes_back_with_everything_it_had(opd, g):
    from dimensions.models import FundingSource, RoadmapEntry

    p = g.program
    strategy = f.StrategyFactory(section=g.env_section)
    p.strategies.set([strategy])
    p.funding_sources.set(FundingSource.objects.filter(code__in=["apbd", "csr"]))
    p.partner_agencies.set([g.bappeda])
    f.RoadmapEntryFactory(program=p, year=2025, activity="Uji coba")
    ind = f.IndicatorFactory(goal=None, program=p, name="Armada terpantau")
    f.IndicatorTargetFactory(indicator=ind, year=2025, value=30)
    qw = f.QuickWinFactory(program=p, name="Gerbang Raja")
    p.save()  # a history record with the links as they are now

    opd.post(entry_url("entry_delete", g.region, g.env_section, "program", p.pk), **HX)
    assert not Program.objects.filter(pk=p.pk).exists()
    assert not Indicator.objects.exists() and not RoadmapEntry.objects.exists() and not QuickWin.objects.exists()

    history = opd.get(f"/r/garut/sections/{g.env_section.pk}/riwayat/")
    html = history.content.decode()
    assert "Program Sampah Cerdas Garut" in html
    assert "Armada terpantau" not in html  # comes back with its program, not listed alone
    r = opd.post(entry_url("entry_restore", g.region, g.env_section, "program", p.pk))
    assert r.status_code == 302 and r["Location"].endswith(f"#entry-program-{p.pk}")

    p = Program.objects.get(pk=p.pk)
    assert p.name == "Program Sampah Cerdas Garut" and p.budget == Decimal("250000000")
    assert list(p.strategies.all()) == [strategy]
    assert set(p.funding_sources.values_list("code", flat=True)) == {"apbd", "csr"}
    assert list(p.partner_agencies.all()) == [g.bappeda]
    assert list(p.roadmap.values_list("year", "activity")) == [(2025, "Uji coba")]
    ind = p.indicators.get()
    assert ind.name == "Armada terpantau" and list(ind.targets.values_list("year", "value")) == [(2025, Decimal("30"))]
    assert QuickWin.objects.get(pk=qw.pk).program == p
    assert (
        "Program Sampah Cerdas Garut" not in opd.get(f"/r/garut/sections/{g.env_section.pk}/riwayat/").content.decode()
    )


def test_restored_swot_entry_goes_back_into_its_strategies(opd, g):
    opportunity = f.SwotEntryFactory(section=g.env_section, quadrant="O")
    strategy = f.StrategyFactory(section=g.env_section, kind="SO")
    strategy.swot_entries.set([g.swot, opportunity])
    opd.post(entry_url("entry_delete", g.region, g.env_section, "swot", g.swot.pk), **HX)
    assert list(strategy.swot_entries.all()) == [opportunity]
    opd.post(entry_url("entry_restore", g.region, g.env_section, "swot", g.swot.pk), **HX)
    assert set(strategy.swot_entries.all()) == {g.swot, opportunity}


def test_history_page_lists_deleted_entries_and_only_editors_restore(world, login, g):
    opd = login(g.opd)
    opd.post(entry_url("entry_delete", g.region, g.env_section, "swot", g.swot.pk), **HX)
    restore = entry_url("entry_restore", g.region, g.env_section, "swot", g.swot.pk)
    html = opd.get(f"/r/garut/sections/{g.env_section.pk}/riwayat/").content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in html and restore in html and str(g.opd) in html
    html = login(g.dewan).get(f"/r/garut/sections/{g.env_section.pk}/riwayat/").content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in html and restore not in html


def test_entry_history_shows_who_when_and_what(opd, g):
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    opd.post(url, open_form(opd, url) | {"statement": "Pernyataan baru", "priority": "1"}, **HX)
    r = opd.get(entry_url("entry_history", g.region, g.env_section, "swot", g.swot.pk))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Kekuatan Garut: bank sampah aktif" in html and "Pernyataan baru" in html
    assert "Tinggi" in html and "Sedang" in html  # priority shown by its label
    assert g.opd.username in html or str(g.opd) in html


def test_restoring_an_indicator_whose_goal_is_gone_is_refused_with_a_message(opd, g):
    goal = f.GoalFactory(section=g.env_section)
    ind = f.IndicatorFactory(goal=goal)
    opd.post(entry_url("entry_delete", g.region, g.env_section, "indicator", ind.pk), **HX)
    opd.post(entry_url("entry_delete", g.region, g.env_section, "goal", goal.pk), **HX)
    r = opd.post(entry_url("entry_restore", g.region, g.env_section, "indicator", ind.pk), **HX)
    assert r.status_code == 409 and "pulihkan induknya dahulu" in r.content.decode()
    opd.post(entry_url("entry_restore", g.region, g.env_section, "goal", goal.pk), **HX)
    r = opd.post(entry_url("entry_restore", g.region, g.env_section, "indicator", ind.pk), **HX)
    assert r.status_code == 200 and Indicator.objects.filter(pk=ind.pk, goal=goal).exists()


# Review state ----------------------------------------------------------------------------------


def test_submitted_section_is_locked(opd, g):
    review.section_submit(g.env_section, g.opd)
    create = entry_url("entry_create", g.region, g.env_section, "swot", query="?group=S")
    r = opd.post(create, {"quadrant": "S", "statement": "Terlambat", "priority": 1}, **HX)
    assert r.status_code == 409 and r["HX-Retarget"] == "#messages"
    assert "sedang ditinjau" in r.content.decode()
    r = opd.post(create, {"quadrant": "S", "statement": "Terlambat", "priority": 1})
    assert r.status_code == 302
    assert opd.get(entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk), **HX).status_code == 409
    assert opd.post(entry_url("entry_delete", g.region, g.env_section, "swot", g.swot.pk), **HX).status_code == 409
    assert not SwotEntry.objects.filter(statement="Terlambat").exists()
    html = opd.get(workspace(g.region, g.env_section)).content.decode()
    assert "sedang ditinjau" in html and "/edit/" not in html


def test_editing_an_approved_section_puts_it_back_to_draft(opd, g):
    Section.objects.filter(pk=g.env_section.pk).update(state=Section.State.APPROVED)
    url = entry_url("entry_edit", g.region, g.env_section, "swot", g.swot.pk)
    r = opd.post(url, open_form(opd, url) | {"statement": "Diubah setelah disetujui"}, **HX)
    assert r.status_code == 200
    g.env_section.refresh_from_db()
    assert g.env_section.state == Section.State.DRAFT
    assert g.env_section.transitions.get().kind == "reopen"


# The consistency report's rules, asked while typing ------------------------------------------------


def test_quick_win_form_offers_one_year_programs_and_refuses_another_at_the_field(opd, g):
    from dimensions.models import FundingSource

    short = f.ProgramFactory(
        section=g.env_section, name="Lapor Sampah Kilat", horizon="short", start_year=2025, end_year=2025
    )
    url = entry_url("entry_create", g.region, g.env_section, "quickwin")
    html = opd.get(url, **HX).content.decode()
    select = html.split('name="program"', 1)[1].split("</select>", 1)[0]
    assert "Lapor Sampah Kilat (2025)" in select and g.program.name not in select  # 2024-2028 is not offered
    assert "hanya program satu tahun (jangka pendek)" in html

    data = {
        "program": str(g.program.pk),  # sent anyway (an old page, a crafted post)
        "name": "Aduan Sampah",
        "status": "candidate",
        "problem": "p",
        "solution": "s",
        "benefits": "b",
        "duration_months": "9",
        "budget": "75.000.000",
        "funding_source": str(FundingSource.objects.get(code="apbd").pk),
        "impact_indicator": "Aduan selesai 3 hari",
    }
    r = opd.post(url, data, **HX)
    html = r.content.decode()
    message = "Program induk berjalan 2024–2028, lebih dari 12 bulan: quick win hanya untuk program satu tahun."
    assert r.context["form"].errors["program"] == [message]
    # Next to the field: the select is marked invalid and the message follows it, before the next field.
    field = html.split('id="id_program"', 1)[1].split('id="id_status"', 1)[0]
    assert message in field and "is-invalid" in html.split('id="id_program"', 1)[0].rsplit("<select", 1)[1]
    assert 'value="Aduan Sampah"' in html and 'value="75.000.000"' in html  # nothing typed is lost
    assert not QuickWin.objects.exists()
    data["program"] = str(short.pk)
    opd.post(url, data, **HX)
    assert QuickWin.objects.get().program == short


def test_indicator_target_rows_are_the_programs_years_and_others_are_refused(opd, g):
    program = f.ProgramFactory(section=g.env_section, start_year=2025, end_year=2027)
    url = entry_url("entry_create", g.region, g.env_section, "indicator", query=f"?group=program-{program.pk}")
    r = opd.get(url, **HX)
    rows = r.context["form"].formsets["targets"].forms
    assert [fm.initial.get("year") for fm in rows] == [2025, 2026, 2027]  # not the period's 2024-2033
    html = r.content.decode()
    assert 'min="2025"' in html and 'max="2027"' in html
    assert "Target untuk tahun program berjalan, 2025–2027" in html
    r = opd.post(url, indicator_data(rows=[(2024, "5"), (2026, "7")]), **HX)
    errors = r.context["form"].formsets["targets"].forms[0].errors["year"]
    assert errors == ["Tahun harus di antara tahun mulai dan selesai program (2025–2027)."]
    assert not Indicator.objects.exists()


def test_program_years_must_keep_its_quick_win_and_its_targets(opd, g):
    program = f.ProgramFactory(section=g.env_section, horizon="medium", start_year=2025, end_year=2025)
    qw = f.QuickWinFactory(program=program, name="Lapor Sampah")
    url = entry_url("entry_edit", g.region, g.env_section, "program", program.pk)
    data = as_post(opd.get(url, **HX).context["form"]) | {"end_year": "2027"}
    r = opd.post(url, data, **HX)
    assert r.context["form"].errors["end_year"] == [
        "Quick win \u201cLapor Sampah\u201d bergantung pada program ini. Program induk berjalan 2025–2027, "
        "lebih dari 12 bulan: quick win hanya untuk program satu tahun."
    ]
    qw.delete()
    ind = f.IndicatorFactory(goal=None, program=program, name="Aduan selesai")
    f.IndicatorTargetFactory(indicator=ind, year=2025)
    data = as_post(opd.get(url, **HX).context["form"]) | {"start_year": "2026", "end_year": "2027"}
    r = opd.post(url, data, **HX)
    assert r.context["form"].errors["start_year"] == [
        "Target indikator di luar 2026–2027: \u201cAduan selesai\u201d 2025. Ubah atau hapus targetnya dulu."
    ]
    program.refresh_from_db()
    assert (program.start_year, program.end_year) == (2025, 2025)

"""A program's budget: the total is the sum of the parts. Yearly amounts on the road map make the
total; the split over funding sources adds up to it to the rupiah. The rule (dimensions.rules),
the database, the program form, the services (admin sync, delete and restore), the consistency
report, the review's changes and the data migration that gives old programs their parts."""

import importlib
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from dimensions import rules, services
from dimensions.consistency import consistency_report
from dimensions.models import FundingSource, Program, ProgramFunding, RoadmapEntry
from dimensions.review import selectors as review_selectors
from dimensions.review import services as review_services
from dimensions.review.models import SectionTransition
from tests import factories as f

from .conftest import HX, entry_url

D = Decimal


def source(code):
    return FundingSource.objects.get(code=code)


# The rule ----------------------------------------------------------------------------------------


def test_total_is_the_sum_of_the_amounts_given():
    assert rules.amounts_total([]) is None
    assert rules.amounts_total([None, None]) is None
    assert rules.amounts_total([D(1), None, D(2)]) == D(3)
    assert rules.amounts_total([D(0)]) == D(0)


@pytest.mark.parametrize(
    "total,split,message",
    [
        (D(100), [], None),  # no source yet: a missing budget, not a wrong one
        (None, [None, None], None),  # sources named, nothing costed yet
        (D(100), [D(60), D(40)], None),
        (D(0), [D(0)], None),
        (None, [D(5)], "anggaran per tahun di peta jalan belum diisi"),
        (D(100), [D(100), None], "setiap sumber dana perlu jumlahnya"),
        (D(100), [D(60), D(41)], "berjumlah Rp 101, tidak sama dengan total anggaran per tahun Rp 100"),
        (D(100), [D(99)], "berjumlah Rp 99"),
    ],
)
def test_split_against_the_total(total, split, message):
    error = rules.split_error(total, split)
    if message is None:
        assert error is None
    else:
        assert message in error


@pytest.mark.parametrize(
    "total,parts", [(D("1000000001.50"), 3), (D(10), 3), (D(0), 2), (D(7), 1), (D("250000000"), 7)]
)
def test_spread_adds_up_exactly_remainder_on_the_first(total, parts):
    amounts = rules.spread(total, parts)
    assert len(amounts) == parts and sum(amounts) == total
    assert all(a == a.to_integral_value() for a in amounts[1:])  # whole rupiah but the first
    assert amounts[0] >= max(amounts)
    assert rules.spread(total, 0) == []


def test_parts_are_never_negative_and_a_source_comes_once(world):
    program = world.garut.program
    with pytest.raises(IntegrityError), transaction.atomic():
        f.RoadmapEntryFactory(program=program, amount=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.ProgramFundingFactory(program=program, amount=-1)
    f.ProgramFundingFactory(program=program, funding_source=source("apbd"), amount=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.ProgramFundingFactory(program=program, funding_source=source("apbd"), amount=2)


# The program form --------------------------------------------------------------------------------


def program_post(g, roadmap=(), funding=(), **fields):
    """A program form as a browser posts it: road map rows (year, activity, amount) and split rows
    (source code, amount)."""
    data = {
        "element": str(g.env_section.dimension.elements.first().pk),
        "name": "Program Anggaran Saya",
        "horizon": "medium",
        "start_year": "2025",
        "end_year": "2027",
        "lead_agency": str(g.dlh.pk),
        "roadmap-TOTAL_FORMS": str(len(roadmap) + 1),
        "roadmap-INITIAL_FORMS": "0",
        "funding-TOTAL_FORMS": str(len(funding) + 1),
        "funding-INITIAL_FORMS": "0",
    }
    for i, (year, activity, amount) in enumerate(roadmap):
        data |= {f"roadmap-{i}-year": str(year), f"roadmap-{i}-activity": activity, f"roadmap-{i}-amount": amount}
    for i, (code, amount) in enumerate(funding):
        data |= {f"funding-{i}-funding_source": str(source(code).pk), f"funding-{i}-amount": amount}
    return data | fields


def create_url(g):
    return entry_url("entry_create", g.region, g.env_section, "program", query="?group=medium")


@pytest.fixture
def opd(world, login):
    return login(world.garut.opd)


def test_total_and_split_saved_from_the_parts(opd, world):
    g = world.garut
    data = program_post(
        g,
        roadmap=[(2025, "Kajian", "100.000.000"), (2026, "Pembangunan", "250.000.000"), (2026, "Pelatihan", "")],
        funding=[("apbd", "300.000.000"), ("csr", "50.000.000")],
    )
    r = opd.post(create_url(g), data, **HX)
    assert r.status_code == 200 and "Program tersimpan" in r.content.decode(), r.content.decode()[:3000]
    program = Program.objects.get(name="Program Anggaran Saya")
    assert program.budget == D(350_000_000)  # typed nowhere: the sum of the years
    assert list(program.roadmap.values_list("year", "amount")) == [
        (2025, D(100_000_000)),
        (2026, D(250_000_000)),
        (2026, None),
    ]
    assert [(s.funding_source.code, s.amount) for s in program.funding.all()] == [
        ("apbd", D(300_000_000)),
        ("csr", D(50_000_000)),
    ]
    assert ProgramFunding.history.filter(program_id=program.pk, history_type="+").count() == 2
    html = r.content.decode()
    assert "Rp 350.000.000" in html and "CSR: Rp 50.000.000" in html


@pytest.mark.parametrize(
    "roadmap,funding,where,message",
    [
        (
            [(2025, "Kajian", "100.000.000")],
            [("apbd", "60.000.000"), ("csr", "30.000.000")],
            "split",
            "Pembagian sumber dana berjumlah Rp 90.000.000, tidak sama dengan total anggaran per tahun Rp 100.000.000.",
        ),
        ([(2025, "Kajian", "100.000.000")], [("apbd", "")], "funding-0-amount", "Isi jumlahnya."),
        (
            [(2025, "Kajian", "100.000.000")],
            [("apbd", "50.000.000"), ("apbd", "50.000.000")],
            "funding-1-funding_source",
            "APBD sudah ada di baris lain.",
        ),
        ([(2025, "Kajian", "")], [("apbd", "5.000.000")], "split", str(rules.SPLIT_WITHOUT_YEARLY)),
        ([(2025, "Kajian", "100.000.000,50")], [], "roadmap-0-amount", "Tulis dalam rupiah penuh, tanpa sen."),
        ([(2025, "Kajian", "100")], [("apbd", "-100")], "funding-0-amount", "Anggaran tidak boleh negatif."),
    ],
)
def test_parts_that_do_not_add_up_are_refused_next_to_the_split(opd, world, roadmap, funding, where, message):
    g = world.garut
    before = Program.objects.count()
    r = opd.post(create_url(g), program_post(g, roadmap=roadmap, funding=funding), **HX)
    assert r.status_code == 200
    assert message in r.content.decode()
    form = r.context["form"]
    if where == "split":
        assert message in form.formsets["funding"].non_form_errors()
    else:
        prefix, index, field = where.split("-")
        assert message in form.formsets[prefix].forms[int(index)].errors[field]
    assert Program.objects.count() == before


def test_a_source_twice_is_reported_while_a_year_is_wrong_too(opd, world):
    g = world.garut
    data = program_post(g, roadmap=[(2040, "Kajian", "100")], funding=[("apbd", "100"), ("apbd", "")])
    form = opd.post(create_url(g), data, **HX).context["form"]
    assert form.formsets["roadmap"].forms[0].errors["year"]
    assert form.formsets["funding"].forms[1].errors["funding_source"] == ["APBD sudah ada di baris lain."]
    assert not form.formsets["funding"].non_form_errors()  # no sum against a total not known yet


def test_sources_may_be_named_before_any_amount(opd, world):
    g = world.garut
    r = opd.post(create_url(g), program_post(g, roadmap=[(2025, "Kajian", "")], funding=[("apbd", "")]), **HX)
    assert r.status_code == 200
    program = Program.objects.get(name="Program Anggaran Saya")
    assert program.budget is None
    assert [(s.funding_source.code, s.amount) for s in program.funding.all()] == [("apbd", None)]


def test_editing_the_years_changes_the_total(opd, world):
    g = world.garut
    program = f.program_budget_parts(g.program, yearly={2024: 100, 2025: 150}, split={"apbd": 250})
    url = entry_url("entry_edit", g.region, g.env_section, "program", program.pk)
    form = opd.get(url, **HX).context["form"]
    assert form.budget_total == D(250)
    rows = {fs.prefix: [(x.instance.pk, x.instance) for x in fs.forms] for fs in form.formsets.values()}
    data = program_post(g, name=program.name, start_year="2024", end_year="2028", version=str(program.version))
    data |= {"roadmap-TOTAL_FORMS": "2", "roadmap-INITIAL_FORMS": "2", "funding-TOTAL_FORMS": "1"}
    data |= {"funding-INITIAL_FORMS": "1"}
    for i, (pk, row) in enumerate(rows["roadmap"][:2]):
        data |= {f"roadmap-{i}-id": str(pk), f"roadmap-{i}-year": str(row.year), f"roadmap-{i}-activity": "x"}
        data[f"roadmap-{i}-amount"] = "100" if i == 0 else "50"  # 150 became 50
    data |= {"funding-0-id": str(rows["funding"][0][0]), "funding-0-funding_source": str(source("apbd").pk)}
    data["funding-0-amount"] = "250"
    r = opd.post(url, data, **HX)
    assert "Pembagian sumber dana berjumlah Rp 250, tidak sama dengan total anggaran per tahun Rp 150." in (
        r.content.decode()
    )
    data["funding-0-amount"] = "150"
    r = opd.post(url, data, **HX)
    assert "Program tersimpan" in r.content.decode(), r.content.decode()[:3000]
    program.refresh_from_db()
    assert program.budget == D(150)
    assert list(program.funding.values_list("amount", flat=True)) == [D(150)]


def test_a_row_carrying_another_program_s_id_is_refused_and_nothing_is_saved(opd, world):
    """Django would skip such a row without a word (the rest saved): the form says so instead."""
    g = world.garut
    program = f.program_budget_parts(g.program, yearly={2024: 100}, split={"apbd": 100})
    other = f.program_budget_parts(world.tegal.program, yearly={2024: 7}, split={"apbd": 7})
    foreign_row = other.roadmap.get()
    url = entry_url("entry_edit", g.region, g.env_section, "program", program.pk)
    data = program_post(g, name="Nama baru", start_year="2024", end_year="2028", version=str(program.version))
    data |= {"roadmap-TOTAL_FORMS": "1", "roadmap-INITIAL_FORMS": "1", "funding-TOTAL_FORMS": "0"}
    data |= {"roadmap-0-id": str(foreign_row.pk), "roadmap-0-year": "2024", "roadmap-0-activity": "Diubah"}
    data |= {"roadmap-0-amount": "100", "funding-INITIAL_FORMS": "0"}

    response = opd.post(url, data, **HX)

    assert response.status_code == 200
    assert "Satu baris tidak ditemukan pada isian ini" in response.content.decode()
    assert "Tidak ada yang disimpan" in response.content.decode()
    program.refresh_from_db()
    assert program.name != "Nama baru"
    assert list(program.roadmap.values_list("activity", flat=True)) == ["Kegiatan 2024"]
    foreign_row.refresh_from_db()
    assert foreign_row.activity == "Kegiatan 2024" and foreign_row.program_id == other.pk


def test_a_hand_made_row_count_is_capped_and_refused(opd, world):
    """TOTAL_FORMS=99999999999999999999999 made Django build, check and show 2,000 rows of each
    sub-row list (seconds per request): now at most ROWS_MAX, and the form says so."""
    from dimensions.forms import ROWS_MAX

    g = world.garut
    data = program_post(g, roadmap=[(2025, "Kajian", "100")])
    data |= {"roadmap-TOTAL_FORMS": "99999999999999999999999", "funding-TOTAL_FORMS": str(ROWS_MAX + 1)}
    response = opd.post(create_url(g), data, **HX)
    assert response.status_code == 200
    formsets = response.context["form"].formsets
    assert len(formsets["roadmap"].forms) == len(formsets["funding"].forms) == ROWS_MAX
    assert f"Harap ajukan paling banyak {ROWS_MAX} formulir." in response.content.decode()
    assert not Program.objects.filter(name="Program Anggaran Saya").exists()


def test_the_form_says_the_rule_and_shows_the_total(opd, world):
    g = world.garut
    html = opd.get(create_url(g), **HX).content.decode()
    assert str(rules.BUDGET_RULE_HELP) in html
    assert 'data-sum-of="roadmap"' in html and 'name="roadmap-0-amount"' in html
    assert 'name="funding-0-funding_source"' in html and 'name="funding-0-amount"' in html
    assert 'name="budget"' not in html  # never typed
    # On a phone each sub-row is a card with its labels (static/css/app.css: .formset-table).
    assert html.count('class="table table-sm align-top mb-1 formset-table"') == 2
    assert '<label class="formset-label" for="id_roadmap-0-amount">Anggaran (Rp)</label>' in html
    assert '<label class="formset-label" for="id_funding-0-amount">Jumlah (Rp)</label>' in html


# Services: the admin's sync, delete and restore -----------------------------------------------------


def test_budget_sync_after_writes_outside_the_form(world):
    program = world.garut.program
    f.RoadmapEntryFactory(program=program, year=2024, amount=40)
    f.RoadmapEntryFactory(program=program, year=2025, amount=None)
    services.program_budget_sync(program)
    assert Program.objects.get(pk=program.pk).budget == D(40)
    program.roadmap.update(amount=None)
    services.program_budget_sync(program)
    assert Program.objects.get(pk=program.pk).budget is None


def test_admin_road_map_amount_changes_the_total(world, client):
    client.force_login(world.admin)
    program = f.program_budget_parts(world.garut.program, yearly={2024: 100})
    row = program.roadmap.get()
    url = reverse("admin:dimensions_roadmapentry_change", args=[row.pk])
    r = client.post(url, {"program": program.pk, "year": 2024, "activity": "Kajian", "target": "", "amount": "70"})
    assert r.status_code == 302
    assert Program.objects.get(pk=program.pk).budget == D(70)


def test_deleted_program_comes_back_with_its_yearly_amounts_and_split(opd, world):
    g = world.garut
    program = f.program_budget_parts(g.program, yearly={2024: 100, 2025: 200}, split={"apbd": 180, "apbn": 120})
    split = sorted(program.funding.values_list("pk", "funding_source__code", "amount"))
    opd.post(entry_url("entry_delete", g.region, g.env_section, "program", program.pk), **HX)
    assert not ProgramFunding.objects.exists() and not RoadmapEntry.objects.exists()
    r = opd.post(entry_url("entry_restore", g.region, g.env_section, "program", program.pk))
    assert r.status_code == 302
    program = Program.objects.get(pk=program.pk)
    assert program.budget == D(300)
    assert list(program.roadmap.values_list("year", "amount")) == [(2024, D(100)), (2025, D(200))]
    assert sorted(program.funding.values_list("pk", "funding_source__code", "amount")) == split


# Consistency report and review -------------------------------------------------------------------


def _parts_findings(mp):
    report = consistency_report(mp)
    return sorted(x.message for c in report["categories"] if c.key == "budget_parts" for x in c.findings)


def test_report_flags_parts_that_do_not_add_up(world):
    g = world.garut
    program = g.program  # Rp 250.000.000, no yearly amounts: old data
    assert _parts_findings(g.masterplan) == ["Belum ada anggaran per tahun di peta jalan."]
    f.program_budget_parts(program, yearly={2024: 100, 2025: 200}, split={"apbd": 200, "csr": 50})
    assert _parts_findings(g.masterplan) == [
        "Pembagian sumber dana berjumlah Rp 250, tidak sama dengan total anggaran per tahun Rp 300."
    ]
    Program.objects.filter(pk=program.pk).update(budget=250)
    assert _parts_findings(g.masterplan) == [
        "Total anggaran Rp 250 tidak sama dengan jumlah anggaran per tahun Rp 300."
    ]
    Program.objects.filter(pk=program.pk).update(budget=300)
    ProgramFunding.objects.filter(funding_source__code="csr").update(amount=100)
    assert _parts_findings(g.masterplan) == []
    section = g.env_section
    assert all(x.section == section for c in consistency_report(g.masterplan)["categories"] for x in c.findings)


def test_review_shows_a_changed_share(world):
    g = world.garut
    program = f.program_budget_parts(g.program, split={"apbd": 200_000_000, "csr": 50_000_000})
    review_services.section_submit(g.env_section, g.opd, "")
    review_services.section_request_changes(g.env_section, world.expert, "Perbaiki")
    since = SectionTransition.objects.order_by("-at").first().at
    share = program.funding.get(funding_source__code="csr")
    share.amount = 75_000_000
    share.save()
    [change] = review_selectors.section_changes_since(g.env_section, since)
    assert change.model_name == "programfunding" and change.label == "CSR: Rp 75.000.000"
    assert [(c.label, c.old, c.new) for c in change.fields] == [("jumlah (Rp)", "Rp 50.000.000", "Rp 75.000.000")]


# The data migration --------------------------------------------------------------------------------

migration = importlib.import_module("dimensions.migrations.0008_program_budget_parts")


def test_migration_spreads_over_years_first_row_of_a_year():
    amounts = migration._year_amounts(D(1000), [(7, 2024), (3, 2025), (9, 2025), (4, 2026)])
    assert amounts == {7: D(334), 3: D(333), 4: D(333)}  # the second 2025 row stays empty
    # Sources in their order (APBD before CSR), the remainder on the first.
    assert migration._split(D(11), [5, 1], {1: 1, 5: 2}) == [(1, D(6)), (5, D(5))]
    assert migration._split(None, [2], {}) == [(2, None)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_gives_old_programs_parts_that_add_up():
    """Back to 0007 (a plain many-to-many of sources, no amounts), old data written there, forward
    again: every program's parts add up to its budget, and a program deleted before the migration
    comes back with its yearly amounts and its split."""
    executor = MigrationExecutor(connection)
    executor.migrate([("dimensions", "0007_swot_and_strategy_order")])
    # The core as it is now (provinces and cohorts as data), the dimensions as they were at 0007.
    core = [n for n in executor.loader.graph.leaf_nodes() if n[0] == "masterplan"]
    old = executor.loader.project_state([("dimensions", "0007_swot_and_strategy_order"), *core]).apps
    try:
        ids = _old_data(old)
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
        _check_migrated(ids)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _old_data(apps):
    Program = apps.get_model("dimensions", "Program")
    Section = apps.get_model("dimensions", "Section")
    Roadmap = apps.get_model("dimensions", "RoadmapEntry")
    Source = apps.get_model("dimensions", "FundingSource")
    HProgram = apps.get_model("dimensions", "HistoricalProgram")
    HLinks = apps.get_model("dimensions", "HistoricalProgram_funding_sources")
    HRoadmap = apps.get_model("dimensions", "HistoricalRoadmapEntry")
    region = apps.get_model("masterplan", "Region").objects.create(
        name="Lama",
        slug="lama",
        province=apps.get_model("masterplan", "Province").objects.get(name="Jawa Barat"),
        cohort=apps.get_model("masterplan", "Cohort").objects.get_or_create(year=2024)[0],
    )
    mp = apps.get_model("masterplan", "Masterplan").objects.create(region=region, period_start=2024, period_end=2033)
    agency = apps.get_model("masterplan", "Agency").objects.create(region=region, name="Dinas Lama")
    dimension = apps.get_model("dimensions", "Dimension").objects.get(code="environment")
    section = Section.objects.create(masterplan=mp, agency=agency, dimension=dimension)
    element = dimension.elements.first()
    apbd, apbn, csr = (Source.objects.get(code=c) for c in ("apbd", "apbn", "csr"))

    def program(name, budget, start=2024, end=2026):
        return Program.objects.create(
            section=section, element=element, name=name, horizon="medium", start_year=start, end_year=end, budget=budget
        )

    years = program("Tiga tahun", D("1000000001.50"))
    for year in (2024, 2025, 2025, 2026):
        row = Roadmap.objects.create(program=years, year=year, activity=f"Kegiatan {year}")
        HRoadmap.objects.create(
            id=row.pk, program_id=years.pk, year=year, activity=row.activity, history_type="+", history_date=_DATE
        )
    years.funding_sources.set([csr, apbd])
    HProgram.objects.create(id=years.pk, **_fields(years), history_type="+", history_date="2024-01-01T00:00Z")
    bare = program("Tanpa peta jalan", D(500), start=2027, end=2028)
    bare.funding_sources.set([apbn])
    unbudgeted = program("Tanpa anggaran", None)
    unbudgeted.funding_sources.set([apbd])
    # Deleted before the migration (as entry_delete records it): the program and its road map.
    gone = program("Terhapus", D(900))
    record = HProgram.objects.create(
        id=gone.pk, **_fields(gone), history_type="+", history_date="2024-01-01T00:00Z", history_change_reason=""
    )
    HLinks.objects.create(id=1, history=record, program_id=gone.pk, fundingsource_id=apbd.pk)
    HLinks.objects.create(id=2, history=record, program_id=gone.pk, fundingsource_id=apbn.pk)
    step = Roadmap.objects.create(program=gone, year=2025, activity="Uji coba")
    HRoadmap.objects.create(
        id=step.pk,
        program_id=gone.pk,
        year=2025,
        activity="Uji coba",
        target="",
        history_type="-",
        history_date="2024-02-01T00:00Z",
        history_change_reason="cascade:tok",
    )
    HProgram.objects.create(
        id=gone.pk,
        **_fields(gone),
        history_type="-",
        history_date="2024-02-01T00:00Z",
        history_change_reason="delete:tok",
    )
    ids = {"years": years.pk, "bare": bare.pk, "unbudgeted": unbudgeted.pk, "gone": gone.pk}
    step.delete()
    gone.delete()
    return ids


_DATE = "2024-01-01T00:00Z"


def _fields(program):
    names = ["section_id", "element_id", "name", "horizon", "start_year", "end_year", "budget", "version"]
    now = "2024-01-01T00:00Z"
    return {n: getattr(program, n) for n in names} | {"created_at": now, "updated_at": now}


def _check_migrated(ids):
    years = Program.objects.get(pk=ids["years"])
    assert list(years.roadmap.values_list("year", "amount")) == [
        (2024, D("333333335.50")),
        (2025, D(333333333)),
        (2025, None),
        (2026, D(333333333)),
    ]
    assert [(s.funding_source.code, s.amount) for s in years.funding.all()] == [
        ("apbd", D("500000001.50")),
        ("csr", D(500000000)),
    ]
    # The latest history of a road map row holds its amount; a new split row has a creation record.
    for row in years.roadmap.all():
        assert RoadmapEntry.history.filter(id=row.pk).latest().amount == row.amount
    assert ProgramFunding.history.filter(program_id=years.pk, history_type="+").count() == 2
    bare = Program.objects.get(pk=ids["bare"])
    assert list(bare.roadmap.values_list("year", "activity", "amount")) == [(2027, "Pelaksanaan program", D(500))]
    assert [(s.funding_source.code, s.amount) for s in bare.funding.all()] == [("apbn", D(500))]
    unbudgeted = Program.objects.get(pk=ids["unbudgeted"])
    assert not unbudgeted.roadmap.exists() and list(unbudgeted.funding.values_list("amount", flat=True)) == [None]
    for program in Program.objects.filter(pk__in=[ids["years"], ids["bare"], ids["unbudgeted"]]):
        total = rules.amounts_total(program.roadmap.values_list("amount", flat=True))
        assert total == program.budget
        assert rules.split_error(program.budget, program.funding.values_list("amount", flat=True)) is None
    # The deleted program's parts wait in its deletion records, under the ids no live row will take.
    gone = ProgramFunding.history.filter(program_id=ids["gone"], history_type="-").order_by("funding_source__order")
    assert [(r.funding_source.code, r.amount, r.history_change_reason) for r in gone] == [
        ("apbd", D(450), "cascade:tok"),
        ("apbn", D(450), "cascade:tok"),
    ]
    assert ProgramFunding.objects.create(program_id=ids["years"], funding_source=source("dak")).pk > max(
        r.id for r in gone
    )
    assert list(RoadmapEntry.history.filter(program_id=ids["gone"]).values_list("amount", flat=True)) == [D(900)]

"""What people read: stage numbers as Tahap II, dates with the Indonesian month name, a table that
turns into one card per row on a phone (each cell labelled)."""

import datetime

from django.utils import timezone

from tests import factories as f


def test_review_queue_names_the_next_stage_in_roman_and_the_full_month(world, login):
    day = timezone.localdate() + datetime.timedelta(days=10)
    f.StageFactory(masterplan=world.garut.masterplan, number=2, start_date=day)
    world.garut.env_section.state = "submitted"
    world.garut.env_section.save()
    html = login(world.expert).get("/review/").content.decode()
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    assert f'Tahap II, <time datetime="{day:%Y-%m-%d}">{day.day} {months[day.month - 1]} {day.year}</time>' in html
    assert 'class="table table-hover align-middle table-stack"' in html
    assert 'data-label="Perangkat daerah"' in html


def test_section_review_reads_swot_in_s_w_o_t_order_with_quadrant_names(world, login):
    g = world.garut
    long = "Ancaman banjir bandang tahunan di daerah aliran sungai yang memutus jalan desa dan merusak rumah warga"
    f.SwotEntryFactory(section=g.env_section, quadrant="T", statement=long)
    f.SwotEntryFactory(section=g.env_section, quadrant="O", statement="Peluang dana CSR")
    f.SwotEntryFactory(section=g.env_section, quadrant="W", statement="Kelemahan armada")
    html = login(world.expert).get(f"/r/garut/sections/{g.env_section.pk}/review/").content.decode()
    swot = html.split('id="butir"', 1)[1].split("Strategi", 1)[0]
    positions = [swot.index(s) for s in ("Kekuatan Garut", "Kelemahan armada", "Peluang dana CSR", "Ancaman banjir")]
    assert positions == sorted(positions)
    assert "[T]" not in html and "[W]" not in html
    # A long statement is cut at a word with an ellipsis, not in the middle of a word.
    assert "Ancaman: Ancaman banjir bandang tahunan di daerah aliran sungai yang memutus jalan desa…" in html


def test_section_review_shows_indicator_numbers_the_indonesian_way(world, login):
    g = world.garut
    goal = f.GoalFactory(section=g.env_section, statement="Sampah terkelola")
    indicator = f.IndicatorFactory(goal=goal, name="Sampah terkelola", unit="%", baseline="3.30")
    f.IndicatorTargetFactory(indicator=indicator, year=2026, value="62.50")
    html = login(world.expert).get(f"/r/garut/sections/{g.env_section.pk}/review/").content.decode()
    assert "2026: 62,5" in html
    assert ">3,3<" in html
    assert "62,50" not in html and "62.5" not in html


def test_date_range_the_indonesian_way():
    from masterplan.templatetags.masterplan_tags import date_range

    d = datetime.date
    assert date_range(d(2023, 7, 5), d(2023, 7, 6)) == "5–6 Juli 2023"
    assert date_range(d(2023, 7, 31), d(2023, 8, 1)) == "31 Juli – 1 Agustus 2023"
    assert date_range(d(2023, 12, 30), d(2024, 1, 2)) == "30 Desember 2023 – 2 Januari 2024"
    assert date_range(d(2023, 7, 5), d(2023, 7, 5)) == "5 Juli 2023"
    assert date_range(d(2023, 7, 5), None) == "5 Juli 2023"


def test_region_summary_links_each_stage_and_writes_its_dates_short(world, login):
    stage = world.garut.stage
    stage.start_date, stage.end_date = datetime.date(2023, 7, 5), datetime.date(2023, 7, 6)
    stage.save()
    html = login(world.garut.dewan).get("/r/garut/").content.decode()
    assert f'<a href="/r/garut/stages/{stage.pk}/">Tahap I</a>: 5–6 Juli 2023' in html


def test_new_program_form_proposes_the_sections_agency_as_lead(world, login):
    g = world.garut
    url = f"/r/garut/sections/{g.env_section.pk}/program/new/?group=short"
    html = login(g.opd).get(url, HTTP_HX_REQUEST="true").content.decode()
    select = html.split('name="lead_agency"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{g.dlh.pk}" selected>' in select


def test_strategy_form_lists_swot_entries_s_w_o_t(world, login):
    g = world.garut
    for q in "TOW":
        f.SwotEntryFactory(section=g.env_section, quadrant=q, statement=f"Butir kuadran {q}")
    url = f"/r/garut/sections/{g.env_section.pk}/strategy/new/?group=SO"
    html = login(g.opd).get(url, HTTP_HX_REQUEST="true").content.decode()
    positions = [html.index(s) for s in ("Kekuatan Garut", "Butir kuadran W", "Butir kuadran O", "Butir kuadran T")]
    assert positions == sorted(positions)

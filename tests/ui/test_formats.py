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
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember"]
    assert f"Tahap II, <time datetime=\"{day:%Y-%m-%d}\">{day.day} {months[day.month - 1]} {day.year}</time>" in html
    assert 'class="table table-hover align-middle table-stack"' in html
    assert 'data-label="Perangkat daerah"' in html

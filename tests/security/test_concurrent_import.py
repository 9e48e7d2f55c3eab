"""Confirming one attendance list twice at the same moment (a double click; issue 10, finding 4)
imports it once. Real threads, each with its own database connection; both confirmations were
checked against the participants of before, as two requests arriving together are."""

import threading

import pytest
from django.db import connections

from bimtek import services
from bimtek.imports import validate_rows
from bimtek.models import Participant, Stage
from tests.security import files


@pytest.mark.postgres  # the race is PostgreSQL's; SQLite lets one writer through at a time
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_confirmations_at_once_import_the_list_once(world):
    stage_pk, user = world.garut.stage.pk, world.garut.diskominfo
    raw = [
        (number, {"name": name, "institution": institution, "position": position, "helix": helix})
        for number, (_, name, institution, position, helix) in enumerate(files.ROWS, start=2)
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm():
        try:
            rows = validate_rows(raw, existing=[])  # read before either wrote: nobody registered yet
            barrier.wait(timeout=10)
            created = services.participants_import(Stage.objects.get(pk=stage_pk), rows, user=user)
            outcomes.append(len(created))
        except Exception as exc:  # SQLite answers a second writer with "database is locked"
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    names = sorted(Participant.objects.filter(stage_id=stage_pk).values_list("name", flat=True))
    assert names == sorted(row[1] for row in files.ROWS)
    if connections["default"].vendor == "postgresql":
        # The second waited for the first, then found every row registered.
        assert sorted(outcomes) == [0, len(files.ROWS)]
    else:
        assert len(files.ROWS) in outcomes, outcomes

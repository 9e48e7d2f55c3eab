"""Two people (or two clicks) transitioning the same section at the same moment: the row lock
lets exactly one transition through. Real threads with their own database connections."""

import threading

import pytest
from django.db import connections

from dimensions.models import Section
from dimensions.review import services
from dimensions.review.models import SectionTransition


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_submit_gives_one_transition(world):
    section_pk = world.garut.env_section.pk
    opd = world.garut.opd
    barrier = threading.Barrier(2)
    outcomes = []

    def click(n):
        try:
            section = Section.objects.get(pk=section_pk)  # both read "draft"
            barrier.wait(timeout=10)
            services.section_submit(section, opd, f"klik {n}")
            outcomes.append("ok")
        except services.TransitionError:
            outcomes.append("refused")
        except Exception as exc:  # SQLite answers a concurrent writer with "database is locked"
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert outcomes.count("ok") == 1, outcomes
    other = next(o for o in outcomes if o != "ok")
    if connections["default"].vendor == "postgresql":
        # The second waited for the lock, then saw "submitted" and got the clear message.
        assert other == "refused"
    else:
        assert other in ("refused", "OperationalError")
    assert SectionTransition.objects.filter(section_id=section_pk, kind="submit").count() == 1
    assert Section.objects.get(pk=section_pk).state == Section.State.SUBMITTED

"""Fixtures of the render pipeline tests: media in a temporary folder, Celery eager (the task runs
in-process when the transaction commits, as without a broker), the default books."""

from pathlib import Path

import pytest

from masterplan.books.models import BookDefinition


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def eager_celery():
    from masterplan.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = saved


@pytest.fixture
def books(db):
    """The default set from the books data migration, by number."""
    return {b.number: b for b in BookDefinition.objects.active()}


@pytest.fixture
def summary(books):
    """Buku 3 Ringkasan Eksekutif: the shortest book, the one most tests render."""
    return books[3]

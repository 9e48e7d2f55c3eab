"""After "Render", the page says what became of the job: failed at once when the broker is down
(not "Masuk antrean render"), done when Celery runs eagerly. Real Celery and kombu; the request
commits for real (transactional tests), as in production, so the send happens before the page
answers."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from masterplan.celery import app
from masterplan.rendering.models import RenderJob
from tests.rendering.helpers import pdf_reader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEAD_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


@pytest.fixture
def dead_broker():
    saved = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}

    def reset_pools():
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None

    reset_pools()
    app.conf.update(broker_url=DEAD_BROKER, task_always_eager=False)
    yield
    reset_pools()
    app.conf.update(saved)


def test_with_a_dead_broker_the_page_says_the_render_failed(world, summary, login, dead_broker):
    client = login(world.garut.diskominfo)
    started = time.monotonic()
    response = client.post(reverse("book_render", args=["garut", 3]), follow=True)
    assert time.monotonic() - started < 15  # kombu's few quick retries, then the answer

    html = response.content.decode()
    job = RenderJob.objects.get()
    assert job.state == RenderJob.State.FAILED
    assert "tidak dapat dikirim ke antrean" in job.error
    assert "Masuk antrean render" not in html
    assert "Buku 3 Ringkasan Eksekutif tidak dapat dirender: Permintaan render tidak dapat dikirim" in html


def test_with_eager_celery_the_page_says_the_book_is_rendered(world, summary, login, eager_celery, media_root):
    response = login(world.garut.diskominfo).post(reverse("book_render", args=["garut", 3]), follow=True)
    job = RenderJob.objects.get()
    assert job.state == RenderJob.State.DONE and len(pdf_reader(Path(job.file.path).read_bytes()).pages)
    html = response.content.decode()
    assert "Selesai dirender, PDF siap diunduh: Buku 3 Ringkasan Eksekutif." in html
    assert "Masuk antrean render" not in html


def test_the_render_task_is_known_in_a_web_process(tmp_path):
    """Without a broker Celery runs the task in the web process, which must know it by name (a
    worker finds it by autodiscovery; a web process never did, and sent it to a default broker)."""
    code = (
        "import django; django.setup(); from masterplan.celery import app; "
        "from masterplan.rendering.services import BOOK_RENDER_TASK; print(BOOK_RENDER_TASK in app.tasks)"
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "CELERY_BROKER_URL": "",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "test-only-not-secret",
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"

"""`make run` as its users get it: scripts/run-dev.sh serves the app's own pages with DEBUG off
(the Indonesian 404, not Django's English debug page; static files still served from the source
tree), and its SQLite database, shared with a worker process, keeps the books status page
answering while another process writes (write-ahead log, busy timeout, the write lock taken when
a transaction begins; masterplan/settings.py). Real processes, nothing mocked."""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from masterplan.books.models import BookDefinition
from masterplan.rendering.models import RenderJob
from tests.infra.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# Another process writing as the Celery worker does while it renders, at its worst: each write
# transaction holds the lock a while, and a long read (a book's data read in chunks) stays open
# the whole time. Runs until the stop file appears; prints how many writes it committed.
WRITER = """
import sqlite3, sys, time
from pathlib import Path
import django
django.setup()
from django.db import transaction
from masterplan.rendering.models import RenderJob

job_id, db_file, stop = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
RenderJob.objects.filter(pk=job_id).update(progress=2)  # connects with the project's settings
reader = sqlite3.connect(db_file, timeout=20)
reader.execute("BEGIN")
reader.execute("SELECT count(*) FROM rendering_renderjob").fetchone()
print("writing", flush=True)
writes = 0
deadline = time.monotonic() + 120
while not stop.exists() and time.monotonic() < deadline:
    with transaction.atomic():
        RenderJob.objects.filter(pk=job_id).update(progress=3 + writes % 90)
        time.sleep(0.2)
    writes += 1
    time.sleep(0.02)
reader.rollback()
print(writes, flush=True)
"""


def _get(url, cookie=""):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


# Committed data: the copy into a file (and the other processes) see it.
# make run serves a SQLite file, copied here from the test database: the SQLite tier only.
@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_run_serves_app_pages_and_stays_up_while_another_process_writes(world, client, tmp_path):
    assert connection.vendor == "sqlite", "make run serves SQLite: run this test on the SQLite tier"
    book = BookDefinition.objects.get(number=3)
    job = RenderJob.objects.create(
        masterplan=world.garut.masterplan, book=book, state=RenderJob.State.RENDERING, started_at=timezone.now()
    )
    client.force_login(world.garut.diskominfo)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    # The test world, copied into a database file that the processes share.
    db_file = tmp_path / "db.sqlite3"
    with sqlite3.connect(db_file) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    target.close()

    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "BIN": str(BIN),
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "ENV_FILE": str(tmp_path / "no.env"),
        "SECRET_KEY": settings.SECRET_KEY,  # the session made here stays valid there
        "DATABASE_URL": f"sqlite:///{db_file}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ADDR": f"127.0.0.1:{port}",
        "WORKER_LOG": str(tmp_path / "worker.log"),
        "CELERY_FILESYSTEM_DIR": str(tmp_path / "celery"),
        "CELERY_CONCURRENCY": "1",
    }  # no DEBUG: make run's default
    server = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "run-dev.sh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    writer = None
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, login_page = _get(f"{base}/accounts/login/")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the development server did not answer"
                time.sleep(0.3)
        assert status == 200

        # A wrong URL: the app's Indonesian 404 page, not Django's debug page.
        status, page = _get(f"{base}/r/garut/tidak-ada/", cookie)
        assert status == 404
        assert "Halaman tidak ditemukan" in page and '<html lang="id"' in page
        assert "URLconf" not in page and "DEBUG = True" not in page
        # Static files are still served, from the source tree (no collectstatic).
        css = re.search(r'href="(/static/[^"]+\.css)"', login_page).group(1)
        assert _get(f"{base}{css}")[0] == 200

        # The books status page while another process writes.
        stop = tmp_path / "stop"
        writer_env = {**env, "PYTHONPATH": str(ROOT)}
        writer = subprocess.Popen(
            [str(BIN / "python"), "-c", WRITER, str(job.pk), str(db_file), str(stop)],
            cwd=ROOT,
            env=writer_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "writing", writer.stderr.read()
        timings = []
        for _ in range(8):
            started = time.monotonic()
            status, page = _get(f"{base}/r/garut/books/status/", cookie)
            timings.append(time.monotonic() - started)
            assert status == 200, page[:2000]
            assert "Ringkasan Eksekutif" in page
        # No request waited for the long read, nor longer than a few of the writer's transactions.
        assert max(timings) < 5, timings
        stop.touch()
        out, err = writer.communicate(timeout=30)
        assert writer.returncode == 0, err
        assert int(out.split()[-1]) >= 5  # the writer committed all along
        with sqlite3.connect(db_file) as check:
            assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        # As Ctrl-C does: the server's process group; the script then stops its worker.
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise

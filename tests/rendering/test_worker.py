"""Books rendered by a REAL Celery worker process through the Redis on 127.0.0.1:6379.

The worker is a subprocess (``celery -A masterplan worker -Q books -P solo``) that must see the
test's data: on PostgreSQL it opens the test database itself; on SQLite (an in-memory test
database, invisible to other processes) the test database is copied to a file and this test's
connection is switched to that file for its duration (``shared_database``).

Each test uses its own Redis key prefix, so parallel test runs on one Redis never take each
other's messages. Where no Redis answers, the tests skip with the reason printed.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from dimensions.models import Program
from masterplan.rendering import services
from masterplan.rendering.models import RenderJob
from tests.rendering.helpers import book_files, pdf_reader, pdf_text

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
State = RenderJob.State


def _redis_url():
    return os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/7"


@pytest.fixture
def redis_broker():
    """The Redis URL and a key prefix of our own; skips (printing why) when no Redis answers."""
    import redis

    url = _redis_url()
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:
        reason = f"no Redis answers at {url} ({exc.__class__.__name__}: {exc}): real Celery worker test not run"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    prefix = f"rendering-test-{uuid.uuid4().hex[:12]}:"
    yield url, prefix
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture
def shared_database(tmp_path):
    """A DATABASE_URL under which a worker subprocess sees this test's (committed) data."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(settings_dict.get("USER") or "")
        password = quote(settings_dict.get("PASSWORD") or "")
        auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or 5432
        yield f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"
        return
    assert connection.vendor == "sqlite", connection.vendor
    if not connection.is_in_memory_db():
        yield f"sqlite:///{settings_dict['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    memory = connection.connection
    copy = sqlite3.connect(path)
    memory.backup(copy)  # schema and reference data of the test database
    copy.close()
    saved_name = settings_dict["NAME"]
    connection.connection = None  # the in-memory database stays open, detached, until we are back
    settings_dict["NAME"] = str(path)
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        settings_dict["NAME"] = saved_name
        connection.connection = memory


@pytest.fixture
def shared_world(shared_database, world):
    """The test world, created in the database the worker sees."""
    return world


@pytest.fixture
def celery_sender(redis_broker):
    """This process sends its tasks to Redis for the duration (as the web process does with a
    broker), then goes back to eager."""
    from masterplan.celery import app

    url, prefix = redis_broker
    saved = {
        "broker_url": app.conf.broker_url,
        "task_always_eager": app.conf.task_always_eager,
        "broker_transport_options": app.conf.broker_transport_options,
    }

    def reset_pools():
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool = None
        app.amqp._producer_pool = None

    reset_pools()
    app.conf.update(broker_url=url, task_always_eager=False, broker_transport_options={"global_keyprefix": prefix})
    yield app
    reset_pools()
    app.conf.update(saved)


class Worker:
    """A `celery worker` subprocess consuming the books queue, logging to a file."""

    def __init__(self, tmp_path, env, name, pool="solo"):
        self.log_path = tmp_path / f"{name}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    str(BIN / "celery"),
                    "-A",
                    "masterplan",
                    "worker",
                    "-Q",
                    "books",
                    "-P",
                    pool,
                    "-c",
                    "1",
                    "--without-mingle",
                    "--without-gossip",
                    "--without-heartbeat",
                    "-l",
                    "INFO",
                    "-n",
                    f"{name}-{uuid.uuid4().hex[:6]}@%h",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one
            )

    @property
    def log(self):
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while "ready." not in self.log:
            assert self.process.poll() is None, f"the worker exited ({self.process.returncode}):\n{self.log}"
            assert time.monotonic() < deadline, f"worker not ready after {timeout} s:\n{self.log}"
            time.sleep(0.2)
        return self

    def kill(self):
        """kill -9: no warm shutdown, no acknowledgement, no cleanup."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def kill_pool_child(self):
        """kill -9 the prefork pool process running the task; the main process lives on."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        assert len(children) == 1, children
        os.kill(int(children[0]), signal.SIGKILL)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def start_worker(tmp_path, redis_broker, shared_database, media_root):
    url, prefix = redis_broker
    workers = []

    def _start(name="worker", pool="solo", **extra_env):
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "DJANGO_SETTINGS_MODULE": "masterplan.settings",
            "SECRET_KEY": "test-only-not-secret",
            "DEBUG": "0",
            "DATABASE_URL": shared_database,
            "MEDIA_ROOT": str(media_root),
            "CELERY_BROKER_URL": url,
            "CELERY_REDIS_KEYPREFIX": prefix,
            **extra_env,
        }
        worker = Worker(tmp_path, env, name, pool)
        workers.append(worker)
        return worker.wait_ready()

    yield _start
    for worker in workers:
        worker.stop()


def wait_for_job(job, states, timeout=120, workers=(), seen=None):
    """Poll the job until its state is one of ``states``; record the (state, progress) seen."""
    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db()
        if seen is not None and (not seen or seen[-1] != (job.state, job.progress)):
            seen.append((job.state, job.progress))
        if job.state in states:
            return job
        logs = "\n".join(w.log for w in workers)
        assert time.monotonic() < deadline, f"job still {job.state} ({job.progress}%) after {timeout} s:\n{logs}"
        time.sleep(0.05)


def wait_for_log(worker, text, timeout=15):
    """True once ``text`` is in the worker's log. The worker logs a task's success after the task
    returns, a moment after the job row says done: reading the log at once can miss it."""
    deadline = time.monotonic() + timeout
    while text not in worker.log:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_real_worker_renders_a_book_through_redis(shared_world, celery_sender, start_worker, books, media_root):
    worker = start_worker()
    mp = shared_world.garut.masterplan
    book = books[3]

    job = services.book_render_request(mp, book, shared_world.garut.diskominfo)
    assert job.state == State.QUEUED  # sent to the broker, not rendered here
    seen = []
    wait_for_job(job, {State.DONE, State.FAILED}, workers=[worker], seen=seen)

    assert job.state == State.DONE, job.error
    assert job.attempts == 1
    assert wait_for_log(worker, f"rendering.book_render[{job.celery_task_id}] succeeded"), worker.log
    assert any(state == State.RENDERING for state, _ in seen) or seen[0][0] == State.DONE
    reader = pdf_reader(job.file.path)
    assert len(reader.pages) == job.page_count
    assert "Garut" in pdf_text(job.file.path)
    assert book_files(media_root) == [media_root / job.file.name]
    # Asked again with nothing changed: the worker's PDF is the answer, nothing is sent.
    assert services.book_render_request(mp, book, shared_world.garut.diskominfo).pk == job.pk


def add_programs(world, n=200):
    """Enough programs that Buku 2 takes seconds to lay out: time to kill a worker in the middle."""
    section = world.garut.env_section
    element = section.dimension.elements.first()
    Program.objects.bulk_create(
        Program(
            section=section,
            element=element,
            name=f"Program uji {i}",
            description="Uraian program yang cukup panjang untuk mengisi tabel. " * 4,
            horizon="medium",
            start_year=2024,
            end_year=2027,
            lead_agency=world.garut.dlh,
            budget=1_000_000,
        )
        for i in range(n)
    )


def wait_until_laying_out(job, worker, pages=8, timeout=120):
    """Until the worker is deep in laying out a long part (page ``pages`` of a task not finished
    yet): the moment to kill. Not at a progress step: that is written as a part ends, when the
    worker is between two tasks, and a kill there loses no task at all, or, when it lands while
    the next message is being fetched, loses that message (kombu's Redis transport)."""
    deadline = time.monotonic() + timeout
    while True:
        job.refresh_from_db()
        assert job.state in (State.QUEUED, State.RENDERING), f"{job.state}: {job.error}\n{worker.log}"
        current = worker.log.rsplit(" received\n", 1)
        if len(current) == 2 and "Task " not in current[1] and f"Creating layout - Page {pages}\n" in current[1]:
            return
        assert time.monotonic() < deadline, worker.log
        time.sleep(0.02)


def assert_whole_pdf_and_nothing_else(job, media_root):
    assert job.state == State.DONE, job.error
    assert job.attempts == 2  # the killed attempt and the one that finished
    assert len(pdf_reader(job.file.path).pages) == job.page_count > 20
    assert book_files(media_root) == [media_root / job.file.name]  # no half-written or .part file


def test_a_worker_killed_mid_render_leaves_no_half_file_and_a_new_worker_finishes_the_job(
    shared_world, celery_sender, start_worker, books, media_root
):
    add_programs(shared_world)
    first = start_worker("first")
    job = services.book_render_request(shared_world.garut.masterplan, books[2], shared_world.garut.diskominfo)
    wait_until_laying_out(job, first)
    first.kill()  # the whole worker, kill -9

    job.refresh_from_db()
    assert job.state == State.RENDERING  # the killed worker could not say anything
    assert not job.file
    assert [p for p in book_files(media_root) if not p.name.endswith(".part")] == []

    # A new worker takes the unacknowledged message again (late acknowledgement: Redis hands it
    # out once its visibility timeout passed, here 1 s) and restarts the job.
    second = start_worker("second", CELERY_VISIBILITY_TIMEOUT="1")
    wait_for_job(job, {State.DONE, State.FAILED}, workers=[second], timeout=180)
    assert_whole_pdf_and_nothing_else(job, media_root)


def test_a_killed_pool_process_is_rejected_and_its_job_redelivered_at_once(
    shared_world, celery_sender, start_worker, books, media_root
):
    """The prefork pool of a real deployment: the process rendering dies (kill -9, as the OOM
    killer does); reject_on_worker_lost puts the message back and the worker's next process
    renders the job again, without waiting for any visibility timeout."""
    add_programs(shared_world)
    worker = start_worker("prefork", pool="prefork")
    job = services.book_render_request(shared_world.garut.masterplan, books[2], shared_world.garut.diskominfo)
    wait_until_laying_out(job, worker)
    worker.kill_pool_child()

    wait_for_job(job, {State.DONE, State.FAILED}, workers=[worker], timeout=180)
    assert "WorkerLostError" in worker.log
    assert_whole_pdf_and_nothing_else(job, media_root)


def test_a_render_past_the_soft_time_limit_ends_failed_with_a_message(
    shared_world, celery_sender, start_worker, books, media_root, monkeypatch
):
    """Soft limit 1 s. Celery puts the task's limits into the message when it is sent, so the
    sender's task carries them (prefork: Celery enforces time limits in pool processes)."""
    from masterplan.rendering.tasks import book_render_task

    monkeypatch.setattr(book_render_task, "soft_time_limit", 1)
    monkeypatch.setattr(book_render_task, "time_limit", 60)
    monkeypatch.setattr(book_render_task, "_exec_options", None)  # re-read the limits above
    add_programs(shared_world)
    worker = start_worker("limited", pool="prefork", BOOK_RENDER_SOFT_TIME_LIMIT="1", BOOK_RENDER_TIME_LIMIT="60")
    job = services.book_render_request(shared_world.garut.masterplan, books[2], shared_world.garut.diskominfo)
    wait_for_job(job, {State.DONE, State.FAILED}, workers=[worker], timeout=120)

    assert job.state == State.FAILED, worker.log
    assert "batas waktu" in job.error  # the message names the limit and what to do
    assert not job.file
    assert book_files(media_root) == []


def test_two_worker_processes_render_a_books_chapters_in_parallel(
    shared_world, celery_sender, start_worker, books, media_root
):
    """Issue 12: the job's task sends a chord, a task per chapter, which both worker processes
    take; the last one done sends the assembly. Then one entry edited: only its chapter is sent."""
    from tests.books.layoutcheck import book_problems

    first, second = start_worker("one"), start_worker("two")
    mp, book = shared_world.garut.masterplan, books[2]
    job = services.book_render_request(mp, book, shared_world.garut.diskominfo)
    wait_for_job(job, {State.DONE, State.FAILED}, workers=[first, second], timeout=240)

    assert job.state == State.DONE, job.error
    chapters = book.chapters.filter(front_matter=False).count()
    assert job.parts_total == job.parts_done == chapters
    assert job.pages_done < job.page_count  # the body's pages; the front matter comes on top
    assert wait_for_log(first, "rendering.book_part_render[") and wait_for_log(second, "rendering.book_part_render[")
    logs = first.log + second.log
    assert logs.count("rendering.book_part_render[") >= 2 * chapters  # received and succeeded, each
    assert wait_for_log(first, "rendering.book_assemble[", 1) or wait_for_log(second, "rendering.book_assemble[")
    pdf = Path(job.file.path).read_bytes()
    assert len(pdf_reader(pdf).pages) == job.page_count
    assert book_problems(pdf) == []
    assert book_files(media_root) == [media_root / job.file.name]

    program = Program.objects.filter(section__masterplan=mp).order_by("pk").first()
    program.output = "Keluaran yang ditulis ulang pada lokakarya."
    program.save()
    again = services.book_render_request(mp, book, shared_world.garut.diskominfo)
    assert again.pk != job.pk
    wait_for_job(again, {State.DONE, State.FAILED}, workers=[first, second], timeout=240)
    assert again.state == State.DONE, again.error
    sent = (first.log + second.log).count("rendering.book_part_render[") - logs.count("rendering.book_part_render[")
    assert 0 < sent < 2 * chapters  # only the chapters that print the program were laid out again
    assert book_problems(Path(again.file.path).read_bytes()) == []

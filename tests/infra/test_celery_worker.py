"""`make run`'s Celery worker is real and needs no server: scripts/celery-worker.sh, started as
scripts/run-dev.sh starts it (CELERY_BROKER_URL=filesystem://), consumes what the web process sends
through kombu's filesystem transport, on every queue the settings route tasks to."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from tests.infra.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _routed_queues():
    routes = getattr(settings, "CELERY_TASK_ROUTES", None) or {}
    queues = {route["queue"] for route in routes.values() if isinstance(route, dict) and "queue" in route}
    return sorted(queues | {"books", "celery"})


def _env(tmp_path):
    """A clean environment like `make run`'s: DEBUG on, filesystem broker, its own folders and DB."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "BIN": str(BIN),
        "DEBUG": "1",
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_FILESYSTEM_DIR": str(tmp_path / "celery"),
        "CELERY_CONCURRENCY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def _wait_for(path, texts, worker, deadline_s=90):
    """Poll the worker log until every text is in it; fail with the log if the worker dies or never does."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        log = path.read_text(errors="replace")
        if all(t in log for t in texts):
            return log
        assert worker.poll() is None, f"the worker exited ({worker.returncode}):\n{log}"
        time.sleep(0.3)
    raise AssertionError(f"not in the worker log after {deadline_s} s: {texts}\n{log}")


def test_make_run_worker_executes_tasks_sent_through_the_filesystem_broker(tmp_path):
    env = _env(tmp_path)
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            [str(ROOT / "scripts" / "celery-worker.sh")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # one process group: main process and pool children stop together
        )
    try:
        _wait_for(log_path, ["ready."], worker)
        queues = _routed_queues()
        # The sender is a separate process with the project's own settings, as the web process is:
        # if it fell back to eager execution, the task would never reach the worker's log.
        sender = subprocess.run(
            [
                str(BIN / "python"),
                "-c",
                "import sys, django; django.setup()\n"
                "from django.conf import settings\n"
                "from masterplan.tasks import ping\n"
                "assert not settings.CELERY_TASK_ALWAYS_EAGER\n"
                "for q in sys.argv[1:]:\n"
                "    print(ping.apply_async(args=['via-' + q], queue=q).id)\n",
                *queues,
            ],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "masterplan.settings"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert sender.returncode == 0, sender.stderr
        task_ids = sender.stdout.split()
        assert len(task_ids) == len(queues)
        log = _wait_for(
            log_path,
            [f"Task masterplan.tasks.ping[{task_id}] succeeded" for task_id in task_ids]
            + [f"'pong via-{q}'" for q in queues],
            worker,
        )
        assert "filesystem://" in log
        # Consumed: no message file is left in the queue folder.
        assert list((tmp_path / "celery" / "queue").iterdir()) == []
    finally:
        if worker.poll() is None:
            worker.terminate()  # warm shutdown; the group is killed only if that hangs
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()


def _sigint_default():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_run_dev_serves_with_a_worker_and_ctrl_c_stops_both(tmp_path):
    import re
    import urllib.request

    port = free_port()
    env = {**_env(tmp_path), "ADDR": f"127.0.0.1:{port}", "WORKER_LOG": str(tmp_path / "worker.log")}
    out_path = tmp_path / "run-dev.out"
    with out_path.open("wb") as out:
        script = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "run-dev.sh")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal's foreground job is
            # ...with Ctrl-C's default action: a background job (the PostgreSQL tier runs as one)
            # inherits SIGINT ignored, and bash cannot trap a signal ignored on entry.
            preexec_fn=_sigint_default,
        )
    try:
        _wait_for(out_path, ["Celery worker: pid"], script)
        worker_pid = int(re.search(r"Celery worker: pid (\d+)", out_path.read_text()).group(1))
        _wait_for(tmp_path / "worker.log", ["ready."], script)
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert script.poll() is None, out_path.read_text()
                assert time.monotonic() < deadline, out_path.read_text()
                time.sleep(0.3)
        assert _pid_alive(worker_pid)

        os.killpg(script.pid, signal.SIGINT)  # what Ctrl-C does to the foreground job
        try:
            code = script.wait(timeout=60)
        except subprocess.TimeoutExpired:
            left = subprocess.run(["ps", "-o", "pid,stat,args", "-s", str(script.pid)], capture_output=True, text=True)
            raise AssertionError(f"still running after Ctrl-C:\n{left.stdout}\n{out_path.read_text()}") from None
        assert code == 0, out_path.read_text()  # Ctrl-C is the normal way to stop: no error
        deadline = time.monotonic() + 30
        while _pid_alive(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _pid_alive(worker_pid), out_path.read_text()
        assert "Stopping the Celery worker" in out_path.read_text()
    finally:
        if script.poll() is None:
            os.killpg(script.pid, signal.SIGKILL)
            script.wait()

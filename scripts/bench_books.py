#!/usr/bin/env python
"""Benchmark of the book renders (a benchmark, not a test): `make bench-books`.

In a scratch SQLite database it seeds the demo (``seed_demo --content-factor K``: the four demo
regions plus ``garut-xK``, the largest demo region with K times its content), then renders the
four books of the largest demo region and of the K-times region, each book in a fresh child
process through the render service (a RenderJob like the app's), and prints per book: pages,
seconds (wall clock, and CPU seconds of the child, which other load on the machine changes
less), pages per second, peak memory of the child (ru_maxrss), SQL queries, and the share of
the time spent collecting data and building HTML against WeasyPrint's layout and PDF writing.

    .venv/bin/python scripts/bench_books.py [--factor 10] [--workdir DIR] [--markdown]

Each child first renders a one-line document, so the figures are those of a warm worker
(fonts loaded), as in a Celery worker process that renders many books.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_env(workdir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "DEBUG": "1",  # seed_demo refuses to run otherwise
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "CELERY_BROKER_URL": "",
        "LOG_LEVEL": "ERROR",
        "ENV_FILE": str(workdir / "no.env"),  # never the developer's .env
    }


def django_setup():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- child: one book ------------------------------------------------------------------------------


def child(slug, number, mode="parts"):
    import resource

    django_setup()
    import weasyprint
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masterplan.books.models import BookDefinition
    from masterplan.books.services import book_html_build
    from masterplan.models import Region
    from masterplan.rendering import services
    from masterplan.selectors import current_masterplan

    weasyprint.HTML(string="<p>warm-up</p>").write_pdf()
    masterplan = current_masterplan(Region.objects.get(slug=slug))
    book = BookDefinition.objects.get(number=number)
    with CaptureQueriesContext(connection) as queries:
        book_html_build(masterplan, book)
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    shutil.rmtree(Path(os.environ["MEDIA_ROOT"]) / "book-parts", ignore_errors=True)  # cold
    job = services.book_render_request(masterplan, book, None, enqueue=False, force=True)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    if mode == "single":  # the book as one WeasyPrint document, as before issue 12
        from masterplan.books.services import book_pdf_render_single

        result = book_pdf_render_single(masterplan, book)
        job.page_count, job.seconds = result.page_count, time.perf_counter() - started
        job.seconds_data, job.seconds_layout = result.seconds_data, result.seconds_layout
        job.file.name, job.is_draft, job.state = "", result.is_draft, job.State.DONE
        size = len(result.pdf)
    else:
        services.book_render(job.pk)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    if mode != "single":
        job.refresh_from_db()
        size = job.file.size if job.file else 0
    if job.state != job.State.DONE:
        print(json.dumps({"error": job.error}))
        return 1
    print(
        json.dumps(
            {
                "region": slug,
                "mode": mode,
                "book": number,
                "title": book.title,
                "pages": job.page_count,
                "seconds": job.seconds,
                "wall": wall,
                "cpu": cpu,
                "seconds_data": job.seconds_data,
                "seconds_layout": job.seconds_layout,
                "queries": len(queries.captured_queries),
                "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "baseline_kb": baseline_kb,
                "bytes": size,
                "draft": job.is_draft,
            }
        )
    )
    return 0


# --- parent ---------------------------------------------------------------------------------------


def run(cmd, env, what):
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{what} failed:\n{result.stdout}\n{result.stderr}")
    return result, time.perf_counter() - started


def content_sizes():
    """Rows of content per region (current masterplan): readiness, gaps, SWOT, strategies, goals,
    programs. One grouped count per kind (joining them all at once would multiply the rows)."""
    from django.db.models import Count

    from dimensions.models import GapItem, Goal, Program, ReadinessItem, Strategy, SwotEntry
    from masterplan.models import Region
    from masterplan.selectors import current_masterplan

    plans = {}
    for region in Region.objects.all():
        mp = current_masterplan(region)
        if mp is not None:
            plans[mp.pk] = region.slug
    sizes = dict.fromkeys(plans.values(), 0)
    for model in (ReadinessItem, GapItem, SwotEntry, Strategy, Goal, Program):
        counts = (
            model.objects.filter(section__masterplan__in=list(plans))
            .values("section__masterplan")
            .annotate(n=Count("pk"))
        )
        for row in counts:
            sizes[plans[row["section__masterplan"]]] += row["n"]
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="content factor of the generated region (default 10)")
    parser.add_argument("--workdir", help="keep the scratch database and PDFs here (default: a temporary folder)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (docs/benchmarks.md)")
    parser.add_argument("--books", default="", help="book numbers to render, e.g. 1,2 (default: every active book)")
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"), help="broker of the workers"
    )
    parser.add_argument("--no-workers", action="store_true", help="only the in-process renders")
    parser.add_argument("--edit-only", action="store_true", help="only the re-render after an edit, on 2 processes")
    parser.add_argument("--child", nargs=3, metavar=("SLUG", "BOOK", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], int(args.child[1]), args.child[2])

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="bench-books-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = bench_env(workdir)
    py = sys.executable
    print(f"Scratch database and PDFs: {workdir}")
    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    _, seconds = run([py, "manage.py", "migrate", "--noinput", "-v", "0"], env, "migrate")
    print(f"migrate: {seconds:.1f} s")
    _, seconds = run([py, "manage.py", "seed_demo", "--content-factor", str(args.factor), "-v", "0"], env, "seed_demo")
    print(f"seed_demo --content-factor {args.factor}: {seconds:.1f} s")

    os.environ.update(env)
    django_setup()
    from django.db import connection

    from masterplan.books.models import BookDefinition

    sizes = content_sizes()
    generated = f"garut-x{args.factor}"
    if generated not in sizes:
        sys.exit(f"seed_demo made no region {generated!r}; regions: {sorted(sizes)}")
    demo = {slug: n for slug, n in sizes.items() if not slug.startswith(("garut-x", "generated-"))}
    base = generated.rsplit("-x", 1)[0]  # the region the generated one multiplies wins a tie
    largest = max(demo, key=lambda slug: (demo[slug], slug == base))
    books = list(BookDefinition.objects.active().order_by("order", "number").values_list("number", flat=True))
    if args.books:
        books = [n for n in books if str(n) in args.books.split(",")]
    connection.close()
    print(f"Content rows: {largest} {sizes[largest]} (largest demo region), {generated} {sizes[generated]}")

    rows = []
    for mode in () if args.edit_only else ("single", "parts"):
        print(f"\nIn one process, {'one WeasyPrint document' if mode == 'single' else 'chapter by chapter'} (cold):")
        for slug in (largest, generated):
            for number in books:
                result, _ = run(
                    [py, str(Path(__file__).resolve()), "--child", slug, str(number), mode],
                    env,
                    f"{slug} Buku {number}",
                )
                row = json.loads(result.stdout.strip().splitlines()[-1])
                rows.append(row)
                print(_line(row), flush=True)
    worker_rows = []
    if not args.no_workers and _redis_answers(args.redis):
        worker_rows = workers_bench(env, args.redis, (largest, generated), books, args.edit_only)

    print()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(
        "Load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f} "
        "(other work on the machine slows every figure)".format(*os.getloadavg())
    )
    print(table_markdown(rows) if args.markdown else "\n".join(_line(r) for r in rows))
    if worker_rows:
        print()
        print(workers_markdown(worker_rows) if args.markdown else "\n".join(_worker_line(r) for r in worker_rows))
    for mode in ("single", "parts"):
        these = [r for r in rows if r["mode"] == mode]
        if not these:
            continue
        total_pages = sum(r["pages"] for r in these)
        total_seconds = sum(r["seconds"] for r in these)
        total_cpu = sum(r["cpu"] for r in these)
        data = sum(r["seconds_data"] for r in these)
        print(
            f"\n{mode}: all {len(these)} books: {total_pages} pages in {total_seconds:.1f} s (CPU {total_cpu:.1f} s) "
            f"({total_pages / total_seconds:.1f} pages/s); data+HTML {100 * data / total_seconds:.1f} % of the time."
        )
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _share(row):
    return 100 * row["seconds_data"] / row["seconds"]


def _line(row):
    return (
        f"{row['mode']:<6} {row['region']:<16} Buku {row['book']} {row['title'][:24]:<24} {row['pages']:>4} pages "
        f"{row['seconds']:>7.2f} s (CPU {row['cpu']:>6.2f} s) {row['pages'] / row['seconds']:>6.1f} p/s "
        f"peak {row['peak_kb'] / 1024:>6.0f} MB (+{(row['peak_kb'] - row['baseline_kb']) / 1024:.0f}) "
        f"data+HTML {row['seconds_data']:.2f} s = {_share(row):4.1f} %  layout+PDF {row['seconds_layout']:.2f} s "
        f"({row['queries']} queries)"
    )


def table_markdown(rows):
    out = [
        "| render | region | book | pages | seconds (wall) | CPU seconds | pages/s | peak memory | data + HTML "
        "| WeasyPrint layout + PDF | PDF size | queries |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(
            f"| {r['mode']} | {r['region']} | Buku {r['book']} {r['title']} | {r['pages']} | "
            f"{r['seconds']:.2f} | {r['cpu']:.2f} | "
            f"{r['pages'] / r['seconds']:.1f} | {r['peak_kb'] / 1024:.0f} MB "
            f"(+{(r['peak_kb'] - r['baseline_kb']) / 1024:.0f}) | "
            f"{r['seconds_data']:.2f} s ({_share(r):.1f} %) | {r['seconds_layout']:.2f} s "
            f"({100 * r['seconds_layout'] / r['seconds']:.1f} %) | {r['bytes'] / 1024:.0f} KB | "
            f"{r['queries']} |"
        )
    return "\n".join(out)


# --- real Celery workers on Redis: cold renders with 1 and 2 worker processes, then an edit -------


class ProcWatch:
    """Samples a worker's processes (the main one and its pool) from /proc every 0.1 s: each
    one's peak resident size (VmHWM) and CPU time, so processes replaced meanwhile still count."""

    def __init__(self, pid):
        import threading

        self.pid, self.peaks, self.cpu, self.first = pid, {}, {}, {}
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _pids(self):
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        except OSError:
            children = []
        return [self.pid, *map(int, children)]

    def sample(self):
        tick = os.sysconf("SC_CLK_TCK")
        for pid in self._pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
            self.peaks[pid] = max(self.peaks.get(pid, 0), hwm)
            used = (int(fields[11]) + int(fields[12])) / tick
            self.first.setdefault(pid, used)
            self.cpu[pid] = used

    def _run(self):
        while not self.stop_event.wait(0.1):
            self.sample()

    def finish(self):
        self.sample()
        self.stop_event.set()
        self.thread.join()
        pool = {pid: kb for pid, kb in self.peaks.items() if pid != self.pid}
        return {
            "cpu": sum(self.cpu[p] - self.first[p] for p in self.cpu),
            "peak_kb": max(pool.values(), default=0),
            "processes": len(pool),
        }


def _start_worker(env, processes, log_path):
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "masterplan",
            "worker",
            "-Q",
            "books",
            "-P",
            "prefork",
            "-c",
            str(processes),
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            "-l",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while "ready." not in log_path.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the worker did not start:\n{log_path.read_text(errors='replace')}")
        time.sleep(0.2)
    return proc


def _render_on_workers(slug, number, watch_pid, force):
    from masterplan.books.models import BookDefinition
    from masterplan.models import Region
    from masterplan.rendering import services
    from masterplan.rendering.models import RenderJob
    from masterplan.selectors import current_masterplan

    masterplan = current_masterplan(Region.objects.get(slug=slug))
    book = BookDefinition.objects.get(number=number)
    cache = Path(os.environ["MEDIA_ROOT"]) / "book-parts"
    before = set(cache.glob("*.pdf")) if cache.exists() else set()
    watch = ProcWatch(watch_pid)
    started = time.perf_counter()
    job = services.book_render_request(masterplan, book, None, force=force)
    while job.state not in (RenderJob.State.DONE, RenderJob.State.FAILED):
        time.sleep(0.05)
        job.refresh_from_db()
    wall = time.perf_counter() - started
    usage = watch.finish()
    if job.state != RenderJob.State.DONE:
        sys.exit(f"{slug} Buku {number} failed on the workers: {job.error}")
    laid_out = len(set(cache.glob("*.pdf")) - before)
    return {"region": slug, "book": number, "pages": job.page_count, "wall": wall, "laid_out": laid_out, **usage}


def _redis_answers(url):
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:
        print(f"\nNo Redis answers at {url} ({exc.__class__.__name__}): the worker runs are skipped.")
        return False
    return True


def workers_bench(env, redis_url, regions, books, edit_only=False):
    """Cold renders (part cache emptied) on a worker of 1, then of 2 prefork processes; then, on
    the 2-process worker, one strategy of each region edited and every book asked for again."""
    import uuid

    from django.db import connection

    from masterplan.celery import app

    prefix = f"bench-books-{uuid.uuid4().hex[:8]}:"
    worker_env = {
        **env,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_REDIS_KEYPREFIX": prefix,
        "CELERY_WORKER_MAX_TASKS_PER_CHILD": "1000",
        "BOOK_RENDER_PARALLEL": "1",
    }
    app.conf.update(
        broker_url=redis_url, task_always_eager=False, broker_transport_options={"global_keyprefix": prefix}
    )
    rows = []
    cache = Path(env["MEDIA_ROOT"]) / "book-parts"
    for processes in (2,) if edit_only else (1, 2):
        print(f"\nCelery worker with {processes} process(es) on {redis_url} (cold: part cache emptied):", flush=True)
        worker = _start_worker(worker_env, processes, Path(env["MEDIA_ROOT"]).parent / f"worker-{processes}.log")
        try:
            for slug in () if edit_only else regions:
                for number in books:
                    shutil.rmtree(cache, ignore_errors=True)
                    row = {"workers": processes, "run": "cold", **_render_on_workers(slug, number, worker.pid, True)}
                    rows.append(row)
                    print(_worker_line(row), flush=True)
            if processes == 2:
                from dimensions.models import Strategy
                from masterplan.models import Region
                from masterplan.selectors import current_masterplan

                # The cold runs emptied the cache before each book: render every book once more
                # (not measured) so that the cache holds them all, as after a day's work.
                for slug in regions:
                    for number in books:
                        _render_on_workers(slug, number, worker.pid, True)
                print("\nOne strategy edited in one dimension of each region, every book asked for again:", flush=True)
                for slug in regions:
                    mp = current_masterplan(Region.objects.get(slug=slug))
                    strategy = Strategy.objects.filter(section__masterplan=mp).order_by("pk").first()
                    strategy.statement += " (direvisi pada lokakarya)"
                    strategy.save()
                    for number in books:
                        row = {
                            "workers": processes,
                            "run": "edit",
                            **_render_on_workers(slug, number, worker.pid, False),
                        }
                        rows.append(row)
                        print(_worker_line(row), flush=True)
        finally:
            os.killpg(worker.pid, 15)
            worker.wait(timeout=60)
            connection.close()
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}*"):  # the queue and the chords' results of this run
        client.delete(key)
    return rows


def _worker_line(row):
    return (
        f"{row['run']:<4} {row['workers']} proc {row['region']:<16} Buku {row['book']} {row['pages']:>4} pages "
        f"{row['wall']:>7.2f} s wall (CPU {row['cpu']:>6.2f} s) peak per process {row['peak_kb'] / 1024:>5.0f} MB "
        f"({row['laid_out']} parts laid out)"
    )


def workers_markdown(rows):
    out = [
        "| run | worker processes | region | book | pages | seconds (wall) | CPU seconds (all processes) "
        "| peak memory per process | parts laid out |",
        "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(
            f"| {r['run']} | {r['workers']} | {r['region']} | Buku {r['book']} | {r['pages']} | {r['wall']:.2f} | "
            f"{r['cpu']:.2f} | {r['peak_kb'] / 1024:.0f} MB | {r['laid_out']} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())

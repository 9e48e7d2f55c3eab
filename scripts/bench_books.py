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


def child(slug, number):
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

    job = services.book_render_request(masterplan, book, None, enqueue=False, force=True)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    services.book_render(job.pk)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    job.refresh_from_db()
    if job.state != job.State.DONE:
        print(json.dumps({"error": job.error}))
        return 1
    print(
        json.dumps(
            {
                "region": slug,
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
                "bytes": job.file.size,
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
    parser.add_argument("--child", nargs=2, metavar=("SLUG", "BOOK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], int(args.child[1]))

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
    connection.close()
    print(f"Content rows: {largest} {sizes[largest]} (largest demo region), {generated} {sizes[generated]}")

    rows = []
    for slug in (largest, generated):
        for number in books:
            result, _ = run(
                [py, str(Path(__file__).resolve()), "--child", slug, str(number)], env, f"{slug} Buku {number}"
            )
            row = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(_line(row), flush=True)

    print()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(
        "Load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f} "
        "(other work on the machine slows every figure)".format(*os.getloadavg())
    )
    print(table_markdown(rows) if args.markdown else "\n".join(_line(r) for r in rows))
    total_pages = sum(r["pages"] for r in rows)
    total_seconds = sum(r["seconds"] for r in rows)
    total_cpu = sum(r["cpu"] for r in rows)
    data = sum(r["seconds_data"] for r in rows)
    print(
        f"\nAll {len(rows)} books: {total_pages} pages in {total_seconds:.1f} s (CPU {total_cpu:.1f} s) "
        f"({total_pages / total_seconds:.1f} pages/s); data+HTML {100 * data / total_seconds:.1f} % of the time."
    )
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _share(row):
    return 100 * row["seconds_data"] / row["seconds"]


def _line(row):
    return (
        f"{row['region']:<16} Buku {row['book']} {row['title'][:24]:<24} {row['pages']:>4} pages "
        f"{row['seconds']:>7.2f} s (CPU {row['cpu']:>6.2f} s) {row['pages'] / row['seconds']:>6.1f} p/s "
        f"peak {row['peak_kb'] / 1024:>6.0f} MB (+{(row['peak_kb'] - row['baseline_kb']) / 1024:.0f}) "
        f"data+HTML {row['seconds_data']:.2f} s = {_share(row):4.1f} %  layout+PDF {row['seconds_layout']:.2f} s "
        f"({row['queries']} queries)"
    )


def table_markdown(rows):
    out = [
        "| region | book | pages | seconds (wall) | CPU seconds | pages/s | peak memory | data + HTML "
        "| WeasyPrint layout + PDF | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(
            f"| {r['region']} | Buku {r['book']} {r['title']} | {r['pages']} | {r['seconds']:.2f} | {r['cpu']:.2f} | "
            f"{r['pages'] / r['seconds']:.1f} | {r['peak_kb'] / 1024:.0f} MB "
            f"(+{(r['peak_kb'] - r['baseline_kb']) / 1024:.0f}) | "
            f"{r['seconds_data']:.2f} s ({_share(r):.1f} %) | {r['seconds_layout']:.2f} s "
            f"({100 * r['seconds_layout'] / r['seconds']:.1f} %) | "
            f"{r['queries']} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())

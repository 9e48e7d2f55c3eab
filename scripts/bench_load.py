#!/usr/bin/env python
"""Load benchmark at national scale (a benchmark, not a test): `make bench-load`.

On PostgreSQL it migrates and seeds ``seed_demo --scale N`` (514 regions for N=510; an already
seeded database is reused), serves the app with gunicorn as docker-compose runs it (DEBUG off,
3 sync workers), then:

1. **One client at a time**: every main page, best of 7 requests after one warm-up, as each
   persona (a region's OPD user, the expert assigned to every region, the coordinator where one
   exists), against the anonymous login page (each request of the page follows one of the login
   page; the factor is against the best of those, so a machine whose speed drifts moves both);
   the page's size. Nothing else runs meanwhile.
2. **Load**: a headless locust run (scripts/bench_load_locust.py) of U simulated people who log
   in as users of random regions and as experts, read the main pages and now and then save an
   entry through the real form (CSRF token, optimistic version field): requests per second,
   p50/p95/p99 per page, errors.

    .venv/bin/python scripts/bench_load.py [--scale 510] [--users 50] [--run-time 60] [--markdown]

The database comes from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/masterplan_bench),
the cache from BENCH_REDIS_URL (REDIS_URL of the server; empty: local memory). The list of pages
is PAGES below: a page whose URL does not resolve in this checkout is skipped with a printed line.
"""

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "masterplan-demo"  # every demo user's (seed_demo)
BEST_OF = 7
LIMIT_FACTOR = 5  # every page within 5x the login page (issue 11)
SIZE_LIMIT_KIB = 200


@dataclass(frozen=True)
class Page:
    """One main page. ``url`` is a URL name reversed with the persona's targets (``args`` name
    them: slug, code, section) or a literal path starting with "/"; ``roles``: the personas
    that read it."""

    name: str
    url: str
    args: tuple[str, ...] = ()
    roles: tuple[str, ...] = ("region", "expert", "coordinator")
    query: str = ""


# Add a page here: it is timed one client at a time and read by the locust users of its roles.
PAGES = [
    Page("dashboard", "dashboard"),
    Page("region", "region_detail", ("slug",)),
    Page("dimensions", "dimension_index", ("slug",)),
    Page("one dimension", "dimension_detail", ("slug", "code")),
    Page("section", "section_workspace", ("slug", "section")),
    Page("progress", "progress_matrix", ("slug",)),
    Page("consistency", "consistency_report", ("slug",)),
    Page("stages", "stage_list", ("slug",)),
    Page("books", "book_list", ("slug",)),
    Page("review queue", "review_queue", roles=("expert",)),
    Page("review queue p2", "review_queue", roles=("expert",), query="page=2"),
    # A parameter the page does not know is never cached: the queue built afresh, as after a write.
    Page("review queue, built", "review_queue", roles=("expert",), query="built=1"),
    Page("notifications", "notification_list"),
    Page("national", "/nasional/", roles=("expert", "coordinator")),
]


def server_env(args, static_root):
    """The environment of docker-compose's web service, on this machine."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CELERY_BROKER_URL": "",
        "HTTPS": "0",  # plain HTTP on the loopback: no redirect, no secure cookies
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(ROOT / "var" / "bench" / "media"),
        "LOG_LEVEL": "WARNING",
        "ENV_FILE": str(ROOT / "var" / "bench" / "no.env"),  # never the developer's .env
    }


APP = ROOT  # the checkout served (--app-dir: another one, e.g. the commit before a change)


def manage(env, *argv, debug=False):
    env = {**env, "DEBUG": "1" if debug else env["DEBUG"]}
    subprocess.run([sys.executable, "manage.py", *argv], cwd=APP, env=env, check=True)


# --- targets: which region, dimension, section and entry each persona reads and writes -------------


def collect_targets(env, scale):
    """Runs in a child process (Django set up on the bench database): JSON on stdout."""
    code = f"""
import json, django
django.setup()
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from dimensions.models import Section, SwotEntry
from masterplan.models import Membership, Region, Role, User

def persona(user, slug, role):
    sections = list(Section.objects.filter(masterplan__region__slug=slug).select_related("agency", "dimension")
                    .order_by("dimension__order", "agency__name"))
    agencies = set(user.memberships.filter(region__slug=slug).values_list("agency_id", flat=True))
    mine = [s for s in sections if s.agency_id in agencies]
    section = (mine or sections)[0]
    return {{"username": user.username, "role": role, "slug": slug, "code": section.dimension.code,
             "section": section.pk}}

out = {{"personas": [], "load": {{"region": [], "expert": [], "coordinator": []}}, "urls": {{}}}}
# Everyone reads the OPD user's dimension and section (what it shows differs: editable or not).
opd = User.objects.get(username="opd-garut")
mine = persona(opd, "garut", "region")
out["personas"].append(mine)
out["personas"].append(dict(mine, username="ahli", role="expert"))
coord = User.objects.filter(username="koordinator").first()
if coord:
    out["personas"].append(dict(mine, username=coord.username, role="coordinator"))

# Load: the OPD user of each region, its own sections (the first editable one gets the writes).
rows = (Membership.objects.filter(role=Role.OPD, user__username__startswith="opd-")
        .values_list("user__username", "region__slug", "agency_id"))
by_agency = {{}}
for s in Section.objects.filter(agency__members__role=Role.OPD).select_related("dimension").order_by("pk"):
    by_agency.setdefault(s.agency_id, []).append(s)
swot = {{}}
for e in SwotEntry.objects.filter(section__agency__members__role=Role.OPD).order_by("pk").values("pk", "section_id"):
    swot.setdefault(e["section_id"], e["pk"])
for username, slug, agency_id in rows:
    secs = by_agency.get(agency_id) or []
    if not secs:
        continue
    editable = [s for s in secs if s.is_editable and s.pk in swot]
    out["load"]["region"].append({{
        "username": username, "slug": slug, "sections": [[s.pk, s.dimension.code] for s in secs],
        "write": [editable[0].pk, swot[editable[0].pk]] if editable else None,
    }})
slugs = list(Region.objects.values_list("slug", flat=True))
out["load"]["expert"] = [{{"username": "ahli", "slugs": slugs}}]
if coord:
    out["load"]["coordinator"] = [{{"username": "koordinator", "slugs": slugs}}]
out["regions"] = len(slugs)

def url_of(page, target):
    if page["url"].startswith("/"):
        try:
            resolve(page["url"])
        except Resolver404:
            return None
        return page["url"]
    args = [target[a] for a in page["args"]]
    try:
        return reverse(page["url"], args=args)
    except NoReverseMatch:
        return None

pages = json.loads({json.dumps(json.dumps([p.__dict__ for p in PAGES]))})
for p in pages:
    out["urls"][p["name"]] = {{}}
    for t in out["personas"]:
        out["urls"][p["name"]][t["role"]] = url_of(p, t)
out["urls"]["login"] = reverse("login")
print(json.dumps(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=APP, env={**env, "DEBUG": "0"}, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"could not read the targets:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- one client at a time ------------------------------------------------------------------------


class Client:
    """A browser of one person: cookies, CSRF, no redirects followed on the login POST."""

    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path):
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=120) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as e:
            body, status = e.read(), e.code
        return status, body, time.perf_counter() - started

    def login(self, username):
        self.get("/accounts/login/")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        data = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        request = urllib.request.Request(
            self.base + "/accounts/login/", data=data.encode(), headers={"Referer": self.base + "/accounts/login/"}
        )
        try:
            self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as e:
            if e.code != 302:
                raise SystemExit(f"login of {username} answered {e.code}") from e
        if not any(c.name == "sessionid" for c in self.jar):
            raise SystemExit(f"login of {username} failed")


def best_of(client, path, n=BEST_OF, against=None):
    """The best of ``n`` requests of the page; with ``against`` (the anonymous client and the login
    page's path), each request follows one of the login page and the page's factor is taken against
    the best of those: a machine whose speed drifts over minutes (a shared VM) moves both alike."""
    client.get(path)  # warm-up: the worker's first request of this page (imports, caches)
    times, login_times = [], []
    for _ in range(n):
        if against is not None:
            login_times.append(against[0].get(against[1])[2])
        status, body, seconds = client.get(path)
        times.append(seconds)
    result = {"status": status, "ms": min(times) * 1000, "kib": len(body) / 1024}
    if login_times:
        result["login_ms"] = min(login_times) * 1000
    return result


def one_client(base, targets):
    anonymous = Client(base)
    login = best_of(anonymous, targets["urls"]["login"], n=15)
    rows = []
    for persona in targets["personas"]:
        client = Client(base)
        client.login(persona["username"])
        for page in PAGES:
            if persona["role"] not in page.roles:
                continue
            path = targets["urls"][page.name].get(persona["role"])
            if path is None:
                print(f"   skipped: {page.name} ({page.url}) does not resolve in this checkout")
                continue
            path += ("?" + page.query) if page.query else ""
            result = best_of(client, path, against=(anonymous, targets["urls"]["login"]))
            rows.append({"page": page.name, "who": persona["username"], "path": path, **result})
    return login, rows


def print_one_client(login, rows, markdown):
    print()
    print(
        f"One client at a time, best of {BEST_OF}, each request after one of the login page; the login page: "
        f'{login["ms"]:.1f} ms, {login["kib"]:.1f} KiB (alone, best of 15). "x login": against the best '
        'login request of the same rounds ("login ms")'
    )
    header = ("page", "as", "path", "status", "ms", "login ms", "x login", "KiB")
    lines = []
    for r in rows:
        factor = r["ms"] / r.get("login_ms", login["ms"])
        flag = " (!)" if factor > LIMIT_FACTOR or r["kib"] > SIZE_LIMIT_KIB or r["status"] != 200 else ""
        lines.append(
            (
                r["page"],
                r["who"],
                f"`{r['path']}`" if markdown else r["path"],
                str(r["status"]),
                f"{r['ms']:.0f}",
                f"{r.get('login_ms', login['ms']):.1f}",
                f"{factor:.1f}x{flag}",
                f"{r['kib']:.0f}",
            )
        )
    table(header, lines, markdown)


def table(header, lines, markdown):
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("| " + " | ".join("---" if i < 3 else "---:" for i in range(len(header))) + " |")
        for line in lines:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*header))
    for line in lines:
        print(fmt.format(*line))


# --- load -------------------------------------------------------------------------------------------


def load_run(base, targets, args, workdir):
    targets_file = workdir / "targets.json"
    targets_file.write_text(json.dumps(targets))
    prefix = workdir / "locust"
    cmd = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(ROOT / "scripts" / "bench_load_locust.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.run_time}s",
        "--stop-timeout",
        "30",
        "--host",
        base,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    env = {**os.environ, "BENCH_TARGETS": str(targets_file), "BENCH_SEED": str(args.seed)}
    started = time.time()
    with open(ROOT / "var" / "log" / "bench-locust.log", "w") as log:
        subprocess.run(cmd, env=env, check=False, stdout=log, stderr=subprocess.STDOUT)
    elapsed = time.time() - started
    with open(f"{prefix}_stats.csv", newline="") as f:
        stats = list(csv.DictReader(f))
    failures = []
    if Path(f"{prefix}_failures.csv").exists():
        with open(f"{prefix}_failures.csv", newline="") as f:
            failures = list(csv.DictReader(f))
    return stats, failures, elapsed


def print_load(stats, failures, args, markdown):
    print()
    print(
        f"Load: {args.users} simulated people (locust, headless, spawn {args.spawn_rate}/s, "
        f"{args.run_time} s, think time 1-3 s between pages)"
    )
    header = ("request", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "avg KiB")
    lines = []
    for row in stats:
        lines.append(
            (
                row["Name"],
                row["Request Count"],
                row["Failure Count"],
                f"{float(row['Requests/s']):.2f}",
                row["50%"],
                row["95%"],
                row["99%"],
                f"{float(row['Max Response Time']):.0f}",
                f"{float(row['Average Content Size']) / 1024:.0f}",
            )
        )
    table(header, lines, markdown)
    for f in failures:
        print(f"   error: {f['Method']} {f['Name']}: {f['Error']} ({f['Occurrences']}x)")


# --- the server ------------------------------------------------------------------------------------


def wait_ready(base, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/accounts/login/", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute (var/log/bench-gunicorn.log)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/masterplan_bench"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", ""))
    parser.add_argument("--scale", type=int, default=510, help="seed_demo --scale N (514 regions for 510)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=2, help="people starting per second")
    parser.add_argument("--run-time", type=int, default=120, help="seconds of load (the ramp included)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (docker-compose: 3)")
    parser.add_argument("--seed", type=int, default=11, help="random seed of the simulated people")
    parser.add_argument("--no-load", action="store_true", help="only the one-client timings")
    parser.add_argument("--app-dir", default=str(ROOT), help="serve this checkout (default: this one)")
    parser.add_argument("--markdown", action="store_true", help="tables for docs/benchmarks.md")
    args = parser.parse_args()
    random.seed(args.seed)
    global APP
    APP = Path(args.app_dir).resolve()

    workdir = ROOT / "var" / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    (ROOT / "var" / "log").mkdir(parents=True, exist_ok=True)
    static_root = workdir / "static"
    env = server_env(args, static_root)
    if subprocess.run([sys.executable, "scripts/service_ready.py", args.database_url], cwd=ROOT).returncode:
        raise SystemExit(f"no PostgreSQL answers at {args.database_url}")
    if args.database_url.startswith("postgres"):
        _create_database(args.database_url)

    t = time.time()
    manage(env, "migrate", "--noinput", "-v", "0", debug=True)
    if not _seeded(env, args.scale):
        print(f"== seed_demo --scale {args.scale} (takes a while the first time) ==", flush=True)
        manage(env, "seed_demo", "--scale", str(args.scale), "-v", "0", debug=True)
    if args.database_url.startswith("postgres"):
        _analyze(args.database_url)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    print(f"== database ready in {time.time() - t:.0f} s ==", flush=True)
    targets = collect_targets(env, args.scale)

    base = f"http://127.0.0.1:{args.port}"
    log = open(ROOT / "var" / "log" / "bench-gunicorn.log", "w")  # noqa: SIM115 (closed below)
    # docker-compose's command, on the loopback.
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "masterplan.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
            "--access-logfile",
            "-",
        ],
        cwd=APP,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_ready(base)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=APP, capture_output=True, text=True)
        load = os.getloadavg()
        print(
            f"== {targets['regions']} regions; gunicorn {args.workers} workers, DEBUG off; commit "
            f"{commit.stdout.strip()}; {os.cpu_count()} CPUs; load average {load[0]:.1f}; "
            f"Python {platform.python_version()}; cache {'Redis' if args.redis_url else 'local memory'} =="
        )
        login, rows = one_client(base, targets)
        print_one_client(login, rows, args.markdown)
        if not args.no_load:
            with tempfile.TemporaryDirectory() as tmp:
                stats, failures, elapsed = load_run(base, targets, args, Path(tmp))
            print_load(stats, failures, args, args.markdown)
            print(f"   (locust ran {elapsed:.0f} s; load average after: {os.getloadavg()[0]:.1f})")
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _create_database(url):
    """CREATE DATABASE when the bench database does not exist yet (the server answers)."""
    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    code = (
        "import sys, psycopg2\n"
        "c = psycopg2.connect(sys.argv[1]); c.autocommit = True; cur = c.cursor()\n"
        "cur.execute('SELECT 1 FROM pg_database WHERE datname = %s', [sys.argv[2]])\n"
        "cur.fetchone() or cur.execute('CREATE DATABASE \"%s\"' % sys.argv[2])\n"
    )
    subprocess.run([sys.executable, "-c", code, admin_url, name], check=True)


def _analyze(url):
    """The planner's statistics, as autovacuum keeps them on a server in service. A server with
    autovacuum off (this VM's) has none after the seed: the planner then guesses a few rows per
    table and picks plans a server in service would not (with statistics, an expert's 514
    memberships were joined to every agency of the country; without, they were not)."""
    code = (
        "import sys, psycopg2\nc = psycopg2.connect(sys.argv[1]); c.autocommit = True; c.cursor().execute('ANALYZE')\n"
    )
    subprocess.run([sys.executable, "-c", code, url], check=True)


def _seeded(env, scale):
    code = (
        "import django; django.setup()\n"
        "from masterplan.models import Region\n"
        f"print(Region.objects.filter(slug='generated-{scale}').exists())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=APP, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().endswith("True")


if __name__ == "__main__":
    main()

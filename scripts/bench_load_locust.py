"""The simulated people of `make bench-load` (scripts/bench_load.py runs this with locust).

A region user logs in as the OPD user of a region of their own (no two people share one, so their
saves never collide on the entry's version), reads that region's main pages and now and then saves
a SWOT entry of their section through the real edit form (CSRF token, every field as the form
sent it, the version field for the optimistic lock). An expert logs in as the expert assigned to
every region and reads the dashboard, the review queue (paged and filtered) and a random region's
pages. The targets (who, which region, section and entry) come from BENCH_TARGETS (JSON written
by bench_load.py); the page names group the statistics.
"""

import itertools
import json
import os
import random
import re
from html.parser import HTMLParser

from locust import HttpUser, between, task

PASSWORD = "masterplan-demo"
TARGETS = json.loads(open(os.environ["BENCH_TARGETS"]).read())  # noqa: SIM115 (read once at import)
RANDOM = random.Random(int(os.environ.get("BENCH_SEED", "11")))
_region_people = list(TARGETS["load"]["region"])
RANDOM.shuffle(_region_people)
REGION_PEOPLE = itertools.cycle(_region_people)
REGION_SLUGS = [p["slug"] for p in TARGETS["load"]["region"]]
NATIONAL = TARGETS["urls"].get("national", {})


class FormParser(HTMLParser):
    """The fields of each form with a POST method (``forms``, in page order): what a browser
    would send back."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.fields = []
        self.in_form = False
        self.textarea = None
        self.select = None
        self.select_first = None
        self.select_chosen = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form = True
            self.fields = []
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, False
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in a:
                self.fields.append((self.select, value))
                self.select_chosen = True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select:
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form = False
            self.forms.append(self.fields)


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def login(self, username):
        response = self.client.get("/accounts/login/", name="login page")
        token = self.client.cookies.get("csrftoken")
        response = self.client.post(
            "/accounts/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/accounts/login/"},
            name="log in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"login of {username}: {response.status_code}")

    def read(self, url, name):
        if url:
            self.client.get(url, name=name)


class RegionUser(Person):
    weight = 4

    def on_start(self):
        self.me = next(REGION_PEOPLE)
        self.slug = self.me["slug"]
        self.login(self.me["username"])

    def section(self):
        return RANDOM.choice(self.me["sections"])

    @task(3)
    def dashboard(self):
        self.read("/", "dashboard")

    @task(2)
    def region(self):
        self.read(f"/r/{self.slug}/", "region")

    @task(3)
    def dimensions(self):
        self.read(f"/r/{self.slug}/dimensions/", "dimensions")

    @task(3)
    def dimension(self):
        self.read(f"/r/{self.slug}/dimensions/{self.section()[1]}/", "one dimension")

    @task(4)
    def section_page(self):
        self.read(f"/r/{self.slug}/sections/{self.section()[0]}/", "section")

    @task(2)
    def progress(self):
        self.read(f"/r/{self.slug}/progress/", "progress")

    @task(1)
    def consistency(self):
        self.read(f"/r/{self.slug}/consistency/", "consistency")

    @task(1)
    def stages(self):
        self.read(f"/r/{self.slug}/stages/", "stages")

    @task(1)
    def books(self):
        self.read(f"/r/{self.slug}/books/", "books")

    @task(1)
    def notifications(self):
        self.read("/notifications/", "notifications")

    @task(1)
    def save_entry(self):
        """Open a SWOT entry's edit form (no JavaScript: the full page) and save it back with a
        changed statement; the answer is the redirect to the workspace."""
        if not self.me["write"]:
            return
        section, entry = self.me["write"]
        url = f"/r/{self.slug}/sections/{section}/swot/{entry}/edit/"
        with self.client.get(url, name="entry edit form", catch_response=True) as page:
            parser = FormParser()
            parser.feed(page.text)
            data = next((dict(f) for f in parser.forms if any(k == "statement" for k, _v in f)), None)
            if data is None:
                page.failure(f"no entry form on the page ({page.status_code})")
                return
        statement = re.sub(r" \[bench \d+\]$", "", data["statement"].strip())
        data["statement"] = f"{statement} [bench {RANDOM.randint(1, 999)}]"
        with self.client.post(
            url,
            data,
            headers={"Referer": self.host + url},
            name="save entry",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"save answered {response.status_code}")


class Expert(Person):
    weight = 1

    def on_start(self):
        self.login(TARGETS["load"]["expert"][0]["username"])

    @task(3)
    def dashboard(self):
        self.read("/", "dashboard")

    @task(4)
    def review_queue(self):
        self.read("/review/", "review queue")

    @task(2)
    def review_queue_page(self):
        self.read(f"/review/?page={RANDOM.randint(2, 5)}", "review queue p2+")

    @task(2)
    def review_queue_region(self):
        self.read(f"/review/?region={RANDOM.choice(REGION_SLUGS)}", "review queue, one region")

    @task(3)
    def region_pages(self):
        slug = RANDOM.choice(REGION_SLUGS)
        self.read(f"/r/{slug}/", "region")
        self.read(f"/r/{slug}/progress/", "progress")

    @task(1)
    def notifications(self):
        self.read("/notifications/", "notifications")

    @task(1)
    def national(self):
        self.read(NATIONAL.get("expert"), "national")

"""Accessibility of the main pages, in the demo, as each role reaches them by clicking.

On every page: axe-core (tests/vendor/axe.min.js) with the WCAG 2.1 A and AA rules finds no
violation of impact "serious" or "critical", the page has a non-empty <title> and exactly one
<h1>. Each role logs in on the login page and tours its pages through the menu and the links on
the pages. Each page is checked at laptop size (1280x800) and again narrowed to a phone
(390x844). The test collects every problem of the tour and prints them all (rule id, help, the
elements' selectors) before failing."""

import re

import pytest
from playwright.sync_api import expect

from . import browse
from .conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = [("laptop", LAPTOP), ("ponsel", PHONE)]

# username, the pages only some roles have
ROLES = [
    ("opd-garut", {"bagian_saya"}),
    ("diskominfo-garut", {"people", "text_editor", "import"}),
    ("ahli", {"people", "review_queue", "withdraw_sign_off"}),
    ("dewan-garut", set()),
    ("admin", {"people", "review_queue"}),
]


class Tour:
    """Clicks through the pages of one role, checking each page it lands on."""

    def __init__(self, page, role):
        self.page, self.role, self.problems, self.seen = page, role, [], []

    def check(self, label):
        """The page at laptop size, then the same page narrowed to a phone (cheaper than a second
        tour; the phone's collapsed menu is clicked through in the journeys)."""
        self.seen.append(label)
        for name, size in SIZES:
            self.page.set_viewport_size(size)
            self.problems += browse.page_problems(self.page, f"{self.role} [{name}]: {label}")
        self.page.set_viewport_size(LAPTOP)

    def heading(self, text):
        expect(self.page.get_by_role("heading", level=1)).to_have_text(text)

    def menu(self, name, heading, label):
        browse.nav(self.page, name)
        self.heading(heading)
        self.check(label)

    def click(self, locator, heading, label):
        locator.click()
        self.heading(heading)
        self.check(label)


def tour(page, username, extras, password):
    t = Tour(page, username)
    p = page
    browse.type_login(p, username, password)
    t.check("beranda")
    t.click(browse.region_link(p, "Kabupaten Garut"), "Kabupaten Garut", "ringkasan daerah")
    t.menu("Dimensi", "Enam dimensi smart city", "indeks dimensi")
    if "bagian_saya" in extras:
        t.menu("Bagian saya", "Enam dimensi smart city", "bagian saya")
    t.click(
        p.get_by_role("link", name="Smart Environment", exact=True).first,
        re.compile("Smart Environment"),
        "halaman dimensi",
    )
    fillers = p.locator("p", has_text="Perangkat daerah yang mengisi")
    t.click(
        fillers.get_by_role("link", name="DLH", exact=True),
        "Smart Environment — Dinas Lingkungan Hidup",
        "ruang kerja bagian",
    )
    t.click(
        p.get_by_role("link", name="Tinjauan dan pengajuan"),
        "Tinjauan Smart Environment — Dinas Lingkungan Hidup",
        "tinjauan bagian",
    )
    t.menu("Progres", "Progres penyusunan", "matriks progres")
    t.menu("Konsistensi", re.compile("Konsistensi|konsistensi"), "laporan konsistensi")
    t.menu("Tahap bimtek", "Tahap bimtek", "tahap bimtek")
    t.click(p.get_by_role("link", name="Tahap I", exact=True), re.compile("^Tahap I "), "rincian tahap")
    if "withdraw_sign_off" in extras:  # the demo's Tahap I is signed off
        t.click(p.get_by_role("link", name="Cabut pengesahan"), "Cabut pengesahan Tahap I?", "cabut pengesahan")
        p.get_by_role("link", name="Batal").click()
        t.heading(re.compile("^Tahap I "))
    if "import" in extras:
        t.click(p.get_by_role("link", name="Impor daftar hadir"), re.compile("^Impor daftar hadir"), "impor peserta")
        p.go_back()
        t.heading(re.compile("^Tahap I "))
    t.click(p.get_by_role("link", name="Lihat daftar peserta"), re.compile("Peserta"), "peserta tahap")
    t.menu("Dokumen", re.compile("Dokumen"), "dokumen")
    t.menu("Perangkat daerah", "Perangkat daerah", "perangkat daerah")
    if "people" in extras:
        t.menu("Pengguna", re.compile("Pengguna"), "pengguna")
    t.menu("Buku", "Buku", "buku")
    t.click(p.get_by_role("link", name="Teks naratif buku"), "Teks naratif buku", "teks naratif")
    if "text_editor" in extras:
        t.click(p.get_by_role("link", name="Tulis / ubah Latar Belakang"), "Latar Belakang", "penyunting teks naratif")
    # Pages of no region (no region menu on them): last.
    if "review_queue" in extras:
        t.menu("Antrean tinjauan", "Antrean tinjauan", "antrean tinjauan")
    t.menu(re.compile("^Notifikasi"), "Notifikasi", "notifikasi")
    browse.logout(p)
    return t


def test_main_pages_of_every_role_pass_axe_on_laptop_and_phone(page, demo):
    page.emulate_media(reduced_motion="reduce")
    page.goto("/accounts/login/")
    t = Tour(page, "tamu")
    t.check("halaman masuk")
    problems, seen = t.problems, {}
    for username, extras in ROLES:
        t = tour(page, username, extras, demo)
        problems += t.problems
        seen[username] = t.seen
    print("Pages checked at 1280 and 390 px wide: " + "; ".join(f"{u}: {len(labels)}" for u, labels in seen.items()))
    # Every role saw every page of its tour (a page that vanished from the menu fails above).
    assert all(len(labels) >= 16 for labels in seen.values()), seen
    report = "\n".join(problems)
    assert not problems, f"{len(problems)} accessibility problem(s):\n{report}"

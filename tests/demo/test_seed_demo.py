"""``seed_demo``: the four regions of the seeds with their dates, content in every dimension, the
demo logins, idempotence, the DEBUG guard, ``--scale`` and ``--content-factor``."""

import itertools
from datetime import date, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.db.models import Count, F
from django.test import TestCase, override_settings
from django.urls import reverse

from bimtek.models import Participant, Stage
from dimensions import rules
from dimensions.consistency import consistency_report
from dimensions.models import (
    SUBCOMPONENTS,
    Element,
    GapItem,
    Goal,
    Indicator,
    Program,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan.models import Masterplan, Membership, Province, Region, User

SLUGS = ["garut", "tegal", "konawe-selatan", "bekasi"]
PASSWORD = "masterplan-demo"
DIMENSIONS = ["governance", "branding", "economy", "living", "society", "environment"]


def seed(**options):
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def model_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def stage(slug, number):
    return Stage.objects.get(masterplan__region__slug=slug, number=number)


class SeedDemoTests(TestCase):
    """The four demo regions, seeded once for the class (each test runs in a savepoint)."""

    @classmethod
    def setUpTestData(cls):
        cls.output = seed()

    def test_four_regions_with_10_to_30_agencies(self):
        regions = Region.objects.filter(slug__in=SLUGS).annotate(n=Count("agencies"))
        self.assertEqual(sorted(r.slug for r in regions), sorted(SLUGS))
        for region in regions:
            self.assertTrue(10 <= region.n <= 30, (region.slug, region.n))
            self.assertTrue(region.agencies.filter(name="Dinas Lingkungan Hidup", acronym="DLH").exists())
            self.assertTrue(region.head_name and region.head_title and region.mou_number and region.mou_date)

    def test_region_profiles_and_masterplan_periods(self):
        expected = {
            "garut": ("Jawa Barat", 2023, 2024, 2033),
            "tegal": ("Jawa Tengah", 2023, 2024, 2033),
            "konawe-selatan": ("Sulawesi Tenggara", 2021, 2022, 2031),
            "bekasi": ("Jawa Barat", 2022, 2023, 2032),
        }
        for slug, (province, cohort, start, end) in expected.items():
            region = Region.objects.get(slug=slug)
            self.assertEqual((region.province.name, region.cohort.year), (province, cohort))
            mp = Masterplan.objects.get(region=region)
            self.assertEqual((mp.period_start, mp.period_end), (start, end))
            self.assertIn(region.name.split()[0], mp.vision)
            self.assertGreaterEqual(len(mp.missions), 4)
        self.assertEqual(Region.objects.get(slug="konawe-selatan").mou_date, date(2021, 5, 20))

    def test_stage_dates_from_the_seeds(self):
        garut_1, garut_2 = stage("garut", 1), stage("garut", 2)
        self.assertEqual((garut_1.start_date, garut_1.end_date), (date(2023, 7, 5), date(2023, 7, 6)))
        self.assertEqual((garut_2.start_date, garut_2.end_date), (date(2023, 7, 31), date(2023, 8, 1)))
        tegal_2 = stage("tegal", 2)
        self.assertEqual((tegal_2.start_date, tegal_2.end_date), (date(2023, 7, 31), date(2023, 8, 1)))
        self.assertIn("Grand Dian", tegal_2.venue)
        konsel_1, konsel_2 = stage("konawe-selatan", 1), stage("konawe-selatan", 2)
        self.assertEqual((konsel_2.start_date, konsel_2.end_date), (date(2021, 9, 23), date(2021, 9, 24)))
        self.assertEqual(konsel_2.start_date - konsel_1.start_date, timedelta(days=7))
        bekasi_1, bekasi_4 = stage("bekasi", 1), stage("bekasi", 4)
        self.assertEqual(bekasi_1.start_date, date(2022, 6, 6))
        self.assertEqual((bekasi_4.end_date.year, bekasi_4.end_date.month), (2022, 10))
        self.assertLess(bekasi_4.end_date - bekasi_1.start_date, timedelta(days=4 * 31 + 7))

    def test_four_stages_in_order_all_past_and_done(self):
        for slug in SLUGS:
            stages = list(Stage.objects.filter(masterplan__region__slug=slug).order_by("number"))
            self.assertEqual([s.number for s in stages], [1, 2, 3, 4])
            for earlier, later in itertools.pairwise(stages):
                self.assertLess(earlier.end_date, later.start_date)
            for s in stages:
                self.assertIn(s.status, {Stage.Status.DONE, Stage.Status.SIGNED_OFF})
                self.assertTrue(s.venue)
                if s.status == Stage.Status.SIGNED_OFF:
                    self.assertEqual(s.signed_off_by.username, "ahli")

    def test_participants_of_every_helix(self):
        for slug in SLUGS:
            helixes = set(
                Participant.objects.filter(stage__masterplan__region__slug=slug).values_list("helix", flat=True)
            )
            self.assertEqual(helixes, {"government", "academia", "business", "community", "media"}, slug)
            for number in (1, 2, 3, 4):
                self.assertGreaterEqual(stage(slug, number).participants.count(), 10)

    def test_each_dimension_assigned_to_2_to_4_agencies(self):
        for slug in SLUGS:
            per_dimension = dict(
                Section.objects.filter(masterplan__region__slug=slug)
                .values_list("dimension__code")
                .annotate(n=Count("id"))
            )
            self.assertEqual(set(per_dimension), set(DIMENSIONS), slug)
            for code, n in per_dimension.items():
                self.assertTrue(2 <= n <= 4, (slug, code, n))

    def test_every_dimension_has_swot_in_all_four_quadrants(self):
        for slug in SLUGS:
            for code in DIMENSIONS:
                quadrants = set(
                    SwotEntry.objects.filter(
                        section__masterplan__region__slug=slug, section__dimension__code=code
                    ).values_list("quadrant", flat=True)
                )
                self.assertEqual(quadrants, {"S", "W", "O", "T"}, (slug, code))
        self.assertFalse(SwotEntry.objects.filter(evidence="").count() == SwotEntry.objects.count())

    def test_readiness_covers_three_components_with_valid_subcomponents(self):
        for slug in SLUGS:
            items = ReadinessItem.objects.filter(section__masterplan__region__slug=slug)
            self.assertEqual(
                set(items.values_list("component", flat=True)), {"struktur", "infrastruktur", "suprastruktur"}
            )
        for component, subcomponent in ReadinessItem.objects.values_list("component", "subcomponent").distinct():
            self.assertIn(subcomponent, SUBCOMPONENTS[component])

    def test_gap_items_use_elements_of_their_dimension(self):
        self.assertTrue(GapItem.objects.exists())
        wrong = GapItem.objects.exclude(element__dimension=F("section__dimension"))
        self.assertFalse(wrong.exists())
        self.assertFalse(GapItem.objects.filter(element__isnull=True).exists())

    def test_strategies_come_from_swot_entries_of_their_quadrants(self):
        strategies = Strategy.objects.prefetch_related("swot_entries")
        self.assertEqual(set(strategies.values_list("kind", flat=True)), {"SO", "WO", "ST", "WT"})
        for strategy in strategies:
            quadrants = {e.quadrant for e in strategy.swot_entries.all()}
            self.assertEqual(quadrants, set(strategy.kind), strategy)
            self.assertTrue(all(e.section_id == strategy.section_id for e in strategy.swot_entries.all()))

    def test_goals_have_indicators_with_yearly_targets(self):
        for slug in SLUGS:
            goals = Goal.objects.filter(section__masterplan__region__slug=slug)
            self.assertEqual(set(goals.values_list("section__dimension__code", flat=True).distinct()), set(DIMENSIONS))
        mp = Masterplan.objects.get(region__slug="garut")
        indicators = list(Indicator.objects.filter(goal__section__masterplan=mp).prefetch_related("targets"))
        self.assertTrue(indicators)
        for indicator in indicators:
            self.assertTrue(indicator.unit)
            self.assertIsNotNone(indicator.baseline)
            self.assertEqual([t.year for t in indicator.targets.all()], mp.years)

    def test_programs_of_every_horizon_inside_the_period(self):
        for slug in SLUGS:
            mp = Masterplan.objects.get(region__slug=slug)
            programs = Program.objects.filter(section__masterplan=mp)
            for code in DIMENSIONS:
                horizons = set(programs.filter(section__dimension__code=code).values_list("horizon", flat=True))
                self.assertEqual(horizons, {"short", "medium", "long"}, (slug, code))
            for program in programs.select_related(
                "section__masterplan", "section__dimension", "lead_agency", "element"
            ):
                program.full_clean()  # years in the period, span fits the horizon, element of the dimension
                self.assertEqual(program.lead_agency.region_id, mp.region_id)
                self.assertGreater(program.budget, 0)
                self.assertTrue(program.output and program.outcome)
        no_funding = Program.objects.annotate(n=Count("funding_sources")).filter(n=0)
        self.assertFalse(no_funding.exists())
        self.assertFalse(Program.objects.annotate(n=Count("strategies")).filter(n=0).exists())
        self.assertTrue(Program.objects.annotate(n=Count("partner_agencies")).filter(n__gt=0).exists())
        self.assertFalse(Program.objects.annotate(n=Count("indicators")).filter(n=0).exists())

    def test_road_map_has_one_entry_per_program_year(self):
        programs = list(Program.objects.prefetch_related("roadmap", "indicators__targets"))
        self.assertTrue(programs)
        for program in programs:
            years = list(range(program.start_year, program.end_year + 1))
            self.assertEqual([e.year for e in program.roadmap.all()], years, program)
            self.assertEqual([t.year for t in program.indicators.all()[0].targets.all()], years)
        entries = list(RoadmapEntry.objects.select_related("program")[:200])
        self.assertTrue(entries)
        for entry in entries:
            entry.full_clean()

    def test_budgets_are_the_sum_of_their_parts(self):
        """Every program's yearly amounts add up to its budget and so does its funding split, to
        the rupiah; the consistency report finds no budget missing or not adding up."""
        programs = list(Program.objects.prefetch_related("roadmap", "funding"))
        for program in programs:
            yearly = [r.amount for r in program.roadmap.all()]
            self.assertTrue(all(a is not None and a >= 0 for a in yearly), program)
            self.assertEqual(rules.amounts_total(yearly), program.budget, program)
            self.assertIsNone(rules.split_error(program.budget, [f.amount for f in program.funding.all()]), program)
        self.assertTrue(any(len(p.funding.all()) > 1 for p in programs))
        for mp in Masterplan.objects.all():
            report = {c.key: c.findings for c in consistency_report(mp)["categories"]}
            self.assertEqual(report["budget_parts"] + report["budget_missing"], [], mp)

    def test_quick_wins_in_every_dimension(self):
        for slug in SLUGS:
            wins = QuickWin.objects.filter(program__section__masterplan__region__slug=slug)
            for code in DIMENSIONS:
                of_dim = wins.filter(program__section__dimension__code=code)
                self.assertGreaterEqual(of_dim.count(), 1, (slug, code))
                self.assertTrue(of_dim.filter(status=QuickWin.Status.CHOSEN).exists(), (slug, code))
        for win in QuickWin.objects.select_related("program"):
            win.full_clean()
            self.assertTrue(rules.quick_win_months_are_valid(win.duration_months), win)  # 6 to 12 months
            self.assertEqual((win.program.horizon, win.program.start_year), ("short", win.program.end_year))
            self.assertTrue(win.problem and win.solution and win.benefits and win.impact_indicator and win.risks)

    def test_garut_has_gerbang_raja_and_garuda(self):
        garut = QuickWin.objects.filter(program__section__masterplan__region__slug="garut").select_related(
            "program__section__dimension", "program__lead_agency"
        )
        gerbang_raja = garut.get(name="Gerbang Raja")
        self.assertEqual(gerbang_raja.program.section.dimension.code, "environment")
        self.assertEqual(gerbang_raja.program.lead_agency.acronym, "DLH")
        garuda = garut.get(name="Garuda")
        self.assertEqual(garuda.program.section.dimension.code, "governance")
        self.assertIn("Garut Satu Data", garuda.program.name)
        self.assertEqual({gerbang_raja.status, garuda.status}, {QuickWin.Status.CHOSEN})

    def test_regions_read_differently(self):
        def statements(slug):
            return set(
                SwotEntry.objects.filter(section__masterplan__region__slug=slug).values_list("statement", flat=True)
            )

        garut, tegal = statements("garut"), statements("tegal")
        self.assertTrue(any("Pasir Bajing" in s for s in garut))
        self.assertTrue(any("Guci" in s for s in tegal))
        self.assertLess(len(garut & tegal) / len(garut), 0.9)

    def test_garut_is_the_largest_demo_region(self):
        sizes = {
            slug: sum(m.objects.filter(section__masterplan__region__slug=slug).count() for m in (SwotEntry, Program))
            + Region.objects.get(slug=slug).agencies.count()
            for slug in SLUGS
        }
        self.assertEqual(max(sizes, key=sizes.get), "garut")

    def test_all_demo_users_log_in_with_the_demo_password(self):
        regional = [f"{role}-{slug}" for slug in SLUGS for role in ("diskominfo", "opd", "dewan")]
        usernames = ["admin", "ahli", "koordinator", *regional]
        self.assertEqual(set(User.objects.values_list("username", flat=True)), set(usernames))
        for username in usernames:
            self.assertTrue(self.client.login(username=username, password=PASSWORD), username)
            self.client.logout()
            user = User.objects.get(username=username)
            self.assertTrue(user.get_full_name() and user.email.endswith("example.go.id"))
        self.assertFalse(self.client.login(username="opd-garut", password="wrong-password"))

    def test_roles_of_the_demo_users(self):
        admin = User.objects.get(username="admin")
        self.assertTrue(admin.is_superuser and admin.is_staff)
        # The coordinator is national: the flag, no membership, no administrator rights.
        coordinator = User.objects.get(username="koordinator")
        self.assertTrue(coordinator.is_coordinator)
        self.assertFalse(coordinator.is_superuser or coordinator.is_staff or coordinator.memberships.exists())
        self.assertEqual(
            sorted(
                Membership.objects.filter(user__username="ahli", role="expert").values_list("region__slug", flat=True)
            ),
            sorted(SLUGS),
        )
        for slug in SLUGS:
            self.assertTrue(
                Membership.objects.filter(
                    user__username=f"diskominfo-{slug}", region__slug=slug, role="diskominfo"
                ).exists()
            )
            self.assertTrue(
                Membership.objects.filter(user__username=f"dewan-{slug}", region__slug=slug, role="dewan").exists()
            )
            self.assertEqual(Membership.objects.filter(user__username__endswith=f"-{slug}").count(), 3)

    def test_opd_garut_is_dinas_lingkungan_hidup_with_environment_and_one_more(self):
        membership = Membership.objects.select_related("agency").get(user__username="opd-garut")
        self.assertEqual((membership.role, membership.region.slug), ("opd", "garut"))
        self.assertEqual(membership.agency.name, "Dinas Lingkungan Hidup")
        codes = sorted(membership.agency.sections.values_list("dimension__code", flat=True))
        self.assertEqual(codes, ["environment", "living"])
        # opd-garut's sections stay open so the demo journeys can edit and submit them.
        self.assertEqual(set(membership.agency.sections.values_list("state", flat=True)), {Section.State.DRAFT})
        # What DLH wrote is recorded as written by opd-garut, in the history too.
        program = Program.objects.get(name__startswith="Gerbang Raja")
        self.assertEqual(program.created_by, membership.user)
        self.assertEqual(program.history.get().history_user, membership.user)

    def test_sections_in_every_review_state_in_garut_all_approved_in_bekasi(self):
        garut_states = set(Section.objects.filter(masterplan__region__slug="garut").values_list("state", flat=True))
        self.assertEqual(garut_states, set(Section.State.values))
        bekasi_states = set(Section.objects.filter(masterplan__region__slug="bekasi").values_list("state", flat=True))
        self.assertEqual(bekasi_states, {Section.State.APPROVED})

    def test_review_log_behind_the_section_states(self):
        transition = apps.get_model("review", "SectionTransition")
        comment = apps.get_model("review", "ReviewComment")
        sections = list(Section.objects.filter(masterplan__region__slug__in=SLUGS))
        self.assertTrue(sections)
        for section in sections:
            kinds = list(transition.objects.filter(section=section).order_by("at", "pk").values_list("kind", flat=True))
            expected = {
                Section.State.DRAFT: [],
                Section.State.SUBMITTED: ["submit"],
                Section.State.APPROVED: ["submit", "approve"],
                Section.State.CHANGES_REQUESTED: ["submit", "request_changes"],
            }[section.state]
            self.assertEqual(kinds, expected, section)
            open_comments = comment.objects.filter(section=section, resolved_at__isnull=True)
            if section.state == Section.State.CHANGES_REQUESTED:
                self.assertEqual(open_comments.get().entry.section_id, section.pk)
            else:
                self.assertFalse(open_comments.exists())

    def test_demo_logins_see_their_region_and_not_another(self):
        self.client.login(username="opd-garut", password=PASSWORD)
        self.assertEqual(self.client.get(reverse("dashboard")).status_code, 200)
        self.assertEqual(self.client.get(reverse("region_detail", args=["garut"])).status_code, 200)
        self.assertEqual(self.client.get(reverse("region_detail", args=["tegal"])).status_code, 404)
        self.client.logout()
        self.client.login(username="ahli", password=PASSWORD)
        for slug in SLUGS:
            self.assertEqual(self.client.get(reverse("region_detail", args=[slug])).status_code, 200, slug)

    def test_history_rows_include_m2m_snapshots(self):
        program = Program.objects.filter(partner_agencies__isnull=False).distinct().first()
        record = program.history.get()
        self.assertEqual(
            {row.agency_id for row in record.partner_agencies.all()},
            set(program.partner_agencies.values_list("pk", flat=True)),
        )
        strategy = Strategy.objects.first()
        self.assertEqual(
            {row.swotentry_id for row in strategy.history.get().swot_entries.all()},
            set(strategy.swot_entries.values_list("pk", flat=True)),
        )

    def test_prints_the_logins(self):
        for username in ("admin", "ahli", "diskominfo-garut", "opd-garut", "dewan-bekasi", "opd-konawe-selatan"):
            self.assertIn(username, self.output)
        self.assertIn(PASSWORD, self.output)
        self.assertIn("Perwakilan OPD (DLH)", self.output)
        self.assertIn("Kabupaten Konawe Selatan", self.output)

    def test_running_twice_changes_nothing(self):
        before = model_counts()
        seed()
        self.assertEqual(model_counts(), before)

    def test_second_run_gives_the_demo_password_back_and_keeps_edits(self):
        user = User.objects.get(username="diskominfo-tegal")
        user.set_password("something-else-123")
        user.save()
        region = Region.objects.get(slug="tegal")
        region.head_name = "Nama yang diubah di demo"
        region.save()
        seed()
        self.assertTrue(self.client.login(username="diskominfo-tegal", password=PASSWORD))
        region.refresh_from_db()
        self.assertEqual(region.head_name, "Nama yang diubah di demo")


@pytest.mark.django_db
def test_demo_password_works_with_the_production_hasher(client, settings):
    """The demo password is hashed once per run with a fixed salt; that hash must log in with the
    default PBKDF2 hasher and must not be re-hashed on login (else every login would change it)."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]
    from masterplan.demo.builder import demo_staff_users

    admin, _expert = demo_staff_users()
    stored = admin.password
    assert stored.startswith("pbkdf2_sha256$")
    assert client.login(username="admin", password=PASSWORD)
    admin.refresh_from_db()
    assert admin.password == stored


@pytest.mark.django_db
def test_refuses_to_run_when_debug_is_off():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())
    assert not Region.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_scale_adds_generated_regions_of_the_same_shape():
    seed(scale=2)
    generated = Region.objects.filter(slug__startswith="generated-").order_by("slug")
    assert [r.slug for r in generated] == ["generated-1", "generated-2"]
    assert Region.objects.count() == 6
    # Spread over the shipped provinces in code order (the n-th), not over the demo's few.
    shipped = list(Province.objects.order_by("code").values_list("name", flat=True))
    assert [r.province.name for r in generated] == shipped[1:3] == ["Sumatera Utara", "Sumatera Barat"]
    for region in generated:
        assert region.full_name.startswith("Kabupaten Contoh")
        assert region.province.code and region.province.regions.filter(pk=region.pk).exists()
        assert region.cohort.regions.filter(pk=region.pk).exists()
        assert 10 <= region.agencies.count() <= 30
        for code in DIMENSIONS:
            entries = SwotEntry.objects.filter(section__masterplan__region=region, section__dimension__code=code)
            assert set(entries.values_list("quadrant", flat=True)) == {"S", "W", "O", "T"}
            programs = Program.objects.filter(section__masterplan__region=region, section__dimension__code=code)
            assert set(programs.values_list("horizon", flat=True)) == {"short", "medium", "long"}
            assert QuickWin.objects.filter(program__in=programs).exists()
        assert Membership.objects.filter(
            region=region, user__username=f"opd-{region.slug}", agency__acronym="DLH"
        ).exists()
    before = model_counts()
    seed(scale=2)
    assert model_counts() == before


@pytest.mark.django_db
def test_content_factor_multiplies_the_largest_region():
    seed(content_factor=3)
    big = Region.objects.get(slug="garut-x3")
    assert big.agencies.count() == Region.objects.get(slug="garut").agencies.count()
    for model in (ReadinessItem, GapItem, SwotEntry, Strategy, Goal, Program):
        garut = model.objects.filter(section__masterplan__region__slug="garut").count()
        assert garut, model  # else "three times as many" holds with none
        assert model.objects.filter(section__masterplan__region=big).count() == 3 * garut, model
    garut_wins = QuickWin.objects.filter(program__section__masterplan__region__slug="garut").count()
    assert garut_wins
    assert QuickWin.objects.filter(program__section__masterplan__region=big).count() == 3 * garut_wins
    garut_roadmap = RoadmapEntry.objects.filter(program__section__masterplan__region__slug="garut").count()
    assert garut_roadmap
    assert RoadmapEntry.objects.filter(program__section__masterplan__region=big).count() == 3 * garut_roadmap
    for program in Program.objects.filter(section__masterplan__region=big).prefetch_related("roadmap", "funding"):
        assert rules.amounts_total(r.amount for r in program.roadmap.all()) == program.budget
        assert rules.split_error(program.budget, [f.amount for f in program.funding.all()]) is None
    # The copies are told apart by sub-area, so a book does not print the same line three times.
    names = list(Program.objects.filter(section__masterplan__region=big).values_list("name", flat=True))
    assert len(set(names)) == len(names)
    # Its texts still speak of Garut; only the region's own name says what it is.
    assert big.name == "Garut x3"
    assert Program.objects.filter(section__masterplan__region=big, name__contains="Garut").exists()
    assert not Program.objects.filter(section__masterplan__region=big, name__contains="x3").exists()
    before = model_counts()
    seed(content_factor=3)
    assert model_counts() == before


@pytest.mark.django_db
def test_every_element_code_of_the_texts_exists_in_its_dimension():
    from masterplan.demo import content

    assert set(content.DIMENSIONS) == set(DIMENSIONS)
    elements = dict(Element.objects.values_list("code", "dimension__code"))
    for dim_code, pool in content.DIMENSIONS.items():
        for key in ("gaps", "programs", "quick_wins"):
            assert pool[key], (dim_code, key)
            for x in pool[key]:
                assert elements[x.element] == dim_code, (dim_code, x)


def test_demo_books_have_their_narrative_texts(db):
    """The demo's books print forewords and an introduction, not 'not written yet' placeholders."""
    from django.core.management import call_command
    from django.test import override_settings

    from masterplan.books.models import NarrativeText

    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    texts = NarrativeText.objects.filter(masterplan__region__slug="garut")
    assert texts.filter(key="kata_pengantar_kepala_daerah", html__contains="Garut").exists()
    assert texts.count() >= 10


@pytest.mark.parametrize("name", ["seed_demo", "render_books"])
def test_command_help_is_readable(name):
    """`manage.py <command> --help` prints the Indonesian help (argparse needs plain strings)."""
    command = load_command_class("masterplan" if name == "seed_demo" else "masterplan.rendering", name)
    text = command.create_parser("manage.py", name).format_help()
    assert "usage: manage.py" in text
    assert "daerah" in text

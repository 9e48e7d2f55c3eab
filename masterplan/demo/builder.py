"""The service that writes the demo: regions, agencies, masterplan, stages, dimension assignments,
what agencies wrote, users and their roles.

Idempotent by natural keys: a region by slug, an agency by (region, name), the masterplan by region,
a stage by (masterplan, number), a section by (masterplan, agency, dimension), a user by username,
a membership by (user, region). What exists is left as it is (people may have edited it in the
demo); only what is missing is created. A section's entries and a stage's participants are written
only when it has none. The demo users get the demo password back on every run.

Entries are written with ``bulk_create`` (plus their history rows, m2m history included), so the
four regions take a few seconds, not minutes."""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as dtime
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from bimtek.models import Participant, Stage
from dimensions.kinds import SECTION_KINDS
from dimensions.models import (
    Dimension,
    Element,
    FundingSource,
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan.books.demo_texts import narrative_texts_demo_seed
from masterplan.formats import format_fixed, format_id_decimal
from masterplan.models import Agency, Cohort, Masterplan, Membership, Province, Region, Role

from . import content as c
from .regions import DEMO_REGIONS, generated_region_spec, multiplied_region_spec

DEMO_PASSWORD = "masterplan-demo"
# A fixed salt makes the hash of the (public) demo password the same on every run, so a run can
# tell cheaply whether a demo user still has it, without hashing once per user.
_DEMO_SALT = "masterplanDemoSeedSalt2024"

User = get_user_model()


@dataclass
class Login:
    username: str
    role: str
    region: str
    password: str = DEMO_PASSWORD


@dataclass
class RegionResult:
    region: Region
    created: bool
    sections_filled: int = 0
    logins: list = field(default_factory=list)


@dataclass
class SeedResult:
    regions: list  # RegionResult
    logins: list  # Login
    seconds: float


# ----------------------------------------------------------------------------------------------
# Entry points


def demo_seed(*, scale=0, content_factor=None):
    """Create (or complete) the four demo regions, ``scale`` generated regions and, when
    ``content_factor`` is given, one region with that many times the content of the largest."""
    started = time.monotonic()
    specs = list(DEMO_REGIONS)
    if scale:
        provinces = list(Province.objects.order_by("code").values_list("name", flat=True))
        specs += [generated_region_spec(n, provinces) for n in range(1, scale + 1)]
    if content_factor:
        specs.append(multiplied_region_spec(content_factor))

    ctx = _Context()
    with transaction.atomic():
        _admin, expert = demo_staff_users(ctx)
    results = []
    for spec in specs:
        with transaction.atomic():
            results.append(demo_region_build(spec, expert=expert, ctx=ctx))
    logins = [
        Login("admin", gettext("Administrator situs"), gettext("semua daerah")),
        Login("ahli", str(Role.EXPERT.label), gettext("%(n)d daerah") % {"n": len(specs)}),
        Login("koordinator", gettext("Koordinator Program Kominfo"), gettext("semua daerah (hanya baca)")),
    ]
    for r in results:
        logins += r.logins
    return SeedResult(regions=results, logins=logins, seconds=time.monotonic() - started)


def demo_staff_users(ctx=None):
    """The site administrator ``admin``, the Kominfo expert ``ahli`` and the programme coordinator
    ``koordinator`` (national: no membership, sees every region)."""
    ctx = ctx or _Context()
    admin = _demo_user(ctx, "admin", "Administrator", "Sistem", is_staff=True, is_superuser=True)
    expert = _demo_user(ctx, "ahli", "Rina", "Kusumawati, M.T.")
    _demo_user(ctx, "koordinator", "Agus", "Prasetyo, M.Kom.", is_coordinator=True)
    return admin, expert


def demo_region_build(spec, *, expert, ctx=None):
    """Create what is missing of one region described by ``spec`` (a regions.RegionSpec)."""
    ctx = ctx or _Context()
    region, created = Region.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "kind": spec.kind,
            "name": spec.name,
            "province": ctx.province(spec.province),
            "head_name": spec.head_name,
            "head_title": spec.head_title,
            "cohort": ctx.cohort(spec.cohort_year),
            "mou_number": spec.mou_number,
            "mou_date": spec.mou_date,
        },
    )
    agencies = _agencies(spec, region)
    masterplan = region.masterplans.order_by("-period_start").first()
    if masterplan is None:
        masterplan = Masterplan.objects.create(
            region=region,
            period_start=spec.period_start,
            period_end=spec.period_end,
            vision=spec.vision,
            mission="\n".join(spec.missions),
        )
    result = RegionResult(region=region, created=created)
    users = _region_users(spec, region, agencies, expert, ctx, result)
    _stages(spec, masterplan, agencies, expert)
    sections, new_sections = _sections(spec, masterplan, agencies, ctx)
    result.sections_filled = _ContentWriter(spec, masterplan, agencies, sections, users, ctx).write()
    _review_log(new_sections, users, expert)
    # Written with bulk_create (no signals): a new figures token, as a save would have given it.
    Masterplan.objects.filter(pk=masterplan.pk).update(figures_token=uuid.uuid4())
    narrative_texts_demo_seed(masterplan)  # forewords and introduction, so the demo books read finished
    return result


# ----------------------------------------------------------------------------------------------
# Region structure


class _Context:
    """What every region needs, loaded once per run."""

    def __init__(self):
        self._dimensions = None
        self._elements = None
        self._funding = None
        self._password = None
        self._provinces = None
        self._cohorts = {}

    def province(self, name):
        """The shipped province of that name (case aside); a demo spec naming no real province fails."""
        if self._provinces is None:
            self._provinces = {p.name.lower(): p for p in Province.objects.all()}
        return self._provinces[name.lower()]

    def cohort(self, year):
        if year not in self._cohorts:
            self._cohorts[year], _created = Cohort.objects.get_or_create(year=year)
        return self._cohorts[year]

    @property
    def dimensions(self):
        if self._dimensions is None:
            self._dimensions = {d.code: d for d in Dimension.objects.all()}
        return self._dimensions

    @property
    def elements(self):
        if self._elements is None:
            self._elements = {e.code: e for e in Element.objects.all()}
        return self._elements

    @property
    def funding(self):
        if self._funding is None:
            self._funding = {f.code: f for f in FundingSource.objects.all()}
        return self._funding

    @property
    def password(self):
        if self._password is None:
            self._password = make_password(DEMO_PASSWORD, salt=_DEMO_SALT)
        return self._password


def _demo_user(ctx, username, first_name, last_name, *, is_staff=False, is_superuser=False, is_coordinator=False):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.go.id",
            "is_staff": is_staff,
            "is_superuser": is_superuser,
            "is_coordinator": is_coordinator,
            "password": ctx.password,
        },
    )
    if not created:
        # Give the demo logins back: password, active, and the admin's rights. Nothing else.
        changed = {
            "password": ctx.password,
            "is_active": True,
            **({"is_staff": True, "is_superuser": True} if is_superuser else {}),
            **({"is_coordinator": True} if is_coordinator else {}),
        }
        changed = {k: v for k, v in changed.items() if getattr(user, k) != v}
        if changed:
            for k, v in changed.items():
                setattr(user, k, v)
            user.save(update_fields=list(changed))
    return user


def _agencies(spec, region):
    existing = {a.name: a for a in region.agencies.all()}
    by_key, missing = {}, []
    for key in spec.agency_keys:
        name, acronym = spec.agency(key)
        agency = existing.get(name)
        if agency is None:
            agency = Agency(region=region, name=name, acronym=acronym)
            missing.append(agency)
        by_key[key] = agency
    _bulk_with_history(Agency, missing)
    return by_key


def _region_users(spec, region, agencies, expert, ctx, result):
    """``diskominfo-S``, ``opd-S`` (Dinas Lingkungan Hidup) and ``dewan-S``; the expert joins too."""
    users = {}
    roles = (
        ("diskominfo", Role.DISKOMINFO, None),
        ("opd", Role.OPD, agencies["dlh"]),
        ("dewan", Role.DEWAN, None),
    )
    existing = {m.user_id: m for m in region.memberships.all()}
    new = []
    for key, role, agency in roles:
        person = spec.people[key]
        user = _demo_user(ctx, f"{key}-{spec.slug}", person.first_name, person.last_name)
        users[key] = user
        if user.pk not in existing:
            new.append(Membership(user=user, region=region, role=role, agency=agency))
        label = str(role.label) + (f" ({agency.acronym})" if agency else "")
        result.logins.append(Login(user.username, label, spec.full_name))
    if expert.pk not in existing:
        new.append(Membership(user=expert, region=region, role=Role.EXPERT))
    _bulk_with_history(Membership, new)
    return users


def _stages(spec, masterplan, agencies, expert):
    existing = {s.number: s for s in masterplan.stages.all()}
    new = []
    for st in spec.stages:
        if st.number in existing:
            continue
        signed = st.status == Stage.Status.SIGNED_OFF
        stage = Stage(
            masterplan=masterplan,
            number=st.number,
            start_date=st.start,
            end_date=st.end,
            venue=st.venue,
            status=st.status,
            notes=st.notes,
            signed_off_by=expert if signed else None,
            # Signed a week after the workshop, at ten in the morning.
            signed_off_at=timezone.make_aware(datetime.combine(st.end, dtime(10, 0))) + timedelta(days=7)
            if signed
            else None,
        )
        new.append(stage)
        existing[st.number] = stage
    _bulk_with_history(Stage, new)
    have_participants = set(
        Participant.objects.filter(stage__masterplan=masterplan).values_list("stage_id", flat=True).distinct()
    )
    participants = []
    for st in spec.stages:
        stage = existing[st.number]
        if stage.pk not in have_participants and st.status != Stage.Status.PLANNED:
            participants += _participants(spec, stage, agencies)
    Participant.objects.bulk_create(participants, batch_size=500)


def _participants(spec, stage, agencies):
    """A dozen or more people per stage; later stages bring more academia, business, community and
    media, as the experts asked for."""
    rng = random.Random(f"{spec.slug}|participants|{stage.number}")
    facts = _facts(spec)
    first_names, last_names = c.NAME_POOLS[spec.name_pool]
    outside = {1: 2, 2: 3, 3: 5, 4: 6}[stage.number]
    helixes = ["government"] * (10 + stage.number) + [
        ["academia", "business", "community", "media"][i % 4] for i in range(outside)
    ]
    agency_list = list(agencies.values())
    people, used = [], set()
    for i, helix in enumerate(helixes):
        while True:
            name = f"{rng.choice(first_names)} {rng.choice(last_names)}"
            if name not in used:
                used.add(name)
                break
        if helix == "government":
            if i == 0:
                institution, position = "Kementerian Komunikasi dan Informatika", "Tenaga Ahli Smart City"
            else:
                agency = agency_list[(i * 7 + stage.number) % len(agency_list)]
                institution = f"{agency.name} {spec.full_name}"
                position = rng.choice(
                    ("Kepala Bidang", "Sekretaris", "Analis Kebijakan", "Perencana", "Pranata Komputer")
                )
        else:
            template, position = rng.choice(c.HELIX_INSTITUTIONS[helix])
            institution = template.format(**facts)
        email = ""
        if helix == "government" and i:
            email = f"{name.lower().replace(' ', '.')}@example.go.id"
        people.append(
            Participant(
                stage=stage, name=name, institution=institution[:200], position=position, helix=helix, email=email
            )
        )
    return people


_IN_PROGRESS_STATES = (
    Section.State.APPROVED,
    Section.State.APPROVED,
    Section.State.SUBMITTED,
    Section.State.APPROVED,
    Section.State.CHANGES_REQUESTED,
    Section.State.DRAFT,
    Section.State.SUBMITTED,
)


def _sections(spec, masterplan, agencies, ctx):
    """The sections by dimension code, each a list of (agency key, Section) in assignment order."""
    existing = {(s.agency_id, s.dimension_id): s for s in masterplan.sections.all()}
    result, new, i = {}, [], 0
    for dim_code, keys in spec.assignments.items():
        dim = ctx.dimensions[dim_code]
        result[dim_code] = []
        for key in keys:
            agency = agencies[key]
            section = existing.get((agency.pk, dim.pk))
            if section is None:
                if spec.section_plan == "approved":
                    state = Section.State.APPROVED
                elif key == "dlh":  # opd-S works here: keep it open for the demo journeys
                    state = Section.State.DRAFT
                else:
                    state = _IN_PROGRESS_STATES[i % len(_IN_PROGRESS_STATES)]
                    i += 1
                section = Section(masterplan=masterplan, agency=agency, dimension=dim, state=state)
                new.append(section)
            result[dim_code].append((key, section))
    Section.objects.bulk_create(new, batch_size=500)
    return result, new


_REVIEW_NOTES = {
    "submit": "Diajukan oleh sekretariat Tim Pelaksana atas nama {agency} setelah diskusi kelompok bimtek.",
    "approve": "Sudah sesuai dengan hasil diskusi dan data dukung; disetujui.",
    "request_changes": "Mohon lengkapi data dukung (sumber dan tahun data) dan pertajam indikator program.",
}
_REVIEW_COMMENT = (
    "Pernyataan ini perlu data dukung yang jelas: sebutkan sumber dan tahun datanya, misalnya dokumen "
    "Renstra atau data BPS."
)


def _review_log(sections, users, expert):
    """The review history behind the demo states: a submission for every section past draft, the
    expert's approval or request for changes, and for the latter an open comment on one entry.
    Written for newly created sections only, and only where the review app is installed."""
    if not sections or not apps.is_installed("dimensions.review"):
        return
    transition_model = apps.get_model("review", "SectionTransition")
    comment_model = apps.get_model("review", "ReviewComment")
    kinds = transition_model.Kind
    submitter = users["diskominfo"]
    transitions, commented = [], []
    for section in sections:
        if section.state == Section.State.DRAFT:
            continue
        submit_note = _REVIEW_NOTES["submit"].format(agency=section.agency.name)
        transitions.append(
            transition_model(
                section=section,
                kind=kinds.SUBMIT,
                from_state=Section.State.DRAFT,
                to_state=Section.State.SUBMITTED,
                actor=submitter,
                note=submit_note,
            )
        )
        if section.state == Section.State.APPROVED:
            transitions.append(
                transition_model(
                    section=section,
                    kind=kinds.APPROVE,
                    from_state=Section.State.SUBMITTED,
                    to_state=Section.State.APPROVED,
                    actor=expert,
                    note=_REVIEW_NOTES["approve"],
                )
            )
        elif section.state == Section.State.CHANGES_REQUESTED:
            transitions.append(
                transition_model(
                    section=section,
                    kind=kinds.REQUEST_CHANGES,
                    from_state=Section.State.SUBMITTED,
                    to_state=Section.State.CHANGES_REQUESTED,
                    actor=expert,
                    note=_REVIEW_NOTES["request_changes"],
                )
            )
            commented.append(section)
    transition_model.objects.bulk_create(transitions, batch_size=500)
    entries = {}
    for entry in SwotEntry.objects.filter(section__in=commented).order_by("pk"):
        entries.setdefault(entry.section_id, entry)
    swot_type = ContentType.objects.get_for_model(SwotEntry)
    comment_model.objects.bulk_create(
        [
            comment_model(
                section=section,
                content_type=swot_type,
                object_id=entries[section.pk].pk,
                entry_label=str(entries[section.pk])[:250],
                author=expert,
                text=_REVIEW_COMMENT,
            )
            for section in commented
            if section.pk in entries
        ]
    )


# ----------------------------------------------------------------------------------------------
# What agencies wrote


def _facts(spec):
    return {
        **spec.facts,
        "nama": spec.text_name or spec.name,
        "daerah": f"{'Kota' if spec.kind == 'kota' else 'Kabupaten'} {spec.text_name or spec.name}",
        "provinsi": spec.province,
        "kepala": "Wali Kota" if spec.kind == "kota" else "Bupati",
        "th0": spec.period_start - 1,
        "th1": spec.period_start,
    }


class _Fmt:
    """Fills a template for one entry: the region's facts, the agency, and seeded numbers."""

    def __init__(self, spec):
        self.spec = spec
        self.facts = _facts(spec)

    def rng(self, *key):
        return random.Random("|".join(str(k) for k in (self.spec.slug, *key)))

    def __call__(self, template, rng, agency=None):
        if "{" not in template:
            return template
        values = dict(self.facts)
        values.update(
            opd=agency.acronym or agency.name if agency else "perangkat daerah",
            pct=rng.randint(35, 85),
            pct2=rng.randint(10, 40),
            num=rng.randint(12, 60),
            num2=rng.randint(100, 450),
            indeks=format_fixed(rng.uniform(2.31, 3.4), 2),
        )
        return template.format_map(values)


def _variant(spec, round_no, j):
    """Text added to the repeated entries of a multiplied region, so copies read as sub-areas."""
    if round_no == 0:
        return ""
    return f" (Kecamatan {spec.kecamatan[(round_no * 7 + j) % len(spec.kecamatan)]})"


def _deal(items, n, rounds):
    """Deal ``items`` round-robin over ``n`` sections, ``rounds`` times: yields (section index,
    item index, round, item)."""
    k = 0
    for r in range(rounds):
        for j, item in enumerate(items):
            yield k % n, j, r, item
            k += 1


def _deal_to_leads(items, pairs, rounds):
    """Like _deal, but an item goes to the first of its ``lead`` agencies the dimension has."""
    keys = [key for key, _ in pairs]
    for r in range(rounds):
        for j, item in enumerate(items):
            i = next((keys.index(key) for key in item.lead if key in keys), j % len(keys))
            yield i, j, r, item


def _round_value(value, unit, reference):
    if unit == "indeks" and reference < 10:
        return Decimal(value).quantize(Decimal("0.01"))
    if abs(reference) >= 100:
        return Decimal(round(value))
    return Decimal(value).quantize(Decimal("0.1"))


def _scaled_indicator(ind, rng):
    """Baseline and final target of an indicator for one region: a little different everywhere."""
    factor = rng.uniform(0.85, 1.15)
    base, target = ind.baseline * factor, ind.target * factor
    if ind.unit == "%":
        base, target = min(base, 99.0), min(target, 100.0)
    if ind.baseline == 0:
        base = 0
    if ind.unit == "dokumen":
        base, target = ind.baseline, ind.target
    return base, target


def _targets(base, target, years, unit, reference):
    """Yearly targets moving steadily from the baseline to the final target."""
    n = len(years)
    return [(y, _round_value(base + (target - base) * (i + 1) / n, unit, reference)) for i, y in enumerate(years)]


class _ContentWriter:
    def __init__(self, spec, masterplan, agencies, sections, users, ctx):
        self.spec = spec
        self.mp = masterplan
        self.agencies = agencies
        self.sections = sections
        self.ctx = ctx
        self.fmt = _Fmt(spec)
        self.opd_user = users.get("opd")
        self.rows = {m: [] for m in (ReadinessItem, GapItem, SwotEntry, Strategy, Goal, Program)}
        self.goal_indicators = []  # (Goal, Ind, rng)
        self.strategy_links = []  # (Strategy, [SwotEntry])
        self.program_meta = []  # (Program, meta dict)

    def _empty_sections(self):
        ids = {s.pk for pairs in self.sections.values() for _, s in pairs}
        filled = set()
        for kind in SECTION_KINDS:
            filled |= set(kind.model.objects.filter(section_id__in=ids).values_list("section_id", flat=True).distinct())
        return ids - filled

    def write(self):
        empty = self._empty_sections()
        if not empty:
            return 0
        for dim_code, pairs in self.sections.items():
            targets = [(key, s) for key, s in pairs if s.pk in empty]
            if targets:
                self._dimension(dim_code, pairs, {s.pk for _, s in targets})
        self._save()
        return len(empty)

    def _author(self, section):
        return self.opd_user if section.agency.pk == self.agencies["dlh"].pk else None

    def _entry(self, model, section, **fields):
        obj = model(section=section, created_by=self._author(section), **fields)
        obj._history_user = obj.created_by
        self.rows[model].append(obj)
        return obj

    # One dimension: deal every pool over the agencies assigned to it.
    def _dimension(self, dim_code, pairs, todo):
        spec, fmt, k = self.spec, self.fmt, self.spec.content_factor
        pool = c.DIMENSIONS[dim_code]
        n = len(pairs)
        sec = [s for _, s in pairs]
        mine = {i: [] for i in range(n)}  # section index -> its SWOT entries
        strategies = {i: [] for i in range(n)}

        for comp in (c.S, c.I, c.P):
            items = [x for x in pool["readiness"] if x.component == comp]
            for i, j, r, x in _deal(items, n, k):
                if sec[i].pk in todo:
                    rng = fmt.rng(dim_code, "readiness", comp, j, r)
                    self._entry(
                        ReadinessItem,
                        sec[i],
                        component=x.component,
                        subcomponent=x.subcomponent,
                        description=fmt(x.text, rng, sec[i].agency) + _variant(spec, r, j),
                        evidence=fmt(x.evidence, rng, sec[i].agency),
                    )

        for i, j, r, x in _deal(pool["gaps"], n, k):
            if sec[i].pk in todo:
                rng = fmt.rng(dim_code, "gap", j, r)
                self._entry(
                    GapItem,
                    sec[i],
                    element=self.ctx.elements[x.element],
                    existing_condition=fmt(x.existing, rng, sec[i].agency) + _variant(spec, r, j),
                    expected_condition=fmt(x.expected, rng, sec[i].agency),
                    gap=fmt(x.gap, rng, sec[i].agency),
                )

        for quadrant in SwotEntry.Quadrant.values:
            items = [x for x in pool["swot"] if x.quadrant == quadrant]
            for i, j, r, x in _deal(items, n, k):
                if sec[i].pk in todo:
                    rng = fmt.rng(dim_code, "swot", quadrant, j, r)
                    entry = self._entry(
                        SwotEntry,
                        sec[i],
                        quadrant=quadrant,
                        component=x.component,
                        statement=fmt(x.statement, rng, sec[i].agency) + _variant(spec, r, j),
                        evidence=fmt(x.evidence, rng, sec[i].agency),
                        priority=1 if j < 2 else 2 if j < 4 else 3,
                    )
                    mine[i].append(entry)

        for i, j, r, x in _deal(pool["strategies"], n, k):
            if sec[i].pk in todo:
                rng = fmt.rng(dim_code, "strategy", j, r)
                strategy = self._entry(
                    Strategy,
                    sec[i],
                    kind=x.kind,
                    statement=fmt(x.statement, rng, sec[i].agency) + _variant(spec, r, j),
                )
                strategies[i].append(strategy)
                # From the section's own SWOT entries of the strategy's two quadrants.
                sources = []
                for q in x.kind:
                    of_q = [e for e in mine[i] if e.quadrant == q]
                    if of_q:
                        sources.append(of_q[(j + r) % len(of_q)])
                self.strategy_links.append((strategy, sources))

        for i, j, r, x in _deal(pool["goals"], n, k):
            if sec[i].pk in todo:
                rng = fmt.rng(dim_code, "goal", j, r)
                goal = self._entry(Goal, sec[i], statement=fmt(x.statement, rng, sec[i].agency) + _variant(spec, r, j))
                for ind in x.indicators:
                    self.goal_indicators.append((goal, ind, rng))

        for i, j, r, x in _deal_to_leads(pool["programs"], pairs, k):
            if sec[i].pk in todo:
                self._program(dim_code, pairs, i, j, r, x, strategies[i])

        wins = self._quick_wins(dim_code)
        for i, j, r, x in _deal_to_leads(wins, pairs, k):
            if sec[i].pk in todo:
                self._quick_win(dim_code, pairs, i, j, r, x, strategies[i])

    def _quick_wins(self, dim_code):
        overrides = list(self.spec.quick_win_overrides.get(dim_code, ()))
        taken = {q.element for q in overrides}
        generic = [q for q in c.DIMENSIONS[dim_code]["quick_wins"] if q.element not in taken]
        wins = overrides + generic
        # The first quick win of a dimension is the chosen one.
        return [w._replace(status="chosen" if idx == 0 else w.status) for idx, w in enumerate(wins)]

    def _years(self, horizon, j):
        ps, pe = self.mp.period_start, self.mp.period_end
        if horizon == "short":
            start = min(ps + j % 2, pe)
            return start, start
        if horizon == "medium":
            start = min(ps + j % 3, pe)
            return start, min(start + 4, pe)
        start = min(ps + j % 2, pe)
        return start, min(start + 9, pe)

    def _partners(self, pairs, i, j, horizon):
        lead = pairs[i][1].agency
        others = [s.agency for _, s in pairs if s.agency.pk != lead.pk]
        picked = [others[(j + t) % len(others)] for t in range(min(2, len(others)))] if others else []
        for key in ("kominfo", "bappeda") if horizon == "long" else ("kominfo",):
            agency = self.agencies.get(key)
            if agency and agency.pk != lead.pk and agency not in picked:
                picked.append(agency)
        return picked

    def _program(self, dim_code, pairs, i, j, r, x, strategies, *, name=None, horizon=None, rng=None):
        section = pairs[i][1]
        rng = rng or self.fmt.rng(dim_code, "program", j, r)
        horizon = horizon or x.horizon
        start, end = self._years(horizon, j)
        low, high = x.budget
        budget = Decimal(round(rng.uniform(low, high) / 5.0) * 5) * 1_000_000
        program = self._entry(
            Program,
            section,
            element=self.ctx.elements[x.element],
            name=(name or self.fmt(x.name, rng, section.agency) + _variant(self.spec, r, j))[:200],
            description=self.fmt(x.description, rng, section.agency),
            horizon=horizon,
            start_year=start,
            end_year=end,
            lead_agency=section.agency,
            other_partners=self.fmt(x.partners, rng, section.agency),
            output=self.fmt(x.output, rng, section.agency),
            outcome=self.fmt(x.outcome, rng, section.agency),
            budget=budget,
        )
        # The strategy matching the program's place in the pool, and the section's first one.
        served = [strategies[j % len(strategies)], strategies[0]] if strategies else []
        # The budget's parts (the total is their sum): per year, and per funding source, from a
        # generator of their own so the rest of the demo stays as it was.
        parts_rng = self.fmt.rng(dim_code, "budget", j, r, program.name)
        years = list(range(start, end + 1))
        yearly = _parts(
            budget, [parts_rng.uniform(0.6, 1.4) * (0.5 if k == 0 and len(years) > 1 else 1) for k in range(len(years))]
        )
        funds = [self.ctx.funding[code] for code in x.funds]
        shares = [parts_rng.uniform(0.5, 0.8)] + [parts_rng.uniform(0.5, 1.5) for _ in funds[1:]]
        if len(funds) > 1:
            rest = sum(shares[1:])
            shares = [shares[0]] + [(1 - shares[0]) * w / rest for w in shares[1:]]
        self.program_meta.append(
            (
                program,
                {
                    "partners": self._partners(pairs, i, j, horizon),
                    "funds": list(zip(funds, _parts(budget, shares), strict=True)),
                    "yearly": dict(zip(years, yearly, strict=True)),
                    "strategies": _unique(served),
                    "indicator": x.indicator,
                    "rng": rng,
                },
            )
        )
        return program

    def _quick_win(self, dim_code, pairs, i, j, r, q, strategies):
        section = pairs[i][1]
        rng = self.fmt.rng(dim_code, "quickwin", j, r)
        agency = section.agency
        name = self.fmt(q.name, rng, agency) + _variant(self.spec, r, j)
        prog = c.Prog(
            q.element,
            "short",
            q.program_name,
            self.fmt(q.solution, rng, agency),
            self.fmt(q.solution, rng, agency).split(";")[0].rstrip(".") + ".",
            self.fmt(q.benefits, rng, agency),
            c.Ind("Persentase capaian target quick win", "%", 0, 100),
            (q.budget, q.budget),
            (q.funding,),
            q.partners,
        )
        program = self._program(
            dim_code,
            pairs,
            i,
            0,
            0,
            prog,
            strategies,
            name=(self.fmt(q.program_name, rng, agency) + _variant(self.spec, r, j))[:200],
            horizon="short",
            rng=rng,
        )
        program._quick_win = QuickWin(
            name=name[:150],
            status=q.status,
            problem=self.fmt(q.problem, rng, agency),
            solution=self.fmt(q.solution, rng, agency),
            benefits=self.fmt(q.benefits, rng, agency),
            duration_months=q.duration_months,
            schedule=self.fmt(q.schedule, rng, agency),
            budget=Decimal(q.budget) * 1_000_000,
            funding_source=self.ctx.funding[q.funding],
            partners=self.fmt(q.partners, rng, agency),
            impact_indicator=self.fmt(q.impact, rng, agency)[:250],
            risks=self.fmt(q.risks, rng, agency),
        )

    # Write everything in dependency order, a few bulk inserts per model.
    def _save(self):
        for model in (ReadinessItem, GapItem, SwotEntry):
            _bulk_with_history(model, self.rows[model])

        strategies = self.rows[Strategy]
        Strategy.objects.bulk_create(strategies, batch_size=500)
        links = [
            Strategy.swot_entries.through(strategy_id=s.pk, swotentry_id=e.pk)
            for s, sources in self.strategy_links
            for e in sources
        ]
        Strategy.swot_entries.through.objects.bulk_create(links, batch_size=1000)
        _history_with_m2m(Strategy, strategies, {"swot_entries": links})

        _bulk_with_history(Goal, self.rows[Goal])

        programs = self.rows[Program]
        Program.objects.bulk_create(programs, batch_size=500)
        through = {
            "partner_agencies": [
                Program.partner_agencies.through(program_id=p.pk, agency_id=a.pk)
                for p, meta in self.program_meta
                for a in meta["partners"]
            ],
            "strategies": [
                Program.strategies.through(program_id=p.pk, strategy_id=s.pk)
                for p, meta in self.program_meta
                for s in meta["strategies"]
            ],
        }
        for name, rows in through.items():
            getattr(Program, name).through.objects.bulk_create(rows, batch_size=1000)
        _history_with_m2m(Program, programs, through)
        _bulk_with_history(
            ProgramFunding,
            [
                ProgramFunding(program=p, funding_source=source, amount=amount)
                for p, meta in self.program_meta
                for source, amount in meta["funds"]
            ],
        )

        indicators, plans = [], []
        for goal, ind, rng in self.goal_indicators:
            base, target = _scaled_indicator(ind, rng)
            indicator = Indicator(
                goal=goal,
                name=ind.name,
                unit=ind.unit,
                baseline=_round_value(base, ind.unit, ind.target),
                baseline_year=self.mp.period_start - 1,
            )
            indicators.append(indicator)
            plans.append((indicator, _targets(base, target, self.mp.years, ind.unit, ind.target)))
        roadmap = []
        for program, meta in self.program_meta:
            ind = meta["indicator"]
            base, target = _scaled_indicator(ind, meta["rng"])
            indicator = Indicator(
                program=program,
                name=ind.name,
                unit=ind.unit,
                baseline=_round_value(base, ind.unit, ind.target),
                baseline_year=program.start_year - 1,
            )
            years = list(range(program.start_year, program.end_year + 1))
            yearly = _targets(base, target, years, ind.unit, ind.target)
            indicators.append(indicator)
            plans.append((indicator, yearly))
            roadmap += _roadmap(program, ind, yearly, meta["yearly"])
        _bulk_with_history(Indicator, indicators)
        IndicatorTarget.objects.bulk_create(
            [IndicatorTarget(indicator=ind, year=y, value=v) for ind, yearly in plans for y, v in yearly],
            batch_size=1000,
        )
        _bulk_with_history(RoadmapEntry, roadmap)

        wins = []
        for program, _meta in self.program_meta:
            qw = getattr(program, "_quick_win", None)
            if qw is not None:
                qw.program = program
                wins.append(qw)
        _bulk_with_history(QuickWin, wins)


def _unique(items):
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


def _parts(total, weights, unit=1_000_000):
    """``total`` in parts weighted by ``weights``, whole millions but the first, which takes the
    remainder: they add up to the total exactly (the total is the sum of the parts)."""
    whole = sum(weights)
    rest = [Decimal(int(total * Decimal(w / whole) / unit)) * unit for w in weights[1:]]
    return [total - sum(rest, Decimal(0)), *rest]


def _roadmap(program, ind, yearly, amounts):
    """One road map entry per program year, moving through the phases of ROADMAP_PHASES, with the
    year's share of the budget."""
    n = len(yearly)
    phases = c.ROADMAP_PHASES
    entries = []
    for i, (year, value) in enumerate(yearly):
        if n == 1:
            activity, _ = c.SHORT_PHASE
        else:
            activity, _ = phases[round(i * (len(phases) - 1) / (n - 1))]
        target = f"{ind.name}: {format_id_decimal(value)} {ind.unit}"
        entries.append(
            RoadmapEntry(program=program, year=year, activity=activity, target=target[:250], amount=amounts.get(year))
        )
    return entries


# ----------------------------------------------------------------------------------------------
# Bulk inserts with history


def _bulk_with_history(model, objs):
    if not objs:
        return []
    model.objects.bulk_create(objs, batch_size=500)
    if hasattr(model, "history"):
        model.history.bulk_history_create(objs, batch_size=500)
    return objs


def _history_with_m2m(model, objs, through_rows):
    """History rows for ``objs`` and, as simple_history would write on save, the m2m snapshot of
    each (so a later edit's diff does not show the demo's m2m values as new)."""
    if not objs:
        return
    historical = model.history.bulk_history_create(objs, batch_size=500)
    by_pk = {h.id: h for h in historical}
    history_model = model.history.model
    for name, rows in through_rows.items():
        m2m_history = getattr(history_model, name).model
        through_fields = [f.attname for f in getattr(model, name).through._meta.fields]
        source = f"{model._meta.model_name}_id"
        m2m_history.objects.bulk_create(
            [
                m2m_history(
                    history_id=by_pk[getattr(row, source)].history_id, **{f: getattr(row, f) for f in through_fields}
                )
                for row in rows
            ],
            batch_size=1000,
        )

"""factory_boy factories for the domain. Reference data (dimensions, elements, funding sources)
comes from the data migration, so factories look it up by code."""

import factory

from bimtek.models import Participant, Stage
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
from masterplan.models import Agency, Cohort, Masterplan, Membership, Province, Region, User

PASSWORD = "test-password-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.go.id")
    password = factory.django.Password(PASSWORD)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Daerah {n}")
    slug = factory.LazyAttribute(lambda r: r.name.lower().replace(" ", "-"))
    province = factory.LazyFunction(lambda: Province.objects.get(name="Jawa Barat"))
    head_title = "Bupati"
    head_name = "H. Contoh"
    cohort = factory.LazyFunction(lambda: Cohort.objects.get_or_create(year=2023)[0])


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    acronym = factory.Sequence(lambda n: f"DC{n}")


class MasterplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Masterplan

    region = factory.SubFactory(RegionFactory)
    period_start = 2024
    period_end = 2033
    vision = "Terwujudnya daerah cerdas yang melayani"
    mission = "Meningkatkan pelayanan publik digital\nMemperkuat ekonomi lokal"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    role = "dewan"


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    masterplan = factory.SubFactory(MasterplanFactory)
    number = 1
    venue = "Aula Pemda"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    stage = factory.SubFactory(StageFactory)
    name = factory.Faker("name", locale="id_ID")
    institution = "Bappeda"
    helix = "government"


def dimension(code):
    return Dimension.objects.get(code=code)


def element(code):
    return Element.objects.get(code=code)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    masterplan = factory.SubFactory(MasterplanFactory)
    agency = factory.SubFactory(AgencyFactory, region=factory.SelfAttribute("..masterplan.region"))
    dimension = factory.LazyFunction(lambda: dimension("environment"))


class ReadinessItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadinessItem

    section = factory.SubFactory(SectionFactory)
    component = "infrastruktur"
    subcomponent = "tik"
    description = "Jaringan fiber optik menjangkau 60% kecamatan"


class GapItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GapItem

    section = factory.SubFactory(SectionFactory)
    existing_condition = "Pengangkutan sampah belum terjadwal"
    expected_condition = "Pengangkutan terjadwal dan terpantau"
    gap = "Belum ada sistem pemantauan armada"


class SwotEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwotEntry

    section = factory.SubFactory(SectionFactory)
    quadrant = "S"
    statement = factory.Sequence(lambda n: f"Pernyataan SWOT {n}")


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    section = factory.SubFactory(SectionFactory)
    kind = "SO"
    statement = factory.Sequence(lambda n: f"Strategi {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    section = factory.SubFactory(SectionFactory)
    statement = factory.Sequence(lambda n: f"Sasaran {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(GoalFactory)
    name = "Persentase sampah terkelola"
    unit = "%"
    baseline = 40
    baseline_year = 2023


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2024
    value = 50


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    section = factory.SubFactory(SectionFactory)
    element = factory.LazyAttribute(lambda p: p.section.dimension.elements.first())
    name = factory.Sequence(lambda n: f"Program {n}")
    horizon = "medium"
    start_year = 2024
    end_year = 2028
    lead_agency = factory.SelfAttribute("section.agency")
    budget = 250_000_000


class RoadmapEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapEntry

    program = factory.SubFactory(ProgramFactory)
    year = 2024
    activity = "Penyusunan kajian"


class ProgramFundingFactory(factory.django.DjangoModelFactory):
    """A program's share of one funding source (APBD unless told)."""

    class Meta:
        model = ProgramFunding

    program = factory.SubFactory(ProgramFactory)
    funding_source = factory.LazyFunction(lambda: FundingSource.objects.get(code="apbd"))
    amount = factory.SelfAttribute("program.budget")


def program_budget_parts(program, yearly=None, split=None):
    """Give a program parts that add up (the total is the sum of the parts): yearly amounts
    ({year: amount}, default its budget in its start year) and a funding split ({source code:
    amount}, default all of it from APBD); its budget becomes their sum."""
    from decimal import Decimal

    yearly = yearly if yearly is not None else {program.start_year: program.budget}
    for year, amount in yearly.items():
        RoadmapEntryFactory(program=program, year=year, activity=f"Kegiatan {year}", amount=amount)
    program.budget = sum((Decimal(a) for a in yearly.values()), Decimal(0))
    program.save()
    split = split if split is not None else {"apbd": program.budget}
    for code, amount in split.items():
        ProgramFundingFactory(program=program, funding_source=FundingSource.objects.get(code=code), amount=amount)
    return program


class QuickWinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuickWin

    program = factory.SubFactory(ProgramFactory, horizon="short", start_year=2024, end_year=2024)
    name = factory.Sequence(lambda n: f"Quick Win {n}")
    problem = "Masalah"
    solution = "Solusi"
    benefits = "Manfaat"
    duration_months = 6
    impact_indicator = "Waktu layanan turun 50%"

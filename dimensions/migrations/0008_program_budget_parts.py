"""A program's budget per year and per funding source (the total is the sum of the parts).

Road map years get an amount (``RoadmapEntry.amount``) and a program's funding sources get their
share in ``ProgramFunding`` (program, funding source, amount, with its own history); 0009 then
makes it the through model of ``Program.funding_sources`` in place of the plain many-to-many.

Existing programs are given parts that add up exactly to their budget: the budget spread over the
program's road map years and over its funding sources, in whole rupiah with the remainder on the
first part (the first road map row of a year carries the year's amount). A program with a budget
and no road map year gets one, its start year. History follows, so that the next diff shows real
changes and not this migration: the latest history record of each road map row carries its amount,
new rows get a creation record dated at their program's last change, and a program deleted before
this migration still comes back from the section's history with its yearly amounts and its split.

Kept as it was written (not imported from dimensions.rules): a migration must not change when the
code does.
"""

from collections import defaultdict
from decimal import ROUND_DOWN, Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import Max, Q
from django.utils import timezone

import dimensions.rules

ACTIVITY = "Pelaksanaan program"  # the road map year given to a program that had none
REASON = "migrasi: anggaran per tahun dan sumber dana"
DELETE_PREFIX, CASCADE_PREFIX = "delete:", "cascade:"


def spread(total, parts):
    """``total`` in ``parts`` parts of whole rupiah, the remainder on the first: they add up exactly."""
    if parts < 1:
        return []
    each = (total / parts).quantize(Decimal(1), rounding=ROUND_DOWN)
    return [total - each * (parts - 1)] + [each] * (parts - 1)


def _year_amounts(budget, rows):
    """{row id: amount} for road map rows [(id, year)] ordered by year and id: the budget spread
    over the distinct years, each year's amount on its first row."""
    first_of_year = {}
    for pk, year in rows:
        first_of_year.setdefault(year, pk)
    years = sorted(first_of_year)
    return {first_of_year[y]: amount for y, amount in zip(years, spread(budget, len(years)), strict=True)}


def _split(budget, source_ids, order):
    ids = sorted(source_ids, key=lambda pk: (order.get(pk, 0), pk))
    amounts = spread(budget, len(ids)) if budget is not None else [None] * len(ids)
    return list(zip(ids, amounts, strict=True))


def forward(apps, schema_editor):
    Program = apps.get_model("dimensions", "Program")
    FundingSource = apps.get_model("dimensions", "FundingSource")
    RoadmapEntry = apps.get_model("dimensions", "RoadmapEntry")
    ProgramFunding = apps.get_model("dimensions", "ProgramFunding")
    HistoricalProgram = apps.get_model("dimensions", "HistoricalProgram")
    HistoricalRoadmapEntry = apps.get_model("dimensions", "HistoricalRoadmapEntry")
    HistoricalProgramFunding = apps.get_model("dimensions", "HistoricalProgramFunding")
    HistoricalLinks = apps.get_model("dimensions", "HistoricalProgram_funding_sources")
    links = Program.funding_sources.through  # the plain many-to-many, still here

    order = dict(FundingSource.objects.values_list("pk", "order"))
    now = timezone.now()
    last_change = dict(HistoricalProgram.objects.values("id").annotate(d=Max("history_date")).values_list("id", "d"))

    # Live programs -----------------------------------------------------------------------------
    sources = defaultdict(list)
    for program_id, source_id in links.objects.values_list("program_id", "fundingsource_id"):
        sources[program_id].append(source_id)
    roadmap = defaultdict(list)
    for pk, program_id, year in RoadmapEntry.objects.order_by("year", "pk").values_list("pk", "program_id", "year"):
        roadmap[program_id].append((pk, year))

    amounts, new_rows, funding = {}, [], []
    for program in Program.objects.only("pk", "budget", "start_year").order_by("pk").iterator():
        if program.budget is not None:
            if roadmap[program.pk]:
                amounts.update(_year_amounts(program.budget, roadmap[program.pk]))
            else:
                new_rows.append(
                    RoadmapEntry(
                        program_id=program.pk, year=program.start_year, activity=ACTIVITY, amount=program.budget
                    )
                )
        for source_id, amount in _split(program.budget, sources[program.pk], order):
            funding.append(ProgramFunding(program_id=program.pk, funding_source_id=source_id, amount=amount))

    rows = list(RoadmapEntry.objects.filter(pk__in=list(amounts)))
    for row in rows:
        row.amount = amounts[row.pk]
    RoadmapEntry.objects.bulk_update(rows, ["amount"], batch_size=500)
    latest = HistoricalRoadmapEntry.objects.filter(id__in=list(amounts)).values("id").annotate(m=Max("history_id"))
    records = list(HistoricalRoadmapEntry.objects.filter(history_id__in=[r["m"] for r in latest]))
    for record in records:
        record.amount = amounts[record.id]
    HistoricalRoadmapEntry.objects.bulk_update(records, ["amount"], batch_size=500)

    for obj in new_rows + funding:  # one by one: their ids are needed for their history
        obj.save()
    HistoricalRoadmapEntry.objects.bulk_create(
        [_record(HistoricalRoadmapEntry, r, "+", last_change.get(r.program_id, now), REASON) for r in new_rows],
        batch_size=500,
    )
    HistoricalProgramFunding.objects.bulk_create(
        [_record(HistoricalProgramFunding, f, "+", last_change.get(f.program_id, now), REASON) for f in funding],
        batch_size=500,
    )

    # Programs deleted before this migration, so that a restore brings back their parts ---------
    live = Program.objects.values("pk")
    deletions = {}
    for record in (
        HistoricalProgram.objects.filter(history_type="-", history_change_reason__startswith=DELETE_PREFIX)
        .exclude(id__in=live)
        .order_by("history_date", "history_id")
    ):
        deletions[record.id] = record  # the latest deletion of each, as the restore reads it
    reserved = []  # live rows made only to take ids from the table's sequence, deleted below
    for program_id, deletion in deletions.items():
        cascade = CASCADE_PREFIX + deletion.history_change_reason[len(DELETE_PREFIX) :]
        before = (
            HistoricalProgram.objects.filter(id=program_id)
            .filter(
                Q(history_date__lt=deletion.history_date)
                | Q(history_date=deletion.history_date, history_id__lt=deletion.history_id)
            )
            .order_by("-history_date", "-history_id")
            .first()
        )
        budget = deletion.budget
        gone_roadmap = list(
            HistoricalRoadmapEntry.objects.filter(
                program_id=program_id, history_type="-", history_change_reason=cascade
            ).order_by("year", "id")
        )
        if budget is not None and gone_roadmap:
            year_amounts = _year_amounts(budget, [(r.id, r.year) for r in gone_roadmap])
            for r in gone_roadmap:
                r.amount = year_amounts.get(r.id)
            HistoricalRoadmapEntry.objects.bulk_update(gone_roadmap, ["amount"])
        elif budget is not None:
            row = RoadmapEntry.objects.create(
                program_id=program_id, year=deletion.start_year, activity=ACTIVITY, amount=budget
            )
            reserved.append(row)
            _record(HistoricalRoadmapEntry, row, "-", deletion.history_date, cascade).save()
        source_ids = (
            HistoricalLinks.objects.filter(history_id=before.history_id).values_list("fundingsource_id", flat=True)
            if before is not None
            else []
        )
        for source_id, amount in _split(budget, list(source_ids), order):
            row = ProgramFunding.objects.create(program_id=program_id, funding_source_id=source_id, amount=amount)
            reserved.append(row)
            _record(HistoricalProgramFunding, row, "-", deletion.history_date, cascade).save()
    # Their programs are gone: the rows leave before the (deferred) foreign key checks run.
    for row in reserved:
        type(row).objects.filter(pk=row.pk).delete()


def _record(model, obj, history_type, date, reason):
    """A history record of ``obj`` as simple-history writes one."""
    fields = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    return model(**fields, history_type=history_type, history_date=date, history_change_reason=reason)


class Migration(migrations.Migration):
    dependencies = [
        ("dimensions", "0007_swot_and_strategy_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="roadmapentry",
            name="amount",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=18,
                null=True,
                validators=[dimensions.rules.validate_budget],
                verbose_name="anggaran (Rp)",
            ),
        ),
        migrations.AddField(
            model_name="historicalroadmapentry",
            name="amount",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=18,
                null=True,
                validators=[dimensions.rules.validate_budget],
                verbose_name="anggaran (Rp)",
            ),
        ),
        migrations.AddConstraint(
            model_name="roadmapentry",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__isnull", True), ("amount__gte", 0), _connector="OR"),
                name="roadmap_amount_not_negative",
            ),
        ),
        migrations.CreateModel(
            name="ProgramFunding",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=18,
                        null=True,
                        validators=[dimensions.rules.validate_budget],
                        verbose_name="jumlah (Rp)",
                    ),
                ),
                (
                    "funding_source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="program_funding",
                        to="dimensions.fundingsource",
                        verbose_name="sumber dana",
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="funding",
                        to="dimensions.program",
                        verbose_name="program",
                    ),
                ),
            ],
            options={
                "verbose_name": "sumber dana program",
                "verbose_name_plural": "pembagian sumber dana",
                "ordering": ["funding_source__order", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("program", "funding_source"), name="program_funding_unique_source"),
                    models.CheckConstraint(
                        condition=models.Q(("amount__isnull", True), ("amount__gte", 0), _connector="OR"),
                        name="program_funding_not_negative",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalProgramFunding",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=18,
                        null=True,
                        validators=[dimensions.rules.validate_budget],
                        verbose_name="jumlah (Rp)",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "funding_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dimensions.fundingsource",
                        verbose_name="sumber dana",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="dimensions.program",
                        verbose_name="program",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical sumber dana program",
                "verbose_name_plural": "historical pembagian sumber dana",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        # Data last: on PostgreSQL the deferred foreign key checks of the rows written here must not
        # be pending when a table is altered (0009 changes the schema in its own transaction).
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]

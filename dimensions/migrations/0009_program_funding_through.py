"""``Program.funding_sources`` goes through ``ProgramFunding`` (filled by 0008) instead of the plain
many-to-many table, and the plain table's many-to-many history goes: a split row has its own
history now. (Django cannot add ``through=`` to a many-to-many field in place: the field is removed
and added again, which changes no table of ProgramFunding.)"""

from django.db import migrations, models


def links_back(apps, schema_editor):
    """Going back: the plain many-to-many gets the program's funding sources again (amounts go)."""
    Program = apps.get_model("dimensions", "Program")
    ProgramFunding = apps.get_model("dimensions", "ProgramFunding")
    links = Program.funding_sources.through
    links.objects.bulk_create(
        [
            links(program_id=program_id, fundingsource_id=source_id)
            for program_id, source_id in ProgramFunding.objects.values_list("program_id", "funding_source_id")
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("dimensions", "0008_program_budget_parts")]

    operations = [
        # Forward nothing; backward (run last) refills the plain table the steps below recreate.
        migrations.RunPython(migrations.RunPython.noop, links_back),
        migrations.RemoveField(model_name="program", name="funding_sources"),
        migrations.DeleteModel(name="HistoricalProgram_funding_sources"),
        migrations.AddField(
            model_name="program",
            name="funding_sources",
            field=models.ManyToManyField(
                blank=True,
                related_name="programs",
                through="dimensions.ProgramFunding",
                to="dimensions.fundingsource",
                verbose_name="sumber dana",
            ),
        ),
    ]

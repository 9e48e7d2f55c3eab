"""Quick wins run 6 to 12 months (dimensions.rules); the constraint allowed 1 to 12 until now.

Before the new constraint (0006), every quick win shorter than 6 months is set to 6, the shortest
a quick win may now be, so the constraint can be added on existing data. A plain update: no
history row is written for it, and it cannot be undone (the old values are not kept)."""

from django.db import migrations

QUICK_WIN_MIN_MONTHS = 6  # dimensions.rules.QUICK_WIN_MIN_MONTHS when this was written


def quick_wins_to_six_months(apps, schema_editor):
    QuickWin = apps.get_model("dimensions", "QuickWin")
    QuickWin.objects.filter(duration_months__lt=QUICK_WIN_MIN_MONTHS).update(duration_months=QUICK_WIN_MIN_MONTHS)


class Migration(migrations.Migration):
    dependencies = [
        ("dimensions", "0004_entry_versions_target_history"),
    ]

    operations = [
        migrations.RunPython(quick_wins_to_six_months, migrations.RunPython.noop),
    ]

"""Provinces (the 38, BPS codes) and cohorts become data: Region.province becomes a foreign key
(the old text matched by name, tolerant of case, spacing and the usual short forms) and
Region.cohort_year a foreign key to Cohort, whose key is the year (the column keeps its values)."""

import django.db.models.deletion
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import migrations, models

# BPS province codes (kode wilayah BPS), after the 2022 division of Papua.
PROVINCES = [
    ("11", "Aceh"),
    ("12", "Sumatera Utara"),
    ("13", "Sumatera Barat"),
    ("14", "Riau"),
    ("15", "Jambi"),
    ("16", "Sumatera Selatan"),
    ("17", "Bengkulu"),
    ("18", "Lampung"),
    ("19", "Kepulauan Bangka Belitung"),
    ("21", "Kepulauan Riau"),
    ("31", "DKI Jakarta"),
    ("32", "Jawa Barat"),
    ("33", "Jawa Tengah"),
    ("34", "DI Yogyakarta"),
    ("35", "Jawa Timur"),
    ("36", "Banten"),
    ("51", "Bali"),
    ("52", "Nusa Tenggara Barat"),
    ("53", "Nusa Tenggara Timur"),
    ("61", "Kalimantan Barat"),
    ("62", "Kalimantan Tengah"),
    ("63", "Kalimantan Selatan"),
    ("64", "Kalimantan Timur"),
    ("65", "Kalimantan Utara"),
    ("71", "Sulawesi Utara"),
    ("72", "Sulawesi Tengah"),
    ("73", "Sulawesi Selatan"),
    ("74", "Sulawesi Tenggara"),
    ("75", "Gorontalo"),
    ("76", "Sulawesi Barat"),
    ("81", "Maluku"),
    ("82", "Maluku Utara"),
    ("91", "Papua Barat"),
    ("92", "Papua Barat Daya"),
    ("94", "Papua"),
    ("95", "Papua Selatan"),
    ("96", "Papua Tengah"),
    ("97", "Papua Pegunungan"),
]

# Other spellings of a province's name found in free text.
ALIASES = {
    "daerah istimewa yogyakarta": "DI Yogyakarta",
    "d.i. yogyakarta": "DI Yogyakarta",
    "diy": "DI Yogyakarta",
    "yogyakarta": "DI Yogyakarta",
    "daerah khusus ibukota jakarta": "DKI Jakarta",
    "daerah khusus jakarta": "DKI Jakarta",
    "jakarta": "DKI Jakarta",
    "nad": "Aceh",
    "nanggroe aceh darussalam": "Aceh",
    "bangka belitung": "Kepulauan Bangka Belitung",
    "babel": "Kepulauan Bangka Belitung",
    "kepri": "Kepulauan Riau",
    "ntb": "Nusa Tenggara Barat",
    "ntt": "Nusa Tenggara Timur",
    "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat",
    "sumsel": "Sumatera Selatan",
    "jabar": "Jawa Barat",
    "jateng": "Jawa Tengah",
    "jatim": "Jawa Timur",
    "sulsel": "Sulawesi Selatan",
    "sultra": "Sulawesi Tenggara",
    "sulut": "Sulawesi Utara",
    "sulteng": "Sulawesi Tengah",
    "sulbar": "Sulawesi Barat",
    "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah",
    "kalsel": "Kalimantan Selatan",
    "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara",
}


def normalized(text):
    text = " ".join((text or "").replace("_", " ").split()).lower()
    for prefix in ("provinsi ", "prov. ", "prov "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    text = text.replace("sumatra", "sumatera")
    return ALIASES.get(text, text).lower()


def forwards(apps, schema_editor):
    Province = apps.get_model("masterplan", "Province")
    Cohort = apps.get_model("masterplan", "Cohort")
    Region = apps.get_model("masterplan", "Region")
    HistoricalRegion = apps.get_model("masterplan", "HistoricalRegion")
    Province.objects.bulk_create([Province(code=code, name=name) for code, name in PROVINCES])
    by_name = {p.name.lower(): p.pk for p in Province.objects.all()}
    unknown = []
    for region in Region.objects.all():
        pk = by_name.get(normalized(region.province))
        if pk is None:
            unknown.append(f"{region.slug}: {region.province!r}")
        region.province_ref_id = pk
        region.save(update_fields=["province_ref"])
    if unknown:
        raise RuntimeError(
            "Provinsi tidak dikenali (perbaiki teksnya lalu ulangi migrasi) / unknown province: " + "; ".join(unknown)
        )
    for row in HistoricalRegion.objects.all():
        row.province_ref_id = by_name.get(normalized(row.province))
        row.save(update_fields=["province_ref"])
    years = set(Region.objects.values_list("cohort_year", flat=True))
    Cohort.objects.bulk_create([Cohort(year=y) for y in sorted(years)])


def backwards(apps, schema_editor):
    Region = apps.get_model("masterplan", "Region")
    HistoricalRegion = apps.get_model("masterplan", "HistoricalRegion")
    for model in (Region, HistoricalRegion):
        for row in model.objects.select_related("province_ref"):
            row.province = row.province_ref.name if row.province_ref_id else ""
            row.save(update_fields=["province"])


class Migration(migrations.Migration):
    dependencies = [("masterplan", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Province",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=2, unique=True, verbose_name="kode BPS")),
                ("name", models.CharField(max_length=60, unique=True, verbose_name="nama")),
            ],
            options={"verbose_name": "provinsi", "verbose_name_plural": "provinsi", "ordering": ["code"]},
        ),
        migrations.CreateModel(
            name="Cohort",
            fields=[
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        primary_key=True,
                        serialize=False,
                        validators=[MinValueValidator(2017), MaxValueValidator(2100)],
                        verbose_name="tahun",
                    ),
                ),
            ],
            options={
                "verbose_name": "angkatan",
                "verbose_name_plural": "angkatan",
                "ordering": ["year"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("year__gte", 2017), ("year__lte", 2100)), name="cohort_year_range"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="region",
            name="province_ref",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="masterplan.province"
            ),
        ),
        migrations.AddField(
            model_name="historicalregion",
            name="province_ref",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="masterplan.province",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="region", name="province"),
        migrations.RemoveField(model_name="historicalregion", name="province"),
        migrations.RenameField(model_name="region", old_name="province_ref", new_name="province"),
        migrations.RenameField(model_name="historicalregion", old_name="province_ref", new_name="province"),
        migrations.AlterField(
            model_name="region",
            name="province",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="regions",
                to="masterplan.province",
                verbose_name="provinsi",
            ),
        ),
        migrations.AlterField(
            model_name="historicalregion",
            name="province",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="masterplan.province",
                verbose_name="provinsi",
            ),
        ),
        migrations.RemoveConstraint(model_name="region", name="region_cohort_year_range"),
        migrations.RenameField(model_name="region", old_name="cohort_year", new_name="cohort"),
        migrations.RenameField(model_name="historicalregion", old_name="cohort_year", new_name="cohort"),
        migrations.AlterField(
            model_name="region",
            name="cohort",
            field=models.ForeignKey(
                db_column="cohort_year",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="regions",
                to="masterplan.cohort",
                verbose_name="angkatan",
            ),
        ),
        migrations.AlterField(
            model_name="historicalregion",
            name="cohort",
            field=models.ForeignKey(
                blank=True,
                db_column="cohort_year",
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="masterplan.cohort",
                verbose_name="angkatan",
            ),
        ),
    ]

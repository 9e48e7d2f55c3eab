"""Kominfo's six dimensions, their eighteen elements, and the funding sources, with stable codes.

Reference data: editable in the admin; codes never change, names may."""

from django.db import migrations

DIMENSIONS = [
    ("governance", "Smart Governance", [
        ("governance-pelayanan-publik", "Pelayanan publik"),
        ("governance-manajemen-birokrasi", "Manajemen birokrasi"),
        ("governance-kebijakan-publik", "Kebijakan publik"),
    ]),
    ("branding", "Smart Branding", [
        ("branding-pariwisata", "Pariwisata"),
        ("branding-bisnis", "Bisnis"),
        ("branding-wajah-kota", "Wajah kota"),
    ]),
    ("economy", "Smart Economy", [
        ("economy-ekosistem-industri", "Ekosistem industri"),
        ("economy-kesejahteraan-rakyat", "Kesejahteraan rakyat"),
        ("economy-transaksi-keuangan", "Ekosistem transaksi keuangan"),
    ]),
    ("living", "Smart Living", [
        ("living-tata-ruang", "Harmonisasi tata ruang"),
        ("living-kesehatan", "Kesehatan"),
        ("living-transportasi", "Transportasi (mobilitas)"),
    ]),
    ("society", "Smart Society", [
        ("society-komunitas", "Komunitas (interaksi masyarakat)"),
        ("society-ekosistem-belajar", "Ekosistem belajar"),
        ("society-keamanan", "Keamanan masyarakat"),
    ]),
    ("environment", "Smart Environment", [
        ("environment-proteksi-lingkungan", "Proteksi lingkungan"),
        ("environment-sampah-limbah", "Tata kelola sampah dan limbah"),
        ("environment-energi", "Tata kelola energi"),
    ]),
]

FUNDING_SOURCES = [
    ("apbd", "APBD"),
    ("apbn", "APBN"),
    ("dak", "DAK"),
    ("csr", "CSR"),
    ("kpbu", "KPBU"),
    ("swasta", "Swasta"),
    ("lainnya", "Lainnya"),
]


def create(apps, schema_editor):
    Dimension = apps.get_model("dimensions", "Dimension")
    Element = apps.get_model("dimensions", "Element")
    FundingSource = apps.get_model("dimensions", "FundingSource")
    for order, (code, name, elements) in enumerate(DIMENSIONS, start=1):
        dim, _ = Dimension.objects.update_or_create(code=code, defaults={"name": name, "order": order})
        for e_order, (e_code, e_name) in enumerate(elements, start=1):
            Element.objects.update_or_create(
                code=e_code, defaults={"name": e_name, "order": e_order, "dimension": dim}
            )
    for order, (code, name) in enumerate(FUNDING_SOURCES, start=1):
        FundingSource.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def remove(apps, schema_editor):
    apps.get_model("dimensions", "Element").objects.filter(
        code__in=[e[0] for _, _, els in DIMENSIONS for e in els]
    ).delete()
    apps.get_model("dimensions", "Dimension").objects.filter(code__in=[d[0] for d in DIMENSIONS]).delete()
    apps.get_model("dimensions", "FundingSource").objects.filter(code__in=[f[0] for f in FUNDING_SOURCES]).delete()


class Migration(migrations.Migration):
    dependencies = [("dimensions", "0002_initial")]
    operations = [migrations.RunPython(create, remove)]

"""The default book set as Kominfo's experts described it in 2024 (docs/domain.md, "The four books").
A site administrator can change it in the admin afterwards."""

from django.db import migrations

FOREWORD = ("Kata Pengantar", "narrative", "kata_pengantar_kepala_daerah, kata_pengantar_ketua_tim", True)

BOOKS = [
    (1, "analisis-strategis", "Analisis Strategis", "Masterplan Smart City", [
        FOREWORD,
        ("Pendahuluan", "narrative", "latar_belakang, maksud_tujuan, dasar_hukum, ruang_lingkup", False),
        ("Profil Daerah", "regional_profile", "profil_daerah", False),
        ("Analisis Kesiapan Daerah", "readiness", "", False),
        ("Analisis Kesenjangan", "gap", "", False),
        ("Analisis SWOT", "swot", "", False),
        ("Visi, Misi, Sasaran dan Strategi", "vision_mission_goals", "", False),
        ("Penutup", "closing", "penutup", False),
    ]),
    (2, "masterplan", "Masterplan Smart City", "Rencana Induk Smart City", [
        FOREWORD,
        ("Arah dan Visi Smart City", "vision_mission_goals", "arah_pembangunan", False),
        ("Strategi Smart City per Dimensi", "strategies", "", False),
        ("Program Smart City", "programs", "", False),
        ("Rencana Aksi", "action_plan", "", False),
        ("Peta Jalan", "roadmap", "", False),
        ("Tata Kelola Pelaksanaan", "governance", "tata_kelola", False),
        ("Penutup", "closing", "penutup", False),
    ]),
    (3, "ringkasan-eksekutif", "Ringkasan Eksekutif", "Masterplan Smart City", [
        FOREWORD,
        ("Ringkasan Eksekutif", "executive_summary", "ringkasan_eksekutif", False),
    ]),
    (4, "profil-quick-win", "Profil Quick Win", "Program Percepatan Smart City", [
        FOREWORD,
        ("Profil Quick Win", "quick_win_profiles", "", False),
    ]),
]


def create_default_books(apps, schema_editor):
    BookDefinition = apps.get_model("books", "BookDefinition")
    ChapterDefinition = apps.get_model("books", "ChapterDefinition")
    if BookDefinition.objects.exists():
        return
    for number, code, title, subtitle, chapters in BOOKS:
        book = BookDefinition.objects.create(number=number, code=code, title=title, subtitle=subtitle, order=number)
        for order, (chapter_title, kind, keys, front) in enumerate(chapters, start=1):
            ChapterDefinition.objects.create(
                book=book, order=order * 10, title=chapter_title, kind=kind, narrative_keys=keys, front_matter=front
            )


def remove_default_books(apps, schema_editor):
    apps.get_model("books", "BookDefinition").objects.filter(code__in=[b[1] for b in BOOKS]).delete()


class Migration(migrations.Migration):
    dependencies = [("books", "0001_initial")]

    operations = [migrations.RunPython(create_default_books, remove_default_books)]

"""Each book's front matter is its own (issue 8): 0002 gave all four books both forewords, and
Buku 2 reprinted Buku 1's vision, mission and indicator tables.

- Buku 1 Analisis Strategis keeps both forewords: it opens the set.
- Buku 2 Masterplan Smart City carries the head of region's foreword (the plan the head of region
  signs); its vision chapter refers to Buku 1 instead of reprinting it.
- Buku 3 Ringkasan Eksekutif carries no foreword: a summary of a few pages opens on its table of
  contents, and its own first section introduces it.
- Buku 4 Profil Quick Win carries the implementation team head's foreword: the quick wins are the
  team's working commitments.

A definition the site administrator already changed is left as it is.
"""

from django.db import migrations

BOTH = "kata_pengantar_kepala_daerah, kata_pengantar_ketua_tim"
OLD_FOREWORD = ("Kata Pengantar", BOTH)
# book code -> (title, narrative keys) of its foreword chapter, or None for no foreword
FOREWORDS = {
    "masterplan": ("Sambutan Kepala Daerah", "kata_pengantar_kepala_daerah"),
    "ringkasan-eksekutif": None,
    "profil-quick-win": ("Kata Pengantar", "kata_pengantar_ketua_tim"),
}
BUKU_2 = "masterplan"
VISION_CHAPTER = "Arah dan Visi Smart City"


def _forewords(ChapterDefinition, code):
    return ChapterDefinition.objects.filter(book__code=code, front_matter=True, kind="narrative")


def forward(apps, schema_editor):
    ChapterDefinition = apps.get_model("books", "ChapterDefinition")
    for code, new in FOREWORDS.items():
        for chapter in _forewords(ChapterDefinition, code):
            if (chapter.title, chapter.narrative_keys) != OLD_FOREWORD:
                continue  # changed by the site administrator: theirs
            if new is None:
                chapter.delete()
            else:
                chapter.title, chapter.narrative_keys = new
                chapter.save(update_fields=["title", "narrative_keys"])
    ChapterDefinition.objects.filter(
        book__code=BUKU_2, title=VISION_CHAPTER, kind="vision_mission_goals"
    ).update(kind="vision_reference")


def backward(apps, schema_editor):
    BookDefinition = apps.get_model("books", "BookDefinition")
    ChapterDefinition = apps.get_model("books", "ChapterDefinition")
    ChapterDefinition.objects.filter(book__code=BUKU_2, title=VISION_CHAPTER, kind="vision_reference").update(
        kind="vision_mission_goals"
    )
    for code, new in FOREWORDS.items():
        book = BookDefinition.objects.filter(code=code).first()
        if book is None:
            continue
        if new is None:
            if not _forewords(ChapterDefinition, code).exists():
                ChapterDefinition.objects.create(
                    book=book, order=10, title=OLD_FOREWORD[0], kind="narrative", narrative_keys=BOTH, front_matter=True
                )
            continue
        _forewords(ChapterDefinition, code).filter(title=new[0], narrative_keys=new[1]).update(
            title=OLD_FOREWORD[0], narrative_keys=BOTH
        )


class Migration(migrations.Migration):
    dependencies = [("books", "0003_cover_logo_vision_reference")]

    operations = [migrations.RunPython(forward, backward)]

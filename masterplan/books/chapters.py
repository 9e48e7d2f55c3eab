"""The registries a book is built from: the kinds of chapter and the narrative texts Diskominfo
writes.

A site administrator composes books from these kinds in the admin. Each kind prints a list of
sections (``layout._kind_sections``); each section is a print partial in
``templates/print/sections/<section kind>.html``. Adding a kind means an entry here (and a
migration: the chapter's check constraint lists the kinds), the data parts it needs in
``selectors.KIND_PARTS``, its sections in ``layout._kind_sections`` and a partial per new section.
"""

from django.utils.translation import gettext_lazy as _


class ChapterKind:
    NARRATIVE = "narrative"
    REGIONAL_PROFILE = "regional_profile"
    READINESS = "readiness"
    GAP = "gap"
    SWOT = "swot"
    VISION_MISSION_GOALS = "vision_mission_goals"
    VISION_REFERENCE = "vision_reference"
    STRATEGIES = "strategies"
    PROGRAMS = "programs"
    ACTION_PLAN = "action_plan"
    ROADMAP = "roadmap"
    GOVERNANCE = "governance"
    EXECUTIVE_SUMMARY = "executive_summary"
    QUICK_WIN_PROFILES = "quick_win_profiles"
    CLOSING = "closing"

    CHOICES = [
        (NARRATIVE, _("Teks naratif")),
        (REGIONAL_PROFILE, _("Profil daerah")),
        (READINESS, _("Analisis kesiapan")),
        (GAP, _("Analisis kesenjangan")),
        (SWOT, _("SWOT per dimensi")),
        (VISION_MISSION_GOALS, _("Visi, misi dan sasaran")),
        (VISION_REFERENCE, _("Visi, dengan rujukan ke bab visi, misi dan sasaran buku lain")),
        (STRATEGIES, _("Strategi per dimensi")),
        (PROGRAMS, _("Program per jangka waktu per dimensi")),
        (ACTION_PLAN, _("Tabel rencana aksi")),
        (ROADMAP, _("Peta jalan per tahun")),
        (GOVERNANCE, _("Tata kelola pelaksanaan")),
        (EXECUTIVE_SUMMARY, _("Ringkasan eksekutif")),
        (QUICK_WIN_PROFILES, _("Profil quick win (satu halaman per quick win)")),
        (CLOSING, _("Penutup")),
    ]
    VALUES = [value for value, _label in CHOICES]


# Narrative texts: key -> the heading it prints under. Order is the order of the editing list.
NARRATIVE_KEYS = {
    "kata_pengantar_kepala_daerah": _("Sambutan Kepala Daerah"),
    "kata_pengantar_ketua_tim": _("Kata Pengantar Ketua Tim Pelaksana"),
    "latar_belakang": _("Latar Belakang"),
    "maksud_tujuan": _("Maksud dan Tujuan"),
    "dasar_hukum": _("Dasar Hukum"),
    "ruang_lingkup": _("Ruang Lingkup"),
    "profil_daerah": _("Gambaran Umum Daerah"),
    "arah_pembangunan": _("Arah Pembangunan Smart City"),
    "ringkasan_eksekutif": _("Pengantar Ringkasan Eksekutif"),
    "tata_kelola": _("Kerangka Tata Kelola"),
    "monitoring_evaluasi": _("Monitoring dan Evaluasi"),
    "penutup": _("Penutup"),
}


def narrative_title(key):
    return NARRATIVE_KEYS.get(key, key.replace("_", " ").title())

"""The conversation of a section in one thread: transitions with their notes, comments (with the
entry each is about), answers and resolutions, oldest first, on the section page and on its
review page; never another region's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dimensions.review import selectors, services
from dimensions.review.selectors import ConversationItem as Item
from tests import factories as f

from .conftest import review_url

SUBMIT_NOTE = "Mohon ditinjau: SWOT dan program hasil Tahap I."
CHANGES_NOTE = "Lengkapi sumber data pada butir kekuatan."
RESUBMIT_NOTE = "Sumber data sudah dilengkapi."
APPROVE_NOTE = "Sudah baik."


@pytest.fixture
def reviewed(world):
    """Garut's environment section through a whole round: submitted, commented (an entry, a road
    map year, an entry deleted since, the section), changes requested, answered and resolved in
    one step, submitted again, approved."""
    g = world.garut
    section = g.env_section
    step = f.RoadmapEntryFactory(program=g.program, year=2025, activity="Uji coba")
    gone = f.GapItemFactory(section=section, gap="Kesenjangan yang nanti dihapus")
    services.section_submit(section, g.opd, SUBMIT_NOTE)
    on_swot = services.comment_add(section, world.expert, "Sebutkan sumber datanya.", entry=g.swot)
    on_step = services.comment_add(section, world.expert, "Tahun 2025 terlalu cepat?", entry=step)
    on_gone = services.comment_add(section, world.expert, "Kesenjangan ini kurang jelas.", entry=gone)
    on_section = services.comment_add(section, world.expert, "Secara umum sudah baik.")
    services.section_request_changes(section, world.expert, CHANGES_NOTE)
    services.comment_resolve(on_swot, g.opd, "Sumber: SIPSN KLHK 2023.")
    gone.delete()
    services.section_submit(section, g.opd, RESUBMIT_NOTE)
    services.section_approve(section, world.expert, APPROVE_NOTE)
    return {"swot": on_swot, "step": on_step, "gone": on_gone, "section": on_section, "roadmap": step}


def test_one_thread_oldest_first_with_notes_entries_and_answers(world, reviewed):
    g = world.garut
    items = selectors.section_conversation(g.env_section)
    said = [(i.kind, i.text, i.actor.username) for i in items]
    assert said == [
        (Item.TRANSITION, SUBMIT_NOTE, "opd-garut"),
        (Item.COMMENT, "Sebutkan sumber datanya.", "ahli"),
        (Item.COMMENT, "Tahun 2025 terlalu cepat?", "ahli"),
        (Item.COMMENT, "Kesenjangan ini kurang jelas.", "ahli"),
        (Item.COMMENT, "Secara umum sudah baik.", "ahli"),
        (Item.TRANSITION, CHANGES_NOTE, "ahli"),
        (Item.ANSWER, "Sumber: SIPSN KLHK 2023.", "opd-garut"),
        (Item.RESOLVED, "", "opd-garut"),
        (Item.TRANSITION, RESUBMIT_NOTE, "opd-garut"),
        (Item.TRANSITION, APPROVE_NOTE, "ahli"),
    ]
    assert [i.transition.kind for i in items if i.kind == Item.TRANSITION] == [
        "submit",
        "request_changes",
        "submit",
        "approve",
    ]
    by_text = {i.text: i for i in items}
    swot = by_text["Sebutkan sumber datanya."].entry
    assert (swot.label, swot.anchor, swot.review_anchor) == (
        str(g.swot),
        f"entry-swot-{g.swot.pk}",
        f"butir-swotentry-{g.swot.pk}",
    )
    # The answer and the resolution name their thread and its entry.
    answer = by_text["Sumber: SIPSN KLHK 2023."]
    assert answer.thread == reviewed["swot"] and answer.entry == swot
    # A road map year has no row of its own: the link goes to its program's row.
    step = by_text["Tahun 2025 terlalu cepat?"].entry
    assert step.anchor == f"entry-program-{g.program.pk}"
    assert step.review_anchor == f"butir-roadmapentry-{reviewed['roadmap'].pk}"
    # Deleted since: named, not linked.
    gone = by_text["Kesenjangan ini kurang jelas."].entry
    assert gone.label == "Kesenjangan yang nanti dihapus" and gone.anchor == gone.review_anchor == ""
    assert by_text["Secara umum sudah baik."].entry is None


def test_conversation_queries_are_flat(world):
    """Three queries (transitions, comments with their people, which entries still exist),
    whatever the number of transitions, comments, answers and kinds of entry commented on."""
    g = world.garut
    section = g.env_section

    def talk(n):
        for i in range(n):
            entries = [
                f.SwotEntryFactory(section=section),
                f.RoadmapEntryFactory(program=g.program, year=2024 + i % 5),
                f.IndicatorFactory(goal=f.GoalFactory(section=section)),
                f.GapItemFactory(section=section),
            ]
            for entry in entries:
                thread = services.comment_add(section, world.expert, f"Komentar {i}", entry=entry)
                services.comment_resolve(thread, g.opd, f"Jawaban {i}")
            services.comment_add(section, world.expert, f"Umum {i}")
            services.section_submit(section, g.opd, f"Ajuan {i}")
            services.section_request_changes(section, world.expert, f"Perbaiki {i}")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            items = selectors.section_conversation(section)
        return len(ctx.captured_queries), items

    talk(1)
    count()  # the content types, cached from then on
    few, small = count()
    talk(4)
    many, big = count()
    assert few == many == 3
    assert len(big) == 5 * len(small)


def test_section_page_and_review_page_show_the_thread(world, reviewed, login):
    g = world.garut
    workspace = login(g.dewan).get(f"/r/garut/sections/{g.env_section.pk}/").content.decode()
    review = login(g.opd).get(review_url(g)).content.decode()
    for html in (workspace, review):
        thread = html[html.index('id="percakapan"') :]
        thread = thread[: thread.index("</section>")]
        for note in (SUBMIT_NOTE, CHANGES_NOTE, RESUBMIT_NOTE, APPROVE_NOTE, "Sumber: SIPSN KLHK 2023."):
            assert note in thread
        assert thread.index(SUBMIT_NOTE) < thread.index(CHANGES_NOTE) < thread.index(APPROVE_NOTE)
        assert "Kesenjangan yang nanti dihapus" in thread and "butir sudah dihapus" in thread
    # The section page links the entry's row on it; the review page its card there.
    assert f'href="#entry-swot-{g.swot.pk}"' in workspace
    assert f'href="#butir-swotentry-{g.swot.pk}"' in review
    assert f'href="#komentar-{reviewed["swot"].pk}"' in review


def test_other_regions_never_see_the_thread(world, reviewed, login):
    g, t = world.garut, world.tegal
    services.section_submit(t.env_section, t.opd, "Catatan ajuan Tegal")
    for user in (t.opd, t.dewan, world.outsider):
        client = login(user)
        assert client.get(f"/r/garut/sections/{g.env_section.pk}/").status_code == 404
        assert client.get(review_url(g)).status_code == 404
    # Garut's people, even the administrator, reach Tegal's section through the Garut URL: 404.
    for user in (g.opd, world.expert, world.admin):
        assert login(user).get(f"/r/garut/sections/{t.env_section.pk}/review/").status_code == 404
    # Each page shows its own section's conversation only.
    for html in (
        login(g.opd).get(f"/r/garut/sections/{g.env_section.pk}/").content.decode(),
        login(world.expert).get(review_url(g)).content.decode(),
    ):
        assert SUBMIT_NOTE in html and "Catatan ajuan Tegal" not in html
    tegal = login(t.opd).get(review_url(t)).content.decode()
    assert "Catatan ajuan Tegal" in tegal and SUBMIT_NOTE not in tegal

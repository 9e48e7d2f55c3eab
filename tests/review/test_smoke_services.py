from dimensions.review import services
from dimensions.review.models import SectionTransition


def test_entry_changed_reopens_approved(world):
    s = world.garut.env_section
    assert services.section_is_editable(s)
    services.section_submit(s, world.garut.opd, "siap")
    assert not services.section_is_editable(s)
    services.section_approve(s, world.expert, "ok")
    assert services.section_is_editable(s)
    services.section_entry_changed(s, world.garut.opd)
    s.refresh_from_db()
    assert s.state == "draft"
    assert SectionTransition.objects.filter(section=s, kind="reopen").count() == 1

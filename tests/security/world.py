"""The world the security tests attack: Garut and Tegal (tests/conftest.py's regions) with one
object of every kind a URL can name, in both regions, and a user for every role the matrix
tries. Built once per test module (``module_world`` in conftest.py) and rolled back after it."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from dimensions import services as entry_services
from dimensions.review.models import ReviewComment
from masterplan.books.models import BookDefinition, CoverLogo
from masterplan.models import Document, Membership
from masterplan.notifications.models import Notification
from masterplan.rendering.models import RenderJob
from tests import factories as f
from tests.bimtek.conftest import complete_stage_one
from tests.conftest import _region_world
from tests.masterplan.conftest import pdf_bytes, png_bytes

# Who tries: their role per region (slug -> (role, agency attribute of the region world)).
ROLES = {
    "anonymous": {},
    "dewan": {"garut": ("dewan", None)},
    "opd": {"garut": ("opd", "dlh")},  # the section under attack is DLH's
    "opd_other_agency": {"garut": ("opd", "bappeda")},
    "diskominfo": {"garut": ("diskominfo", None)},
    "expert_unassigned": {"bekasi": ("expert", None)},  # an expert, but of another region
    "expert": {"garut": ("expert", None)},
    "diskominfo_foreign": {"tegal": ("diskominfo", None)},
    "admin": {},  # the site administrator (superuser)
    "coordinator": {},  # the Kominfo programme coordinator: national, reads every region, writes none
}


def _region_objects(rw, users):
    """One object of every kind a URL names, in one region."""
    region, section = rw.region, rw.env_section
    complete_stage_one(rw)  # a stage the expert can sign off: the sign-off really writes
    goal = f.GoalFactory(section=section)
    quick_program = f.ProgramFactory(section=section, horizon="short", start_year=2024, end_year=2024)
    entries = {
        "readiness": section.readinessitems.first(),
        "gap": f.GapItemFactory(section=section),
        "swot": rw.swot,
        "strategy": f.StrategyFactory(section=section),
        "goal": goal,
        "indicator": f.IndicatorFactory(goal=goal),
        "program": rw.program,
        "quickwin": f.QuickWinFactory(program=quick_program),
    }
    gone = f.SwotEntryFactory(section=section, statement=f"Terhapus {region.name}")
    entry_services.entry_delete(section, gone, rw.opd)
    diskominfo = rw.diskominfo
    comment_open = ReviewComment.objects.create(section=section, author=rw.opd, text="Mohon dicek")
    comment_resolved = ReviewComment.objects.create(section=section, author=rw.opd, text="Sudah")
    ReviewComment.objects.filter(pk=comment_resolved.pk).update(resolved_at=comment_open.created_at)
    return SimpleNamespace(
        slug=region.slug,
        region=region,
        section=section,
        agency=rw.dlh,
        agency_empty=f.AgencyFactory(region=region, name="Dinas Kosong", acronym="DK"),  # may be deleted
        membership=Membership.objects.get(user=rw.dewan, region=region),
        document=Document.objects.create(
            region=region, kind="mou", title=f"MoU {region.name}", file=ContentFile(pdf_bytes(), name="mou.pdf")
        ),
        stage=rw.stage,
        stage_signed_off=f.StageFactory(masterplan=rw.masterplan, number=2, status="signed_off"),  # to withdraw
        participant=f.ParticipantFactory(stage=rw.stage),
        entries=entries,
        deleted_swot=gone.pk,
        comment_open=comment_open,
        comment_resolved=comment_resolved,
        logo=CoverLogo.objects.create(region=region, name="Logo", image=ContentFile(png_bytes(), name="logo.png")),
        render_job=RenderJob.objects.create(
            masterplan=rw.masterplan, book=BookDefinition.objects.get(number=3), state=RenderJob.State.DONE
        ),
        notification=Notification.objects.create(recipient=diskominfo, region=region, text="Ada komentar"),
        notification_owner="diskominfo" if region.slug == "garut" else "diskominfo_foreign",
    )


def build_security_world():
    garut = _region_world("Garut", "garut")
    tegal = _region_world("Tegal", "tegal")
    bekasi = f.RegionFactory(name="Bekasi", slug="bekasi")
    worlds = {"garut": garut, "tegal": tegal}
    users = {"anonymous": None, "admin": f.UserFactory(username="admin", is_superuser=True, is_staff=True)}
    users["coordinator"] = f.UserFactory(username="koordinator", is_coordinator=True)
    users |= {"dewan": garut.dewan, "opd": garut.opd, "diskominfo": garut.diskominfo}
    users["diskominfo_foreign"] = tegal.diskominfo
    for key in ("opd_other_agency", "expert_unassigned", "expert"):
        users[key] = f.UserFactory(username=key.replace("_", "-"))
        for slug, (role, agency) in ROLES[key].items():
            region = worlds[slug].region if slug in worlds else bekasi
            f.MembershipFactory(
                user=users[key], region=region, role=role, agency=getattr(worlds[slug], agency) if agency else None
            )
    regions = {slug: _region_objects(rw, users) for slug, rw in worlds.items()}
    return SimpleNamespace(users=users, regions=regions, garut=garut, tegal=tegal)

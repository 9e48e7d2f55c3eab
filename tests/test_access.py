import pytest

from masterplan import access


@pytest.mark.parametrize("who", ["opd", "diskominfo", "dewan"])
def test_region_member_sees_own_region_only(world, who):
    user = getattr(world.garut, who)
    assert list(access.visible_regions(user)) == [world.garut.region]


def test_expert_sees_assigned_regions_only(world):
    assert list(access.visible_regions(world.expert)) == [world.garut.region]


def test_admin_sees_all_and_outsider_none(world):
    assert set(access.visible_regions(world.admin)) == {world.garut.region, world.tegal.region}
    assert list(access.visible_regions(world.outsider)) == []


def test_opd_edits_only_own_agency_section(world):
    opd = world.garut.opd
    assert access.can(opd, access.EDIT_SECTION, world.garut.env_section)
    assert access.can(opd, access.EDIT_SECTION, world.garut.swot)
    assert not access.can(opd, access.EDIT_SECTION, world.garut.gov_section)
    assert not access.can(opd, access.EDIT_SECTION, world.tegal.env_section)
    assert not access.can(world.garut.diskominfo, access.EDIT_SECTION, world.garut.env_section)


def test_scope_cuts_entries_to_visible_regions(world):
    from dimensions.models import SwotEntry

    assert list(access.scope(world.garut.opd, SwotEntry.objects.all())) == [world.garut.swot]
    assert list(access.scope(world.expert, SwotEntry.objects.all())) == [world.garut.swot]
    assert access.scope(world.admin, SwotEntry.objects.all()).count() == 2


@pytest.mark.parametrize(
    "who,action,allowed",
    [
        ("diskominfo", access.MANAGE, True),
        ("opd", access.MANAGE, False),
        ("dewan", access.MANAGE, False),
        ("dewan", access.VIEW, True),
    ],
)
def test_role_actions(world, who, action, allowed):
    assert access.can(getattr(world.garut, who), action, world.garut.region) is allowed
    assert access.can(getattr(world.garut, who), action, world.tegal.region) is False

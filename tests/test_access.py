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


def test_memberships_are_read_in_one_query_and_an_agency_only_when_asked(world, django_assert_num_queries):
    from masterplan.models import User

    # An expert's memberships have no agency: one query, none more to build their Membership.
    expert = User.objects.get(pk=world.expert.pk)
    with django_assert_num_queries(1):
        m = access.membership(expert, world.garut.region)
        assert m.role == "expert" and m.agency_id is None and m.agency is None
    # An OPD representative's agency comes with a second query, on first need, and is theirs.
    opd = User.objects.get(pk=world.garut.opd.pk)
    with django_assert_num_queries(1):
        assert access.role_in(opd, world.garut.region) == "opd"
    with django_assert_num_queries(1):
        m = access.membership(opd, world.garut.region)
        assert m.agency == world.garut.env_section.agency and m.agency.region_id == world.garut.region.pk
    with django_assert_num_queries(0):
        assert access.membership(opd, world.garut.region).agency.name == world.garut.env_section.agency.name
        assert access.membership(opd, world.tegal.region) is None

import pytest

from tests import factories as f


@pytest.fixture
def people(world):
    """Every role the review cares about, for the Garut environment section (agency DLH)."""
    g = world.garut
    other_opd = f.UserFactory(username="opd-bappeda-garut")
    f.MembershipFactory(user=other_opd, region=g.region, role="opd", agency=g.bappeda)
    tegal_expert = f.UserFactory(username="ahli-tegal")
    f.MembershipFactory(user=tegal_expert, region=world.tegal.region, role="expert")
    return {
        "opd": g.opd,
        "opd_other_agency": other_opd,
        "diskominfo": g.diskominfo,
        "dewan": g.dewan,
        "expert": world.expert,
        "expert_tegal_only": tegal_expert,
        "admin": world.admin,
        "opd_tegal": world.tegal.opd,
        "outsider": world.outsider,
    }


def review_url(region_world, section=None):
    section = section or region_world.env_section
    return f"/r/{region_world.region.slug}/sections/{section.pk}/review/"

"""Every kind's edit form is headed with its name as written in Indonesian ("Ubah butir SWOT",
not the label lower-cased: "Ubah butir swot"), on the page and in place."""

from dimensions.kinds import KINDS

from .conftest import HX, entry_url, fill

EXPECTED = {
    "readiness": "Ubah butir kesiapan",
    "gap": "Ubah butir kesenjangan",
    "swot": "Ubah butir SWOT",
    "strategy": "Ubah strategi",
    "goal": "Ubah sasaran",
    "indicator": "Ubah indikator",
    "program": "Ubah program",
    "quickwin": "Ubah quick win",
}


def test_every_kind_has_its_edit_heading(world, login):
    g = world.garut
    fill(g.env_section, 1)  # one entry of every kind
    client = login(g.opd)
    assert set(EXPECTED) == set(KINDS)
    for code, kind in KINDS.items():
        assert str(kind.edit_label) == EXPECTED[code]
        entry = kind.in_section(g.env_section).order_by("pk").first()
        url = entry_url("entry_edit", g.region, g.env_section, code, entry.pk)
        fragment = client.get(url, **HX).content.decode()
        assert f'<h3 class="h6">{EXPECTED[code]}</h3>' in fragment, code
    swot = KINDS["swot"].in_section(g.env_section).first()
    page = client.get(entry_url("entry_edit", g.region, g.env_section, "swot", swot.pk)).content.decode()
    assert '<h1 class="h3">Ubah butir SWOT</h1>' in page and "Ubah butir SWOT · " in page

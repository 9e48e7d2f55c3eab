def test_review_page_renders(world, login):
    c = login(world.expert)
    r = c.get(f"/r/garut/sections/{world.garut.env_section.pk}/review/")
    assert r.status_code == 200, r.content[:3000]
    r = c.get("/review/")
    assert r.status_code == 200
    r = c.get("/notifications/")
    assert r.status_code == 200

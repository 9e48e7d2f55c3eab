"""The notification list, the navbar count, marking read; nobody sees another's notifications."""

from masterplan.notifications.models import Notification
from masterplan.notifications.services import notify


def _notify(user, text="Bagian diajukan", url="/review/"):
    return notify([user], "submitted", text, url, region=None)[0]


def test_list_shows_own_notifications_and_navbar_count(world, login):
    mine = _notify(world.expert, "Untuk ahli")
    _notify(world.garut.opd, "Untuk OPD")
    client = login(world.expert)
    html = client.get("/notifications/").content.decode()
    assert "Untuk ahli" in html and "Untuk OPD" not in html
    assert 'id="nav-notifications"' in html
    assert '1<span class="visually-hidden"> belum dibaca' in html
    # Opening it marks it read and follows its link.
    response = client.get(f"/notifications/{mine.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/review/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    html = client.get("/notifications/").content.decode()
    assert "belum dibaca</span>" not in html


def test_mark_one_and_all_read(world, login):
    a = _notify(world.expert, "A")
    b = _notify(world.expert, "B")
    other = _notify(world.garut.opd, "C")
    client = login(world.expert)
    client.post(f"/notifications/{a.pk}/read/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    client.post("/notifications/read-all/")
    b.refresh_from_db()
    other.refresh_from_db()
    assert b.read_at is not None
    assert other.read_at is None  # someone else's stays unread


def test_someone_elses_notification_is_404(world, login):
    theirs = _notify(world.garut.opd)
    client = login(world.expert)
    assert client.get(f"/notifications/{theirs.pk}/open/").status_code == 404
    assert client.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_outside_link_is_not_followed(world, login):
    n = _notify(world.expert, url="https://evil.example/")
    response = login(world.expert).get(f"/notifications/{n.pk}/open/")
    assert response["Location"] == "/notifications/"


def test_mark_read_needs_post_and_login(client, world, login):
    n = _notify(world.expert)
    assert client.get("/notifications/").status_code == 302
    assert login(world.expert).get(f"/notifications/{n.pk}/read/").status_code == 405


def test_navbar_count_is_one_query(world, login, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    for i in range(5):
        _notify(world.expert, f"n{i}")
    request = RequestFactory().get("/")
    request.user = world.expert
    template = Template("{% load notification_tags %}{% notifications_nav %}")
    with django_assert_num_queries(2):  # the count, and the user's memberships (cached afterwards)
        html = template.render(Context({"request": request}))
    assert ">5<" in html.replace(" ", "") or "5<span" in html
    assert "Antrean tinjauan" in html  # an expert, outside a region
    with django_assert_num_queries(1):
        template.render(Context({"request": request}))


def test_phone_badge_and_menu_share_one_count(world, login, django_assert_num_queries):
    """The badge beside the collapsed menu (phones) and the menu's own count: one COUNT query."""
    from django.template import Context, Template
    from django.test import RequestFactory

    for i in range(2):
        _notify(world.expert, f"n{i}")
    html = login(world.expert).get("/notifications/").content.decode()
    assert 'aria-label="2 notifikasi belum dibaca"' in html and 'href="/notifications/"' in html
    request = RequestFactory().get("/")
    request.user = world.expert
    template = Template(
        "{% load notification_tags %}{% unread_notifications as unread_notifications %}"
        "[{{ unread_notifications }}]{% notifications_nav %}"
    )
    with django_assert_num_queries(2):  # the count, and the user's memberships
        html = template.render(Context({"request": request}))
    assert "[2]" in html and "2<span" in html.replace(" ", "")


def test_review_queue_link_in_region_nav_for_experts(world, login):
    html = login(world.expert).get("/r/garut/").content.decode()
    assert 'href="/review/"' in html
    html = login(world.garut.opd).get("/r/garut/").content.decode()
    assert 'href="/review/"' not in html


def test_pages_keep_the_unread_filter(world, login):
    for i in range(31):  # one more than a page
        _notify(world.expert, f"Catatan {i}")
    client = login(world.expert)
    first = client.get("/notifications/?unread=1").content.decode()
    assert 'aria-label="Halaman notifikasi"' in first and "Halaman 1 dari 2" in first
    assert 'href="?unread=1&amp;page=2" rel="next"' in first
    second = client.get("/notifications/?unread=1&page=2").content.decode()
    assert "Halaman 2 dari 2" in second and 'href="?unread=1&amp;page=1" rel="prev"' in second

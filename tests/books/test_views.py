"""The narrative text pages: Diskominfo writes, the region reads, other regions get 404."""

import pytest
from django.urls import reverse

from masterplan.books.models import NarrativeText


def list_url(slug="garut"):
    return reverse("narrative_text_list", args=[slug])


def edit_url(key="latar_belakang", slug="garut"):
    return reverse("narrative_text_edit", args=[slug, key])


@pytest.mark.parametrize("who", ["diskominfo", "opd", "dewan", "expert", "admin"])
def test_region_members_read_the_list_and_texts(world, login, who):
    user = world.expert if who == "expert" else world.admin if who == "admin" else getattr(world.garut, who)
    NarrativeText.objects.create(
        masterplan=world.garut.masterplan, key="latar_belakang", html="<p>Latar belakang Garut</p>"
    )
    client = login(user)
    response = client.get(list_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Latar Belakang" in content and "Buku 1: Pendahuluan" in content
    response = client.get(edit_url())
    assert response.status_code == 200
    content = response.content.decode()
    may_edit = who in ("diskominfo", "admin")
    assert ('name="html"' in content) is may_edit
    if may_edit:  # in the textarea, escaped
        assert "&lt;p&gt;Latar belakang Garut&lt;/p&gt;" in content
    else:  # shown as the sanitised HTML it is
        assert "<p>Latar belakang Garut</p>" in content


@pytest.mark.parametrize("who", ["opd", "dewan", "expert"])
def test_only_managers_may_save(world, login, who):
    user = world.expert if who == "expert" else getattr(world.garut, who)
    response = login(user).post(edit_url(), {"html": "<p>Bukan hak saya</p>"})
    assert response.status_code == 403
    assert not NarrativeText.objects.exists()


def test_diskominfo_saves_sanitised_text(world, login):
    client = login(world.garut.diskominfo)
    response = client.post(edit_url(), {"html": '<p onclick="x()">Garut <script>alert(1)</script>cerdas</p>'})
    assert response.status_code == 302 and response["Location"] == list_url()
    text = NarrativeText.objects.get(masterplan=world.garut.masterplan, key="latar_belakang")
    assert text.html == "<p>Garut cerdas</p>"
    assert text.updated_by == world.garut.diskominfo
    # the list shows it written, by whom
    content = client.get(list_url()).content.decode()
    assert "Sudah ditulis" in content


def test_edit_keeps_version_and_refuses_stale_overwrite(world, login):
    client = login(world.garut.diskominfo)
    client.post(edit_url(), {"html": "Versi satu"})
    text = NarrativeText.objects.get()
    loaded_at = text.updated_at.isoformat()
    # someone else saves in between
    client.post(edit_url(), {"html": "Versi dua", "loaded_at": loaded_at})
    response = client.post(edit_url(), {"html": "Versi tiga (basi)", "loaded_at": loaded_at})
    assert response.status_code == 200
    content = response.content.decode()
    assert "telah diubah oleh" in content
    assert "Versi tiga (basi)" in content  # what was typed is kept
    assert NarrativeText.objects.get().html == "<p>Versi dua</p>"


def preview_url(key="latar_belakang", slug="garut"):
    return reverse("narrative_text_preview", args=[slug, key])


def test_preview_prints_the_unsaved_text_as_the_book_and_saves_nothing(world, login):
    client = login(world.garut.diskominfo)
    typed = {"html": "<p>Pratinjau <em>ini</em><script>x()</script></p>"}
    # Without JavaScript: the document itself (a new tab), in the book's print stylesheet.
    content = client.post(preview_url(), typed).content.decode()
    assert '<div class="narrative"><p>Pratinjau <em>ini</em></p></div>' in content
    assert "print/book.css" in content and "<script>x()" not in content
    # htmx: the same document, escaped into an iframe (srcdoc) below the form.
    response = client.post(preview_url(), typed, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<iframe" in content and "<html" not in content
    assert "&lt;p&gt;Pratinjau &lt;em&gt;ini&lt;/em&gt;&lt;/p&gt;" in content
    assert "x()" not in content
    # An empty editor prints what the book prints for a text not written yet.
    assert "belum ditulis" in client.post(preview_url(), {"html": "<p><br></p>"}).content.decode()
    assert client.get(preview_url()).status_code == 405
    assert not NarrativeText.objects.exists()


def test_preview_is_for_the_managers_of_the_region_only(world, login):
    typed = {"html": "<p>Rahasia</p>"}
    assert login(world.garut.opd).post(preview_url(), typed).status_code == 403
    assert login(world.tegal.diskominfo).post(preview_url(), typed).status_code == 404
    assert login(world.garut.diskominfo).post(preview_url("bukan_kunci"), typed).status_code == 404
    assert login(world.tegal.diskominfo).post(preview_url(slug="tegal"), typed).status_code == 200


def test_help_text_is_plain_guidance_not_markup(world, login):
    content = login(world.garut.diskominfo).get(edit_url()).content.decode()
    help_text = content[content.index('id="id_html_helptext"') :]
    help_text = help_text[: help_text.index("</div>")]
    assert "Tulis seperti di pengolah kata" in help_text
    assert "<" not in help_text.split(">", 1)[1]  # no tag inside the help text
    # the editor is there for the script, and the textarea stays the form field without it
    assert 'data-narrative-editor="id_html"' in content and '<textarea name="html"' in content


def test_too_long_text_is_refused_with_a_message(world, login):
    response = login(world.garut.diskominfo).post(edit_url(), {"html": "x" * 60_001})
    assert response.status_code == 200
    assert "Data belum tersimpan" in response.content.decode()
    assert not NarrativeText.objects.exists()


def test_unknown_key_is_404(world, login):
    assert login(world.garut.diskominfo).get(edit_url("bukan_kunci")).status_code == 404


@pytest.mark.parametrize("who", ["diskominfo", "opd", "dewan"])
def test_foreign_region_is_404(world, login, who):
    client = login(getattr(world.tegal, who))
    assert client.get(list_url("garut")).status_code == 404
    assert client.get(edit_url(slug="garut")).status_code == 404
    assert client.post(edit_url(slug="garut"), {"html": "x"}).status_code == 404
    assert not NarrativeText.objects.exists()


def test_expert_of_another_region_and_outsider_get_404(world, login):
    assert login(world.expert).get(list_url("tegal")).status_code == 404
    assert login(world.outsider).get(edit_url()).status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(list_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_texts_of_one_region_never_show_in_another(world, login):
    NarrativeText.objects.create(masterplan=world.tegal.masterplan, key="latar_belakang", html="<p>Rahasia Tegal</p>")
    content = login(world.garut.diskominfo).get(edit_url()).content.decode()
    assert "Rahasia Tegal" not in content

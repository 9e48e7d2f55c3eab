"""Books assembled from parts (issue 12): each body chapter laid out alone and cached by its
content hash, the front matter and the footers put right at assembly. An edit of one entry lays
out that entry's chapter again and nothing else of the body, and the book that comes out is the
one a single WeasyPrint document gives: same pages, same numbers, contents and bookmarks."""

import pytest

from masterplan.books.services import book_pdf_render, book_pdf_render_single, book_plan_build
from tests.books.layoutcheck import book_problems, page_labels, read_pdf
from tests.books.pdfcheck import heading_page, lines, outline_titles, page_texts, reader, toc_entries


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def toc_problems(pdf):
    """Contents lines whose page number is not the number printed where that heading is."""
    texts = page_texts(pdf)
    labels = page_labels(read_pdf(pdf))
    entries, toc_pages = toc_entries(texts)
    assert len(entries) > 10
    problems = []
    for title, page in entries:
        if title in ("Daftar Isi", "Daftar Tabel", "Daftar Gambar"):
            found = next(i + 1 for i in toc_pages if title in lines(texts[i])[:3])
        else:
            found = heading_page(texts, title, skip_pages=toc_pages)
        if not found or labels[found - 1] != page:
            problems.append((title, page, found and labels[found - 1]))
    return problems


def bookmark_problems(pdf):
    """Bookmarks whose destination page does not hold their heading."""
    r = reader(pdf)
    texts = page_texts(pdf)
    _entries, toc_pages = toc_entries(texts)
    problems = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            title = " ".join(item.title.split())
            target = r.get_destination_page_number(item) + 1
            if title in ("Daftar Isi", "Daftar Tabel", "Daftar Gambar"):  # the contents pages' own headings
                expected = next(i + 1 for i in toc_pages if title in lines(texts[i])[:3])
            else:
                expected = heading_page(texts, title, skip_pages=toc_pages)
            if target != expected:
                problems.append((title, target, expected))

    walk(r.outline)
    return problems


def font_programs(pdf):
    """The embedded font programs of the book (each once, whatever uses it)."""
    found = set()
    for page in reader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for holder in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                descriptor = holder["/FontDescriptor"].get_object() if "/FontDescriptor" in holder else {}
                found |= {descriptor.raw_get(k).idnum for k in ("/FontFile", "/FontFile2") if k in descriptor}
    return found


def link_targets(pdf):
    """(page of a link, page it goes to) of every internal link of the book."""
    r = reader(pdf)
    named = r.named_destinations  # a single WeasyPrint document links by name
    found = []
    for number, page in enumerate(r.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot:
                dest = annot["/Dest"]
                target = named[str(dest)].page if isinstance(dest, str) else dest[0]
                found.append((number, r.get_page_number(target.get_object())))
    return sorted(found)


def test_one_entry_edited_lays_out_only_its_chapter_and_every_number_stays_right(book_world):
    mp, book = book_world.masterplan, book_world.books[1]
    plan = book_plan_build(mp, book)
    swot_key = next(p.key for p in plan.parts if "SWOT" in p.title)

    first = book_pdf_render(mp, book)
    assert set(first.parts_laid_out) == {p.key for p in plan.parts} | {"front", "footer"}
    again = book_pdf_render(mp, book)
    assert again.parts_laid_out == []  # nothing changed: every part from the cache
    assert page_texts(again.pdf) == page_texts(first.pdf)

    # One SWOT entry grows by a few pages: the chapters after it move, are not laid out again.
    swot = book_world.garut.swot
    swot.statement = "Bank sampah aktif di setiap kecamatan dengan pencatatan digital. " * 120
    swot.save()
    edited = book_pdf_render(mp, book)
    assert edited.page_count > first.page_count
    assert set(edited.parts_laid_out) == {swot_key, "front", "footer"}

    assert book_problems(edited.pdf) == []  # i, ii, iii; then "Halaman k dari N" on every page
    assert toc_problems(edited.pdf) == []
    assert bookmark_problems(edited.pdf) == []
    assert "BAB VII Penutup" in outline_titles(edited.pdf)

    # The same book a single WeasyPrint document gives, page for page.
    single = book_pdf_render_single(mp, book)
    assert page_texts(edited.pdf) == page_texts(single.pdf)
    assert outline_titles(edited.pdf) == outline_titles(single.pdf)
    links = link_targets(edited.pdf)
    assert len(links) > 10 and links == link_targets(single.pdf)  # the contents link where it says
    # Each part embeds the subsets of its fonts: a few kilobytes a font and part, not a multiple
    # of the book (docs/benchmarks.md has the sizes of the long books).
    parts = len(plan.parts) + 2  # and the front matter and the footers
    assert len(font_programs(edited.pdf)) <= len(font_programs(single.pdf)) * parts
    assert len(edited.pdf) < len(single.pdf) + parts * 32 * 1024


def test_a_chapter_edit_does_not_change_other_chapters_hashes(book_world):
    mp, book = book_world.masterplan, book_world.books[1]
    before = {p.key: p.content_hash for p in book_plan_build(mp, book).parts}
    swot = book_world.garut.swot
    swot.statement = "Kekuatan yang ditulis ulang"
    swot.save()
    after = {p.key: p.content_hash for p in book_plan_build(mp, book).parts}
    changed = [key for key in before if before[key] != after[key]]
    assert len(changed) == 1 and changed[0] in after


def test_parts_unused_for_a_month_are_pruned(settings):
    import os
    import time
    from pathlib import Path

    from masterplan.books.services import PART_CACHE, part_cache_prune

    folder = Path(settings.MEDIA_ROOT) / PART_CACHE
    (folder / "plans").mkdir(parents=True)
    old, fresh = "a" * 64, "b" * 64
    for name in (old, fresh):
        (folder / f"{name}.pdf").write_bytes(b"%PDF-")
        (folder / f"{name}.json").write_text("{}")
    (folder / "plans" / "job-1.json").write_text("{}")
    month_ago = time.time() - 31 * 86400
    for path in (folder / f"{old}.json", folder / "plans" / "job-1.json"):
        os.utime(path, (month_ago, month_ago))

    assert part_cache_prune() == 2
    assert sorted(p.name for p in folder.glob("*")) == sorted(["plans", f"{fresh}.json", f"{fresh}.pdf"])


def test_long_chapters_cut_into_parts_give_the_same_book(book_world, monkeypatch):
    """Buku 2's chapters whose sections open a page (strategies, programs, action plan, road map)
    are cut before such a section once a part holds PART_HTML_SIZE characters: here every one,
    as in garut-x10's. The running header, the numbering of sections, captions, contents and
    bookmarks go on across the cut as in one document."""
    from masterplan.books import services

    monkeypatch.setattr(services, "PART_HTML_SIZE", 1)
    mp, book = book_world.masterplan, book_world.books[2]
    plan = book_plan_build(mp, book)
    continued = [p.key for p in plan.parts if p.key.count("-") == 2]  # "bab-4-3": from section 4.3 on
    assert len(continued) >= 4 * 5

    cut = book_pdf_render(mp, book)
    single = book_pdf_render_single(mp, book)
    assert page_texts(cut.pdf) == page_texts(single.pdf)  # running headers and footers included
    assert outline_titles(cut.pdf) == outline_titles(single.pdf)
    assert _outline_shape(cut.pdf) == _outline_shape(single.pdf)
    assert link_targets(cut.pdf) == link_targets(single.pdf)
    assert book_problems(cut.pdf) == [] and toc_problems(cut.pdf) == [] and bookmark_problems(cut.pdf) == []


def _outline_shape(pdf):
    """The bookmarks as nested lists of titles: chapters with their sections under them."""

    def walk(items):
        return [walk(item) if isinstance(item, list) else " ".join(item.title.split()) for item in items]

    return walk(reader(pdf).outline)

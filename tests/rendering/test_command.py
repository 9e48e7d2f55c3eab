"""`render_books SLUG [--book N ...] [--output-dir DIR]`: renders through the same service (jobs in
the database), writes DIR/SLUG-buku-N.pdf and prints pages and seconds per book."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masterplan.rendering.models import RenderJob
from tests.rendering.helpers import pdf_reader, pdf_text


def run(*args):
    out = StringIO()
    call_command("render_books", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_writes_the_chosen_books_and_prints_pages_and_seconds(world, books, tmp_path):
    out_dir = tmp_path / "out"
    output = run("garut", "--book", "3", "--book", "4", "--output-dir", str(out_dir))

    assert sorted(p.name for p in out_dir.iterdir()) == ["garut-buku-3.pdf", "garut-buku-4.pdf"]
    jobs = {job.book.number: job for job in RenderJob.objects.select_related("book")}
    assert set(jobs) == {3, 4}
    for number in (3, 4):
        job = jobs[number]
        assert job.state == RenderJob.State.DONE and job.requested_by is None
        assert len(pdf_reader(out_dir / f"garut-buku-{number}.pdf").pages) == job.page_count
        assert f"Buku {number} {job.book.title}: {job.page_count} halaman, {job.seconds:.2f} detik, draf" in output
    assert "Garut" in pdf_text(out_dir / "garut-buku-3.pdf")
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]  # no temporary file left

    # Again: nothing changed, nothing rendered, the files are written from the last render.
    (out_dir / "garut-buku-3.pdf").unlink()
    output = run("garut", "--book", "3", "--output-dir", str(out_dir))
    assert "tidak berubah sejak render terakhir" in output
    assert RenderJob.objects.count() == 2
    assert (out_dir / "garut-buku-3.pdf").exists()

    # --force renders anyway.
    run("garut", "--book", "3", "--output-dir", str(out_dir), "--force")
    assert RenderJob.objects.filter(book__number=3, state=RenderJob.State.DONE).count() == 2


def test_all_active_books_by_default(world, books, tmp_path):
    output = run("tegal", "--output-dir", str(tmp_path))
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [f"tegal-buku-{n}.pdf" for n in (1, 2, 3, 4)]
    assert output.count(" halaman, ") == 4
    assert not RenderJob.objects.filter(masterplan=world.garut.masterplan).exists()


def test_unknown_region_or_book(world, books, tmp_path):
    with pytest.raises(CommandError, match="Tidak ada daerah"):
        run("nowhere", "--output-dir", str(tmp_path))
    with pytest.raises(CommandError, match="Tidak ada buku bernomor 9"):
        run("garut", "--book", "9", "--output-dir", str(tmp_path))


def test_a_failed_book_is_reported_and_the_command_fails(world, books, tmp_path, monkeypatch):
    def crash(masterplan, book, **kwargs):  # simulates a crash inside the typesetting
        raise RuntimeError("rusak")

    monkeypatch.setattr("masterplan.books.services.book_pdf_render", crash)
    err = StringIO()
    with pytest.raises(CommandError, match="1 buku gagal"):
        call_command(
            "render_books", "garut", "--book", "3", "--output-dir", str(tmp_path), stdout=StringIO(), stderr=err
        )
    assert "GAGAL" in err.getvalue() and "rusak" in err.getvalue()
    assert list(tmp_path.iterdir()) == []
    assert RenderJob.objects.get().state == RenderJob.State.FAILED

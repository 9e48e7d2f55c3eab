from io import BytesIO
from pathlib import Path

from pypdf import PdfReader


def book_files(media_root):
    """Every file under media/books, hidden temporary ones included."""
    folder = Path(media_root) / "books"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def pdf_reader(data):
    """A pypdf reader of PDF bytes or of a file path; fails when the bytes are not a whole PDF."""
    if isinstance(data, (str, Path)):
        data = Path(data).read_bytes()
    assert data.startswith(b"%PDF-"), data[:20]
    assert b"%%EOF" in data[-1024:]
    return PdfReader(BytesIO(data))


def pdf_text(data):
    return "\n".join(page.extract_text() or "" for page in pdf_reader(data).pages)

"""Books: turning a masterplan's book into HTML and PDF bytes, and saving the narrative texts.

The render pipeline (jobs, Celery, files) calls these three; they write nothing to the database:

    book_content_hash(masterplan, book) -> str
    book_html_build(masterplan, book) -> BookHtml
    book_pdf_render(masterplan, book) -> BookPdf

The content hash is the sha256 of the HTML the book is rendered from (all data, narrative texts,
book and chapter definitions and print templates end up in it) plus the print stylesheet, the
font files, the emblem file and the WeasyPrint version: equal hashes give equal PDFs.
"""

from __future__ import annotations

import gc
import hashlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from masterplan.models import Masterplan, Region

from .chapters import NARRATIVE_KEYS
from .layout import Captions, book_outline
from .models import BookDefinition, ChapterDefinition, NarrativeText
from .sanitize import narrative_html_clean
from .selectors import BookData, book_data_collect, book_parts

if TYPE_CHECKING:
    from hashlib import _Hash

    from django.contrib.auth.models import AbstractBaseUser
    from weasyprint.urls import URLFetcherResponse

PRINT_STATIC = "print"


@dataclass
class BookHtml:
    html: str
    base_url: str
    content_hash: str
    is_draft: bool
    title: str


@dataclass
class BookPdf:
    pdf: bytes
    page_count: int
    content_hash: str
    is_draft: bool
    seconds_data: float
    seconds_layout: float
    title: str = ""


def print_static_dir() -> Path:
    """The folder of the print stylesheet and fonts (static/print/), used as the base URL."""
    found = finders.find(f"{PRINT_STATIC}/book.css")
    if found:
        return Path(found).parent
    return Path(settings.STATIC_ROOT) / PRINT_STATIC


def _assets_fingerprint() -> _Hash:
    """What outside the HTML changes the PDF: stylesheet content, font files, WeasyPrint."""
    folder = print_static_dir()
    h = hashlib.sha256()
    h.update(f"weasyprint {weasyprint.__version__}\n".encode())
    h.update((folder / "book.css").read_bytes())
    for font in sorted((folder / "fonts").glob("*")):
        stat = font.stat()
        h.update(f"{font.name} {stat.st_size}\n".encode())
    return h


def _emblem_uri(region: Region) -> str:
    if region.emblem and region.emblem.name:
        try:
            path = Path(region.emblem.path)
        except NotImplementedError:  # remote storage: no emblem in print
            return ""
        if path.exists():
            return path.as_uri()
    return ""


def _book_title(book: BookDefinition, data: BookData) -> str:
    return (
        f"Buku {book.number} {book.title} — Masterplan Smart City {data.region.full_name} "
        f"{data.masterplan.period_start}–{data.masterplan.period_end}"
    )


def _html_from_data(data: BookData, book: BookDefinition, definitions: list[ChapterDefinition]) -> tuple[str, str]:
    emblem = _emblem_uri(data.region)
    with translation.override("id"):
        chapters = book_outline(definitions, data)
        context = {
            "book": book,
            "data": data,
            "region": data.region,
            "masterplan": data.masterplan,
            "chapters": chapters,
            "front_chapters": [c for c in chapters if c.number is None],
            "body_chapters": [c for c in chapters if c.number is not None],
            "captions": Captions(),
            "emblem_uri": emblem,
            "is_draft": data.is_draft,
            "doc_title": _book_title(book, data),
            "author": f"{data.region.full_name} — Diskominfo",
        }
        # The body first: it numbers the captions that the front matter then lists.
        context["body_html"] = mark_safe(render_to_string("print/body.html", context))
        html = render_to_string("print/book.html", context)
    h = _assets_fingerprint()
    h.update(html.encode())
    if emblem:
        stat = Path(data.region.emblem.path).stat()
        h.update(f"emblem {emblem} {stat.st_size} {stat.st_mtime_ns}".encode())
    return html, h.hexdigest()


def book_html_build(masterplan: Masterplan, book: BookDefinition) -> BookHtml:
    """The print HTML of one book of a masterplan (fixed number of queries)."""
    definitions = list(book.chapters.all())
    data = book_data_collect(masterplan, book_parts(definitions))
    html, content_hash = _html_from_data(data, book, definitions)
    return BookHtml(
        html=html,
        base_url=print_static_dir().as_uri() + "/",
        content_hash=content_hash,
        is_draft=data.is_draft,
        title=_book_title(book, data),
    )


def book_content_hash(masterplan: Masterplan, book: BookDefinition) -> str:
    """sha256 of everything the book is rendered from; builds the HTML but never lays it out."""
    return book_html_build(masterplan, book).content_hash


class PrintURLFetcher(weasyprint.URLFetcher):
    """Print resources are the stylesheet, the fonts and the region's emblem: local files under
    the print static folder or MEDIA_ROOT, or data: URIs. Nothing else is read (no http request,
    no other local file), whatever ends up in the HTML."""

    def __init__(self, roots: Iterable[str | Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [Path(r).resolve() for r in roots]

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                raise ValueError(f"Not a print resource: {url}")
        return super().fetch(url, headers)


def _url_fetcher() -> PrintURLFetcher:
    return PrintURLFetcher([print_static_dir(), settings.MEDIA_ROOT])


def book_pdf_render(masterplan: Masterplan, book: BookDefinition) -> BookPdf:
    """The PDF of one book. Progress is logged by WeasyPrint on ``weasyprint.progress``."""
    started = time.perf_counter()
    built = book_html_build(masterplan, book)
    seconds_data = time.perf_counter() - started
    started = time.perf_counter()
    document = weasyprint.HTML(string=built.html, base_url=built.base_url, url_fetcher=_url_fetcher()).render()
    pdf = document.write_pdf()
    seconds_layout = time.perf_counter() - started
    page_count = len(document.pages)
    # WeasyPrint's boxes hold reference cycles: free them now, not at some later collection that
    # would be billed to whatever runs next in this process.
    del document
    gc.collect()
    return BookPdf(
        pdf=pdf,
        page_count=page_count,
        content_hash=built.content_hash,
        is_draft=built.is_draft,
        seconds_data=seconds_data,
        seconds_layout=seconds_layout,
        title=built.title,
    )


_TAG = re.compile(r"</?(p|br|ul|ol|li|strong|b|em|i|a|table|thead|tbody|tr|th|td)\b[^>]*>", re.I)
_BLOCK_TAG = re.compile(r"<(p|ul|ol|table)\b", re.I)


def narrative_input_to_html(text: str | None) -> str:
    """What a person typed, as safe HTML. Plain text (no allowed tag in it) is escaped and becomes
    paragraphs (blank lines) and line breaks; inline-only HTML gets the same paragraphs; then
    everything is cut down to the allowed subset."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not _TAG.search(text):
        text = linebreaks(text)  # escapes, then <p> per blank-line block and <br> per line
    elif not _BLOCK_TAG.search(text):
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        text = "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks)
    return narrative_html_clean(text)


@transaction.atomic
def narrative_text_save(
    masterplan: Masterplan, key: str, text: str, user: AbstractBaseUser | None, loaded_at: str = ""
) -> NarrativeText:
    """Save one narrative text of a masterplan, sanitised. ``loaded_at`` (the text's updated_at
    when the form was opened) refuses to overwrite a later save by someone else."""
    if key not in NARRATIVE_KEYS:
        raise ValidationError(_("Jenis teks tidak dikenal."))
    current = NarrativeText.objects.select_for_update().filter(masterplan=masterplan, key=key).first()
    if current and loaded_at != current.updated_at.isoformat():
        raise ValidationError(
            {
                "html": _(
                    "Teks ini telah diubah oleh %(who)s setelah Anda membukanya. Salin isian Anda, muat ulang "
                    "halaman, lalu gabungkan perubahannya."
                )
                % {"who": current.updated_by or _("pengguna lain")}
            }
        )
    text_obj = current or NarrativeText(masterplan=masterplan, key=key)
    text_obj.html = narrative_input_to_html(text)
    text_obj.updated_by = user
    text_obj.save()
    return text_obj

"""Books: turning a masterplan's book into HTML and PDF bytes; saving the narrative texts and the
cover logos.

The render pipeline (jobs, Celery, files) calls these three; they write nothing to the database:

    book_content_hash(masterplan, book) -> str
    book_html_build(masterplan, book) -> BookHtml
    book_pdf_render(masterplan, book) -> BookPdf

The content hash is the sha256 of the HTML the book is rendered from (all data, narrative texts,
book and chapter definitions and print templates end up in it) plus the print stylesheet, the
font files, the emblem and logo files and the WeasyPrint version: equal hashes give equal PDFs,
but for the date of the edition on the cover. That date is the day the PDF is rendered and is
left out of the hash on purpose: unchanged content is the same edition, so the last PDF, with the
date it was made, stands.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import linebreaks, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from masterplan import uploads
from masterplan.formats import format_date
from masterplan.models import Masterplan, Region

from .assembly import PART_FORMAT, PartPdf, footer_overlay_html, part_render
from .assembly import book_assemble as assemble_parts
from .assets import print_static_dir
from .chapters import NARRATIVE_KEYS, ChapterKind
from .layout import PAGE_PER_SECTION, Captions, ChapterView, SectionView, book_outline
from .models import BookDefinition, ChapterDefinition, CoverLogo, NarrativeText
from .sanitize import narrative_html_clean
from .selectors import BookData, book_data_collect, book_parts, chapter_references, region_cover_logos

if TYPE_CHECKING:
    from hashlib import _Hash

    from django.contrib.auth.models import AbstractBaseUser
    from weasyprint.urls import URLFetcherResponse


@dataclass
class BookHtml:
    html: str
    base_url: str
    content_hash: str
    is_draft: bool
    title: str
    # The uploaded files the book prints (the region's emblem and cover logos): the only media the
    # renderer may read, whatever else the HTML names.
    media_files: tuple[Path, ...] = ()


@dataclass
class BookPdf:
    pdf: bytes
    page_count: int
    content_hash: str
    is_draft: bool
    seconds_data: float
    seconds_layout: float
    title: str = ""
    parts_laid_out: list[str] = field(default_factory=list)  # "bab-3", "front", "footer"


def _assets_fingerprint() -> _Hash:
    """What outside the HTML changes the PDF: stylesheet content, font files, WeasyPrint."""
    folder = print_static_dir()
    h = hashlib.sha256()
    h.update(f"weasyprint {weasyprint.__version__}, parts {PART_FORMAT}\n".encode())
    h.update((folder / "book.css").read_bytes())
    for font in sorted((folder / "fonts").glob("*")):
        stat = font.stat()
        h.update(f"{font.name} {stat.st_size}\n".encode())
    return h


def _media_path(field_file: FieldFile) -> Path | None:
    """The local file of an uploaded image, if there is one to print."""
    if field_file and field_file.name:
        try:
            path = Path(field_file.path)
        except NotImplementedError:  # remote storage: not printed
            return None
        if path.exists():
            return path
    return None


def _file_fingerprint(label: str, path: Path) -> bytes:
    stat = path.stat()
    return f"{label} {path.as_uri()} {stat.st_size} {stat.st_mtime_ns}\n".encode()


# Stands for the edition date while the content hash is taken (see the module docstring).
EDITION_DATE_MARK = "[[tanggal-edisi]]"


def edition_date_text(day: datetime.date | None = None) -> str:
    """The date of an edition as the cover prints it: "5 Juli 2025" (today in the site's zone)."""
    with translation.override("id"):
        return format_date(day or timezone.localdate())


def _book_title(book: BookDefinition, data: BookData) -> str:
    return (
        f"Buku {book.number} {book.title} — Masterplan Smart City {data.region.full_name} "
        f"{data.masterplan.period_start}–{data.masterplan.period_end}"
    )


def _cover_media(data: BookData) -> tuple[Path | None, list[tuple[CoverLogo, Path]]]:
    """The region's emblem and the cover logos, as files the renderer may read."""
    emblem = _media_path(data.region.emblem)
    logos = [(logo, path) for logo in region_cover_logos(data.region) if (path := _media_path(logo.image))]
    return emblem, logos


def _print_context(
    data: BookData,
    book: BookDefinition,
    definitions: list[ChapterDefinition],
    emblem: Path | None,
    logos: list[tuple[CoverLogo, Path]],
    **extra: object,
) -> dict:
    """What the print templates read, for the whole book and for a book in parts alike."""
    references = chapter_references(book, {ChapterKind.VISION_MISSION_GOALS} if _refers(definitions) else ())
    chapters = book_outline(definitions, data, references)
    return {
        "book": book,
        "data": data,
        "region": data.region,
        "masterplan": data.masterplan,
        "chapters": chapters,
        "front_chapters": [c for c in chapters if c.number is None],
        "body_chapters": [c for c in chapters if c.number is not None],
        "captions": Captions(),
        "emblem_uri": emblem.as_uri() if emblem else "",
        "cover_logos": [{"name": logo.name, "uri": path.as_uri()} for logo, path in logos],
        "edition_date": EDITION_DATE_MARK,
        "is_draft": data.is_draft,
        "doc_title": _book_title(book, data),
        "author": f"{data.region.full_name} — Diskominfo",
        **extra,
    }


def _html_from_data(
    data: BookData, book: BookDefinition, definitions: list[ChapterDefinition]
) -> tuple[str, str, tuple[Path, ...]]:
    emblem, logos = _cover_media(data)
    with translation.override("id"):
        context = _print_context(data, book, definitions, emblem, logos)
        # The body first: it numbers the captions that the front matter then lists.
        context["body_html"] = mark_safe(render_to_string("print/body.html", context))
        html = render_to_string("print/book.html", context)
    h = _assets_fingerprint()
    h.update(html.encode())
    if emblem:
        h.update(_file_fingerprint("emblem", emblem))
    for _logo, path in logos:
        h.update(_file_fingerprint("logo", path))
    media_files = ((emblem,) if emblem else ()) + tuple(path for _logo, path in logos)
    return html.replace(EDITION_DATE_MARK, edition_date_text()), h.hexdigest(), media_files


# --- books rendered as parts (issue 12) -----------------------------------------------------------
# A body chapter is one part, the cover and front matter another; each part is laid out alone
# and cached under its content hash (PART_CACHE), and the assembly (assembly.py) joins them. The
# front matter is built with page marks ("[[halaman:bab-3-1]]") where its contents print body
# page numbers: the assembly writes the numbers once the chapters' page counts are known, so
# only the front matter (a few pages) is laid out again when a chapter grows or shrinks.

PAGE_MARK = re.compile(r"\[\[halaman:([^\]]+)\]\]")
PART_CACHE = "book-parts"  # under MEDIA_ROOT: <hash>.pdf and <hash>.json (assembly.PartPdf)
PART_CACHE_DAYS = 30  # a part not used for this long is removed (part_cache_prune)
# Print HTML per part of a long chapter: about 50 pages of program tables (measured on garut-x10),
# so that a worker process lays out about that much at a time (memory) and the parts of a long
# book spread over the workers (time); a short chapter stays one part.
PART_HTML_SIZE = 250_000


@dataclass
class BookPart:
    key: str  # the chapter's anchor ("bab-3"), or "front"
    title: str
    html: str
    content_hash: str


@dataclass
class BookPlan:
    """Everything a book's parts and its assembly need, JSON-safe (``asdict``) so that the render
    tasks of other worker processes can read it."""

    book_number: int
    book_title: str
    title: str
    author: str
    is_draft: bool
    content_hash: str  # of the whole book, as book_content_hash
    base_url: str
    media_files: list[str]
    front_html: str  # with page marks
    front_fingerprint: str  # the media the front matter prints (emblem, logos)
    parts: list[BookPart]

    @classmethod
    def from_dict(cls, data: dict) -> BookPlan:
        return cls(**{**data, "parts": [BookPart(**p) for p in data["parts"]]})


def _plan_from_data(data: BookData, book: BookDefinition, definitions: list[ChapterDefinition]) -> BookPlan:
    emblem, logos = _cover_media(data)
    assets = _assets_fingerprint()
    with translation.override("id"):
        context = _print_context(data, book, definitions, emblem, logos, page_marks=True)
        parts = []
        # The body first: it numbers the captions that the front matter then lists.
        for chapter in context["body_chapters"]:
            for key, html in _chapter_parts_html(chapter, context):
                h = assets.copy()
                h.update(html.encode())
                parts.append(BookPart(key, chapter.running_title, html, h.hexdigest()))
        front_html = render_to_string("print/part.html", context)
    media = hashlib.sha256()
    if emblem:
        media.update(_file_fingerprint("emblem", emblem))
    for _logo, path in logos:
        media.update(_file_fingerprint("logo", path))
    whole = assets.copy()
    whole.update(front_html.encode())
    for part in parts:
        whole.update(part.content_hash.encode())
    whole.update(media.digest())
    return BookPlan(
        book_number=book.number,
        book_title=book.title,
        title=_book_title(book, data),
        author=context["author"],
        is_draft=data.is_draft,
        content_hash=whole.hexdigest(),
        base_url=print_static_dir().as_uri() + "/",
        media_files=[str(p) for p in ((emblem,) if emblem else ()) + tuple(path for _logo, path in logos)],
        front_html=front_html,
        front_fingerprint=media.hexdigest(),
        parts=parts,
    )


def _chapter_parts_html(chapter: ChapterView, context: dict) -> list[tuple[str, str]]:
    """(key, HTML) of the parts of one body chapter: the whole chapter, or for a long chapter whose
    sections open a page (layout.PAGE_PER_SECTION) runs of sections of about PART_HTML_SIZE
    characters each, cut before a section that opens a page (so the book is the same page for
    page however it is cut). The key is the anchor the part starts with."""
    if chapter.kind not in PAGE_PER_SECTION:
        return [(chapter.anchor, render_to_string("print/part.html", {**context, "chapter": chapter}))]
    runs: list[list[tuple[SectionView, str]]] = [[]]
    for section in chapter.sections:
        html = render_to_string("print/section.html", {**context, "chapter": chapter, "section": section})
        size = sum(len(h) for _s, h in runs[-1])
        if runs[-1] and section.heading and section.new_page and size + len(html) > PART_HTML_SIZE:
            runs.append([])
        runs[-1].append((section, html))
    parts = []
    for index, run in enumerate(runs):
        sections_html = mark_safe("".join(html for _s, html in run))
        part_context = {**context, "chapter": chapter, "continued": index > 0, "sections_html": sections_html}
        parts.append((run[0][0].anchor if index else chapter.anchor, render_to_string("print/part.html", part_context)))
    return parts


def book_plan_build(masterplan: Masterplan, book: BookDefinition) -> BookPlan:
    """The parts of one book of a masterplan, each with its HTML and content hash (fixed number of
    queries); nothing is laid out."""
    definitions = list(book.chapters.all())
    data = book_data_collect(masterplan, book_parts(definitions))
    return _plan_from_data(data, book, definitions)


def _part_cache_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / PART_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _part_cached(content_hash: str) -> PartPdf | None:
    folder = _part_cache_dir()
    pdf_path, meta_path = folder / f"{content_hash}.pdf", folder / f"{content_hash}.json"
    try:
        meta = json.loads(meta_path.read_text())  # written last: its presence means the PDF is whole
        pdf = pdf_path.read_bytes()
    except (FileNotFoundError, ValueError):
        return None
    os.utime(meta_path)  # used: kept by part_cache_prune
    return PartPdf(pdf=pdf, meta=meta)


def book_parts_ready(plan: BookPlan) -> list[PartPdf]:
    """The body parts of the plan that are laid out and cached (their PDFs not read)."""
    ready = []
    for part in plan.parts:
        with suppress(FileNotFoundError, ValueError):
            meta = json.loads((_part_cache_dir() / f"{part.content_hash}.json").read_text())
            ready.append(PartPdf(pdf=b"", meta=meta))
    return ready


def book_part_is_cached(content_hash: str) -> bool:
    """Is a part of this content laid out and cached already?"""
    return (_part_cache_dir() / f"{content_hash}.json").exists()


def _part_store(content_hash: str, part: PartPdf) -> None:
    folder = _part_cache_dir()
    for name, data in ((f"{content_hash}.pdf", part.pdf), (f"{content_hash}.json", json.dumps(part.meta).encode())):
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / name)


def part_cache_prune(days: int = PART_CACHE_DAYS) -> int:
    """Remove the cached parts (and plans of render jobs) no render used for ``days`` days;
    returns how many."""
    folder = _part_cache_dir()
    limit = time.time() - days * 86400
    removed = 0
    for meta in [*folder.glob("*.json"), *folder.glob("plans/*.json")]:
        with suppress(FileNotFoundError):
            if meta.stat().st_mtime < limit:
                meta.unlink()
                meta.with_suffix(".pdf").unlink(missing_ok=True)
                removed += 1
    return removed


def _render_part_cached(
    content_hash: str, html: str, base_url: str, media_files: Iterable[str | Path] = ()
) -> tuple[PartPdf, bool]:
    """(the part, whether it was laid out now): from the cache when its hash is there."""
    cached = _part_cached(content_hash)
    if cached is not None:
        return cached, False
    # Font subsets per part: WeasyPrint's whole fonts (full_fonts) would be shared across the
    # parts, but their text maps ligatures ("fi") to wrong characters, for search and copy.
    part = part_render(html, base_url, _url_fetcher(Path(p) for p in media_files))
    _part_store(content_hash, part)
    return part, True


def book_part_render(plan: BookPlan, index: int) -> tuple[PartPdf, bool]:
    """Body part ``index`` of the plan, laid out unless cached: (the part, laid out now)."""
    part = plan.parts[index]
    return _render_part_cached(part.content_hash, part.html, plan.base_url)


class _MissingAnchorsQuiet(logging.Filter):
    """The front matter's contents link to anchors of the chapters, which its own document does not
    hold: WeasyPrint says so for every entry; the assembly makes those links."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("No anchor #")


def book_assemble(plan: BookPlan, parts: list[PartPdf]) -> tuple[bytes, int, list[str]]:
    """The book's PDF from its laid-out body parts: the front matter with the body's page numbers
    written in (laid out again only when they or it changed), the footer overlay, the join.
    Returns (PDF, page count, keys of the parts laid out here)."""
    laid_out = []
    body_pages = 0
    where: dict[str, int] = {}
    for part in parts:
        for name, (index, _x, _y) in part.meta["anchors"].items():
            where.setdefault(name, body_pages + index + 1)
        body_pages += part.meta["pages"]
    edition = edition_date_text()
    front_html = PAGE_MARK.sub(lambda m: str(where.get(m[1], "?")), plan.front_html).replace(EDITION_DATE_MARK, edition)
    h = _assets_fingerprint()
    h.update(front_html.encode())
    h.update(plan.front_fingerprint.encode())
    quiet = _MissingAnchorsQuiet()
    weasyprint_logger = logging.getLogger("weasyprint")
    weasyprint_logger.addFilter(quiet)
    try:
        front, now = _render_part_cached(h.hexdigest(), front_html, plan.base_url, plan.media_files)
    finally:
        weasyprint_logger.removeFilter(quiet)
    if now:
        laid_out.append("front")
    footer = None
    if parts:
        h = _assets_fingerprint()
        h.update(f"footer overlay {body_pages}".encode())
        footer, now = _render_part_cached(h.hexdigest(), footer_overlay_html(body_pages), plan.base_url)
        if now:
            laid_out.append("footer")
    metadata = {
        "/Title": plan.title,
        "/Author": plan.author,
        "/Subject": f"Buku {plan.book_number} {plan.book_title}",
        "/Creator": "Masterplan Smart City",
        "/Producer": f"WeasyPrint {weasyprint.__version__}, pypdf",
    }
    pdf = assemble_parts(front, parts, footer, metadata)
    return pdf, front.meta["pages"] + body_pages, laid_out


def _refers(definitions: list[ChapterDefinition]) -> bool:
    """Does the book refer to another book's vision chapter (and so need to know where it is)?"""
    return any(d.kind == ChapterKind.VISION_REFERENCE for d in definitions)


def book_html_build(masterplan: Masterplan, book: BookDefinition) -> BookHtml:
    """The print HTML of one book of a masterplan (fixed number of queries)."""
    definitions = list(book.chapters.all())
    data = book_data_collect(masterplan, book_parts(definitions))
    html, content_hash, media_files = _html_from_data(data, book, definitions)
    return BookHtml(
        html=html,
        base_url=print_static_dir().as_uri() + "/",
        content_hash=content_hash,
        is_draft=data.is_draft,
        title=_book_title(book, data),
        media_files=media_files,
    )


def book_content_hash(masterplan: Masterplan, book: BookDefinition) -> str:
    """sha256 of everything the book is rendered from; builds the HTML but never lays it out."""
    return book_plan_build(masterplan, book).content_hash


class PrintURLFetcher(weasyprint.URLFetcher):
    """Print resources are the stylesheet and the fonts (local files under the print static
    folder), the rendering region's own emblem and cover logos (those files exactly), and data:
    URIs. Nothing else is read (no http request, no other local file: not another region's
    upload under MEDIA_ROOT), whatever ends up in the HTML."""

    def __init__(self, roots: Iterable[str | Path], files: Iterable[str | Path] = ()) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [Path(r).resolve() for r in roots]
        self.files = {Path(f).resolve() for f in files}

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if path not in self.files and not any(path.is_relative_to(root) for root in self.roots):
                raise ValueError(f"Not a print resource: {url}")
        return super().fetch(url, headers)


def _url_fetcher(media_files: Iterable[Path] = ()) -> PrintURLFetcher:
    return PrintURLFetcher([print_static_dir()], media_files)


def book_pdf_render(
    masterplan: Masterplan, book: BookDefinition, on_part: Callable[[int, int, int], object] | None = None
) -> BookPdf:
    """The PDF of one book, assembled from its parts laid out one after the other in this process
    (those cached from an earlier render are not laid out again). The render tasks do the same
    with the parts spread over the workers (masterplan.rendering). ``on_part(done, total, pages)``
    hears of each part ready."""
    started = time.perf_counter()
    plan = book_plan_build(masterplan, book)
    seconds_data = time.perf_counter() - started
    started = time.perf_counter()
    parts, laid_out = [], []
    for index in range(len(plan.parts)):
        part, now = book_part_render(plan, index)
        parts.append(part)
        if now:
            laid_out.append(plan.parts[index].key)
        if on_part is not None:
            on_part(index + 1, len(plan.parts), sum(p.meta["pages"] for p in parts))
    pdf, page_count, assembled = book_assemble(plan, parts)
    return BookPdf(
        pdf=pdf,
        page_count=page_count,
        content_hash=plan.content_hash,
        is_draft=plan.is_draft,
        seconds_data=seconds_data,
        seconds_layout=time.perf_counter() - started,
        title=plan.title,
        parts_laid_out=laid_out + assembled,
    )


def book_pdf_render_single(masterplan: Masterplan, book: BookDefinition) -> BookPdf:
    """The PDF of one book as one WeasyPrint document (the way before issue 12): the reference the
    assembled book is compared with (tests, benchmark)."""
    started = time.perf_counter()
    built = book_html_build(masterplan, book)
    seconds_data = time.perf_counter() - started
    started = time.perf_counter()
    fetcher = _url_fetcher(built.media_files)
    document = weasyprint.HTML(string=built.html, base_url=built.base_url, url_fetcher=fetcher).render()
    pdf = document.write_pdf()
    seconds_layout = time.perf_counter() - started
    page_count = len(document.pages)
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
    everything is cut down to the allowed subset. A text without a word is empty (an emptied
    editor still sends a paragraph)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not _TAG.search(text):
        text = linebreaks(text)  # escapes, then <p> per blank-line block and <br> per line
    elif not _BLOCK_TAG.search(text):
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        text = "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks)
    html = narrative_html_clean(text)
    return html if strip_tags(html).strip() else ""


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


# --- cover logos ---------------------------------------------------------------------------------

COVER_LOGO_MAX_BYTES = 2 * 1024 * 1024  # a logo prints a few centimetres wide
MAX_COVER_LOGOS = 6  # what one row at the foot of the cover holds


@transaction.atomic
def cover_logo_add(region: Region, *, name: str, image: File, uploaded_by: AbstractBaseUser | None = None) -> CoverLogo:
    """Add a mark to the covers of the region's books, after the ones it has. The image must be
    PNG or JPEG by its content (masterplan.uploads), whatever its name says."""
    Region.objects.select_for_update().filter(pk=region.pk).first()  # one add at a time per region
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Isi nama logo, mis. Gerakan Menuju Kota Cerdas.")})
    existing = list(CoverLogo.objects.filter(region=region).values_list("order", flat=True))
    if len(existing) >= MAX_COVER_LOGOS:
        raise ValidationError(
            _("Sampul memuat paling banyak %(n)s logo. Hapus logo yang tidak dipakai lebih dulu.")
            % {"n": MAX_COVER_LOGOS}
        )
    try:
        kind = uploads.validate_upload(image, uploads.IMAGE_KINDS, COVER_LOGO_MAX_BYTES)
    except ValidationError as exc:
        raise ValidationError({"image": exc.messages}) from exc
    uploads.normalise_name(image, kind)
    logo = CoverLogo(region=region, name=name, image=image, order=max(existing, default=0) + 1, uploaded_by=uploaded_by)
    logo.full_clean(exclude=["image", "uploaded_by"])
    logo.save()
    return logo


@transaction.atomic
def cover_logo_remove(logo: CoverLogo) -> None:
    """Take a mark off the covers; its file goes once the deletion is committed."""
    storage, name = logo.image.storage, logo.image.name
    logo.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))

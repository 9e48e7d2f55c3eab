"""A book put together from parts rendered apart: each body chapter and the front matter is its own
WeasyPrint document (a "part"), and the assembly joins their pages into one PDF with pypdf.

What a part knows only of itself is laid out in it (running header, content, its own links); what
depends on the whole book is done here, so that a change of one chapter's length never lays out
another chapter again:

- the body's footers ("Halaman k dari N") are stamped: one small WeasyPrint document of N pages
  with nothing but the footer (the same @page rule as the book, so the same font, size and place)
  whose pages are drawn over the body pages as form XObjects;
- the bookmarks (outline) of all parts, with their pages offset;
- the links: every internal link of a part, to an anchor in any part (the table of contents in
  the front matter points into the chapters), as explicit destinations;
- fonts: each part embeds the subsets of the fonts it uses, a few kilobytes per font and part
  (about 20 KB a part with the pypdf objects around them, docs/benchmarks.md). Whole fonts
  (WeasyPrint's ``full_fonts``) would be the same program in every part, to be written once,
  but WeasyPrint 70 then maps ligatures ("fi") to wrong characters in the text layer.

A part is described by ``PartPdf.meta`` (JSON-safe, cached next to its PDF): page count, its
anchors, bookmarks and links in PDF coordinates of its own pages.
"""

from __future__ import annotations

import gc
import io
from dataclasses import dataclass
from typing import Any

import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# The layout of PartPdf.meta: part of every part's content hash, so a cache written by another
# version of this module is never read.
PART_FORMAT = 2
# WeasyPrint's CSS pixel in PDF points (96 px = 72 pt).
PX = 0.75


@dataclass
class PartPdf:
    pdf: bytes
    meta: dict[str, Any]


def _point(page_height_pt: float, x: float, y: float) -> list[float]:
    return [round(x * PX, 3), round(page_height_pt - y * PX, 3)]


def part_render(html: str, base_url: str, url_fetcher: weasyprint.URLFetcher, **write_options: Any) -> PartPdf:
    """Lay one part out and describe it: its pages, anchors, bookmarks and internal links (those
    to anchors it does not hold included: the assembly resolves them in the other parts)."""
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=url_fetcher).render()
    anchors: dict[str, list] = {}
    links: list[list] = []
    bookmarks: list[list] = []  # [level, label, page, x, y]: nested at assembly, across parts
    for index, page in enumerate(document.pages):
        height = page.height * PX
        for name, (x, y, _w, _h) in page.anchors.items():
            anchors.setdefault(name, [index, *_point(height, x, y)])
        for level, label, (x, y), _state in page.bookmarks:
            bookmarks.append([level, label, index, *_point(height, x, y)])
        for link_type, target, rect, _box in page.links:
            if link_type in ("internal", "external"):
                x1, y1 = _point(height, rect[0], rect[1])
                x2, y2 = _point(height, rect[2], rect[3])
                links.append([index, link_type, target, [x1, y2, x2, y1]])
    meta = {
        "pages": len(document.pages),
        "anchors": anchors,
        "links": links,
        "bookmarks": bookmarks,
    }
    pdf = document.write_pdf(**write_options)
    # WeasyPrint's boxes hold reference cycles: free them now, not at some later collection.
    del document
    gc.collect()
    return PartPdf(pdf=pdf, meta=meta)


def footer_overlay_html(pages: int) -> str:
    """A document of ``pages`` empty body pages: only their margin boxes print, and the body's
    @page rules of book.css number them "Halaman k dari N" exactly as in a single-document book
    (the running header is empty: it comes from the parts)."""
    blank = '<div class="overlay-page"></div>' * max(pages - 1, 0)
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><link rel="stylesheet" href="book.css">'
        f'</head><body><div class="body-matter">{blank}<div class="overlay-page" id="akhir-isi"></div></div>'
        "</body></html>"
    )


def _stamp(writer: PdfWriter, page: Any, overlay: Any, name: str, q_ref: Any) -> None:
    """Draw ``overlay`` (a page of another document) over ``page`` as a form XObject, without
    parsing either content stream: [q] + the page's streams + [Q name Do]. The form is named in
    the resources the pages of one part share (``name`` is unique in the book)."""
    form = DecodedStreamObject()
    form.set_data(overlay.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in overlay.mediabox),
            NameObject("/Resources"): overlay["/Resources"].clone(writer),
        }
    )
    resources = page["/Resources"].get_object()
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[NameObject(name)] = writer._add_object(form)
    contents = page["/Contents"].get_object() if "/Contents" in page else ArrayObject()
    streams = list(contents) if isinstance(contents, ArrayObject) else [page.raw_get("/Contents")]
    do_ref = _stream(writer, f"Q\nq {name} Do Q\n".encode())
    page[NameObject("/Contents")] = ArrayObject([q_ref, *streams, do_ref])


def _stream(writer: PdfWriter, data: bytes) -> Any:
    s = DecodedStreamObject()
    s.set_data(data)
    return writer._add_object(s)


def book_assemble(front: PartPdf, body: list[PartPdf], footer: PartPdf | None, metadata: dict[str, str]) -> bytes:
    """One PDF: the front matter's pages, then each body part's, the footer overlay's page k drawn
    over body page k; bookmarks, links and metadata of the whole book."""
    writer = PdfWriter()
    offsets = []
    for part in [front, *body]:
        offsets.append(len(writer.pages))
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False, excluded_fields=["/Annots", "/B"])
    body_start = offsets[1] if body else len(writer.pages)

    if footer is not None:
        overlay = PdfReader(io.BytesIO(footer.pdf))
        q_ref = _stream(writer, b"q\n")
        for k, page in enumerate(writer.pages[body_start:]):
            _stamp(writer, page, overlay.pages[k], f"/MPFooter{k + 1}", q_ref)

    # anchors of the whole book: the first part that holds a name wins, as in one document
    anchors: dict[str, tuple[int, float, float]] = {}
    for offset, part in zip(offsets, [front, *body], strict=True):
        for name, (index, x, y) in part.meta["anchors"].items():
            anchors.setdefault(name, (offset + index, x, y))
    for offset, part in zip(offsets, [front, *body], strict=True):
        for index, link_type, target, rect in part.meta["links"]:
            annotation = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Link"),
                    NameObject("/Rect"): ArrayObject(FloatObject(v) for v in rect),
                    NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(0)}),
                }
            )
            if link_type == "internal":
                if target not in anchors:
                    continue
                page_index, x, y = anchors[target]
                annotation[NameObject("/Dest")] = ArrayObject(
                    [
                        writer.pages[page_index].indirect_reference,
                        NameObject("/XYZ"),
                        FloatObject(x),
                        FloatObject(y),
                        NumberObject(0),
                    ]
                )
            else:
                annotation[NameObject("/A")] = DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Action"),
                        NameObject("/S"): NameObject("/URI"),
                        NameObject("/URI"): TextStringObject(target),
                    }
                )
            page = writer.pages[offset + index]
            if "/Annots" not in page:
                page[NameObject("/Annots")] = ArrayObject()
            page["/Annots"].get_object().append(writer._add_object(annotation))

    # The bookmarks of all parts in order, nested by level: a part that continues a chapter holds
    # section bookmarks that belong under the chapter's, in an earlier part.
    open_items: list[tuple[int, Any]] = []
    for offset, part in zip(offsets, [front, *body], strict=True):
        for level, label, index, x, y in part.meta["bookmarks"]:
            while open_items and open_items[-1][0] >= level:
                open_items.pop()
            item = writer.add_outline_item(
                title=label,
                page_number=offset + index,
                parent=open_items[-1][1] if open_items else None,
                fit=Fit.xyz(left=x, top=y, zoom=0),
            )
            open_items.append((level, item))

    writer.add_metadata(metadata)
    writer._root_object[NameObject("/Lang")] = TextStringObject("id")
    # roman page labels for the front matter after the cover, arabic from BAB I, as printed
    writer.set_page_label(0, 0, prefix="Sampul")  # the cover prints no number
    if body_start > 1:
        writer.set_page_label(1, body_start - 1, "/r")
    if body:
        writer.set_page_label(body_start, len(writer.pages) - 1, "/D")
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

"""Reading rendered books back: text per page, the table of contents, fonts, bookmarks."""

import io
import re

from pypdf import PdfReader

TOC_LINE = re.compile(r"^(?P<title>.+?)(?:\s*\.){3,}\s*(?P<page>\d+|[ivxlc]+)$")


def reader(pdf_bytes):
    return PdfReader(io.BytesIO(pdf_bytes))


def page_texts(pdf_bytes):
    return [page.extract_text() or "" for page in reader(pdf_bytes).pages]


def lines(text):
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def toc_entries(texts):
    """(title, printed page number: "7" or "ii") of each table-of-contents line, and the indexes of
    the TOC pages (the contents and the lists of tables and figures after it)."""
    entries, toc_pages = [], []
    for index, text in enumerate(texts):
        found = [TOC_LINE.match(line) for line in lines(text)]
        found = [m for m in found if m]
        if found and (toc_pages or "Daftar Isi" in text):
            toc_pages.append(index)
            entries += [(m["title"], m["page"]) for m in found]
        elif toc_pages:
            break
    return entries, toc_pages


def heading_page(texts, title, skip_pages=()):
    """The 1-based page on which a heading starts: a chapter "BAB IV X" starts where a line reads
    "BAB IV" followed by the title in capitals; a section where a line starts with its title."""
    m = re.match(r"^BAB ([IVXLC]+) (.+)$", title)
    for index, text in enumerate(texts):
        if index in skip_pages:
            continue
        page_lines = lines(text)
        for k, line in enumerate(page_lines):
            if m:
                if line == f"BAB {m[1]}" and k + 1 < len(page_lines) and page_lines[k + 1] == m[2].upper():
                    return index + 1
            elif line == title or line == title.upper():
                return index + 1
    return None


def font_files_missing(pdf_bytes):
    """Names of fonts in the PDF that do not embed their font program."""
    missing = []
    seen = set()
    for page in reader(pdf_bytes).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            descriptors = []
            if "/FontDescriptor" in font:
                descriptors.append(font["/FontDescriptor"].get_object())
            for descendant in font.get("/DescendantFonts", []):
                d = descendant.get_object()
                if "/FontDescriptor" in d:
                    descriptors.append(d["/FontDescriptor"].get_object())
            if not descriptors or not any(
                key in desc for desc in descriptors for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                missing.append(str(font.get("/BaseFont")))
    return missing


def font_names(pdf_bytes):
    names = set()
    for page in reader(pdf_bytes).pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            names.add(str(ref.get_object().get("/BaseFont")).split("+")[-1])
    return names


def outline_titles(pdf_bytes):
    """Bookmark titles, nested lists flattened."""
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(" ".join(item.title.split()))

    walk(reader(pdf_bytes).outline)
    return out

"""The national table as a file: the same columns in CSV and XLSX, every filtered row."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from masterplan.formats import format_date, roman

from .selectors import STAGE_DONE, RegionRow


def stage_label(region) -> str:
    if region.stage_key is None:
        return _("Belum ada tahap")
    if region.stage_key == STAGE_DONE:
        return _("Semua tahap disahkan")
    return _("Tahap %(n)s") % {"n": roman(region.stage_key)}


def headers(dimensions) -> list[str]:
    columns = [
        _("Daerah"),
        _("Provinsi"),
        _("Kode provinsi"),
        _("Angkatan"),
        _("Tenaga ahli"),
        _("Tahap saat ini"),
        _("Tanggal tahap"),
        _("Bagian disetujui"),
        _("Jumlah bagian"),
    ]
    for d in dimensions:
        columns += [
            _("%(d)s: disetujui") % {"d": d.name},
            _("%(d)s: jumlah bagian") % {"d": d.name},
        ]
    columns += [
        _("Menunggu tinjauan"),
        _("Komentar terbuka"),
        _("Tahap terlambat"),
        _("Buku dirender"),
        _("Buku final"),
        _("Tertinggal"),
    ]
    return columns


def values(row: RegionRow) -> list:
    r = row.region
    out = [
        r.full_name,
        r.province.name,
        r.province.code,
        r.cohort_id,
        ", ".join(u.get_full_name() or u.username for u in row.experts),
        stage_label(r),
        format_date(r.stage_date) if r.stage_date else "",
        r.sections_approved,
        r.sections_total,
    ]
    for cell in row.dimensions:
        out += [cell.approved, cell.total]
    out += [
        r.open_reviews,
        r.open_comments,
        r.overdue_stages,
        r.books_rendered,
        r.books_final,
        _("Ya") if r.is_lagging else _("Tidak"),
    ]
    return out


def as_csv(rows: list[RegionRow], dimensions) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(dimensions))
    for row in rows:
        writer.writerow(values(row))
    return ("\ufeff" + buffer.getvalue()).encode()  # the BOM: spreadsheet programs read it as UTF-8


def as_xlsx(rows: list[RegionRow], dimensions) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Pantauan Nasional"))
    sheet.append(headers(dimensions))
    for row in rows:
        sheet.append(values(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

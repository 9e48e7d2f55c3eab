"""Reading an attendance list (CSV or XLSX) into participant rows.

The import is all-or-nothing: ``parse_attendance`` returns every row with its spreadsheet row
number and, for each invalid row, the messages; the caller imports only when no row has errors.
A file is checked by its content, never by its name: a CSV must decode as text (UTF-8 or
Windows-1252, lines ended by CR LF, LF or CR alone), an XLSX must pass the site's upload check
(masterplan.uploads: what the package unpacks to, no DTDs) and then open with openpyxl. Reading
stops at MAX_TABLE_ROWS rows and MAX_COLUMNS columns, so what a file claims never sets the cost;
whatever is wrong with a file comes back as an AttendanceFileError with a message for the user.
"""

import csv
import io
import logging
import re
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from masterplan.formats import format_id_number
from masterplan.uploads import XLSX, validate_upload

from .models import Participant

logger = logging.getLogger(__name__)

MAX_ROWS = 2000
HEADER_SEARCH_ROWS = 10  # attendance sheets often have a title above the header row
MAX_TABLE_ROWS = 10_000  # rows read, blank ones included
MAX_COLUMNS = 50  # columns read; a sheet may claim all 16,384 and a reader pads every row to that
MAX_LINE_CHARS = 131_072  # a CSV line; the csv module's own cell limit, far above any list's line
# What an XLSX may unpack to (the site-wide limit is larger): 2000 participants take well under 1 MB.
MAX_UNCOMPRESSED = 20 * 1024 * 1024

FIELDS = ["name", "institution", "position", "helix", "email", "phone"]
REQUIRED_COLUMNS = ["name", "institution", "helix"]


def _norm(text):
    """Lowercase letters and digits only: "Unsur / Helix" -> "unsurhelix", "No. HP" -> "nohp"."""
    return re.sub(r"[^0-9a-z]", "", str(text or "").lower())


HEADER_ALIASES = {
    "name": ["nama", "namalengkap", "namapeserta", "name", "fullname"],
    "institution": [
        "instansi",
        "asalinstansi",
        "institusi",
        "lembaga",
        "organisasi",
        "opd",
        "unitkerja",
        "institution",
        "organization",
        "organisation",
        "agency",
    ],
    "position": ["jabatan", "peran", "jabatanperan", "position", "role", "title"],
    "helix": ["unsur", "helix", "unsurhelix", "unsurpentahelix", "pentahelix", "unsurhelixpentahelix"],
    "email": ["email", "surel", "alamatemail", "alamatsurel", "emailaddress"],
    "phone": [
        "telepon",
        "telp",
        "notelp",
        "notelepon",
        "nomortelepon",
        "hp",
        "nohp",
        "nomorhp",
        "telepondanhp",
        "whatsapp",
        "wa",
        "nowa",
        "phone",
        "telephone",
        "mobile",
    ],
}
_HEADER_FIELD = {alias: fname for fname, aliases in HEADER_ALIASES.items() for alias in aliases}

HELIX_WORDS = {
    Participant.Helix.GOVERNMENT: [
        "pemerintah",
        "pemerintahan",
        "pemda",
        "government",
        "gov",
        "g",
    ],
    Participant.Helix.ACADEMIA: [
        "akademisi",
        "akademik",
        "perguruantinggi",
        "universitas",
        "kampus",
        "academia",
        "academic",
        "academics",
        "a",
    ],
    Participant.Helix.BUSINESS: [
        "bisnis",
        "swasta",
        "duniausaha",
        "pengusaha",
        "business",
        "private",
        "privatesector",
        "industri",
        "b",
    ],
    Participant.Helix.COMMUNITY: [
        "komunitas",
        "masyarakat",
        "community",
        "society",
        "civilsociety",
        "c",
        # Civil society organisations are the community helix.
        "lsm",
        "lembagaswadayamasyarakat",
        "ormas",
        "organisasimasyarakat",
        "organisasikemasyarakatan",
        "organisasimasyarakatsipil",
        "masyarakatsipil",
        "kelompokmasyarakat",
        "komunitaslokal",
        "yayasan",
        "ngo",
        "nonprofit",
        "cso",
        "civilsocietyorganisation",
        "civilsocietyorganization",
    ],
    Participant.Helix.MEDIA: ["media", "pers", "press", "m"],
}
_HELIX = {word: helix for helix, words in HELIX_WORDS.items() for word in words}


def helix_from_text(text):
    """The helix a cell names (Indonesian or English, any case), or None."""
    return _HELIX.get(_norm(text))


@dataclass
class ImportRow:
    number: int  # the row number as the spreadsheet shows it
    data: dict
    raw: dict = field(default_factory=dict)  # the cells as typed, for the confirmation step
    errors: list = field(default_factory=list)
    duplicate: bool = False  # already registered, or earlier in the file: skipped, not an error

    @property
    def helix_label(self):
        helix = self.data.get("helix")
        return Participant.Helix(helix).label if helix in Participant.Helix.values else ""


class AttendanceFileError(ValidationError):
    """The file as a whole cannot be read (wrong type, no header, no rows)."""


class ParticipantRowForm(forms.ModelForm):
    """Validates one imported row with the model's own rules."""

    class Meta:
        model = Participant
        fields = FIELDS


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # phone numbers typed as numbers in Excel
    return str(value).strip()


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text):
    """The lines of the text one at a time, with their ends: CR LF, LF, or CR alone as "CSV
    (Macintosh)" from Excel on a Mac has them."""
    for number, match in enumerate(_LINE.finditer(text), start=1):
        line = match.group()
        if len(line) > MAX_LINE_CHARS:
            raise AttendanceFileError(
                _(
                    "Baris %(line)s lebih panjang dari %(max)s karakter. Daftar hadir tidak memuat baris sepanjang "
                    "itu: periksa apakah ini berkas yang benar, lalu simpan ulang dari Excel sebagai CSV."
                )
                % {"line": format_id_number(number), "max": format_id_number(MAX_LINE_CHARS)}
            )
        yield line


def _too_many_rows():
    return AttendanceFileError(
        _(
            "Berkas memuat lebih dari %(rows)s baris (termasuk baris kosong), padahal satu daftar paling banyak "
            "%(max)s peserta. Hapus baris kosong di bawah daftar, atau bagi daftarnya menjadi beberapa berkas."
        )
        % {"rows": format_id_number(MAX_TABLE_ROWS), "max": format_id_number(MAX_ROWS)}
    )


def _read_csv(data):
    if b"\x00" in data[:4096]:
        raise AttendanceFileError(_("Berkas CSV harus berupa teks. Berkas ini tampaknya biner."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise AttendanceFileError(_("Berkas CSV tidak dapat dibaca sebagai teks UTF-8 atau Windows-1252."))
    sample = text[:4096].replace("\r\n", "\n").replace("\r", "\n")  # the sniffer knows LF only
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(_lines(text), dialect)
    rows = []
    start = 1  # the line the row being read starts on
    try:
        for row in reader:
            if len(rows) == MAX_TABLE_ROWS:
                raise _too_many_rows()
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        line = format_id_number(start)
        if "field limit" in str(exc):
            message = _(
                "Mulai baris %(line)s ada sel yang lebih panjang dari %(max)s karakter, biasanya karena tanda "
                'kutip (") yang tidak ditutup. Perbaiki berkasnya lalu unggah lagi.'
            ) % {"line": line, "max": format_id_number(csv.field_size_limit())}
        else:
            message = _(
                "Berkas CSV tidak dapat dibaca di baris %(line)s. Simpan ulang dari Excel sebagai CSV, "
                "atau unggah XLSX."
            ) % {"line": line}
        raise AttendanceFileError(message) from exc
    return rows


def _read_xlsx(data, uploaded):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                raise AttendanceFileError(
                    _("Berkas Excel ini tidak berisi lembar kerja. Salin daftar hadir ke sebuah lembar kerja.")
                )
            rows = []
            sheet = workbook.worksheets[0]
            for row in sheet.iter_rows(max_row=MAX_TABLE_ROWS + 1, max_col=MAX_COLUMNS, values_only=True):
                if len(rows) == MAX_TABLE_ROWS:
                    raise _too_many_rows()
                rows.append([_cell_text(v) for v in row])
            return rows
        finally:
            workbook.close()
    except AttendanceFileError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many kinds for a broken or hostile sheet
        logger.info("attendance import: unreadable XLSX %r: %r", uploaded.name, exc)
        raise _not_excel(uploaded) from exc


EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def _not_excel(uploaded):
    return AttendanceFileError(
        _(
            "Berkas \u201c%(name)s\u201d bukan berkas Excel (XLSX) yang sah: isinya tidak dapat dibaca sebagai "
            "lembar kerja. Buka berkas itu di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx, atau "
            "unggah daftar hadir sebagai CSV."
        )
        % {"name": uploaded.name or "berkas"}
    )


def read_table(uploaded):
    """The rows of an uploaded CSV or XLSX file as lists of strings, chosen by content. A file
    named as a spreadsheet whose content is not one is refused as such (not read as text)."""
    max_bytes = getattr(settings, "UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
    if uploaded.size is not None and uploaded.size > max_bytes:
        raise AttendanceFileError(
            _("Berkas terlalu besar (paling besar %(mb)d MB).") % {"mb": max_bytes // (1024 * 1024)}
        )
    uploaded.seek(0)
    data = uploaded.read()
    if not data:
        raise AttendanceFileError(_("Berkas kosong."))
    if data.startswith(b"PK\x03\x04"):
        _check_xlsx(uploaded)
        return _read_xlsx(data, uploaded)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise AttendanceFileError(_("Berkas XLS lama tidak didukung: simpan ulang sebagai XLSX, atau unggah CSV."))
    if (uploaded.name or "").lower().endswith(EXCEL_SUFFIXES):
        raise _not_excel(uploaded)
    if data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff")):
        raise AttendanceFileError(_("Gunakan berkas CSV atau XLSX (berkas XLS lama: simpan ulang sebagai XLSX)."))
    return _read_csv(data)


def _check_xlsx(uploaded):
    """The site-wide upload check (masterplan.uploads), before openpyxl opens anything: an XLSX
    package by its parts, and what it unpacks to."""
    try:
        validate_upload(uploaded, allowed={XLSX}, max_uncompressed=MAX_UNCOMPRESSED)
    except ValidationError as exc:
        if exc.code in ("unknown_kind", "kind_not_allowed"):
            raise _not_excel(uploaded) from exc
        raise AttendanceFileError(exc.messages) from exc
    finally:
        uploaded.seek(0)


def _find_header(rows):
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for col, cell in enumerate(row):
            fname = _HEADER_FIELD.get(_norm(cell))
            if fname and fname not in columns:
                columns[fname] = col
        if "name" in columns:
            return index, columns
    return None, {}


def _column_label(fname):
    return {
        "name": _("Nama"),
        "institution": _("Instansi"),
        "position": _("Jabatan"),
        "helix": _("Unsur/Helix"),
        "email": _("Email"),
        "phone": _("Telepon"),
    }[fname]


def parse_attendance(uploaded, existing=()):
    """Every data row of the file as an ImportRow, errors included.

    ``existing`` holds (name, institution) pairs already registered for the stage; such rows (and
    repeats inside the file, e.g. a two-day list) are marked duplicate and skipped, so importing
    the same list twice adds nothing.
    Raises AttendanceFileError when the file as a whole cannot be used."""
    rows = read_table(uploaded)
    header_index, columns = _find_header(rows)
    if header_index is None:
        raise AttendanceFileError(
            _("Baris judul kolom tidak ditemukan. Baris pertama harus memuat kolom Nama, Instansi dan Unsur/Helix.")
        )
    missing = [_column_label(f) for f in REQUIRED_COLUMNS if f not in columns]
    if missing:
        raise AttendanceFileError(_("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)})

    raw = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cells = {fname: (row[col].strip() if col < len(row) and row[col] else "") for fname, col in columns.items()}
        if not any(cells.values()):
            continue  # blank lines between blocks are common in attendance sheets
        if len(raw) >= MAX_ROWS:
            raise AttendanceFileError(
                _("Terlalu banyak baris (paling banyak %(n)d peserta per berkas).") % {"n": MAX_ROWS}
            )
        raw.append((offset, cells))
    if not raw:
        raise AttendanceFileError(_("Berkas tidak berisi baris peserta."))
    return validate_rows(raw, existing)


def validate_rows(raw, existing=()):
    """ImportRows from ``(row number, cells as typed)`` pairs; used again when the preview is
    confirmed, so what is imported is checked against the data of that moment."""
    seen = {participant_key(n, i) for n, i in existing}
    return [_validate_row(number, cells, seen) for number, cells in raw]


def participant_key(name, institution):
    """Who a row is, for telling repeats: name and institution, case, spaces and punctuation aside."""
    return (_norm(name), _norm(institution))


def _validate_row(number, cells, seen):
    data = {fname: cells.get(fname, "") for fname in FIELDS}
    errors = []
    helix_text = data["helix"]
    helix = helix_from_text(helix_text)
    if not helix_text:
        errors.append(_("Unsur/Helix kosong."))
    elif helix is None:
        errors.append(
            _(
                "Unsur/Helix \u201c%(v)s\u201d tidak dikenal; gunakan pemerintah, akademisi, bisnis/swasta, "
                "komunitas/masyarakat (termasuk LSM dan ormas), atau media."
            )
            % {"v": helix_text}
        )
    data["helix"] = helix or ""
    form = ParticipantRowForm(data={**data, "helix": helix or Participant.Helix.GOVERNMENT})
    if not form.is_valid():
        for fname, messages in form.errors.items():
            label = _column_label(fname) if fname in FIELDS else fname
            errors.extend(f"{label}: {message}" for message in messages)
    key = participant_key(data["name"], data["institution"])
    duplicate = bool(data["name"]) and key in seen
    seen.add(key)
    return ImportRow(number=number, data=data, raw=dict(cells), errors=errors, duplicate=duplicate and not errors)

"""Hostile files for the upload and import tests, built in code at test time.

Small on disk (nothing is stored) and small in memory while built: a bomb's member is one
compressed block of repeated bytes, repeated. A raw deflate block that ends in a full flush
refers to nothing before it, so copies of it one after another are a valid stream that unpacks
to the block's bytes as many times; only the checksum walks the uncompressed length.
"""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"

HEADER = ["No", "Nama", "Instansi", "Jabatan", "Unsur/Helix"]
ROWS = [
    [1, "Siti Rahmawati", "Bappeda", "Kepala Bidang", "Pemerintah"],
    [2, "Dr. Andi Pratama", "Universitas Garut", "Dosen", "Akademisi"],
    [3, "Rina Marlina", "Komunitas Garut Bersih", "Ketua", "Masyarakat"],
]


@dataclass(frozen=True)
class Stored:
    """A ZIP member stored as it is, not compressed (as an archive holding archives may)."""

    data: bytes


@dataclass(frozen=True)
class Packed:
    """A ZIP member given already deflated."""

    deflated: bytes
    crc: int
    size: int


def repeated(chunk: bytes, times: int, prefix: bytes = b"", suffix: bytes = b"") -> Packed:
    """``prefix + chunk * times + suffix``, deflated without ever holding or reading it whole."""

    def block(data, mode):
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        return co.compress(data) + co.flush(mode)

    deflated = block(prefix, zlib.Z_FULL_FLUSH) + block(chunk, zlib.Z_FULL_FLUSH) * times + block(suffix, zlib.Z_FINISH)
    crc = _crc32_combine(
        zlib.crc32(prefix), repeated_checksum(chunk, times, zlib.crc32, _crc32_combine), len(chunk) * times
    )
    crc = _crc32_combine(crc, zlib.crc32(suffix), len(suffix))
    return Packed(deflated, crc, len(prefix) + len(chunk) * times + len(suffix))


def repeated_checksum(chunk: bytes, times: int, checksum, combine) -> int:
    """The checksum of ``chunk * times`` by doubling, from the checksum of one chunk."""
    result, result_len = checksum(b""), 0
    piece, piece_len = checksum(chunk), len(chunk)
    while times:
        if times & 1:
            result, result_len = combine(result, piece, piece_len), result_len + piece_len
        piece, piece_len = combine(piece, piece, piece_len), piece_len * 2
        times >>= 1
    return result


# zlib's crc32_combine and adler32_combine (Python's zlib module does not offer them).
def _gf2_times(matrix, vector):
    total, i = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def _gf2_square(matrix):
    return [_gf2_times(matrix, row) for row in matrix]


def _crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    if len2 == 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while len2:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
    return crc1 ^ crc2


def _adler32_combine(adler1: int, adler2: int, len2: int) -> int:
    base = 65521
    rem = len2 % base
    sum1 = adler1 & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 = (sum1 + (adler2 & 0xFFFF) + base - 1) % base
    sum2 = (sum2 + (adler1 >> 16) + (adler2 >> 16) + base - rem) % base
    return sum1 | (sum2 << 16)


def zip_bytes(members: dict) -> bytes:
    """A ZIP archive of ``{name: bytes, Packed or Stored}``, bytes deflated (written by hand so a
    Packed member goes in as it is; zipfile reads it back like any other)."""
    out = io.BytesIO()
    central = []
    for name, content in members.items():
        method = 0 if isinstance(content, Stored) else 8
        if isinstance(content, Stored):
            packed = Packed(content.data, zlib.crc32(content.data), len(content.data))
        else:
            packed = content if isinstance(content, Packed) else _deflate(content)
        raw_name = name.encode()
        offset = out.tell()
        fields = (20, 0, method, 0, 0x21, packed.crc, len(packed.deflated), packed.size, len(raw_name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + raw_name + packed.deflated)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + raw_name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def _deflate(data: bytes) -> Packed:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Packed(co.compress(data) + co.flush(), zlib.crc32(data), len(data))


def members_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


# --- honest files --------------------------------------------------------------------------------


def _col(n: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n]


def xlsx_members(rows: list = ROWS) -> dict:
    """An attendance list as Excel writes it: every text in the shared-strings table."""
    table = [HEADER, *rows]
    strings = list(dict.fromkeys(str(v) for row in table for v in row))
    cells = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{_col(c)}{r}" t="s"><v>{strings.index(str(v))}</v></c>' for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(table, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return {
        "[Content_Types].xml": decl + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/{SHEET}" ContentType="{ct}.worksheet+xml"/>'
        f'<Override PartName="/{STRINGS}" ContentType="{ct}.sharedStrings+xml"/></Types>',
        "_rels/.rels": decl + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": decl + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="Daftar Hadir" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": decl
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        SHEET: decl + f'<worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>',
        STRINGS: decl
        + f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>",
    }


def xlsx(rows: list = ROWS) -> bytes:
    return zip_bytes({name: text.encode() for name, text in xlsx_members(rows).items()})


def xlsx_with(replace: dict) -> bytes:
    """The honest list with some members replaced or added."""
    return zip_bytes({**{name: text.encode() for name, text in xlsx_members().items()}, **replace})


@cache
def docx() -> bytes:
    return zip_bytes(_DOCX_MEMBERS)


_DOCX_MEMBERS = {
    "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": b'<?xml version="1.0"?><Relationships '
    b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>',
    "word/document.xml": b'<?xml version="1.0"?><w:document '
    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Notulen Tahap I</w:t></w:r></w:p></w:body></w:document>",
}


def docx_with(replace: dict) -> bytes:
    return zip_bytes({**_DOCX_MEMBERS, **replace})


def png(size: tuple = (8, 8)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, (11, 61, 110)).save(buf, format="PNG")
    return buf.getvalue()


def jpeg(size: tuple = (64, 64)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    # Noise, so the compressed data is long enough to cut.
    Image.frombytes("L", size, bytes((i * 7919) % 251 for i in range(size[0] * size[1]))).save(buf, "JPEG")
    return buf.getvalue()


# --- the participant import's eight (issue 10, finding 3) -----------------------------------------


def csv_mac() -> bytes:
    """'CSV (Macintosh)' as Excel on a Mac writes it: lines end in CR alone. A real format: read it."""
    lines = [",".join(HEADER), *(",".join(map(str, row)) for row in ROWS)]
    return "\r".join(lines).encode("cp1252") + b"\r"


LONG = 131_072 + 1  # one more than the csv module's default field limit


def csv_long_quoted() -> bytes:
    return b"Nama,Instansi,Unsur\r\n" + b'"' + b"a" * LONG + b'",Bappeda,Pemerintah\r\n'


def csv_long_unquoted() -> bytes:
    return b"Nama,Instansi,Unsur\r\n" + b"a" * LONG + b",Bappeda,Pemerintah\r\n"


def csv_long_line() -> bytes:
    """A quote opened and never closed: the rest of the file becomes one cell."""
    return b'Nama,Instansi,Unsur\r\n"Siti,Bappeda,Pemerintah\r\n' + b"Budi,Dinas,Swasta\r\n" * 8000


def xlsx_broken_sheet() -> bytes:
    return xlsx_with({SHEET: b'<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"'})


def xlsx_external_entity() -> bytes:
    """A sheet asking the parser to read a file of the server into a cell."""
    sheet = xlsx_members()[SHEET]
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    sheet = sheet.replace("?>", "?>" + doctype, 1).replace("<v>", "<v>&xxe;", 1)
    return xlsx_with({SHEET: sheet.encode()})


def xlsx_billion_laughs() -> bytes:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE sst [<!ENTITY l0 "ha">{levels}]>'
    strings = xlsx_members()[STRINGS]
    strings = strings.replace("?>", "?>" + doctype, 1).replace("<t>", "<t>&l9;", 1)
    return xlsx_with({STRINGS: strings.encode()})


def xlsx_no_sheets() -> bytes:
    workbook = xlsx_members()["xl/workbook.xml"]
    start, end = workbook.index("<sheets>"), workbook.index("</sheets>") + len("</sheets>")
    return xlsx_with({"xl/workbook.xml": (workbook[:start] + "<sheets/>" + workbook[end:]).encode()})


# --- bombs ---------------------------------------------------------------------------------------

BOMB_SIZE = 1024 * MB  # the finding's size


@cache
def strings_bomb(size: int = BOMB_SIZE) -> Packed:
    """A shared-strings table of ``size`` bytes: long distinct-object strings, as a parser holds them."""
    item = b"<si><t>" + b"x" * 4000 + b"</t></si>"
    chunk = item * (MB // len(item))
    table = xlsx_members()[STRINGS].encode()  # the list's own strings first, then the flood
    end = table.rindex(b"</sst>")
    return repeated(chunk, size // len(chunk), table[:end], table[end:])


def xlsx_bomb() -> bytes:
    """Some 400 KB that unpack to a gigabyte (issue 10, finding 1)."""
    return xlsx_with({STRINGS: strings_bomb()})


def docx_bomb() -> bytes:
    return docx_with({"word/document.xml": strings_bomb()})


def docx_nested_bomb() -> bytes:
    """A Word file carrying, as an embedded object, a workbook that is a bomb."""
    return docx_with({"word/embeddings/Microsoft_Excel_Worksheet.xlsx": Stored(xlsx_bomb())})


def docx_many_members(count: int = 6000) -> bytes:
    return docx_with({f"word/media/i{n}.xml": b"<a/>" for n in range(count)})


def xlsx_wide_rows() -> bytes:
    """A sheet of a few hundred bytes that says it spans every column and row Excel has: a
    reader padding each row to the stated width builds millions of empty cells."""
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1048576"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    return xlsx_with({SHEET: sheet})


def csv_blank_lines(size: int = 8 * MB) -> bytes:
    """A header and then nothing but line ends: a reader keeping every row keeps millions."""
    return b"Nama,Instansi,Unsur\n" + b"\n" * size


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of(width: int, height: int, bit_depth: int = 1) -> bytes:
    """A black grayscale PNG of the given size, its pixel data really there (compressed)."""
    row = b"\0" * (1 + (width * bit_depth + 7) // 8)
    rows_per_chunk = max(1, MB // len(row))
    times, rest = divmod(height, rows_per_chunk)
    packed = repeated(row * rows_per_chunk, times, b"", row * rest)
    adler = repeated_checksum(row * rows_per_chunk, times, zlib.adler32, _adler32_combine)
    adler = _adler32_combine(adler, zlib.adler32(row * rest), len(row) * rest)
    idat = b"\x78\xda" + packed.deflated + struct.pack(">I", adler)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def png_bomb() -> bytes:
    """20 000 x 20 000 pixels (400 megapixels) in some 60 KB."""
    return png_of(20_000, 20_000)


def png_too_many_pixels() -> bytes:
    """9 000 x 9 000: over the app's limit, under Pillow's own (which only warns there)."""
    return png_of(9_000, 9_000)


def png_truncated() -> bytes:
    data = png((64, 64))
    return data[: len(data) // 2]


def jpeg_truncated() -> bytes:
    data = jpeg()
    return data[: len(data) * 2 // 3]

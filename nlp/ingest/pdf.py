"""PDFs with a text layer, read with pypdfium2 into the linear "Word export" form of txt.py.

Each page's characters (with baseline, effective font size and advance box) become lines; the
running header/footer and page numbers go; the small-print block at the page foot becomes
footnote bodies, and superscript digit runs in the body whose number starts a footnote on that
page become its marker. Lines join into paragraphs (one raw line each; a paragraph starts at a
first-line indent, a larger gap, or a line break that was not forced by the right margin), then
`parse_word_export` does the rest, so a PDF gives the same `Ingested` as its Word .txt export:

    Tăng 3,73%[footnoteRef:1]. [1:  Trong đó, ngành chế biến tăng 3,32%]

`pages` maps raw offsets of that linear text to 1-based page numbers. Not handled: scanned pages
(no text: an error, or a warning when other pages have text), multi-column body text, tables
(cells come out as lines), hanging indents, rotated text (dropped), footnote numbering that
restarts on each page, and legacy TCVN3/VNI font encodings (their mojibake comes through as is,
named by the "not-vietnamese" warning).

Library choice (scripts/bench_pdf.py, 2 shared cores): 742.pdf is the seed typeset on 20 pages,
742-nfd.pdf the same with every diacritic a combining glyph, short.pdf 2 pages, chromium.pdf the
seed's first 3 pages printed by headless Chromium (justified, <sup>, its own header/footer).
pages/s = open + every glyph with position and size; +layout = the whole of `read_pdf`. Glyph
CER: glyphs vs what was drawn; text CER: this module's text built on that library's glyphs vs
the source (NFC, whitespace collapsed). Both libraries find "Ủy ban", "ĐẦU TƯ", "tỷ đồng" as
often as the source has them, and every footnote (26/26, 1/1).

    library             fixture       pages/s  +layout  glyph CER  text CER  superscript probe*
    pypdfium2 5.15.2    742.pdf          71.6     54.0        0.0       0.0  size 7.92, raise 3.96
                        742-nfd.pdf      59.5     38.4        0.0       0.0
                        short.pdf       204.5    154.2        0.0       0.0
                        chromium.pdf     90.5     69.9          -       0.0
    pdfplumber 0.11.10  742.pdf          13.8     12.9        0.0       0.0  size 7.92, raise 0.0
                        742-nfd.pdf      11.4     10.3        0.0       0.0
                        short.pdf        45.8     42.5        0.0       0.0
                        chromium.pdf     10.3      9.9          -       0.0

    * a 0.66-size superscript set by text rise (Ts) in a text matrix scaled by 12 (expect size
      7.92, raise 3.96): pdfplumber's char matrix leaves the rise out (only its bbox has it).

Both map Vietnamese exactly; pypdfium2 is 4-9x faster and its char origin is the true baseline,
so it is the one runtime dependency (pdfplumber itself depends on it).
"""

from __future__ import annotations

import re
import statistics
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple, Sequence

from nlp.errors import InputError
from nlp.ingest.ingested import Ingested
from nlp.ingest.txt import parse_word_export
from nlp.types import InputWarning

_PDFIUM_LOCK = threading.Lock()  # pdfium is not thread-safe and the API reads in worker threads
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?|(?:Trang|trang|Page)\s+\d{1,4}(?:\s*/\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}")
_MARKER = re.compile(r"(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ][.)]|[-–—+•*])\s")
_PAGES_COUNT = re.compile(
    rb"/Type\s*/Pages\b(?:(?!>>).){0,500}?/Count\s+(\d+)|/Count\s+(\d+)(?:(?!>>).){0,500}?/Type\s*/Pages\b", re.S)
_FOOT_NUMBER = re.compile(r"(\d{1,3})[.)]?\s+(?=\S)")


class Char(NamedTuple):
    """One glyph: left and right of its advance box, baseline (y grows upward), size in points."""

    text: str
    x0: float
    x1: float
    base: float
    size: float


@dataclass(slots=True)
class _Line:
    page: int
    base: float
    size: float
    x0: float
    x1: float
    first_word: float  # width of the first word, for "would it have fit on the line above"
    tokens: list[tuple[str, str]]  # ("text", s) or ("sup", digits): a superscript digit run

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.tokens)


@dataclass(slots=True)
class _Note:
    number: int
    page: int
    parts: list[tuple[str, int]] = field(default_factory=list)  # (text, page)


def read_pdf(path: Path, data: bytes) -> Ingested:
    """The linear text of a PDF's text layer, parsed: ``read_pdf(Path("r.pdf"), data).text``."""
    pages = pdf_chars(path, data)
    if not any(any(not c.text.isspace() for c in page) for page in pages):
        raise InputError(path, "no text layer", "OCR it first")
    raw, page_map, warnings = linear_text(pages)
    ing = parse_word_export(raw)
    return replace(ing, pages=page_map, warnings=tuple(warnings) + ing.warnings)


def pdf_chars(path: Path, data: bytes) -> list[list[Char]]:
    """Every page's glyphs in content order (pdfium's generated spaces and rotated text left out)."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "corrupt PDF: not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data.rstrip(b"\x00\t\r\n ")[-1024:]:
        raise InputError(path, "corrupt PDF: truncated (no %%EOF at the end)")
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            reason = re.sub(r".*\(PDFium: (.*?)\.?\)\.?$", r"\1", str(err)).lower()
            if "password" in reason or "security" in reason:
                raise InputError(path, "encrypted PDF", "remove the password first") from None
            if _no_pages(data):  # pdfium refuses to open a document without pages
                raise InputError(path, "empty PDF") from None
            # pdfium says "success" when the file parses but has no usable page tree
            reason = "no readable page tree" if reason == "success" else reason
            raise InputError(path, f"corrupt PDF: {reason}") from None
        try:
            if len(doc) == 0:
                raise InputError(path, "empty PDF")
            return [_page_chars(path, doc, i) for i in range(len(doc))]
        finally:
            doc.close()


def _no_pages(data: bytes) -> bool:
    """Whether every page-tree node in the (uncompressed) file says ``/Count 0``."""
    counts = _PAGES_COUNT.findall(data)
    return bool(counts) and all(int(a or b) == 0 for a, b in counts)


def _page_chars(path: Path, doc, index: int) -> list[Char]:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    try:
        page = doc[index]
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        raise InputError(path, f"corrupt PDF: cannot read page {index + 1}") from None
    x, y, box, matrix = ctypes.c_double(), ctypes.c_double(), c.FS_RECTF(), c.FS_MATRIX()
    chars = []
    try:
        count = c.FPDFText_CountChars(textpage)
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # characters outside the BMP: UTF-16 no longer lines up with indices
            text = "".join(chr(c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        last_object, size = None, 0.0
        for i, char in enumerate(text):
            if char.isspace():
                if c.FPDFText_IsGenerated(textpage, i):
                    continue
            elif char == "\ufffe":  # pdfium's mark for a hyphen that ends a line
                char = "-"
            elif not char.isprintable():
                continue  # unmapped glyphs, soft hyphens, private-use symbols: not text
            text_object = c.FPDFText_GetTextObject(textpage, i)
            if text_object != last_object:  # font size and matrix are per text object
                last_object = text_object
                c.FPDFText_GetMatrix(textpage, i, matrix)
                # GetFontSize is the Tf operand; the char matrix scale makes it the printed size.
                size = c.FPDFText_GetFontSize(textpage, i) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
                if abs(matrix.b) > 0.01 * abs(matrix.a) or matrix.a <= 0:
                    size = 0.0  # rotated or mirrored: stamps and watermarks, not running text
            if size:
                c.FPDFText_GetCharOrigin(textpage, i, x, y)
                c.FPDFText_GetLooseCharBox(textpage, i, box)
                chars.append(Char(char, x.value, max(box.right, x.value), y.value, size))
    finally:
        textpage.close()
        page.close()
    return chars


def linear_text(pages: Sequence[Sequence[Char]]) -> tuple[str, tuple[tuple[int, int, int], ...], list[InputWarning]]:
    """Word-export text of the pages, its (raw start, raw end, page) map and page warnings."""
    sizes = Counter(round(c.size * 2) / 2 for page in pages for c in page if not c.text.isspace())
    body_size = sizes.most_common(1)[0][0] if sizes else 12.0
    lines = _drop_margins([_lines(chars, number) for number, chars in enumerate(pages, start=1)])
    body: list[_Line] = []
    notes: dict[int, _Note] = {}
    for page_lines in lines:
        page_body, page_notes = _split_foot(page_lines, body_size, notes)
        body += page_body
        notes.update(page_notes)
    warnings = [InputWarning("pdf-page-without-text", f"page {n}: no text layer (scanned?); its content is missing", 0)
                for n, chars in enumerate(pages, start=1) if all(c.text.isspace() for c in chars)]
    raw, page_map = _emit(_paragraphs(body, body_size), notes)
    return raw, page_map, warnings


def _lines(chars: Sequence[Char], page: int) -> list[_Line]:
    """Glyphs grouped into lines by baseline; a short raised run in a smaller size joins the line below."""
    rows: list[list[Char]] = []
    for char in sorted(_fold_marks(chars), key=lambda c: (-c.base, c.x0)):
        if rows and abs(rows[-1][0].base - char.base) <= 0.15 * max(char.size, 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    rows = [row for row in rows if any(not c.text.isspace() for c in row)]
    sizes = [_median_size(row) for row in rows]
    raised_over: dict[int, int] = {}
    for i in range(len(rows) - 1):
        row, below, size = rows[i], rows[i + 1], sizes[i + 1]
        if (sizes[i] <= 0.9 * size and 0.1 * size < row[0].base - below[0].base < 0.75 * size
                and sum(not c.text.isspace() for c in row) <= 12
                and min(c.x0 for c in below) - size <= row[0].x0 <= max(c.x1 for c in below) + size):
            raised_over[i] = i + 1
    for i, target in raised_over.items():  # a raised row over a raised row: both join the line
        while target in raised_over:
            target = raised_over[target]
        raised_over[i] = target
    lines = []
    for j, row in enumerate(rows):
        if j in raised_over:
            continue
        raised = [c for i, target in raised_over.items() if target == j for c in rows[i]]
        lines.append(_make_line(row, raised, page))
    return lines


def _fold_marks(chars: Sequence[Char]) -> list[Char]:
    """Combining marks (decomposed "ệ") stay with their letter: their zero-width x ties with the next glyph's."""
    out: list[Char] = []
    for char in chars:
        if out and unicodedata.combining(char.text[0]) and not out[-1].text.isspace():
            out[-1] = out[-1]._replace(text=out[-1].text + char.text, x1=max(out[-1].x1, char.x1))
        else:
            out.append(char)
    return out


def _median_size(row: Sequence[Char]) -> float:
    return statistics.median(c.size for c in row if not c.text.isspace())


def _make_line(row: list[Char], raised: list[Char], page: int) -> _Line:
    """Text of one line: spaces from space glyphs or gaps, a tab for a column gap, raised digit runs marked."""
    size = _median_size(row)
    sup = {id(c) for c in raised}
    glyphs = sorted(row + raised, key=lambda c: c.x0)
    tokens: list[tuple[str, str]] = []
    prev: Char | None = None
    spaced = False
    first_word: float | None = None
    start = next(c for c in glyphs if not c.text.isspace())
    for char in glyphs:
        if char.text.isspace():
            spaced = prev is not None
            continue
        if prev is not None and char.text == prev.text and abs(char.x0 - prev.x0) < 0.2 * size:
            continue  # the same glyph drawn twice (fake bold, shadow)
        if prev is not None:
            gap = char.x0 - prev.x1
            if spaced or gap > 0.25 * size:
                _add(tokens, "text", "\t" if gap >= 2.0 * size else " ")
                first_word = prev.x1 - start.x0 if first_word is None else first_word
        _add(tokens, "sup" if id(char) in sup and char.text.isdecimal() else "text", char.text)
        prev, spaced = char, False
    end = prev.x1 if prev is not None else start.x1
    return _Line(page, row[0].base, size, start.x0, end,
                 first_word if first_word is not None else end - start.x0, tokens)


def _add(tokens: list[tuple[str, str]], kind: str, text: str) -> None:
    if tokens and tokens[-1][0] == kind:
        tokens[-1] = (kind, tokens[-1][1] + text)
    else:
        tokens.append((kind, text))


def _drop_margins(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Without running headers/footers (same text, digits aside, at the same height on most pages) and page numbers."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.split()))

    edges = [{id(line) for line in lines[:2] + lines[-2:]} for lines in pages]
    seen: dict[str, list[tuple[int, float]]] = {}
    for number, lines in enumerate(pages):
        for line in lines:
            if id(line) in edges[number]:
                seen.setdefault(key(line), []).append((number, line.base))

    def running(line: _Line) -> bool:
        same = {n for n, base in seen.get(key(line), ()) if abs(base - line.base) <= 3}
        return len(same) >= 2 and len(same) > len(pages) / 2

    return [[line for line in lines if id(line) not in edges[number]
             or not (running(line) or _PAGE_NUMBER.fullmatch(line.text.strip()))]
            for number, lines in enumerate(pages)]


def _split_foot(lines: list[_Line], body_size: float, notes: dict[int, _Note]) -> tuple[list[_Line], dict[int, _Note]]:
    """Body lines and the footnotes that start in the small-print block at the page foot.

    A block line starting with the number of a superscript in this page's body starts that
    footnote; lines before the first such line continue the last footnote of the previous page
    if there is one, else they are body (a small-print table above the footnotes).
    """
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.95 * body_size:
        k -= 1
    wanted = {int(t) for line in lines[:k] for kind, t in line.tokens if kind == "sup"} - set(notes)
    starts = [i for i in range(k, len(lines)) if _foot_start(lines[i])[0] in wanted]
    last = notes[max(notes)] if notes else None
    if k < len(lines) and last is not None and last.parts[-1][1] == lines[-1].page - 1:
        first = k  # the previous page's last footnote may run on here
    elif starts:
        first = starts[0]
    else:
        return lines, {}
    new: dict[int, _Note] = {}
    current = last
    for line in lines[first:]:
        number, rest = _foot_start(line)
        if number in wanted and number not in new:
            current = new[number] = _Note(number, line.page)
            current.parts.append((rest, line.page))
        elif current is not None:
            current.parts.append((line.text.strip(), line.page))
    return lines[:first], new


def _foot_start(line: _Line) -> tuple[int | None, str]:
    """The footnote number a foot line starts with (superscript, or plain and followed by a space)."""
    kind, text = line.tokens[0]
    if kind == "sup":
        return int(text), "".join(t for _, t in line.tokens[1:]).strip()
    match = _FOOT_NUMBER.match(line.text)
    return (int(match.group(1)), line.text[match.end():].strip()) if match else (None, "")


def _paragraphs(lines: list[_Line], body_size: float) -> list[list[_Line]]:
    """Lines joined into paragraphs (see `_starts_paragraph`)."""
    if not lines:
        return []
    regular = [line for line in lines if abs(line.size - body_size) <= 0.1 * body_size] or lines
    starts: dict[int, Counter] = {}
    for line in regular:
        starts.setdefault(line.page, Counter())[round(line.x0)] += 1
    margins = {page: counts.most_common(1)[0][0] for page, counts in starts.items()}
    right = sorted(line.x1 for line in regular)[round(0.95 * (len(regular) - 1))]
    steps = Counter(round((a.base - b.base) * 2) / 2 for a, b in zip(regular, regular[1:]) if a.page == b.page)
    leading = next((step for step, _ in steps.most_common() if step > 0), 1.2 * body_size)
    paragraphs: list[list[_Line]] = []
    for line in lines:
        prev = paragraphs[-1][-1] if paragraphs else None
        margin = margins.get(line.page, min(margins.values()))
        if prev is None or _starts_paragraph(prev, line, margin, right, leading * line.size / body_size):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _starts_paragraph(prev: _Line, line: _Line, margin: float, right: float, leading: float) -> bool:
    """Indent, a wider gap, a change of size, columns, or a break the right margin did not force."""
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size) or "\t" in prev.text + line.text:
        return True
    if line.page > prev.page + 1:  # never across a page without text
        return True
    if line.x0 > margin + 0.8 * line.size:
        return True
    if line.page == prev.page and prev.base - line.base > 1.25 * leading:
        return True
    if prev.x1 + 0.3 * line.size + line.first_word <= right:
        return True
    return bool(_MARKER.match(line.text)) and prev.text.rstrip()[-1:] in tuple(".:;!?")


def _emit(paragraphs: list[list[_Line]], notes: dict[int, _Note]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """One raw line per paragraph, markers inline and footnote bodies at its end; the page map."""
    parts: list[tuple[str, int]] = []
    used: set[int] = set()
    for paragraph in paragraphs:
        anchored: list[int] = []
        for i, line in enumerate(paragraph):
            if i:  # "2021-" + "2025": a line broken at a hyphen joins without a space
                joint = "" if re.search(r"\S[-–]$", paragraph[i - 1].text) else " "
                parts.append((joint, paragraph[i - 1].page))
            for kind, text in line.tokens:
                note = notes.get(int(text)) if kind == "sup" else None
                if note is not None and note.page == line.page and note.number not in used:
                    used.add(note.number)
                    anchored.append(note.number)
                    text = f"[footnoteRef:{note.number}]"
                parts.append((text, line.page))
        for number in anchored:
            note = notes[number]
            parts.append((f" [{number}:  ", note.page))
            for j, (text, page) in enumerate(note.parts):
                parts.append(((" " if j else "") + text, page))
            parts.append(("]", note.parts[-1][1]))
        parts.append(("\n", paragraph[-1].page))
    raw = "".join(text for text, _ in parts)
    page_map: list[tuple[int, int, int]] = []
    pos = 0
    for text, page in parts:
        if page_map and page_map[-1][2] == page:
            page_map[-1] = (page_map[-1][0], pos + len(text), page)
        elif text:
            page_map.append((pos, pos + len(text), page))
        pos += len(text)
    return raw, tuple(page_map)

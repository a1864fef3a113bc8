"""Write the .docx test fixtures into tests/data/docx/ from hand-written OOXML parts.

No python-docx: every part is an XML string built here and zipped with zipfile (fixed
timestamps, so the output is byte-for-byte reproducible). The fixtures carry what Word
writes and a naive reader gets wrong: runs split mid-word, footnote ids that are not the
display numbers, separator notes, lists numbered only by numbering.xml, merged cells.

- 742.docx       corpus/742-BC-SKHDT-2023-03.txt as a real Word document with 26 footnotes
- lists.docx     I./1./a)/-/+ sections whose labels come only from numbering.xml and styles
- table.docx     a table with a merged header, a vertical merge, a nested table, a footnote
- endnotes.docx  2 footnotes and 1 endnote, the endnote referenced between them
- runs.docx      hyperlink, smartTag, sdt, ins/del, field codes, tabs, breaks, symbols

    .venv/bin/python scripts/make_docx_fixtures.py [--out tests/data/docx]
"""

from __future__ import annotations

import argparse
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PARTS = {  # part name -> (content type, relationship type)
    "footnotes": ("footnotes+xml", "footnotes"),
    "endnotes": ("endnotes+xml", "endnotes"),
    "numbering": ("numbering+xml", "numbering"),
    "styles": ("styles+xml", "styles"),
}
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
FOOTNOTE_ID_SHIFT = 40  # footnote N of the .txt gets w:id N + 40: ids are not display numbers
BODY_OPEN = re.compile(r"\[(\d{1,4}):(?=\s)")
INLINE = re.compile(r"\[footnoteRef:(\d+)\]|\[bookmark: ([^\]]*)\]")


def write_docx(path: Path, body: str, **parts: str) -> None:
    """Zip a document whose w:body is `body`, with optional footnotes/endnotes/numbering/styles."""
    overrides = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{CT}{PARTS[name][0]}"/>' for name in parts)
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}{PARTS[name][1]}" Target="{name}.xml"/>'
                   for i, name in enumerate(parts, start=1))
    files = {
        "[Content_Types].xml": HEAD + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT}document.main+xml"/>{overrides}</Types>'),
        "_rels/.rels": HEAD + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": HEAD + f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>",
        "word/_rels/document.xml.rels": HEAD + (
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
            "</Relationships>"),
    }
    for name, xml in parts.items():
        files[f"word/{name}.xml"] = HEAD + xml
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2023, 3, 28, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))


def run(text: str) -> str:
    """One run; tabs become w:tab as Word writes them."""
    pieces = [f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else ""
              for part in text.split("\t")]
    return f"<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr>{'<w:tab/>'.join(pieces)}</w:r>"


def runs(text: str) -> str:
    """`text` split into runs at arbitrary places (every 40, 17, 33… characters)."""
    out, pos, sizes = [], 0, (40, 17, 33)
    while pos < len(text):
        size = sizes[len(out) % len(sizes)]
        out.append(run(text[pos:pos + size]))
        pos += size
    return "".join(out)


def para(content: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def note_ref(kind: str, note_id: int) -> str:
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'


def notes_part(kind: str, bodies: dict[int, list[str]]) -> str:
    """footnotes.xml / endnotes.xml: the two separator notes, then `bodies` (id -> paragraphs)."""
    out = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           f"</w:r></w:p></w:{kind}>"]
    mark = f'<w:r><w:rPr><w:rStyle w:val="{kind.capitalize()}Reference"/></w:rPr><w:{kind}Ref/></w:r>'
    for note_id, paragraphs in bodies.items():
        body = "".join(para((mark if i == 0 else "") + runs(text)) for i, text in enumerate(paragraphs))
        out.append(f'<w:{kind} w:id="{note_id}">{body}</w:{kind}>')
    return f"<w:{kind}s {NS}>{''.join(out)}</w:{kind}s>"


def split_bodies(line: str) -> tuple[str, list[tuple[int, str]]]:
    """The line without its ``[N: body]`` parts, and those parts (brackets inside bodies nest)."""
    kept, bodies, pos = [], [], 0
    for match in BODY_OPEN.finditer(line):
        if match.start() < pos:
            continue
        depth, close = 0, None
        for i in range(match.end(), len(line)):
            if line[i] == "[":
                depth += 1
            elif line[i] == "]":
                if depth == 0:
                    close = i
                    break
                depth -= 1
        if close is None:
            continue
        kept.append(line[pos:match.start()])
        bodies.append((int(match.group(1)), line[match.end():close]))
        pos = close + 1
    kept.append(line[pos:])
    return "".join(kept), bodies


def make_742(out: Path) -> None:
    raw = (ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt").read_text(encoding="utf-8")
    body, notes, bookmark = [], {}, 0
    for line in raw.split("\n"):
        kept, bodies = split_bodies(line)
        notes.update(bodies)
        content, pos = [], 0
        for match in INLINE.finditer(kept):
            content.append(runs(kept[pos:match.start()]))
            if match.group(1):
                content.append(note_ref("footnote", int(match.group(1)) + FOOTNOTE_ID_SHIFT))
            else:
                bookmark += 1
                content.append(f'<w:bookmarkStart w:id="{bookmark}" w:name={quoteattr(match.group(2))}/>'
                               f'<w:bookmarkEnd w:id="{bookmark}"/>')
            pos = match.end()
        content.append(runs(kept[pos:]))
        body.append(para("".join(content)))
    bodies = {}
    for number in sorted(notes, reverse=True):  # stored out of order: numbers come from the text
        text = notes[number]
        cut = text.find(". ")  # one note as two paragraphs, which the reader joins with a space
        bodies[number + FOOTNOTE_ID_SHIFT] = [text[:cut + 1], text[cut + 2:]] if number == 10 else [text]
    write_docx(out / "742.docx", "".join(body), footnotes=notes_part("footnote", bodies))


LIST_LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
               ("bullet", "\uf0b7"), ("bullet", "+"))
APPENDIX_LEVELS = (("upperLetter", "%1."), ("decimal", "%1.%2."), ("lowerRoman", "(%3)"))


def abstract_num(abstract_id: int, levels) -> str:
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def make_lists(out: Path) -> None:
    numbering = (f"<w:numbering {NS}>{abstract_num(10, LIST_LEVELS)}{abstract_num(11, APPENDIX_LEVELS)}"
                 '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="10"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="11"/></w:num></w:numbering>')
    # Heading2 gets its list from Heading1 through basedOn and sets only the level.
    styles = (f"<w:styles {NS}>"
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    rows = [
        ("BÁO CÁO", "", None), ("Tình hình thực hiện nhiệm vụ quý I năm 2023", "", None),
        ("Kết quả thực hiện nhiệm vụ quý I", "Heading1", None),
        ("Về kinh tế", "Heading2", None),
        ("Lĩnh vực công nghiệp: chỉ số sản xuất tăng.", "", (1, 2)),
        ("Chỉ số sản xuất công nghiệp tăng 3,73%.", "", (1, 3)),
        ("Ngành chế biến chế tạo tăng 3,32%.", "", (1, 4)),
        ("Thương mại - dịch vụ: tổng mức bán lẻ tăng 13,42%.", "", (1, 2)),
        ("Về văn hóa - xã hội", "Heading2", None),
        ("Giáo dục: tỷ lệ huy động trẻ đạt 98%.", "", (1, 2)),
        ("Ngành giáo dục tổ chức thi học sinh giỏi.", "", None),
        ("Nhiệm vụ trọng tâm tháng 4", "Heading1", None),
        ("Đẩy mạnh giải ngân vốn đầu tư công.", "Heading2", None),
        ("Tăng cường công tác phòng cháy, chữa cháy.", "Heading2", None),
        ("Kiến nghị", "", (2, 0)),
        ("Trên đây là báo cáo tình hình quý I năm 2023.", "", None),
        ("Phụ lục số liệu", "", (3, 0)), ("Công nghiệp", "", (3, 1)),
        ("Sản xuất điện", "", (3, 2)), ("Sản xuất nước", "", (3, 2)), ("Nông nghiệp", "", (3, 1)),
        ("Ghi chú không đánh số", "Heading1", (0, 0)),  # numId 0 removes the style's numbering
    ]
    write_docx(out / "lists.docx", "".join(para(runs(t), s, n) for t, s, n in rows),
               numbering=numbering, styles=styles)


def cell(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/>{props}</w:tcPr>{content}</w:tc>"


def table(rows: list[str], columns: int) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(columns))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>")


def make_table(out: Path) -> None:
    nested = table([cell(para(run("Nguồn"))) + cell(para(run("Cục Thống kê")))], 2)
    rows = [
        cell(para(run("Chỉ tiêu")), '<w:vMerge w:val="restart"/>')
        + cell(para(run("Quý I/2023")), '<w:gridSpan w:val="2"/>'),
        cell(para(""), "<w:vMerge/>") + cell(para(run("Kế hoạch"))) + cell(para(run("Thực hiện"))),
        cell(para(runs("Tổng mức bán lẻ (tỷ đồng)"))) + cell(para(run("125.760")))
        + cell(para(run("28.684"))),
        cell(para(run("Kim ngạch xuất khẩu")) + para(run("(triệu USD)"))) + cell(para(run("2.120")))
        + cell(para(run("534,007") + note_ref("footnote", 5))),
        cell(para(run("Số liệu ước tính")) + nested, '<w:gridSpan w:val="2"/>') + cell(para(run("x"))),
    ]
    body = (para(run("BÁO CÁO SỐ LIỆU")) + para(run("Bảng 1. Kết quả quý I/2023"))
            + table(rows, 3) + para(run("Nguồn: Cục Thống kê thành phố."))
            + para(run("Trên đây là số liệu quý I năm 2023.")))
    write_docx(out / "table.docx", body,
               footnotes=notes_part("footnote", {5: [" Gồm hàng hóa và dịch vụ."]}))


def make_endnotes(out: Path) -> None:
    body = (para(run("BÁO CÁO NHANH"))
            + para(run("Doanh thu dịch vụ tăng 5%") + note_ref("footnote", 7)
                   + run(". Xuất khẩu đạt 181 triệu USD") + note_ref("endnote", 3) + run("."))
            + para(run("Nhập khẩu tăng 2,11%") + note_ref("footnote", 2) + run(".")))
    write_docx(out / "endnotes.docx", body,
               footnotes=notes_part("footnote", {2: [" Chủ yếu là máy móc, thiết bị."],
                                                 7: [" Trong đó du lịch tăng 8%."]}),
               endnotes=notes_part("endnote", {3: [" Số liệu sơ bộ của Cục Hải quan."]}))


def make_runs(out: Path) -> None:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("7")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    first = (run("Theo ") + '<w:hyperlink w:anchor="_Toc1">' + run("Nghị quyết số 01/NQ")
             + "<w:r><w:noBreakHyphen/></w:r>" + run("CP") + "</w:hyperlink>" + run(" ngày ")
             + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">'
             + run("05/01/2023") + "</w:smartTag>" + run(", ")
             + '<w:ins w:id="1" w:author="A">' + run("tỉnh ") + "</w:ins>"
             + '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">thành phố </w:delText>'
             "</w:r></w:del>" + '<w:commentRangeStart w:id="0"/>' + run("đã hoàn thành ") + field
             + run(" chỉ tiêu phát tri") + "<w:r><w:softHyphen/></w:r>" + run("ển.")
             + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>')
    sdt = ('<w:sdt><w:sdtPr><w:alias w:val="Nơi nhận"/></w:sdtPr><w:sdtContent>'
           + para(run("Kính gửi: Ủy ban nhân dân thành phố")) + "</w:sdtContent></w:sdt>")
    breaks = (run("Cột A\tCột B") + "<w:r><w:br/></w:r>" + run("dòng 2") + "<w:r><w:cr/></w:r>"
              + run("dòng 3") + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/>'
              '<w:sym w:font="Times New Roman" w:char="2013"/></w:r>' + run(" hết"))
    moved = ('<w:moveFrom w:id="3" w:author="A">' + run("cũ ") + "</w:moveFrom>"
             + '<w:moveTo w:id="4" w:author="A">' + run("mới") + "</w:moveTo>")
    drawing = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
               + para(run("HỘP VĂN BẢN")) + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
               "</mc:AlternateContent></w:r>" + run("Ảnh minh họa"))
    body = para(first) + sdt + para(breaks) + para(moved) + para(drawing)
    write_docx(out / "runs.docx", body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "docx",
                        help="directory to write the .docx files into (default: %(default)s)")
    out = parser.parse_args().out
    for make in (make_742, make_lists, make_table, make_endnotes, make_runs):
        make(out)
    for path in sorted(out.glob("*.docx")):
        print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

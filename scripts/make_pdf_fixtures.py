#!/usr/bin/env python
"""Typeset the PDF test fixtures in tests/data/pdf/ (dev-only: needs reportlab and Pillow).

    python scripts/make_pdf_fixtures.py [--out tests/data/pdf] [--chromium]

- 742.pdf: corpus/742-BC-SKHDT-2023-03.txt on A4, DejaVu Serif 12 pt, wrapped left-aligned
  lines with a first-line indent, running header "Báo cáo số 742/BC-SKHĐT", footer "- N -",
  `[footnoteRef:N]` as an 8 pt superscript raised 4 pt, bodies at the page foot (9 pt, under
  a short rule, number as a 7 pt superscript), `[bookmark: …]` dropped.
- short.pdf: a 2-page report (DejaVu Sans 11 pt, no indent, 6 pt between paragraphs) with
  I./1./a)/-/+ sections, the national two-column header, a page number at the top of page 2
  only, and one footnote (plain "1 " number) whose body continues on page 2's foot.
- scanned.pdf: two pages holding only a raster image, no text.
- encrypted.pdf: one line of text behind the user password "secret".
- chromium.pdf (with --chromium): the seed's first sections printed by headless Chromium, a
  second producer (justified text, CSS <sup> at 0.83 size, Chromium's own header and footer).
- pages.json: for each fixture, the page every paragraph's first line and every footnote's
  first line was put on (the tests check the reader's page map against it).

Output is deterministic (reportlab's invariant mode), so re-running gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"
PAGE_W, PAGE_H = 595.28, 841.89  # A4
LEFT, RIGHT, TOP, BOTTOM = 85.0, 57.0, 57.0, 57.0
FOOT_SIZE, FOOT_LEADING = 9.0, 11.0
SUP = "\x01"  # word-run separator: text before, superscript number after


@dataclass
class Style:
    font: str = "Serif"
    size: float = 12.0
    leading: float = 16.0
    indent: float = 0.0
    space_before: float = 0.0
    align: str = "left"  # left | center | columns (two runs: left and right edge)


@dataclass
class Page:
    body: list = field(default_factory=list)  # (x, y, [(text, font, size, rise)])
    foot: list = field(default_factory=list)  # footnote lines, same shape but y set at the end
    y: float = PAGE_H - TOP


class Typesetter:
    """Greedy line filling with footnotes kept on the page of their marker."""

    def __init__(self, foot_number: str = "sup") -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.width = stringWidth
        self.pages: list[Page] = [Page()]
        self.foot_number = foot_number
        self.carry: list = []  # footnote lines continued on the next page
        self.placed: list[tuple[str, int]] = []  # (paragraph start, page of its first line)
        self.note_pages: dict[int, int] = {}  # footnote number -> page of its first line
        self.drawn: list[list[str]] = []  # per page, each drawn line's text in drawing order

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page(foot=self.carry))
        self.carry = []

    def paragraph(self, text: str, style: Style, notes: dict[int, str] | None = None,
                  split_note: int | None = None) -> None:
        """Typeset `text`, where ``SUP + "N" + SUP`` marks footnote N (body in `notes`)."""
        notes = notes or {}
        if style.align == "columns":
            left, right = text.split("\t")
            pieces = [(LEFT, [(left, style.font, style.size, 0)])] if left.strip() else []
            pieces.append((PAGE_W - RIGHT - self.width(right, style.font, style.size),
                           [(right, style.font, style.size, 0)]))
            self._place(pieces, style, style.space_before, [])
            self.placed.append((" ".join(text.split())[:60], len(self.pages)))
            return
        first = True
        for line_words in self._wrap(text.split(), style):
            runs, numbers = self._runs(line_words, style)
            line_w = sum(self.width(t, f, s) for t, f, s, _ in runs)
            x = LEFT + (style.indent if first else 0)
            if style.align == "center":
                x = LEFT + (PAGE_W - LEFT - RIGHT - line_w) / 2
            foot = [self._foot_lines(n, notes[n]) for n in numbers if n in notes]
            self._place([(x, runs)], style, style.space_before if first else 0, foot,
                        split=split_note in numbers)
            if first:
                self.placed.append((" ".join(text.replace(SUP, "").split())[:60], len(self.pages)))
            self.note_pages.update({n: len(self.pages) for n in numbers if n in notes})
            first = False

    def _word_width(self, word: str, style: Style) -> float:
        parts = word.split(SUP)
        return sum(self.width(p, style.font, style.size if i % 2 == 0 else 8) for i, p in enumerate(parts))

    def _wrap(self, words: list[str], style: Style) -> list[list[str]]:
        avail = PAGE_W - LEFT - RIGHT
        lines: list[list[str]] = [[]]
        used, limit = 0.0, avail - style.indent
        space = self.width(" ", style.font, style.size)
        for word in words:
            w = self._word_width(word, style)
            if lines[-1] and used + space + w > limit:
                lines.append([])
                used, limit = 0.0, avail
            used += (space if lines[-1] else 0) + w
            lines[-1].append(word)
        return [line for line in lines if line]

    def _runs(self, words: list[str], style: Style) -> tuple[list, list[int]]:
        runs: list = []
        numbers: list[int] = []
        for i, part in enumerate(" ".join(words).split(SUP)):
            if i % 2:
                numbers.append(int(part))
                runs.append((part, style.font, 8.0, 4.0))
            elif part:
                runs.append((part, style.font, style.size, 0.0))
        return runs, numbers

    def _foot_lines(self, number: int, body: str) -> list:
        font, avail = "Serif" if self.foot_number == "sup" else "Sans", PAGE_W - LEFT - RIGHT
        label = [(str(number), font, 7.0, 3.0) if self.foot_number == "sup" else (str(number), font, FOOT_SIZE, 0)]
        lines, current = [], list(label)
        used = sum(self.width(t, f, s) for t, f, s, _ in label)
        for word in body.split():
            w = self.width(word, font, FOOT_SIZE)
            gap = self.width(" ", font, FOOT_SIZE)
            if used + gap + w > avail and current:
                lines.append(current)
                current, used = [], 0.0
            text = (" " if used else "") + word
            if current and current[-1][3] == 0 and current[-1][2] == FOOT_SIZE:
                current[-1] = (current[-1][0] + text, font, FOOT_SIZE, 0)
            else:
                current.append((text, font, FOOT_SIZE, 0))
            used += self.width(text, font, FOOT_SIZE)
        lines.append(current)
        return [(LEFT, line) for line in lines]

    def _place(self, pieces: list, style: Style, space_before: float, foot: list, split: bool = False) -> None:
        new = [line for note in foot for line in note]
        y = self.page.y - space_before - style.size
        if split:  # keep two lines here, continue the body on the next page's foot
            self.carry, new = new[2:], new[:2]
        if not self._fits(y, len(self.page.foot) + len(new)):
            self.new_page()
            y = self.page.y - style.size
        for x, runs in pieces:
            self.page.body.append((x, y, runs))
        self.page.foot.extend(new)
        self.page.y = y - (style.leading - style.size)

    def _fits(self, y: float, foot_lines: int) -> bool:
        floor = BOTTOM + (FOOT_LEADING * foot_lines + 18 if foot_lines else 0)
        return y >= floor


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Serif", str(FONTS / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("Sans", str(FONTS / "DejaVuSans.ttf")))


def render(ts: Typesetter, path: Path, header: str | None, footer: str | None, page_no_top: bool = False,
           **canvas_args) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, **canvas_args)
    for number, page in enumerate(ts.pages, start=1):
        drawn: list[str] = []
        for x, y, runs in page.body:
            drawn.append(draw_runs(canvas, x, y, runs))
        if page.foot:
            rule_y = BOTTOM + FOOT_LEADING * len(page.foot) + 6
            canvas.setLineWidth(0.5)
            canvas.line(LEFT, rule_y, LEFT + 144, rule_y)
            for i, (x, runs) in enumerate(page.foot):
                drawn.append(draw_runs(canvas, x, rule_y - 13 - FOOT_LEADING * i, runs))
        center = LEFT + (PAGE_W - LEFT - RIGHT) / 2
        canvas.setFont("Sans", 10)
        margins = [header] if header else []
        margins += [footer.format(n=number, total=len(ts.pages))] if footer else []
        margins += [str(number)] if page_no_top and number > 1 else []
        for text in margins:
            canvas.drawCentredString(center, 30 if text[:1] in "-0123456789" and footer else PAGE_H - 35, text)
        ts.drawn.append(drawn + margins)
        canvas.showPage()
    canvas.save()


def draw_runs(canvas, x: float, y: float, runs: list) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for text, font, size, rise in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y + rise, text)
        x += stringWidth(text, font, size)
    return "".join(run[0] for run in runs)


def paragraphs_742(form: str = "NFC") -> tuple[list[tuple[str, dict[int, str]]], int]:
    """(text with SUP-marked numbers, {number: body}) per paragraph; index of the first section."""
    from nlp.ingest.txt import parse_word_export

    raw = SEED.read_text(encoding="utf-8")
    ing = parse_word_export(raw)
    bodies = {f.number: unicodedata.normalize(form, ing.text[f.body[0]:f.body[1]]) for f in ing.footnotes if f.body}
    out = []
    first_section = None
    for start, end, _ in ing.paragraphs:
        if start >= ing.body_end:
            break
        inside = sorted((f.anchor, f.number) for f in ing.footnotes if f.anchor is not None and start <= f.anchor <= end)
        pieces, cursor = [], start
        for anchor, number in inside:
            pieces += [ing.text[cursor:anchor], f"{SUP}{number}{SUP}"]
            cursor = anchor
        pieces.append(ing.text[cursor:end])
        text = "".join(pieces)
        if first_section is None and re.match(r"I\.\s", text):
            first_section = len(out)
        out.append((unicodedata.normalize(form, text), {n: bodies[n] for _, n in inside}))
    return out, first_section or 0


def make_742(out: Path, form: str = "NFC") -> Typesetter:
    """742.pdf; with form="NFD" (bench only) 742-nfd.pdf, every diacritic a combining glyph."""
    ts = Typesetter("sup")
    pars, first_section = paragraphs_742(form)
    for i, (text, notes) in enumerate(pars):
        if i == 0:
            left, right = re.split(r"\s{6,}", text.strip(), maxsplit=1)
            ts.paragraph(" ".join(left.split()) + "\t" + " ".join(right.split()), Style(align="columns"))
        elif i < first_section:
            ts.paragraph(text, Style(align="center", space_before=8 if i == 1 else 0))
        else:
            ts.paragraph(text, Style(indent=28, space_before=10 if i == first_section else 0), notes)
    name = "742.pdf" if form == "NFC" else f"742-{form.lower()}.pdf"
    render(ts, out / name, unicodedata.normalize(form, "Báo cáo số 742/BC-SKHĐT"), "- {n} -")
    return ts


SHORT_NOTE = ("Gồm: lúa Đông Xuân 42.150 ha, năng suất bình quân 7,1 tấn/ha; lúa Hè Thu 39.800 ha; "
              "rau màu các loại 4.200 ha, chủ yếu là rau ăn lá, bắp và đậu xanh; cây ăn trái 1.320 ha "
              "trồng mới theo quy hoạch vùng chuyên canh của tỉnh; phần còn lại là diện tích cây lâu "
              "năm chuyển đổi từ đất lúa kém hiệu quả, đạt 104% kế hoạch năm của Ủy ban nhân dân tỉnh "
              "giao cho các huyện, thị xã và thành phố trực thuộc trong năm 2024.")
SHORT = [
    ("columns", "ỦY BAN NHÂN DÂN TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("columns", "Số: 15/BC-UBND\tĐộc lập - Tự do - Hạnh phúc"),
    ("columns", " \tAn Giang, ngày 10 tháng 7 năm 2024"),
    ("center", "BÁO CÁO"),
    ("center", "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024"),
    ("body", "I. KẾT QUẢ ĐẠT ĐƯỢC"),
    ("body", "1. Về kinh tế"),
    ("body", "a) Sản xuất nông nghiệp"),
    ("body", "Tổng diện tích gieo trồng 6 tháng đầu năm đạt 87.470 ha, tăng 2,3% so với cùng kỳ; giá trị "
             "sản xuất nông nghiệp ước đạt 18.320 tỷ đồng, tăng 3,1% so với cùng kỳ năm trước" + SUP + "1" + SUP
             + ". Các địa phương chủ động chuyển đổi cơ cấu cây trồng phù hợp với điều kiện thời tiết."),
    ("body", "- Lúa: gieo trồng 81.950 ha, thu hoạch 42.150 ha, năng suất bình quân 7,1 tấn/ha."),
    ("body", "- Rau màu và cây ăn trái: giữ ổn định diện tích, mở rộng vùng sản xuất an toàn."),
    ("body", "+ Rau ăn lá: 2.100 ha, tiêu thụ chủ yếu tại chợ đầu mối trong tỉnh và Thành phố Hồ Chí Minh."),
    ("body", "+ Cây ăn trái: xoài, sầu riêng, mít có mã số vùng trồng phục vụ xuất khẩu."),
    ("body", "b) Thương mại, dịch vụ"),
    ("body", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 52.300 tỷ đồng, tăng 9,8% so với cùng "
             "kỳ; kim ngạch xuất khẩu ước đạt 620 triệu USD, đạt 48% kế hoạch năm."),
    ("break", ""),
    ("body", "2. ĐẦU TƯ CÔNG"),
    ("body", "Ủy ban nhân dân tỉnh đã phân bổ chi tiết 4.250 tỷ đồng vốn đầu tư công; giải ngân đến ngày "
             "30/6/2024 đạt 1.530 tỷ đồng, bằng 36% kế hoạch, cao hơn bình quân cả nước."),
    ("body", "II. TỒN TẠI, HẠN CHẾ"),
    ("body", "Tiến độ giải phóng mặt bằng một số dự án trọng điểm còn chậm; giá vật liệu xây dựng tăng "
             "làm ảnh hưởng đến tiến độ thi công."),
    ("body", "III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM"),
    ("body", "1. Tập trung giải ngân vốn đầu tư công, phấn đấu đến ngày 31/01/2025 đạt 100% kế hoạch."),
    ("body", "2. Đẩy mạnh xúc tiến thương mại, mở rộng thị trường tiêu thụ nông sản."),
    ("body", "Trên đây là báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024 của Ủy ban nhân dân tỉnh./."),
]


def make_short(out: Path) -> Typesetter:
    ts = Typesetter("plain")
    sans = dict(font="Sans", size=11.0, leading=15.0)
    for kind, text in SHORT:
        if kind == "break":
            ts.new_page()
            continue
        if kind == "columns":
            ts.paragraph(text, Style(align="columns", **sans))
        elif kind == "center":
            ts.paragraph(text, Style(align="center", space_before=8, **sans))
        else:
            gap = 0 if text[:1] in "-+" else 6
            ts.paragraph(text, Style(space_before=gap, **sans), {1: SHORT_NOTE}, split_note=1)
    render(ts, out / "short.pdf", None, None, page_no_top=True)
    return ts


def make_scanned(out: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out / "scanned.pdf"), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for page in range(2):
        image = Image.new("L", (300, 424), 250)
        draw = ImageDraw.Draw(image)
        for row in range(30, 400, 12):  # grey bars where a scan would have text lines
            draw.rectangle((30, row, 270 - (row * 7 + page * 40) % 90, row + 5), fill=60)
        canvas.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
        canvas.showPage()
    canvas.save()


def make_encrypted(out: Path) -> None:
    """One line of text behind the user password "secret" (pdfium will not open it without)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out / "encrypted.pdf"), pagesize=(PAGE_W, PAGE_H), invariant=1,
                    encrypt=StandardEncryption("secret", ownerPassword="owner"))
    canvas.setFont("Sans", 12)
    canvas.drawString(LEFT, PAGE_H - TOP - 12, "Báo cáo mật: Ủy ban nhân dân tỉnh")
    canvas.showPage()
    canvas.save()


CHROMIUM_UNTIL = "3. Tài chính - ngân hàng"  # chromium.pdf: the seed's paragraphs before this one


def make_chromium(out: Path) -> None:
    """The seed's first sections printed by headless Chromium: justified, <sup> markers, its own
    date/title header and URL/"n/m" footer. Skipped when chromium is not installed; not
    byte-reproducible (the header carries the date)."""
    import html
    import shutil
    import subprocess
    import tempfile

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        print("chromium.pdf: skipped (no chromium)")
        return
    pars, _ = paragraphs_742()
    body = []
    for text, _ in pars:
        if text.startswith(CHROMIUM_UNTIL):
            break
        pieces = text.split(SUP)
        body.append("<p>" + "".join(f"<sup>{p}</sup>" if i % 2 else html.escape(p)
                                    for i, p in enumerate(pieces)) + "</p>")
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>Báo cáo 742</title><style>"
            "@page { size: A4; margin: 2cm 2cm 2cm 3cm; } body { font-family: 'DejaVu Serif'; font-size: 13pt; }"
            "p { text-indent: 1cm; text-align: justify; margin: 0 0 4pt 0; line-height: 1.3; }"
            "</style></head><body>" + "".join(body) + "</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "742.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run([binary, "--headless", "--disable-gpu", "--no-sandbox",
                        f"--print-to-pdf={out / 'chromium.pdf'}", source.as_uri()],
                       check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "tests" / "data" / "pdf"), help="output directory")
    parser.add_argument("--chromium", action="store_true", help="also print chromium.pdf with headless Chromium")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    register_fonts()
    made = {"742.pdf": make_742(out), "short.pdf": make_short(out)}
    make_scanned(out)
    make_encrypted(out)
    if args.chromium:
        make_chromium(out)
    lines = ["{"]
    for i, (name, ts) in enumerate(made.items()):
        lines.append(f' "{name}": {{"footnotes": {json.dumps(ts.note_pages)}, "paragraphs": [')
        lines += [f"  {json.dumps(p, ensure_ascii=False)}," for p in ts.placed]
        lines[-1] = lines[-1].rstrip(",")
        lines.append(" ]}" + ("," if i < len(made) - 1 else ""))
    (out / "pages.json").write_text("\n".join(lines + ["}"]) + "\n", encoding="utf-8")
    for pdf in sorted(out.glob("*.pdf")):
        print(f"{pdf.name}: {pdf.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

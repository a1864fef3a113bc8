// Shared helpers of the page: DOM, the JSON API, Vietnamese labels, numbers and highlighting.

export const $ = (sel, root = document) => root.querySelector(sel);
export const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

export const LABELS = { AGENCY: "Cơ quan", PROJECT: "Dự án", LEGAL_DOC: "Văn bản", LOCATION: "Địa danh", PERSON: "Người", DATE: "Thời gian" };
export const KINDS = { passage: "Đoạn văn", task: "Nhiệm vụ", footnote: "Chú thích", table: "Bảng" };
export const TOPICS = {
  economy: "Kinh tế", agriculture: "Nông nghiệp", investment: "Đầu tư", budget: "Ngân sách - tài chính",
  infrastructure: "Hạ tầng - đô thị", environment: "Tài nguyên - môi trường", health: "Y tế", education: "Giáo dục - đào tạo",
  "science-technology": "Khoa học - công nghệ", "culture-tourism": "Văn hóa - du lịch", social: "Lao động - xã hội",
  "administration-digital": "Hành chính - chuyển đổi số", security: "Quốc phòng - an ninh", "foreign-affairs": "Đối ngoại",
};
export const DIRECTIONS = { increase: "tăng", decrease: "giảm", none: "" };
export const BASES = {
  plan: "so với kế hoạch", same_period: "so với cùng kỳ", previous_month: "so với tháng trước",
  previous_year: "so với năm trước", start_of_month: "so với đầu tháng", start_of_year: "so với đầu năm",
};
export const FIGURE_KINDS = { money: "tiền", percent: "tỷ lệ %", ratio: "tỷ số", measure: "đo lường", count: "số lượng" };
const UNITS = { VND: "đồng", USD: "USD" };
const SCALES = { 1000: "nghìn", 1000000: "triệu", 1000000000: "tỷ", 1000000000000: "nghìn tỷ" };

export const viDate = (iso) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join("/") : iso || "");

export async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 });

// A figure as a reader writes it: 9239420000000 VND at scale 1e9 -> "9.239,42 tỷ đồng".
export function figureText(f) {
  if (f.value == null) return f.text;
  const scale = SCALES[f.scale] ? f.scale : 1;
  const number = numberFormat.format(f.value / scale);
  if (f.unit === "%") return `${number}%`;
  return [number, SCALES[scale], UNITS[f.unit] ?? f.unit].filter(Boolean).join(" ");
}

// Fold one character at a time so folded text keeps the original's offsets.
export function fold(text) {
  let out = "";
  for (const ch of text) {
    const low = ch.toLowerCase();
    out += low === "đ" ? "d" : (low.normalize("NFD")[0] || low);
  }
  return out;
}

const lower = (text) => [...text].map((ch) => ch.toLowerCase()[0] || ch).join("");
const WORD = /[^\p{L}\p{N}]+/u;

// Where the query's words are in `text`: exact tones when the query has diacritics
// ("thu" does not light "thụ"), folded when it has none ("nha" lights "nhà").
export function matchMarks(text, query) {
  const typed = query.normalize("NFC");
  const hasTones = fold(typed) !== lower(typed);
  const form = hasTones ? lower : fold;
  const words = [...new Set(form(typed).split(WORD).filter((w) => w.length > 1))];
  const haystack = form(text.normalize("NFC"));
  const marks = new Array(text.length).fill(false);
  for (const w of words) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of haystack.matchAll(re)) for (let i = m.index; i < m.index + w.length; i++) marks[i] = true;
  }
  return marks;
}

// `text` escaped, the query's words in <mark>; `extra` marks [start, end) ranges with a class.
export function highlight(text, query, extra = []) {
  const marks = matchMarks(text, query);
  let html = "", open = null;
  for (let i = 0; i <= text.length; i++) {
    const special = extra.find(([s, e]) => i >= s && i < e);
    const want = i === text.length ? null : special ? special[2] : marks[i] ? "q" : null;
    if (want !== open) {
      if (open) html += "</mark>";
      if (want) html += want === "q" ? "<mark>" : `<mark class="${want}">`;
      open = want;
    }
    if (i < text.length) html += esc(text[i]);
  }
  return html;
}

// The results view: one page of hits with their snippet, the real count, pages and export.
import { $, api, esc, highlight, KINDS, matchMarks, viDate } from "./util.js";

export const PAGE_SIZE = 10;
export const FILTERS = ["report", "section", "kind", "entity", "period"];
const WINDOW = 280; // characters of a passage shown around its first match

// The API's query string for a state (question, filters, page).
export function apiParams(state, k = PAGE_SIZE, offset = (state.page - 1) * PAGE_SIZE) {
  const params = new URLSearchParams({ q: state.q, k, offset });
  for (const f of FILTERS) if (state[f]) params.set(f, state[f]);
  return params;
}

export function stateHash(state) {
  const params = new URLSearchParams();
  for (const key of ["q", ...FILTERS]) if (state[key]) params.set(key, state[key]);
  if (state.page > 1) params.set("page", state.page);
  return "#" + params.toString();
}

export async function runSearch(state, numbers) {
  const status = $("#status");
  status.textContent = "Đang tìm…";
  let body;
  try {
    body = await api(`/api/search?${apiParams(state)}`);
  } catch (err) {
    status.innerHTML = `<span class="error" role="alert">Lỗi: ${esc(err.message)}</span>`;
    $("#results").innerHTML = "";
    $("#pager").innerHTML = "";
    return;
  }
  const first = body.offset + 1, last = body.offset + body.hits.length;
  const notices = body.notices.map((n) => `<p class="notice" role="alert">${esc(n.message)}</p>`).join("");
  status.innerHTML = (body.total
    ? `<span id="count">${body.total.toLocaleString("vi-VN")} kết quả</span> cho “${esc(state.q)}” · ${first}–${last}`
    : `<span id="count">Không có kết quả</span> cho “${esc(state.q)}”`) + exportLinks(state) + notices;
  $("#results").innerHTML = body.hits.map((h, n) => renderHit(h, body.offset + n + 1, state.q, numbers)).join("");
  $("#pager").innerHTML = renderPager(state, body.total);
  $("#results").querySelectorAll("button.more").forEach((b) => b.addEventListener("click", () => toggleWhole(b)));
}

function exportLinks(state) {
  const params = apiParams(state, 100, 0);
  return ` <span class="export">Tải kết quả (100 đầu): <a id="export-csv" href="/api/search.csv?${params}" download>CSV</a>
    · <a id="export-json" href="/api/search.json?${params}" download>JSON</a></span>`;
}

function renderHit(h, rank, q, numbers) {
  const claim = h.claim ? `<p>Chú thích ${h.claim.footnote} cho câu: <i>${esc(h.claim.text)}</i></p>` : "";
  // footnotes whose marker stands in the snippet show beside it; the others only with the whole passage
  const near = nearSnippet(h);
  const notes = (h.footnotes || []).map((f) => `<p class="note"${near(f) ? "" : " data-far hidden"}><b>[${f.id}]</b> ${highlight(f.body || "", q)}</p>`).join("");
  const allFar = !claim && (h.footnotes || []).every((f) => !near(f));
  const where = [numbers[h.report] || h.title || h.source, viDate(h.date), h.section ? `mục ${h.section}` : "",
    h.headings && h.headings.length ? h.headings[h.headings.length - 1] : ""].filter(Boolean);
  const ranks = `BM25 ${h.ranks.bm25 ?? "–"} · ngữ nghĩa ${h.ranks.dense ?? "–"}`;
  const open = `#read=${encodeURIComponent(h.report)}&at=${h.start}&end=${h.end}`;
  return `<article class="hit" data-rank="${rank}">
    <div><div class="meta"><span class="rank">${rank}.</span> <span class="badge">${esc(KINDS[h.kind] || h.kind)}</span>
      <a class="open" href="${open}">${esc(where.join(" · "))}</a> <span class="ranks" title="thứ hạng">${ranks}</span></div>
      <div class="text snippet">${snippetHtml(h, q)}</div>
      <div class="text whole" hidden>${highlight(h.text, q, answerRange(h))}</div>
      <button type="button" class="more" aria-expanded="false">Xem cả đoạn</button></div>
    ${claim || notes ? `<aside${allFar ? " hidden" : ""}>${claim}${notes ? "<b>Chú thích:</b>" + notes : ""}</aside>` : ""}
  </article>`;
}

function toggleWhole(button) {
  const hit = button.closest(".hit"), whole = $(".whole", hit), open = whole.hidden;
  whole.hidden = !open;
  $(".snippet", hit).hidden = open;
  hit.querySelectorAll("[data-far]").forEach((n) => { n.hidden = !open; });
  const aside = $("aside", hit);
  if (aside && !aside.querySelector("p:not(.note)")) aside.hidden = !open && !aside.querySelector(".note:not([data-far])");
  button.textContent = open ? "Thu gọn" : "Xem cả đoạn";
  button.setAttribute("aria-expanded", String(open));
}

// Is a carried footnote's marker inside the hit's snippet? Without a snippet or an anchor, yes.
function nearSnippet(h) {
  const spans = (Array.isArray(h.snippet) ? h.snippet : h.snippet ? [h.snippet] : []).filter((s) => s && typeof s === "object");
  return (f) => !spans.length || f.anchor == null || spans.some((s) => s.start <= f.anchor && f.anchor <= s.end);
}

// [start, end) of a span inside the hit's text, from report offsets or, failing that, by its text.
function within(h, span) {
  if (!span || typeof span !== "object") return null;
  if (span.start >= h.start && span.end <= h.end && h.text.slice(span.start - h.start, span.end - h.start) === span.text) {
    return [span.start - h.start, span.end - h.start];
  }
  const at = span.text ? h.text.indexOf(span.text) : -1;
  return at < 0 ? null : [at, at + span.text.length];
}

function answerRange(h) {
  const range = within(h, h.answer);
  return range ? [[...range, "answer"]] : [];
}

// The library's snippet with the answer marked; without one, a window around the first match.
function snippetHtml(h, q) {
  const spans = (Array.isArray(h.snippet) ? h.snippet : h.snippet ? [h.snippet] : []).map((s) => within(h, s)).filter(Boolean);
  const answer = answerRange(h);
  if (spans.length) {
    return spans.map(([s, e]) => highlight(h.text.slice(s, e), q,
      answer.map(([a, b, c]) => [a - s, b - s, c]))).join(" <span class=\"gap\">…</span> ");
  }
  if (h.text.length <= WINDOW) return highlight(h.text, q, answer);
  const first = answer.length ? answer[0][0] : Math.max(0, matchMarks(h.text, q).indexOf(true));
  let start = Math.max(0, first - Math.floor(WINDOW / 3));
  let end = Math.min(h.text.length, start + WINDOW);
  if (start > 0) start = h.text.indexOf(" ", start) + 1 || start;
  if (end < h.text.length) end = h.text.lastIndexOf(" ", end) > start ? h.text.lastIndexOf(" ", end) : end;
  const shifted = answer.map(([a, b, c]) => [a - start, b - start, c]);
  return (start > 0 ? "… " : "") + highlight(h.text.slice(start, end), q, shifted) + (end < h.text.length ? " …" : "");
}

function renderPager(state, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return "";
  const link = (page, text, label) => `<a href="${stateHash({ ...state, page })}"${page === state.page ? ' aria-current="page"' : ""} aria-label="${label}">${text}</a>`;
  const shown = [...new Set([1, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const parts = [];
  shown.forEach((p, i) => {
    if (i && p - shown[i - 1] > 1) parts.push("<span>…</span>");
    parts.push(link(p, p, `Trang ${p}`));
  });
  const prev = state.page > 1 ? link(state.page - 1, "‹ Trước", "Trang trước") : "";
  const next = state.page < pages ? link(state.page + 1, "Sau ›", "Trang sau") : "";
  return `<nav aria-label="Trang kết quả">${prev}${parts.join("")}${next}</nav>`;
}

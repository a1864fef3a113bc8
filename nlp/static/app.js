"use strict";
// vnreport web page: search and a report reader over the JSON API. No build step.

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const LABELS = { AGENCY: "Cơ quan", PROJECT: "Dự án", LEGAL_DOC: "Văn bản", LOCATION: "Địa danh", PERSON: "Người", DATE: "Thời gian" };
const KINDS = { passage: "Đoạn văn", task: "Nhiệm vụ", footnote: "Chú thích" };

// Fold one character at a time so folded text keeps the original's offsets.
function fold(text) {
  let out = "";
  for (const ch of text) {
    const low = ch.toLowerCase();
    out += low === "đ" ? "d" : (low.normalize("NFD")[0] || low);
  }
  return out;
}

function highlight(text, query) {
  const words = [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1))];
  const folded = fold(text);
  const marks = new Array(text.length).fill(false);
  for (const w of words) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
    for (const m of folded.matchAll(re)) for (let i = m.index; i < m.index + w.length; i++) marks[i] = true;
  }
  let html = "", open = false;
  [...text].forEach((ch, i) => {
    if (marks[i] && !open) { html += "<mark>"; open = true; }
    if (!marks[i] && open) { html += "</mark>"; open = false; }
    html += esc(ch);
  });
  return html + (open ? "</mark>" : "");
}

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

async function loadReports() {
  const { reports } = await api("/api/reports");
  const select = $("#f-report");
  for (const r of reports) select.insertAdjacentHTML("beforeend", `<option value="${esc(r.id)}">${esc(r.number || r.source)} ${esc(r.date || "")}</option>`);
}

async function search(q) {
  $("#report").hidden = true;
  $("#results").hidden = false;
  const params = new URLSearchParams({ q, k: 10 });
  for (const [key, sel] of [["report", "#f-report"], ["kind", "#f-kind"], ["entity", "#f-entity"]]) {
    if ($(sel).value.trim()) params.set(key, $(sel).value.trim());
  }
  $("#status").textContent = "Đang tìm…";
  try {
    const { hits } = await api(`/api/search?${params}`);
    $("#status").textContent = hits.length ? `${hits.length} kết quả cho “${q}”` : `Không có kết quả cho “${q}”`;
    $("#results").innerHTML = hits.map((h, n) => renderHit(h, n, q)).join("");
  } catch (err) {
    $("#status").textContent = `Lỗi: ${err.message}`;
    $("#results").innerHTML = "";
  }
}

function renderHit(h, n, q) {
  const notes = (h.footnotes || []).map((f) => `<p><b>[${f.id}]</b> ${esc(f.body)}</p>`).join("");
  const claim = h.claim ? `<p>Chú thích ${h.claim.footnote} cho câu: <i>${esc(h.claim.text)}</i></p>` : "";
  const ranks = `BM25 ${h.ranks.bm25 ?? "–"} · ngữ nghĩa ${h.ranks.dense ?? "–"}`;
  return `<article class="hit" data-rank="${n + 1}">
    <div><div class="meta"><span class="badge">${esc(KINDS[h.kind] || h.kind)}</span>
      <a href="#report=${encodeURIComponent(h.report)}&at=${h.start}">${esc(h.title || h.source)}</a>
      ${h.date ? ` · ${esc(h.date)}` : ""} · mục ${esc(h.section || "–")} · <span title="thứ hạng">${ranks}</span></div>
      <div class="text">${highlight(h.text, q)}</div></div>
    <aside>${claim}${notes ? "<b>Chú thích:</b>" + notes : ""}${!claim && !notes ? "Không có chú thích." : ""}</aside>
  </article>`;
}

async function showReport(id, at) {
  $("#results").hidden = true;
  $("#status").textContent = "Đang mở báo cáo…";
  const r = await api(`/api/reports/${encodeURIComponent(id)}`);
  $("#status").textContent = "";
  const rep = r.report;
  const legend = Object.entries(LABELS).map(([k, v]) => `<span class="${k}">${v}</span>`).join("");
  const csv = ["entities", "figures", "footnotes", "tasks", "checks"].map((t) => `<a href="/api/reports/${encodeURIComponent(id)}/${t}.csv">${t}.csv</a>`).join(" · ");
  const view = $("#report");
  view.hidden = false;
  view.innerHTML = `<h2>${esc(rep.title || rep.source)}</h2>
    <p class="meta">Số ${esc(rep.number || "–")} · ${esc(rep.issuer || "")} · ${esc(rep.place || "")} ${esc(rep.date || "")} · kỳ báo cáo: ${esc(rep.period ? rep.period.label : "–")}</p>
    <p>Tải bảng: ${csv}</p>
    <div class="tabs"><button data-tab="text" class="on">Văn bản</button><button data-tab="figures">Số liệu (${r.figures.length})</button>
      <button data-tab="tasks">Nhiệm vụ (${r.tasks.length})</button><button data-tab="checks">Kiểm tra chú thích (${r.checks.length})</button></div>
    <div id="tab-text"><p class="legend">${legend}</p><div class="doc">${renderText(r)}</div></div>
    <div id="tab-figures" class="scroll" hidden>${renderFigures(r.figures)}</div>
    <div id="tab-tasks" hidden>${renderTasks(r.tasks)}</div>
    <div id="tab-checks" class="scroll" hidden>${renderChecks(r.checks)}</div>`;
  view.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => {
    view.querySelectorAll(".tabs button").forEach((x) => x.classList.toggle("on", x === b));
    for (const t of ["text", "figures", "tasks", "checks"]) $(`#tab-${t}`).hidden = t !== b.dataset.tab;
  }));
  view.querySelectorAll("sup.fn").forEach((s) => s.addEventListener("click", () => toggleNote(s, r)));
  view.querySelectorAll("th").forEach((th) => th.addEventListener("click", () => sortTable(th)));
  const target = at != null && view.querySelector(`[data-at="${at}"]`);
  if (target) target.scrollIntoView({ block: "center" });
  else window.scrollTo(0, 0);
}

function renderText(r) {
  const text = r.text.slice(0, r.body_end);
  const opens = new Map(), closes = new Map(), notes = new Map();
  for (const e of r.entities) if (e.end <= r.body_end) { opens.set(e.start, e); closes.set(e.end, (closes.get(e.end) || 0) + 1); }
  for (const f of r.footnotes) if (f.anchor != null) notes.set(f.anchor, [...(notes.get(f.anchor) || []), f]);
  const starts = new Set(r.sections.map((s) => s.start));
  let html = "";
  for (let i = 0; i <= text.length; i++) {
    if (closes.has(i)) html += "</span>".repeat(closes.get(i));
    for (const f of notes.get(i) || []) html += `<sup class="fn" data-fn="${f.id}" title="Chú thích ${f.id}">[${f.id}]</sup>`;
    if (i === text.length) break;
    if (starts.has(i)) html += `<a data-at="${i}"></a>`;
    const e = opens.get(i);
    if (e) html += `<span class="ent ${e.label}" title="${LABELS[e.label] || e.label}">`;
    html += esc(text[i]);
  }
  return html;
}

function toggleNote(sup, r) {
  const next = sup.nextElementSibling;
  if (next && next.classList.contains("fn-body")) { next.remove(); return; }
  const f = r.footnotes.find((x) => String(x.id) === sup.dataset.fn);
  sup.insertAdjacentHTML("afterend", `<span class="fn-body"><b>[${f.id}]</b> ${esc(f.body ? f.body.text : "(không có nội dung)")}</span>`);
}

// indicator and period are spans ({start, end, text}) since schema 2; older indexes hold strings.
function figureCell(f, k) {
  const v = f[k];
  return (k === "indicator" || k === "period") && v && typeof v === "object" ? v.text : v;
}

function renderFigures(figures) {
  const cols = [["text", "Số liệu"], ["value", "Giá trị"], ["unit", "Đơn vị"], ["kind", "Loại"], ["direction", "Xu hướng"], ["basis", "So với"], ["indicator", "Chỉ tiêu"], ["period", "Kỳ"]];
  return `<table><thead><tr>${cols.map(([, h]) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${
    figures.map((f) => `<tr>${cols.map(([k]) => { const v = figureCell(f, k); return `<td data-v="${esc(v)}">${esc(v ?? "")}</td>`; }).join("")}</tr>`).join("")}</tbody></table>`;
}

function renderTasks(tasks) {
  const flat = [];
  const walk = (t, depth) => { flat.push([t, depth]); t.items.forEach((i) => walk(i, depth + 1)); };
  tasks.forEach((t) => walk(t, 0));
  const byTopic = new Map();
  for (const [t, depth] of flat) for (const topic of (t.topics.length ? t.topics.slice(0, 1) : ["khác"])) {
    byTopic.set(topic, [...(byTopic.get(topic) || []), [t, depth]]);
  }
  return [...byTopic].map(([topic, items]) => `<h3>${esc(topic)}</h3><ul>${items.map(([t]) =>
    `<li><b>${esc(t.label)}</b> ${esc(t.heading.text)}${t.agencies.length ? ` <small>(${esc(t.agencies.join(", "))})</small>` : ""}</li>`).join("")}</ul>`).join("");
}

function renderChecks(checks) {
  if (!checks.length) return "<p>Không có chú thích nào liệt kê chi tiết để đối chiếu.</p>";
  return `<table><thead><tr><th>Chú thích</th><th>Số tổng</th><th>Các phần</th><th>Tổng các phần</th><th>Kết quả</th></tr></thead><tbody>${
    checks.map((c) => `<tr class="${c.status}"><td>${c.footnote}</td><td>${esc(c.claim_figure.text)}</td><td>${esc(c.parts.map((p) => p.text).join("; "))}</td><td>${c.sum}</td><td>${{ ok: "khớp", partial: "một phần", mismatch: "KHÔNG KHỚP" }[c.status]}</td></tr>`).join("")}</tbody></table>`;
}

function sortTable(th) {
  const table = th.closest("table"), index = [...th.parentNode.children].indexOf(th);
  const rows = [...table.tBodies[0].rows], dir = th.dataset.dir === "asc" ? -1 : 1;
  th.dataset.dir = dir === 1 ? "asc" : "desc";
  const key = (r) => { const v = r.cells[index].dataset.v ?? r.cells[index].textContent; const n = Number(v); return v !== "" && !Number.isNaN(n) ? n : v; };
  rows.sort((a, b) => { const x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * dir; });
  rows.forEach((r) => table.tBodies[0].appendChild(r));
}

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("report")) showReport(params.get("report"), params.get("at")).catch((e) => { $("#status").textContent = `Lỗi: ${e.message}`; });
  else if (params.get("q")) { $("#q").value = params.get("q"); search(params.get("q")); }
}

$("#search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = $("#q").value.trim();
  if (q) location.hash = new URLSearchParams({ q }).toString();
});
document.querySelectorAll(".example").forEach((b) => b.addEventListener("click", () => { location.hash = new URLSearchParams({ q: b.textContent }).toString(); }));
window.addEventListener("hashchange", route);
loadReports().catch(() => {});
route();

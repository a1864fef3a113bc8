// The report reader: table of contents, the text with entities, figures and footnotes, the
// passage a hit points at highlighted, figures in Vietnamese, tasks as a tree, footnote checks.
import { $, api, BASES, DIRECTIONS, esc, FIGURE_KINDS, figureText, LABELS, TOPICS, viDate } from "./util.js";

let cached = { id: null, report: null };

async function load(id) {
  if (cached.id !== id) cached = { id, report: await api(`/api/reports/${encodeURIComponent(id)}`) };
  return cached.report;
}

const readHash = (id, start, end) => `#read=${encodeURIComponent(id)}&at=${start}` + (end != null ? `&end=${end}` : "");

export async function showReport(id, at, end) {
  $("#status").textContent = "Đang mở báo cáo…";
  const r = await load(id);
  $("#status").textContent = "";
  const view = $("#report");
  view.hidden = false;
  const target = at != null && end != null ? [Number(at), Number(end)] : null;
  view.innerHTML = renderReport(r, id, target);
  view.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => showTab(view, b.dataset.tab)));
  view.querySelectorAll("sup.fn").forEach((s) => s.addEventListener("click", () => toggleNote(s, r)));
  view.querySelectorAll("th").forEach((th) => th.addEventListener("click", () => sortTable(th)));
  const mark = $("#target", view) || (at != null && nearestAnchor(view, Number(at)));
  if (mark) {
    mark.scrollIntoView({ block: "center" });
    mark.setAttribute("tabindex", "-1");
    mark.focus({ preventScroll: true });
  } else window.scrollTo(0, 0);
}

function nearestAnchor(view, at) {
  const anchors = [...view.querySelectorAll("[data-at]")].filter((a) => Number(a.dataset.at) <= at);
  return anchors[anchors.length - 1] || null;
}

function showTab(view, tab) {
  view.querySelectorAll(".tabs button").forEach((x) => x.classList.toggle("on", x.dataset.tab === tab));
  for (const t of ["text", "figures", "tasks", "checks"]) $(`#tab-${t}`, view).hidden = t !== tab;
}

function renderReport(r, id, target) {
  const rep = r.report;
  const legend = Object.entries(LABELS).map(([k, v]) => `<span class="${k}">${v}</span>`).join("");
  const csv = ["entities", "figures", "footnotes", "tasks", "checks"].map((t) => `<a href="/api/reports/${encodeURIComponent(id)}/${t}.csv">${t}.csv</a>`).join(" · ");
  const ctx = textContext(r, target);
  return `<div class="reader">
    <details class="toc"${matchMedia("(min-width: 701px)").matches ? " open" : ""}><summary>Mục lục</summary>${renderToc(r, id)}</details>
    <div class="reader-main">
    <p><a href="#reports">‹ Danh sách báo cáo</a></p>
    <h2>${esc(rep.title || rep.source)}</h2>
    <p class="meta">Số ${esc(rep.number || "–")} · ${esc(rep.issuer || "")} · ${esc(rep.place || "")}${rep.date ? ", ngày " + esc(viDate(rep.date)) : ""} · kỳ báo cáo: ${esc(rep.period ? rep.period.label : "–")}</p>
    <p class="downloads">Tải bảng: ${csv}</p>
    <div class="tabs" role="tablist"><button data-tab="text" class="on">Văn bản</button><button data-tab="figures">Số liệu (${r.figures.length})</button>
      <button data-tab="tasks">Nhiệm vụ (${r.tasks.length})</button><button data-tab="checks">Kiểm tra chú thích (${r.checks.length})</button></div>
    <div id="tab-text"><p class="legend">${legend}<span class="fig">Số liệu</span></p>
      <div class="doc">${renderRange(r, 0, r.body_end, ctx)}</div>
      ${r.footnotes.length ? `<h3 id="notes">Chú thích</h3><div class="doc notes">${renderRange(r, r.body_end, r.text.length, ctx)}</div>` : ""}</div>
    <div id="tab-figures" class="scroll" hidden>${renderFigures(r, id)}</div>
    <div id="tab-tasks" hidden>${renderTasks(r, id)}</div>
    <div id="tab-checks" class="scroll" hidden>${renderChecks(r.checks)}</div>
    </div></div>`;
}

function renderToc(r, id) {
  const items = r.sections.filter((s) => s.level <= 3 && !/^[-+•]/.test(s.label)).map((s) =>
    `<li class="l${s.level}"><a href="${readHash(id, s.start, s.heading.end)}">${esc(s.label)} ${esc(s.heading.text.slice(0, 80))}</a></li>`);
  const first = r.footnotes.find((f) => f.body);
  if (first) items.push(`<li class="l1"><a href="${readHash(id, first.body.start)}">Chú thích (${r.footnotes.length})</a></li>`);
  return `<ul>${items.join("")}</ul>`;
}

// Per character: which entity and figure it is in; the hit's range; anchors and markers to insert.
function textContext(r, target) {
  const n = r.text.length, ent = new Int32Array(n).fill(-1), fig = new Int32Array(n).fill(-1);
  r.entities.forEach((e, i) => ent.fill(i, e.start, e.end));
  r.figures.forEach((f, i) => fig.fill(i, f.start, f.end));
  const before = new Map(), after = new Map(); // inserted before char i / after char i - 1
  const add = (map, at, html) => map.set(at, (map.get(at) || "") + html);
  for (const s of r.sections) add(before, s.start, `<a data-at="${s.start}"></a>`);
  for (const f of r.footnotes) {
    if (f.anchor != null) add(after, f.anchor, `<sup class="fn" data-fn="${f.id}" role="button" tabindex="0" title="Chú thích ${f.id}">[${f.id}]</sup>`);
    if (f.body) add(before, f.body.start, `<a data-at="${f.body.start}" id="fn-${f.id}"></a><b>[${f.id}]</b> `);
  }
  return { ent, fig, before, after, target };
}

function renderRange(r, from, to, ctx) {
  let html = "", key = null, run = "", firstTarget = true;
  const flush = () => {
    if (!run) return;
    const [e, f, t] = key;
    const classes = [e >= 0 ? `ent ${r.entities[e].label}` : "", f >= 0 ? "fig" : "", t ? "target" : ""].filter(Boolean).join(" ");
    const title = [e >= 0 ? LABELS[r.entities[e].label] : "", f >= 0 ? figureTitle(r.figures[f]) : ""].filter(Boolean).join(" · ");
    const id = t && firstTarget ? ' id="target"' : "";
    if (t) firstTarget = false;
    html += classes ? `<span class="${classes}"${id}${title ? ` title="${esc(title)}"` : ""}>${esc(run)}</span>` : esc(run);
    run = "";
  };
  for (let i = from; i < to; i++) {
    const extra = (i > from ? ctx.after.get(i) || "" : "") + (ctx.before.get(i) || "");
    if (extra) { flush(); html += extra; }
    const inTarget = !!ctx.target && i >= ctx.target[0] && i < Math.max(ctx.target[1], ctx.target[0] + 1);
    const k = [ctx.ent[i], ctx.fig[i], inTarget];
    if (!key || k[0] !== key[0] || k[1] !== key[1] || k[2] !== key[2]) { flush(); key = k; }
    run += r.text[i];
  }
  flush();
  return html + (ctx.after.get(to) || "");
  return html;
}

function figureTitle(f) {
  return [figureText(f), DIRECTIONS[f.direction], BASES[f.basis], f.indicator].filter(Boolean).join(" · ");
}

function toggleNote(sup, r) {
  const next = sup.nextElementSibling;
  if (next && next.classList.contains("fn-body")) { next.remove(); return; }
  const f = r.footnotes.find((x) => String(x.id) === sup.dataset.fn);
  const plain = { ...textContext(r, null), before: new Map(), after: new Map() };
  const body = f.body ? renderRange(r, f.body.start, f.body.end, plain) : "(không có nội dung)";
  sup.insertAdjacentHTML("afterend", `<span class="fn-body"><b>[${f.id}]</b> ${body}</span>`);
}

function sentenceOf(r, at) {
  let lo = 0, hi = r.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, s = r.sentences[mid];
    if (at < s.start) hi = mid - 1; else if (at >= s.end) lo = mid + 1; else return s;
  }
  return null;
}

function renderFigures(r, id) {
  const cols = ["Số liệu trong văn bản", "Giá trị", "Loại", "Xu hướng", "So với", "Chỉ tiêu", "Kỳ"];
  const rows = r.figures.map((f) => {
    const s = sentenceOf(r, f.start) || f;
    return `<tr><td data-v="${f.start}"><a href="${readHash(id, s.start, s.end)}">${esc(f.text)}</a></td>
      <td data-v="${f.value ?? ""}">${esc(figureText(f))}</td><td>${esc(FIGURE_KINDS[f.kind] || f.kind || "")}</td>
      <td>${esc(DIRECTIONS[f.direction] ?? f.direction ?? "")}</td><td>${esc(BASES[f.basis] || f.basis || "")}</td>
      <td>${esc(f.indicator || "")}</td><td>${esc(f.period || "")}</td></tr>`;
  });
  return `<p class="hint">Bấm một số liệu để xem câu chứa nó; bấm tiêu đề cột để sắp xếp.</p>
    <table><thead><tr>${cols.map((h) => `<th tabindex="0">${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function renderTasks(r, id) {
  if (!r.tasks.length) return "<p>Báo cáo không có phần nhiệm vụ.</p>";
  const sections = new Map(r.sections.map((s) => [s.id, s]));
  const item = (t) => `<li><a href="${readHash(id, t.start, t.end)}"><b>${esc(t.label)}</b></a> ${esc(t.heading.text)}
    ${t.topics.map((k) => `<span class="topic">${esc(TOPICS[k] || k)}</span>`).join("")}
    ${t.agencies.length ? `<small class="agencies">${esc(t.agencies.join(", "))}</small>` : ""}
    ${t.items.length ? `<ul>${t.items.map(item).join("")}</ul>` : ""}</li>`;
  const groups = new Map();
  for (const t of r.tasks) {
    const own = sections.get(t.section), parent = own && own.start === t.start ? own.parent : t.section;
    groups.set(parent, [...(groups.get(parent) || []), t]);
  }
  return [...groups].map(([sid, tasks]) => {
    const s = sections.get(sid);
    return `<h3>${s ? `${esc(s.path.join(" "))} ${esc(s.heading.text)}` : "Nhiệm vụ"}</h3><ul class="tree">${tasks.map(item).join("")}</ul>`;
  }).join("");
}

function renderChecks(checks) {
  if (!checks.length) return "<p>Không có chú thích nào liệt kê chi tiết để đối chiếu.</p>";
  const n = (v) => (v == null ? "" : Number(v).toLocaleString("vi-VN", { maximumFractionDigits: 3 }));
  const status = { ok: "khớp", partial: "một phần", mismatch: "KHÔNG KHỚP" };
  return `<table><thead><tr><th>Chú thích</th><th>Số tổng</th><th>Các phần</th><th>Tổng các phần</th><th>Chênh lệch</th><th>Kết quả</th></tr></thead><tbody>${
    checks.map((c) => `<tr class="${c.status}"><td data-v="${c.footnote}">${c.footnote}</td><td>${esc(c.claim_figure.text)}</td>
      <td>${esc(c.parts.map((p) => p.text).join("; "))}</td><td data-v="${c.sum}">${n(c.sum)}</td><td data-v="${c.difference}">${n(c.difference)}</td>
      <td>${status[c.status] || c.status}</td></tr>`).join("")}</tbody></table>`;
}

function sortTable(th) {
  const table = th.closest("table"), index = [...th.parentNode.children].indexOf(th);
  const rows = [...table.tBodies[0].rows], dir = th.dataset.dir === "asc" ? -1 : 1;
  th.dataset.dir = dir === 1 ? "asc" : "desc";
  const key = (r) => { const v = r.cells[index].dataset.v ?? r.cells[index].textContent; const n = Number(v); return v !== "" && !Number.isNaN(n) ? n : v; };
  rows.sort((a, b) => { const x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * dir; });
  rows.forEach((r) => table.tBodies[0].appendChild(r));
}

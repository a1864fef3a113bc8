// The "Số liệu" page (figure explorer): pick an indicator, see its figures across reports and
// periods in a table and a line chart (one line per place and issuer), every row and point
// linked to its sentence in the reader; and the checks that compare reports.
import { $, api, esc } from "./util.js";
import uPlot from "./vendor/uplot/uPlot.esm.js";

const COLORS = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d"];
const KIND_LABELS = { month: "tháng", quarter: "quý", half: "6 tháng", year: "năm", cumulative: "lũy kế" };
const CHECK_LABELS = { cumulative: "Cộng dồn so với các tháng", restated: "Cùng kỳ, hai báo cáo" };
let indicators = null;

export async function showFigures(params) {
  const view = $("#figures");
  if (!indicators) indicators = (await api("/api/indicators")).indicators;
  const chosen = params.get("indicator") || (indicators.find((i) => i.figures > 0) || indicators[0]).id;
  const period = params.get("period") || "";
  view.innerHTML = `<h2>Số liệu theo chỉ tiêu</h2>
    <form id="figures-form" class="figures-form">
      <label>Chỉ tiêu <select id="fig-indicator">${indicators.map((i) =>
        `<option value="${esc(i.id)}"${i.id === chosen ? " selected" : ""}${i.figures ? "" : " disabled"}>${esc(i.label)} (${i.figures})</option>`).join("")}</select></label>
      <label>Kỳ <input id="fig-period" value="${esc(period)}" placeholder="2024, 2024-03, 2024-Q1" size="10"></label>
      <button type="submit">Xem</button>
    </form>
    <div id="fig-chart" class="chart" role="img" aria-label="Biểu đồ số liệu theo kỳ"></div>
    <div id="fig-checks"></div><div id="fig-table" class="scroll"></div>`;
  $("#figures-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams({ figures: "", indicator: $("#fig-indicator").value });
    if ($("#fig-period").value.trim()) next.set("period", $("#fig-period").value.trim());
    location.hash = next.toString();
  });
  $("#fig-indicator").addEventListener("change", () => $("#figures-form").requestSubmit());
  const query = new URLSearchParams({ indicator: chosen, limit: "2000" });
  if (period) query.set("period", period);
  const { figures, cross_checks: checks } = await api(`/api/figures?${query}`);
  $("#status").textContent = `${figures.length} số liệu của chỉ tiêu này`;
  drawChart(figures.filter(isLevel));
  $("#fig-checks").innerHTML = checksHtml(checks);
  $("#fig-table").innerHTML = tableHtml(figures);
}

const isLevel = (f) => f.unit && f.unit !== "%" && !f.basis && (!f.direction || f.direction === "none");
const readerLink = (r, start, end) => `#read=${encodeURIComponent(r)}&at=${start}&end=${end}`;

export function periodLabel(f) {
  if (!f.period_start) return "—";
  const [y, m] = f.period_start.split("-");
  if (f.period_kind === "month") return `${parseInt(m, 10)}/${y}`;
  if (f.period_kind === "quarter") return `quý ${["I", "II", "III", "IV"][(parseInt(m, 10) - 1) / 3]}/${y}`;
  if (f.period_kind === "year") return y;
  const last = parseInt(f.period_end.split("-")[1], 10);
  return `${KIND_LABELS[f.period_kind] || ""} ${parseInt(m, 10)}–${last}/${y}`.trim();
}

function tableHtml(figures) {
  const rows = figures.map((f) => `<tr>
    <td>${esc(periodLabel(f))}</td><td>${esc(f.place || "")}</td>
    <td><a href="${readerLink(f.report, f.sentence_start, f.sentence_end)}">${esc(f.number || f.report)}</a></td>
    <td>${esc(f.indicator)}</td><td class="num">${esc(f.text)}</td>
    <td><small>${esc(f.sentence)}</small></td></tr>`);
  return `<table class="figures"><thead><tr><th>Kỳ</th><th>Nơi</th><th>Báo cáo</th><th>Chỉ tiêu trong câu</th>
    <th>Số liệu</th><th>Câu</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function checksHtml(checks) {
  if (!checks.length) return "";
  const items = checks.map((c) => {
    const parts = c.parts.map((p) => `<a href="${readerLink(p.report, p.start, p.end)}">${esc(p.number || p.report)}: ${esc(p.text)}</a>`);
    return `<li class="${c.status}"><b>${c.status === "ok" ? "Khớp" : "Lệch"}</b> · ${esc(CHECK_LABELS[c.kind] || c.kind)}:
      <a href="${readerLink(c.figure.report, c.figure.start, c.figure.end)}">${esc(c.figure.number || c.figure.report)}: ${esc(c.figure.text)}</a>
      so với ${parts.join(" + ")}</li>`;
  });
  return `<h3>Đối chiếu giữa các báo cáo</h3><ul class="checks">${items.join("")}</ul>`;
}

function drawChart(levels) {
  const box = $("#fig-chart");
  box.innerHTML = "";
  if (!levels.length) { box.textContent = "Không có số liệu tuyệt đối để vẽ."; return; }
  const xs = [...new Set(levels.map((f) => Date.parse(f.period_end) / 1000))].sort((a, b) => a - b);
  const groups = new Map();
  for (const f of levels) {
    const key = `${f.place || "?"} · ${f.unit}${f.period_kind === "month" ? "" : " (" + (KIND_LABELS[f.period_kind] || f.period_kind) + ")"}`;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key).set(Date.parse(f.period_end) / 1000, f);
  }
  const keys = [...groups.keys()];
  const data = [xs, ...keys.map((k) => xs.map((x) => (groups.get(k).has(x) ? groups.get(k).get(x).value : null)))];
  const width = Math.max(300, Math.min(box.clientWidth || 900, 1100));
  const chart = new uPlot({
    width, height: 300, scales: { x: { time: true } },
    series: [{ label: "Kỳ" }, ...keys.map((k, i) => ({ label: k, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true,
      points: { size: 8 } }))],
    axes: [{}, { size: 80, values: (u, vals) => vals.map((v) => new Intl.NumberFormat("vi-VN", { notation: "compact" }).format(v)) }],
  }, data, box);
  // a click on a point opens the reader at the sentence the figure came from
  const pointAt = (idx, top) => {
    let best = null;
    keys.forEach((k, s) => {
      const v = data[s + 1][idx];
      if (v == null) return;
      const d = Math.abs(chart.valToPos(v, "y") - top);
      if (!best || d < best.d) best = { d, f: groups.get(k).get(xs[idx]) };
    });
    return best && best.f;
  };
  chart.over.addEventListener("click", () => {
    const { idx, top } = chart.cursor;
    const f = idx == null ? null : pointAt(idx, top);
    if (f) location.hash = readerLink(f.report, f.sentence_start, f.sentence_end).slice(1);
  });
  box.chart = chart;  // for tests: the drawn chart and its scales
}

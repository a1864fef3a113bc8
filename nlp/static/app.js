// vnreport web page: search, a report reader, the reports list and the figure explorer over the JSON API. No build
// step: ES modules served from /static. The URL's hash is the state (question, filters, page;
// or the report being read), so reload, back/forward and shared links show the same thing.
import { $, esc } from "./util.js";
import { FILTERS, runSearch, stateHash } from "./search.js";
import { loadFacets, numbers, readFilters, suggestEntities, writeFilters } from "./filters.js";
import { showReport } from "./reader.js";
import { showReports } from "./reports.js";
import { showFigures } from "./figures.js";

function readState() {
  const params = new URLSearchParams(location.hash.slice(1));
  const state = { q: params.get("q") || "", page: Math.max(1, parseInt(params.get("page"), 10) || 1) };
  for (const f of FILTERS) state[f] = params.get(f) || "";
  return state;
}

function show(view) {
  for (const id of ["search-view", "report", "reports", "figures"]) $(`#${id}`).hidden = id !== view;
}

async function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    if (params.has("read")) {
      show("report");
      await showReport(params.get("read"), params.get("at"), params.get("end"));
    } else if (location.hash === "#reports") {
      show("reports");
      await showReports();
    } else if (params.has("figures")) {
      show("figures");
      await showFigures(params);
    } else {
      show("search-view");
      const state = readState();
      $("#q").value = state.q;
      writeFilters(state);
      $("#examples").hidden = !!state.q;
      if (state.q) await runSearch(state, numbers);
      else {
        $("#results").innerHTML = $("#pager").innerHTML = "";
        $("#status").textContent = FILTERS.some((f) => state[f]) ? "Hãy nhập câu hỏi để tìm trong các bộ lọc đã chọn." : "";
      }
    }
  } catch (err) {
    $("#status").innerHTML = `<span class="error" role="alert">Lỗi: ${esc(err.message)}</span>`;
  }
}

// Any change of the question or a filter is a new state: a new URL, and a new query even
// when the URL is the same (Tìm pressed again).
function submit() {
  const hash = stateHash({ q: $("#q").value.trim(), ...readFilters(), page: 1 });
  if (location.hash === hash) route();
  else location.hash = hash;
}

function wire() {
  $("#search-form").addEventListener("submit", (ev) => { ev.preventDefault(); submit(); });
  for (const sel of ["#f-report", "#f-kind", "#f-label"]) $(sel).addEventListener("change", () => { if (sel !== "#f-label" || $("#f-entity").value.trim()) submit(); });
  $("#f-label").addEventListener("change", () => suggestEntities().catch(() => {}));
  for (const sel of ["#f-section", "#f-entity", "#f-period"]) {
    const box = $(sel);
    box.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); submit(); } });
    // a value picked from the suggestions arrives as one replacement, not typed keys
    box.addEventListener("input", (ev) => { if (!ev.inputType || ev.inputType === "insertReplacementText") submit(); });
  }
  let timer = null;
  $("#f-entity").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => suggestEntities().catch(() => {}), 150); });
  $("#clear-filters").addEventListener("click", () => { writeFilters({}); submit(); });
  document.querySelectorAll(".example").forEach((b) => b.addEventListener("click", () => { location.hash = stateHash({ q: b.textContent, page: 1 }); }));
  document.addEventListener("keydown", (ev) => {
    const typing = ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]");
    if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); $("#q").focus(); $("#q").select(); }
  });
  window.addEventListener("hashchange", route);
}

wire();
$("#filter-box").open = window.matchMedia("(min-width: 701px)").matches;
loadFacets().catch(() => {}).finally(route);

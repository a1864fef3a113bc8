// The filter boxes: filled from the index's facets, read into and written from the URL state,
// entity names completed as they are typed.
import { $, api, esc, KINDS, LABELS } from "./util.js";

let facets = null;
export const numbers = {}; // report id -> its number, for the hits' titles

export async function loadFacets() {
  facets = await api("/api/facets");
  for (const r of facets.reports) numbers[r.id] = r.number;
  $("#f-report").insertAdjacentHTML("beforeend", facets.reports.map((r) =>
    `<option value="${esc(r.id)}">${esc([r.number || r.source, r.date, r.issuer].filter(Boolean).join(" · "))}</option>`).join(""));
  $("#f-kind").innerHTML = `<option value="">Tất cả</option>` + facets.kinds.filter((k) => k.count).map((k) =>
    `<option value="${k.kind}">${esc(KINDS[k.kind] || k.kind)} (${k.count})</option>`).join("");
  $("#sections").innerHTML = facets.sections.filter((s) => s.level <= 3).map((s) =>
    `<option value="${esc(s.path)}">${esc(s.path)} ${esc(s.heading.slice(0, 60))}</option>`).join("");
  $("#f-label").innerHTML = facets.labels.filter((l) => l.count).map((l) =>
    `<option value="${l.label}">${esc(LABELS[l.label] || l.label)}</option>`).join("");
  $("#periods").innerHTML = facets.periods.map((p) => `<option value="${esc(p.value)}">${esc(p.label)}</option>`).join("");
  await suggestEntities();
}

// Names of the chosen label starting with what is typed; the most frequent is the placeholder.
export async function suggestEntities() {
  const label = $("#f-label").value, prefix = $("#f-entity").value.trim();
  if (!label) return;
  const { entities } = await api(`/api/entities?${new URLSearchParams({ label, prefix, limit: 10 })}`);
  $("#entity-names").innerHTML = entities.map((e) => `<option value="${esc(e.text)}">${e.count} lần</option>`).join("");
  if (!prefix && entities.length) $("#f-entity").placeholder = entities[0].text;
}

export function readFilters() {
  const name = $("#f-entity").value.trim();
  return {
    report: $("#f-report").value, section: $("#f-section").value.trim(), kind: $("#f-kind").value,
    entity: name ? `${$("#f-label").value || "AGENCY"}:${name}` : "", period: $("#f-period").value.trim(),
  };
}

export function writeFilters(state) {
  setSelect($("#f-report"), state.report);
  setSelect($("#f-kind"), state.kind);
  $("#f-section").value = state.section || "";
  $("#f-period").value = state.period || "";
  const [label, ...name] = (state.entity || "").split(":");
  if (name.length) setSelect($("#f-label"), label.toUpperCase());
  $("#f-entity").value = name.join(":");
  const active = ["report", "section", "kind", "entity", "period"].filter((f) => state[f]).length;
  $("#filter-count").textContent = active ? `(${active})` : "";
  if (active) $("#filter-box").open = true;
}

// A value the list does not hold (a report's number typed in the URL) is kept as typed.
function setSelect(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) {
    select.insertAdjacentHTML("beforeend", `<option value="${esc(value)}">${esc(value)}</option>`);
  }
  select.value = value || "";
}

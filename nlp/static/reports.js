// The reports page: every report in the index with its header fields.
import { $, api, esc, viDate } from "./util.js";

export async function showReports() {
  $("#status").textContent = "";
  const { reports } = await api("/api/reports");
  const rows = reports.map((r) => `<tr>
    <td><a href="#read=${encodeURIComponent(r.id)}">${esc(r.number || r.id)}</a></td><td>${esc(r.title || "")}</td>
    <td>${esc(r.issuer || "")}</td><td>${esc(r.place || "")}</td><td data-v="${esc(r.date || "")}">${esc(viDate(r.date))}</td>
    <td>${esc(r.period || "")}</td><td data-v="${r.passages}">${r.passages}</td><td><small>${esc(r.source)}</small></td></tr>`);
  const view = $("#reports");
  view.hidden = false;
  view.innerHTML = `<h2>Báo cáo trong chỉ mục (${reports.length})</h2><div class="scroll"><table>
    <thead><tr><th>Số</th><th>Tiêu đề</th><th>Cơ quan ban hành</th><th>Nơi ban hành</th><th>Ngày</th><th>Kỳ báo cáo</th>
    <th>Số đoạn</th><th>Tệp</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

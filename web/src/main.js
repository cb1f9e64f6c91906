// The eventwire dashboard: filters -> events from the API -> map, timeline, table; event pages.

import "leaflet/dist/leaflet.css";
import "./app.css";
import { loadEvent, loadEvents, loadHealth, loadTaxonomy, loadTimeline } from "./api.js";
import { debounce, el } from "./dom.js";
import { drawEvent } from "./event.js";
import { createMap, drawEvents, TYPE_COLORS } from "./map.js";
import { drawTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const state = { days: [], events: [], complete: true, range: null, newIds: new Set(), request: null };
let view = null;

function filters() {
  return {
    event_type: $("f-type").value,
    actor: $("f-actor").value,
    country: $("f-country").value,
    q: $("f-q").value,
  };
}

function inRange(iso) {
  return !state.range || (iso >= state.range[0] && iso <= state.range[1]);
}

function render() {
  drawEvents(view, state.events, state.newIds);
  const rows = drawTable($("rows"), state.events, state.newIds);
  const total = state.days.filter(([iso]) => inRange(iso)).reduce((sum, [, n]) => sum + n, 0);
  const range = state.range ? ` between ${state.range[0]} and ${state.range[1]}` : "";
  const more = state.complete ? "" : `; the map shows the newest ${state.events.length} (narrow the filters to see the rest)`;
  $("summary").textContent = `${total} events${range}${more}; the table lists ${rows}`;
  $("clear-range").hidden = !state.range;
  document.body.dataset.state = "ready";
}

function drawHistogram() {
  drawTimeline($("timeline"), state.days, state.range, (range) => {
    state.range = range;
    reload({ timeline: false });
  });
}

async function reload({ timeline = true } = {}) {
  // The timeline counts every event matching the filters; map and table also apply the range.
  if (state.request) state.request.abort();
  const request = new AbortController();
  state.request = request;
  document.body.dataset.state = "loading";
  const ranged = state.range ? { ...filters(), since: state.range[0], until: state.range[1] } : filters();
  try {
    const [page, days] = await Promise.all([
      loadEvents(ranged, request.signal),
      timeline ? loadTimeline(filters(), request.signal) : null,
    ]);
    Object.assign(state, { events: page.events, complete: page.complete });
    if (days) state.days = days.days;
    $("error").hidden = true;
    if (timeline) drawHistogram();
    render();
  } catch (error) {
    if (error.name === "AbortError") return;
    $("error").hidden = false;
    $("error").textContent = `Could not load events: ${error.message}`;
    document.body.dataset.state = "error";
  }
}

async function showRoute() {
  const match = location.hash.match(/^#\/event\/(.+)$/);
  $("overview").hidden = Boolean(match);
  $("event").hidden = !match;
  if (!match) {
    view.map.invalidateSize();
    return;
  }
  const id = decodeURIComponent(match[1]);
  $("event").replaceChildren(el("p", { text: "Loading…" }));
  try {
    drawEvent($("event"), await loadEvent(id));
  } catch (error) {
    $("event").replaceChildren(el("p", { class: "error", text: `Could not load event: ${error.message}` }));
  }
  window.scrollTo(0, 0);
}

function listen() {
  // Live updates: the server pushes ids of new or changed events; reload the current view.
  if (!window.EventSource) return;
  const source = new EventSource("/api/stream");
  // Browsers allow few connections per host over HTTP/1.1: give this one back on leaving.
  window.addEventListener("pagehide", () => source.close());
  const refresh = debounce(reload, 500);
  source.addEventListener("hello", () => { $("live").textContent = "live"; $("live").className = "live on"; });
  source.addEventListener("changes", (message) => {
    const { ids } = JSON.parse(message.data);
    for (const id of ids) state.newIds.add(id);
    $("live").textContent = `live · ${state.newIds.size} new`;
    refresh();
  });
  source.onerror = () => { $("live").textContent = "reconnecting…"; $("live").className = "live off"; };
}

async function fillTypes() {
  const select = $("f-type");
  for (const [name] of Object.entries(await loadTaxonomy())) {
    select.append(el("option", { value: name, text: name }));
  }
  const legend = $("legend");
  for (const [name, color] of Object.entries(TYPE_COLORS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = color;
    legend.append(el("span", { class: "key" }, swatch, name));
  }
}

async function main() {
  view = createMap($("map"));
  await fillTypes().catch(() => {});
  const onFilter = debounce(() => { state.range = null; reload(); }, 300);
  for (const id of ["f-actor", "f-country", "f-q"]) $(id).addEventListener("input", onFilter);
  $("f-type").addEventListener("change", onFilter);
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("clear-range").addEventListener("click", () => { state.range = null; drawHistogram(); reload({ timeline: false }); });
  $("reset").addEventListener("click", () => {
    for (const id of ["f-type", "f-actor", "f-country", "f-q"]) $(id).value = "";
    onFilter();
  });
  window.addEventListener("hashchange", showRoute);
  let drawnWidth = $("timeline").clientWidth;
  const redraw = debounce(() => {
    // Only a real change of width: redrawing would drop a brush the user is dragging.
    if ($("timeline").clientWidth === drawnWidth) return;
    drawnWidth = $("timeline").clientWidth;
    drawHistogram();
  }, 150);
  new ResizeObserver(redraw).observe($("timeline"));
  loadHealth().then((h) => { $("counts").textContent = `${h.counts.events} events · ${h.counts.documents} documents`; }).catch(() => {});
  await reload();
  showRoute();
  listen();
}

main();

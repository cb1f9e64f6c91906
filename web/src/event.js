// The event page: the event's fields and every report, with evidence spans highlighted.

import { clear, el, safeHref } from "./dom.js";

const FIELDS = [
  ["event_date", "Date"], ["event_type", "Event type"], ["sub_event_type", "Sub-event type"],
  ["actor1", "Actor 1"], ["assoc_actor_1", "Associated actor 1"], ["actor2", "Actor 2"],
  ["assoc_actor_2", "Associated actor 2"], ["interaction", "Interaction"],
  ["location", "Location"], ["admin1", "Admin 1"], ["country", "Country"],
  ["latitude", "Latitude"], ["longitude", "Longitude"], ["geo_precision", "Geo precision"],
  ["fatalities", "Fatalities"], ["civilian_targeting", "Civilian targeting"],
  ["source", "Source"], ["confidence", "Confidence"], ["notes", "Notes"],
];

export function highlighted(text, evidence) {
  // Splits `text` at every span boundary; pieces inside spans become <mark>s naming the fields.
  const spans = (evidence || []).filter(
    (e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length,
  );
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const fields = spans.filter((s) => s.start <= a && b <= s.end).map((s) => s.field);
    if (fields.length) {
      out.append(el("mark", { "data-fields": fields.join(" "), title: fields.join(", "), text: piece }));
    } else {
      out.append(document.createTextNode(piece));
    }
  }
  return out;
}

function report(doc) {
  const link = safeHref(doc.url);
  const title = doc.title || doc.url || doc.id;
  const fields = [...new Set((doc.evidence || []).map((e) => e.field))];
  return el(
    "article",
    { class: "report", "data-document-id": doc.id },
    el("h3", {}, link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: title }) : title),
    el("div", { class: "muted", text: [doc.outlet, doc.published].filter(Boolean).join(" · ") }),
    fields.length ? el("div", { class: "legend", text: `Evidence for: ${fields.join(", ")}` }) : null,
    highlighted(doc.text || "", doc.evidence),
  );
}

export function drawEvent(container, event) {
  clear(container);
  const rows = FIELDS.filter(([key]) => event[key] !== null && event[key] !== undefined && event[key] !== "").map(
    ([key, label]) => el("tr", {}, el("th", { text: label }), el("td", { text: event[key] })),
  );
  const reports = event.reports || [];
  container.append(
    el("p", {}, el("a", { href: "#/", text: "← all events" })),
    el("h2", { text: `${event.sub_event_type} in ${event.location}, ${event.country}` }),
    el("table", { class: "fields" }, el("tbody", {}, ...rows)),
    el("h2", { text: `${reports.length} report${reports.length === 1 ? "" : "s"}` }),
    ...reports.map(report),
  );
}

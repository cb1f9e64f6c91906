// The table of events currently selected by the filters and the timeline brush.

import { clear, el } from "./dom.js";

const ROWS = 500;

export function drawTable(tbody, events, newIds) {
  clear(tbody);
  for (const event of events.slice(0, ROWS)) {
    const href = `#/event/${encodeURIComponent(event.event_id)}`;
    tbody.append(
      el(
        "tr",
        { class: newIds.has(event.event_id) ? "new" : null, "data-event-id": event.event_id },
        el("td", { class: "date", text: event.event_date }),
        el("td", {}, el("a", { href, text: event.sub_event_type }), el("div", { class: "muted", text: event.event_type })),
        el("td", { text: event.actor1 }),
        el("td", { text: event.actor2 || "" }),
        el("td", { text: [event.location, event.admin1].filter(Boolean).join(", ") }),
        el("td", { text: event.country }),
        el("td", { class: "num", text: event.fatalities }),
        el("td", { class: "num", text: event.reports ?? "" }),
      ),
    );
  }
  return Math.min(events.length, ROWS);
}

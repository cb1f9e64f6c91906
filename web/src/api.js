// Fetching from the eventwire API: filtered event pages, one event, the taxonomy.

const PAGE = 1000;
export const MAX_EVENTS = 5000; // the dashboard draws at most this many events at once

function query(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== null && value !== undefined && String(value).trim() !== "") {
      params.set(key, String(value).trim());
    }
  }
  return params.toString();
}

async function getJSON(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body;
}

export async function loadEvents(filters, signal) {
  // Pages through /api/events until MAX_EVENTS; returns {events, complete}.
  const events = [];
  let cursor = null;
  do {
    const page = await getJSON(`/api/events?${query(filters, { limit: PAGE, cursor })}`, signal);
    events.push(...page.events);
    cursor = page.next;
  } while (cursor && events.length < MAX_EVENTS);
  return { events, complete: !cursor };
}

export const loadTimeline = (filters, signal) =>
  getJSON(`/api/timeline?${query(filters)}`, signal);
export const loadEvent = (id, signal) =>
  getJSON(`/api/events/${encodeURIComponent(id)}`, signal);
export const loadTaxonomy = () => getJSON("/api/taxonomy");
export const loadHealth = () => getJSON("/api/health");

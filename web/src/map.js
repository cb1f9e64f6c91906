// The map: Natural Earth country outlines shipped with the app (no tiles, no network) and one
// circle per event, sized by fatalities and coloured by event type.

import L from "leaflet";
import { feature } from "topojson-client";
import { el, safeHref } from "./dom.js";

export const TYPE_COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#d35400",
  "Violence against civilians": "#8e44ad",
  Protests: "#2980b9",
  Riots: "#16a085",
  "Strategic developments": "#7f8c8d",
};

function unwrapAntimeridian(geometry) {
  // Rings of Russia and Fiji jump from +180 to -180 degrees; Leaflet would draw that jump as a
  // line across the world. Shift such points by 360 degrees so every ring is continuous.
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const previous = ring[i - 1][0];
        while (ring[i][0] - previous > 180) ring[i][0] -= 360;
        while (ring[i][0] - previous < -180) ring[i][0] += 360;
      }
    }
  }
}

export function createMap(container, onOpen) {
  const map = L.map(container, {
    worldCopyJump: true,
    minZoom: 1,
    maxZoom: 12,
    zoomSnap: 0.5,
    attributionControl: true,
  }).setView([15, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  const outlines = L.canvas({ padding: 0.5 });
  fetch("/static/countries-50m.json")
    .then((r) => r.json())
    .then((topology) => {
      const countries = feature(topology, topology.objects.countries);
      // Antarctica reaches the pole, which Web Mercator cannot draw; nothing happens there.
      countries.features = countries.features.filter((f) => f.properties.name !== "Antarctica");
      for (const f of countries.features) unwrapAntimeridian(f.geometry);
      L.geoJSON(countries, {
        renderer: outlines,
        interactive: false,
        style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
      }).addTo(map).bringToBack();
      document.body.dataset.outlines = String(countries.features.length);
    })
    .catch(() => { document.body.dataset.outlines = "failed"; });
  const markers = L.layerGroup().addTo(map);
  return { map, markers, onOpen, fitted: false };
}

function popup(event, onOpen) {
  const open = el("a", { href: `#/event/${encodeURIComponent(event.event_id)}`, text: "Open event" });
  const link = safeHref(event.url);
  return el(
    "div",
    { class: "popup" },
    el("strong", { text: `${event.event_date} · ${event.sub_event_type}` }),
    el("div", { text: `${event.location}, ${event.country}` }),
    el("div", { text: event.actor2 ? `${event.actor1} vs ${event.actor2}` : event.actor1 }),
    el("div", { text: `Fatalities: ${event.fatalities}` }),
    link ? el("div", {}, el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: "source" })) : null,
    el("div", {}, open),
  );
}

export function drawEvents(view, events, newIds) {
  view.markers.clearLayers();
  const points = [];
  // Biggest first, so that small circles stay on top and clickable.
  const ordered = [...events].sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
  for (const event of ordered) {
    if (typeof event.latitude !== "number" || typeof event.longitude !== "number") continue;
    const latlng = [event.latitude, event.longitude];
    points.push(latlng);
    const fresh = newIds.has(event.event_id);
    L.circleMarker(latlng, {
      radius: 4 + Math.min(14, Math.sqrt(event.fatalities || 0) * 2),
      color: fresh ? "#111" : "#fff",
      weight: fresh ? 2 : 1,
      fillColor: TYPE_COLORS[event.event_type] || "#555",
      fillOpacity: 0.8,
      className: "ew-marker",
    })
      .bindPopup(() => popup(event, view.onOpen))
      .addTo(view.markers);
  }
  if (!view.fitted && points.length) {
    view.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
    view.fitted = true;
  }
}

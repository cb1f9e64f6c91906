// The timeline: a histogram of events over time; brushing it selects a date range.

import { axisBottom } from "d3-axis";
import { brushX } from "d3-brush";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";

const DAY = 86400000;
const HEIGHT = 110;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 12 };

const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
export const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function binWidth(spanDays) {
  if (spanDays <= 120) return 1;
  if (spanDays <= 900) return 7;
  return 30;
}

export function drawTimeline(svgNode, days, range, onBrush) {
  // days: [["YYYY-MM-DD", count], ...] for every event matching the filters (from the server).
  const svg = select(svgNode);
  svg.selectAll("*").remove();
  const width = svgNode.clientWidth || 800;
  svg.attr("viewBox", `0 0 ${width} ${HEIGHT}`).attr("height", HEIGHT);
  if (!days.length) return;
  const first = toDay(days[0][0]);
  const last = toDay(days[days.length - 1][0]) + DAY;
  const step = binWidth((last - first) / DAY) * DAY;
  const counts = new Map();
  for (const [iso, n] of days) {
    const bin = first + Math.floor((toDay(iso) - first) / step) * step;
    counts.set(bin, (counts.get(bin) || 0) + n);
  }
  const end = Math.max(last, first + step);
  const x = scaleUtc().domain([first, end]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(...counts.values())])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  svg
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data([...counts.entries()])
    .join("rect")
    .attr("x", ([bin]) => x(bin) + 0.5)
    .attr("width", ([bin]) => Math.max(1, x(bin + step) - x(bin) - 1))
    .attr("y", ([, n]) => y(n))
    .attr("height", ([, n]) => y(0) - y(n))
    .append("title")
    .text(([bin, n]) => `${isoDay(bin)}: ${n} event${n === 1 ? "" : "s"}`);
  svg
    .append("g")
    .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));

  const brush = brushX()
    .extent([[MARGIN.left, MARGIN.top], [width - MARGIN.right, HEIGHT - MARGIN.bottom]])
    .on("end", ({ selection, sourceEvent }) => {
      if (!sourceEvent) return; // moved by code, not by the user
      if (!selection) return onBrush(null);
      const since = Math.floor(x.invert(selection[0]).getTime() / DAY) * DAY;
      const until = Math.floor((x.invert(selection[1]).getTime() - 1) / DAY) * DAY;
      onBrush([isoDay(since), isoDay(Math.max(since, until))]);
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  if (range) {
    const a = Math.max(x(toDay(range[0])), MARGIN.left);
    const b = Math.min(x(toDay(range[1]) + DAY), width - MARGIN.right);
    if (b > a) g.call(brush.move, [a, b]);
  }
}

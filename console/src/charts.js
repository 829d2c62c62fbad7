// Click charts with uPlot (a canvas), each paired with the same numbers as a table for screen readers and for
// anyone who wants the figures: the canvas is one labelled image, the table is the accessible form of the data.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { h } from "./dom.js";
import { count } from "./format.js";

/** Colours with at least 4.5:1 contrast on white, told apart by the legend's text as well as by colour. */
const COLOURS = ["#1f5fbf", "#a34700"];

/** Seconds since the epoch of a stats period: a UTC day (2026-05-01) or an hour (2026-05-01T13:00:00Z). */
function seconds(period) {
  return Date.parse(period.length === 10 ? `${period}T00:00:00Z` : period) / 1000;
}

/**
 * A figure with a chart of one or more series over the same periods and a data table.
 * lines: [{label, points: [{period, clicks}]}], all with the same periods (the API fills every period, zeros too).
 */
export function timeChart(title, lines, { hourly = false } = {}) {
  const periods = lines[0]?.points.map((point) => point.period) ?? [];
  const totals = lines.map((line) => line.points.reduce((sum, point) => sum + point.clicks, 0));
  const summary = `${title}: ${lines.map((line, i) => `${count(totals[i])} ${line.label.toLowerCase()}`).join(", ")}.`;
  const canvasHolder = h("div", { class: "chart", role: "img", "aria-label": summary });
  const figure = h(
    "figure",
    { class: "chart-figure" },
    h("figcaption", {}, title),
    h(
      "ul",
      { class: "legend" },
      lines.map((line, i) =>
        h("li", {}, h("span", { class: `swatch swatch-${i}`, "aria-hidden": "true" }), `${line.label}: ${count(totals[i])}`),
      ),
    ),
    canvasHolder,
    dataTable(title, periods, lines, hourly),
  );
  const data = [periods.map(seconds), ...lines.map((line) => line.points.map((point) => point.clicks))];
  mountWhenSized(canvasHolder, (width) => new uPlot(options(width, lines, hourly), data, canvasHolder));
  return figure;
}

function options(width, lines, hourly) {
  return {
    width,
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    legend: { show: false },
    scales: { x: { time: true }, y: { range: (chart, min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    axes: [
      { stroke: "#333", grid: { stroke: "#e4e4e4" } },
      { stroke: "#333", grid: { stroke: "#e4e4e4" }, values: (chart, ticks) => ticks.map((t) => (Number.isInteger(t) ? count(t) : "")) },
    ],
    series: [
      {},
      ...lines.map((line, i) => ({
        label: line.label,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        points: { show: !hourly },
        paths: hourly ? uPlot.paths.stepped({ align: 1 }) : undefined,
      })),
    ],
  };
}

/** uPlot needs a width: the chart is drawn once its holder is laid out, and resized with it. */
function mountWhenSized(holder, create) {
  let chart = null;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(holder.clientWidth);
    if (width <= 0) {
      return;
    }
    if (!chart) {
      chart = create(width);
    } else if (Math.abs(chart.width - width) > 1) {
      chart.setSize({ width, height: 220 });
    }
  });
  observer.observe(holder);
}

function dataTable(title, periods, lines, hourly) {
  const rows = periods
    .map((period, index) => ({ period, values: lines.map((line) => line.points[index].clicks) }))
    .filter((row) => row.values.some((value) => value > 0));
  return h(
    "details",
    { class: "chart-data" },
    h("summary", {}, `${title}: the numbers`),
    rows.length === 0
      ? h("p", {}, "No clicks in this period.")
      : h(
          "table",
          {},
          h("caption", {}, `${title} (UTC; periods with clicks)`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, hourly ? "Hour" : "Day"), lines.map((line) => h("th", { scope: "col" }, line.label)))),
          h(
            "tbody",
            {},
            rows.map((row) =>
              h("tr", {}, h("th", { scope: "row" }, hourly ? row.period.replace("T", " ").replace(":00:00Z", ":00") : row.period), row.values.map((value) => h("td", { class: "number" }, count(value)))),
            ),
          ),
        ),
  );
}

/** A ranked breakdown (referrers, countries, ...) as a table. */
export function breakdownTable(title, heading, entries, { linkTo } = {}) {
  return h(
    "section",
    { class: "breakdown", "aria-label": title },
    h("h3", {}, title),
    entries.length === 0
      ? h("p", { class: "empty" }, "None yet.")
      : h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, heading), h("th", { scope: "col", class: "number" }, "Clicks"))),
          h(
            "tbody",
            {},
            entries.map((entry) =>
              h(
                "tr",
                {},
                h("td", {}, linkTo ? h("a", { href: linkTo(entry.value) }, entry.value) : entry.value || "(none)"),
                h("td", { class: "number" }, count(entry.clicks)),
              ),
            ),
          ),
        ),
  );
}

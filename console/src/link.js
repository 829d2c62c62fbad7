// One link: its details and QR code, the edit form and delete, and its clicks: per day (people and bots apart)
// for 30 days, per hour for the last 7, unique visitors, and who sent them (referrers, countries, devices,
// browsers, systems).
import { api, withQuery } from "./api.js";
import { breakdownTable, timeChart } from "./charts.js";
import { h } from "./dom.js";
import { count, utcDay, when } from "./format.js";
import { linkFields, linkForm } from "./linkform.js";
import { problemArea, showProblem } from "./problems.js";
import { announce } from "./status.js";
import { confirmDialog, copyButton, tagList } from "./widgets.js";

const BREAKDOWNS = [
  ["referrer", "Top referrers", "Referrer"],
  ["country", "Countries", "Country"],
  ["device", "Devices", "Device"],
  ["browser", "Browsers", "Browser"],
  ["os", "Operating systems", "OS"],
];

/** Object URLs of QR images, revoked when the page is left. */
let qrUrl = null;

export async function linkPage(main, code) {
  if (qrUrl) {
    URL.revokeObjectURL(qrUrl);
    qrUrl = null;
  }
  main.replaceChildren(h("h1", {}, code), h("p", {}, "Loading…"));
  let link;
  try {
    link = await api("GET", `/api/links/${encodeURIComponent(code)}`);
  } catch (error) {
    const problem = problemArea();
    main.replaceChildren(h("h1", {}, code), problem, h("p", {}, h("a", { href: "#/links" }, "Back to your links")));
    showProblem(problem, error);
    return;
  }
  const stats = h("section", { class: "stats", "aria-labelledby": "stats-heading" }, h("h2", { id: "stats-heading" }, "Clicks"), h("p", {}, "Loading…"));
  main.replaceChildren(
    h("p", { class: "crumb" }, h("a", { href: "#/links" }, "← Your links")),
    h("h1", {}, link.code),
    h("div", { class: "two" }, details(link), qrFigure(link)),
    editForm(link),
    stats,
  );
  await showStats(stats, link);
}

function details(link) {
  const row = (term, ...value) => [h("dt", {}, term), h("dd", {}, ...value)];
  return h(
    "dl",
    { class: "details card" },
    row("Short link", h("a", { href: link.shortUrl, class: "short-url" }, link.shortUrl), " ", copyButton(link.shortUrl, "short link")),
    row("Destination", h("span", { class: "destination" }, link.url)),
    row("Status", link.status),
    row("Created", when(link.createdAt)),
    row("Expires", link.expiresAt ? when(link.expiresAt) : "never"),
    row("Tags", tagList(link.tags)),
    row("Clicks (all time)", h("span", { class: "click-count" }, count(link.clickCount))),
  );
}

/** The API's SVG, fetched with the key and shown as an image from a blob: its markup is never put in the page. */
function qrFigure(link) {
  const img = h("img", { class: "qr", alt: `QR code for ${link.shortUrl}`, width: "200", height: "200" });
  const download = h("a", { class: "button-link", download: `${link.code}.svg`, hidden: true }, "Download SVG");
  const figure = h("figure", { class: "card qr-figure" }, img, h("figcaption", {}, download));
  api("GET", withQuery(`/api/links/${encodeURIComponent(link.code)}/qr`, { format: "svg" }), { blob: true })
    .then((blob) => {
      qrUrl = URL.createObjectURL(blob);
      img.src = qrUrl;
      download.href = qrUrl;
      download.hidden = false;
    })
    .catch((error) => {
      const problem = problemArea();
      figure.replaceChildren(problem);
      showProblem(problem, error);
    });
  return figure;
}

function editForm(link) {
  const fields = linkFields({ link });
  return linkForm({
    id: "edit-heading",
    heading: "Edit",
    fields,
    submit: async () => {
      await api("PATCH", `/api/links/${encodeURIComponent(link.code)}`, { body: fields.body(), contentType: "application/merge-patch+json" });
      announce(`Saved ${link.code}`);
      await linkPage(document.getElementById("main"), link.code);
    },
    buttons: (failed) => [
      h("button", { type: "submit" }, "Save changes"),
      h(
        "button",
        {
          type: "button",
          class: "danger",
          onclick: async () => {
            const sure = await confirmDialog(`Delete ${link.code}? People following it will get "gone", and the code is never handed out again.`, "Delete");
            if (!sure) {
              return;
            }
            try {
              await api("DELETE", `/api/links/${encodeURIComponent(link.code)}`);
              announce(`Deleted ${link.code}`);
              location.hash = "#/links";
            } catch (error) {
              failed(error);
            }
          },
        },
        "Delete link",
      ),
    ],
  });
}

async function showStats(section, link) {
  const heading = section.firstChild;
  const path = `/api/links/${encodeURIComponent(link.code)}/stats`;
  const get = (parameters) => api("GET", withQuery(path, parameters));
  try {
    const [people, bots, hourly, hourlyBots, ...breakdowns] = await Promise.all([
      get({}),
      get({ bots: "only" }),
      get({ interval: "hour", from: utcDay(6) }),
      get({ interval: "hour", from: utcDay(6), bots: "only" }),
      ...BREAKDOWNS.map(([groupBy]) => get({ groupBy })),
    ]);
    section.replaceChildren(
      heading,
      h("button", { type: "button", class: "secondary refresh", onclick: () => showStats(section, link) }, "Refresh"),
      totals(people.totals, bots.totals),
      timeChart("Clicks per day, last 30 days", [
        { label: "People", points: people.series },
        { label: "Bots", points: bots.series },
      ]),
      timeChart(
        "Clicks per hour, last 7 days",
        [
          { label: "People", points: hourly.series },
          { label: "Bots", points: hourlyBots.series },
        ],
        { hourly: true },
      ),
      h("p", { class: "muted" }, `Days and hours are UTC. Counted from the click stream, minutes behind; kept from ${people.availableFrom}.`),
      h("div", { class: "breakdowns" }, BREAKDOWNS.map(([, title, heading], i) => breakdownTable(title, heading, breakdowns[i].breakdown))),
    );
  } catch (error) {
    const problem = problemArea();
    section.replaceChildren(heading, problem);
    showProblem(problem, error);
  }
}

export function totals(people, bots) {
  const item = (label, value, name) => h("div", { class: "total" }, h("dt", {}, label), h("dd", { "data-total": name }, count(value)));
  return h(
    "dl",
    { class: "totals" },
    item("People", people.people, "people"),
    item("Unique visitors", people.uniqueVisitors, "unique"),
    item("Bots", bots.bots, "bots"),
  );
}

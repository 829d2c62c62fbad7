// The caller's links: a form for a new one, filters (search, tag, status), a page of the listing, paged by the
// API's cursor.
import { api, withQuery } from "./api.js";
import { field, h } from "./dom.js";
import { count, when } from "./format.js";
import { formActions, linkFields, linkForm } from "./linkform.js";
import { problemArea, showProblem } from "./problems.js";
import { announce } from "./status.js";
import { copyButton, scrollingTable, tagList } from "./widgets.js";

const PAGE_SIZE = 20;

/** Cursors of the pages seen for the current filters: [null (first page), cursor of page 2, ...]. */
let paging = { filters: null, cursors: [null], index: 0 };

export async function linksPage(main, query) {
  const filters = { q: query.get("q") ?? "", tag: query.get("tag") ?? "", status: query.get("status") ?? "" };
  const key = JSON.stringify(filters);
  if (paging.filters !== key) {
    paging = { filters: key, cursors: [null], index: 0 };
  }
  const listing = h("section", { "aria-labelledby": "listing-heading" }, h("h2", { id: "listing-heading" }, "Your links"), h("p", {}, "Loading…"));
  main.replaceChildren(h("h1", {}, "Links"), createForm(() => showListing(listing, filters)), filterForm(filters), listing);
  await showListing(listing, filters);
}

function createForm(created) {
  const fields = linkFields({ withAlias: true });
  return linkForm({
    id: "create-heading",
    heading: "New link",
    fields,
    submit: async () => {
      const link = await api("POST", "/api/links", {
        body: fields.body(),
        headers: { "Idempotency-Key": crypto.randomUUID() },
      });
      fields.reset();
      announce(`Created ${link.shortUrl}`);
      paging.index = 0;
      await created();
    },
    buttons: () => [h("button", { type: "submit" }, "Shorten")],
  });
}

function filterForm(filters) {
  const q = field("Search", { type: "search", name: "q", value: filters.q, hint: "The start of a code or of the destination's host." });
  const tag = field("Tag", { name: "tag", value: filters.tag, autocomplete: "off" });
  const status = field("Status", {
    tag: "select",
    name: "status",
    children: [
      ["", "Active and expired"],
      ["active", "Active"],
      ["expired", "Expired"],
      ["deleted", "Deleted"],
    ].map(([value, label]) => h("option", { value, selected: filters.status === value }, label)),
  });
  return h(
    "form",
    {
      class: "card filters",
      role: "search",
      "aria-label": "Filter links",
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = withQuery("#/links", { q: q.input.value.trim(), tag: tag.input.value.trim(), status: status.input.value });
      },
    },
    h("div", { class: "grid" }, q.row, tag.row, status.row),
    formActions(h("button", { type: "submit", class: "secondary" }, "Filter"), h("a", { href: "#/links", class: "button-link" }, "Clear")),
  );
}

async function showListing(section, filters) {
  const heading = section.firstChild;
  try {
    const page = await api("GET", withQuery("/api/links", { limit: PAGE_SIZE, cursor: paging.cursors[paging.index], ...filters }));
    paging.cursors[paging.index + 1] = page.next;
    section.replaceChildren(heading, page.links.length === 0 ? h("p", { class: "empty" }, "No links here yet.") : linksTable(page.links), pager(section, filters, page));
  } catch (error) {
    const problem = problemArea();
    section.replaceChildren(heading, problem);
    showProblem(problem, error);
  }
}

function linksTable(links) {
  return scrollingTable(
    "Your links",
    h(
      "table",
      { class: "links" },
      h(
        "thead",
        {},
        h("tr", {}, ["Short link", "Destination", "Tags", "Created", "Expires", "Status"].map((name) => h("th", { scope: "col" }, name)), h("th", { scope: "col", class: "number" }, "Clicks")),
      ),
      h(
        "tbody",
        {},
        links.map((link) =>
          h(
            "tr",
            { "data-code": link.code },
            h("td", { class: "short" }, h("a", { href: `#/link/${encodeURIComponent(link.code)}`, "aria-label": `${link.code}: details and clicks` }, link.code), " ", copyButton(link.shortUrl, `short link ${link.shortUrl}`)),
            h("td", { class: "destination" }, link.url ?? h("span", { class: "muted" }, "(deleted)")),
            h("td", {}, tagList(link.tags)),
            h("td", {}, when(link.createdAt)),
            h("td", {}, link.expiresAt ? when(link.expiresAt) : "never"),
            h("td", {}, link.status),
            h("td", { class: "number" }, count(link.clickCount)),
          ),
        ),
      ),
    ),
  );
}

function pager(section, filters, page) {
  const go = (step) => async () => {
    paging.index += step;
    await showListing(section, filters);
    section.querySelector("h2").focus();
  };
  section.querySelector("h2")?.setAttribute("tabindex", "-1");
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages of links" },
    h("button", { type: "button", class: "secondary", disabled: paging.index === 0, onclick: go(-1) }, "Newer"),
    h("span", {}, `Page ${paging.index + 1}`),
    h("button", { type: "button", class: "secondary", disabled: !page.next, onclick: go(1) }, "Older"),
  );
}

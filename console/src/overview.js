// Across all of the caller's links: clicks per day for 30 days (people and bots apart) and the top links.
import { api, withQuery } from "./api.js";
import { breakdownTable, timeChart } from "./charts.js";
import { h } from "./dom.js";
import { totals } from "./link.js";
import { problemArea, showProblem } from "./problems.js";

export async function overviewPage(main) {
  main.replaceChildren(h("h1", {}, "Overview"), h("p", {}, "Loading…"));
  const get = (parameters) => api("GET", withQuery("/api/stats", parameters));
  try {
    const [people, bots, top, referrers] = await Promise.all([get({}), get({ bots: "only" }), get({ groupBy: "link" }), get({ groupBy: "referrer" })]);
    main.replaceChildren(
      h("h1", {}, "Overview"),
      h("p", {}, `All of your links, ${people.from} to ${people.to} (UTC).`),
      totals(people.totals, bots.totals),
      timeChart("Clicks per day, all links", [
        { label: "People", points: people.series },
        { label: "Bots", points: bots.series },
      ]),
      h(
        "div",
        { class: "breakdowns" },
        breakdownTable("Top links", "Link", top.breakdown.slice(0, 20), { linkTo: (code) => `#/link/${encodeURIComponent(code)}` }),
        breakdownTable("Top referrers", "Referrer", referrers.breakdown.slice(0, 20)),
      ),
    );
  } catch (error) {
    const problem = problemArea();
    main.replaceChildren(h("h1", {}, "Overview"), problem);
    showProblem(problem, error);
  }
}

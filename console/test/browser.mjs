// The console in headless Chromium against a running local runner: sign in (a wrong key first), create a link
// through the form (a bad URL first), see it listed, follow it, see the click in its chart and referrer table,
// edit it, look at the overview, delete it, sign out; axe-core on every page, screenshots of each, and no console
// error beyond the API refusals the steps provoke on purpose.
//
// BASE_URL=http://localhost:8080 API_KEY=shk_... node test/browser.mjs [screenshot dir]
// Uses Debian's Chromium (CHROMIUM, default /usr/bin/chromium); never downloads a browser.
// Prints one line "CONSOLE-BROWSER-RESULT {json}" and exits 0 only when every check passed.
import AxeBuilder from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const base = required("BASE_URL");
const key = required("API_KEY");
const shots = path.resolve(process.argv[2] ?? "target/screenshots");
const MARKER = "CONSOLE-TEST-DESTINATION-3c1e";
// A person's browser: HeadlessChrome's own user agent is counted as a bot, which is right, but this test plays a person.
const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

// A stuck browser must not hold the build: the whole walk-through takes well under a minute.
setTimeout(() => {
  console.error("CONSOLE-BROWSER-RESULT {\"passed\":0,\"failed\":\"timed out after 4 minutes\",\"checks\":[]}");
  process.exit(3);
}, 240000).unref();

const checks = [];
const consoleErrors = [];
let expectedRefusals = 0;

function check(name, ok, evidence = "") {
  checks.push({ name, ok: Boolean(ok), evidence: String(evidence).slice(0, 300) });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${evidence ? `: ${String(evidence).slice(0, 200)}` : ""}`);
  if (!ok) {
    throw new Error(`check failed: ${name} (${evidence})`);
  }
}

async function accessible(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(
    `axe: no serious or critical violation on ${name} (${results.passes.length} rules passed)`,
    bad.length === 0,
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`).join(" | "),
  );
}

async function screenshot(page, name) {
  const file = path.join(shots, `console-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}

async function ready(page, route) {
  await page.waitForSelector(`main[data-ready="${route}"]`, { timeout: 15000 });
}

const destination = http.createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html lang="en"><head><title>Destination</title></head><body><h1>${MARKER}</h1></body></html>`);
});
await new Promise((resolve) => destination.listen(0, "127.0.0.1", resolve));
const destinationUrl = `http://127.0.0.1:${destination.address().port}/landing`;

await mkdir(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
let failure = null;
try {
  const context = await browser.newContext({ userAgent: PERSON, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const requestedUrls = [];
  page.on("request", (request) => requestedUrls.push(request.url()));
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  const code = `t${Date.now().toString(36)}`;

  // Sign in: a wrong key first.
  await page.goto(`${base}/console/`);
  await ready(page, "/sign-in");
  await accessible(page, "the sign-in page");
  await screenshot(page, "sign-in");
  await page.getByLabel("API key").fill("shk_not-a-real-key");
  await page.getByRole("button", { name: "Sign in" }).click();
  expectedRefusals++; // the 401 that Chromium logs as a failed resource
  const refused = page.getByRole("alert");
  await refused.getByText("That API key was not accepted").waitFor();
  check("a wrong key shows the message", true, await refused.innerText());
  check("and the key is not kept", (await page.evaluate(() => sessionStorage.length)) === 0);

  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await ready(page, "/links");
  check("the right key opens the links page", await page.getByRole("heading", { name: "Links", level: 1 }).isVisible());

  // A bad URL: the API's problem, and the form keeps what was typed.
  const create = page.locator("form", { has: page.getByRole("heading", { name: "New link" }) });
  await create.getByLabel("Destination URL").fill("ftp://example.com/file");
  await create.getByLabel("Alias (optional)").fill(code);
  await create.getByRole("button", { name: "Shorten" }).click();
  expectedRefusals++;
  const problem = create.getByRole("alert");
  await problem.waitFor({ state: "visible" });
  const problemText = await problem.innerText();
  check("a bad URL shows the API's problem title and detail", /scheme/i.test(problemText), problemText);
  check("the form keeps what was typed", (await create.getByLabel("Destination URL").inputValue()) === "ftp://example.com/file");
  check("the field at fault is marked invalid", (await create.getByLabel("Destination URL").getAttribute("aria-invalid")) === "true");

  // Create through the form.
  await create.getByLabel("Destination URL").fill(destinationUrl);
  await create.getByLabel("Tags (optional)").fill("Console, test");
  await create.getByRole("button", { name: "Shorten" }).click();
  const row = page.locator(`tr[data-code="${code}"]`);
  await row.waitFor();
  const rowText = await row.innerText();
  check("the new link is in the list with its destination and tags", rowText.includes(destinationUrl) && rowText.includes("console") && rowText.includes("test"), rowText);
  check("its short URL has a copy button", await row.getByRole("button", { name: /Copy short link/ }).isVisible());
  await page.getByLabel("Search").fill(code.slice(0, 6));
  await page.getByRole("button", { name: "Filter" }).click();
  await ready(page, "/links");
  await row.waitFor();
  check("search by the start of the code finds it", (await page.locator("tbody tr").count()) >= 1);
  await accessible(page, "the links page");
  await screenshot(page, "links");

  // The phone: nothing wider than the screen but the table, which scrolls in its own region.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check("at phone width the page does not scroll sideways", overflow <= 0, `${overflow}px wider`);
  await accessible(page, "the links page at phone width");
  await screenshot(page, "links-phone");
  await page.setViewportSize({ width: 1200, height: 900 });

  // Follow it, as a person coming from a news site.
  const visitor = await context.newPage();
  await visitor.goto(`${base}/${code}`, { referer: "https://news.example/today" });
  check("following the short link lands on the destination", (await visitor.content()).includes(MARKER), visitor.url());
  await visitor.close();

  // The link's page: the click reaches the charts and the referrer table (counted every 2 s by the runner).
  await page.locator(`a[href="#/link/${code}"]`).click();
  await ready(page, `/link/${code}`);
  const qr = page.getByRole("img", { name: /QR code for/ });
  await page.waitForFunction(() => document.querySelector("img.qr")?.complete && document.querySelector("img.qr").naturalWidth > 0, null, { timeout: 15000 });
  check("the QR code is shown as an image from a blob", (await qr.getAttribute("src")).startsWith("blob:"));
  check("no SVG markup is put in the page", (await page.locator("main svg").count()) === 0);
  const referrers = page.locator("section.breakdown", { has: page.getByRole("heading", { name: "Top referrers" }) });
  const deadline = Date.now() + 30000;
  while (!(await referrers.innerText()).includes("news.example") && Date.now() < deadline) {
    await page.waitForTimeout(1000);
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.waitForTimeout(300);
  }
  const referrerText = await referrers.innerText();
  check("the click is in the referrer table", /news\.example\s+1/.test(referrerText), referrerText);
  const daily = page.locator("figure", { has: page.getByText("Clicks per day, last 30 days", { exact: true }) });
  const dailyTable = await daily.locator("table").textContent();
  const today = new Date().toISOString().slice(0, 10);
  check("the click is in the daily chart's numbers (1 person, 0 bots today)", dailyTable.replace(/\s+/g, "").includes(`${today}10`), dailyTable);
  check("the daily chart is drawn", (await daily.locator("canvas").count()) > 0);
  check("the hourly chart is drawn", (await page.locator("figure", { has: page.getByText("Clicks per hour, last 7 days", { exact: true }) }).locator("canvas").count()) > 0);
  check("unique visitors are counted", (await page.locator('[data-total="unique"]').innerText()) === "1");
  await accessible(page, "the link's page");
  await screenshot(page, "link");

  // Edit it.
  const edit = page.locator("form", { has: page.getByRole("heading", { name: "Edit" }) });
  await edit.getByLabel("Destination URL").fill(`${destinationUrl}?edited=1`);
  await edit.getByLabel("Tags (optional)").fill("edited");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await page.locator(".details .destination", { hasText: "edited=1" }).waitFor();
  check("an edit changes the destination and the tags", (await page.locator(".details").innerText()).includes("edited"));

  // The overview.
  await page.getByRole("link", { name: "Overview" }).click();
  await ready(page, "/overview");
  const top = page.locator("section.breakdown", { has: page.getByRole("heading", { name: "Top links" }) });
  check("the overview lists the link among the top links", (await top.innerText()).includes(code), await top.innerText());
  await accessible(page, "the overview");
  await screenshot(page, "overview");

  // Delete it, after confirming.
  await page.goto(`${base}/console/#/link/${code}`);
  await ready(page, `/link/${code}`);
  await page.getByRole("button", { name: "Delete link" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await accessible(page, "the delete confirmation");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  check("cancelling keeps the link", (await page.getByRole("heading", { name: code, level: 1 }).count()) === 1);
  await page.getByRole("button", { name: "Delete link" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await ready(page, "/links");
  check("a deleted link leaves the list", (await page.locator(`tr[data-code="${code}"]`).count()) === 0);
  await page.goto(`${base}/console/#/links?status=deleted`);
  await ready(page, "/links?status=deleted".split("?")[0]);
  await page.locator(`tr[data-code="${code}"]`).waitFor();
  check("and is listed as deleted", (await page.locator(`tr[data-code="${code}"]`).innerText()).includes("deleted"));

  // Sign out.
  await page.getByRole("button", { name: "Sign out" }).click();
  await ready(page, "/sign-in");
  check("sign out forgets the key", (await page.evaluate(() => sessionStorage.length)) === 0);
  check("the key never went into a URL", !requestedUrls.some((url) => url.includes(key)) && !page.url().includes(key));
  check("no cookies", (await context.cookies()).length === 0);

  const unexpected = consoleErrors.filter((text) => !/Failed to load resource: the server responded with a status of (401|422)/.test(text));
  check(`no console errors (besides the ${expectedRefusals} refusals provoked)`, unexpected.length === 0 && consoleErrors.length <= expectedRefusals, consoleErrors.join(" | "));
  await context.close();
} catch (error) {
  failure = error;
  console.error(error);
} finally {
  await browser.close();
  destination.close();
}
const passed = checks.filter((c) => c.ok).length;
console.log(`CONSOLE-BROWSER-RESULT ${JSON.stringify({ passed, failed: failure ? String(failure.message ?? failure) : null, checks: checks.map((c) => c.name) })}`);
process.exit(failure ? 1 : 0);

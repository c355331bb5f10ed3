// The HTML page in the system's Chromium: Lighthouse accessibility (must be 1.0, mobile and
// desktop), axe-core (no violations, light and dark, 1400 px and 390 px), no sideways scroll at
// 360 px and 390 px, and the table headers sort by keyboard (aria-sort follows).
//
//   npm ci && node check.mjs /path/to/index.html      (CHROMIUM=/usr/bin/chromium by default)
//
// Exits 1 when any check fails, 2 on a usage or launch error. The page is served on 127.0.0.1
// (Lighthouse wants http); nothing else is fetched.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";
import lighthouse from "lighthouse";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check.mjs INDEX.html");
  process.exit(2);
}
const html = readFileSync(resolve(file));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const server = createServer((req, res) => {
  if (req.url === "/" || req.url.startsWith("/index.html")) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const profile = mkdtempSync(join(tmpdir(), "factcheck-page-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const failures = [];
const report = (ok, line) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
  if (!ok) failures.push(line);
};

async function axe(width, scheme) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const found = result.violations;
  report(found.length === 0, `axe-core ${result.testEngine.version}, ${width} px, ${scheme}: ${found.length} violations`);
  for (const v of found) {
    console.log(`     ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(" ")}`);
  }
  await page.close();
}

async function width(px) {
  const page = await browser.newPage();
  await page.setViewport({ width: px, height: 800 });
  await page.goto(url, { waitUntil: "load" });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  report(wide <= px, `page width at a ${px} px viewport: ${wide} px`);
  await page.close();
}

async function keyboardSort() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  // Tab from the top until the first header button has focus: it must be reachable.
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.matches("table.sortable th:nth-child(5) button") ?? false);
  }
  report(reached, "the verdict column's sort button is reached with Tab");
  if (!reached) return page.close();
  const scores = () => page.$$eval("table.sortable tbody", (bodies) =>
    Array.from(bodies[0].rows, (row) => Number(row.cells[4].dataset.sort)));
  await page.keyboard.press("Enter");
  const up = await scores();
  const sortUp = await page.$eval("table.sortable th:nth-child(5)", (th) => th.getAttribute("aria-sort"));
  report(sortUp === "ascending" && up.every((v, i) => i === 0 || up[i - 1] <= v),
    `Enter sorts by verdict: aria-sort=${sortUp}, ${up.join(" ")}`);
  await page.keyboard.press("Space");
  const down = await scores();
  const sortDown = await page.$eval("table.sortable th:nth-child(5)", (th) => th.getAttribute("aria-sort"));
  report(sortDown === "descending" && down.every((v, i) => i === 0 || down[i - 1] >= v),
    `Space sorts the other way: aria-sort=${sortDown}, ${down.join(" ")}`);
  await page.close();
}

async function lighthouseAccessibility(formFactor) {
  const page = await browser.newPage();
  const screen = formFactor === "desktop"
    ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
    : { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false };
  const flags = { output: "json", logLevel: "error", onlyCategories: ["accessibility"], formFactor, screenEmulation: screen };
  const result = await lighthouse(url, flags, undefined, page);
  const category = result.lhr.categories.accessibility;
  report(category.score === 1, `Lighthouse ${result.lhr.lighthouseVersion} accessibility, ${formFactor}: ${category.score}`);
  for (const ref of category.auditRefs) {
    const audit = result.lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      console.log(`     ${ref.id}: ${audit.title}`);
    }
  }
  await page.close();
}

let code = 0;
try {
  for (const w of [1400, 390]) for (const scheme of ["light", "dark"]) await axe(w, scheme);
  await width(360);
  await width(390);
  await keyboardSort();
  await lighthouseAccessibility("mobile");
  await lighthouseAccessibility("desktop");
  code = failures.length ? 1 : 0;
  console.log(failures.length ? `${failures.length} checks failed` : "all checks passed");
} catch (error) {
  console.error(error);
  code = 2;
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(code);

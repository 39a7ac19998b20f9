// Takes phone and desktop screenshots of the main pages of a running Madang, for looking
// at what citizens see: `npx tsx scripts/screenshots.ts http://localhost:3000 ./shots`
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchBrowser, viewports } from "../tests/e2e/browser.ts";
import { logIn } from "../tests/e2e/login.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? "./test-results/screenshots";
mkdirSync(out, { recursive: true });

const pages = [
  ["home", "/"],
  ["list", "/proposals"],
  ["detail", "/proposals/1"],
  ["login", "/login"],
  ["account", "/account"],
  ["new", "/proposals/new"],
  ["not-found", "/proposals/999999"],
] as const;

const browser = await launchBrowser();
try {
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, locale: process.env.SHOT_LOCALE ?? "ko-KR" });
    const page = await context.newPage();
    // Sign in as the demo citizen so the create form is reachable.
    await logIn(page, base, "citizen@demo.madang");
    for (const [name, url] of pages) {
      await page.goto(`${base}${url}`);
      await page.screenshot({ path: path.join(out, `${name}-${device}.png`), fullPage: true });
    }
    await context.close();
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
}

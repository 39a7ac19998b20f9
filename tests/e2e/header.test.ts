// The site header on a phone and on a desktop, for every kind of visitor: nothing overlaps or
// spills out of the bar, and every destination stays reachable (on a phone through 메뉴, which
// opens and closes from the keyboard and closes on navigation).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./axe.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

if (!hasChromium) console.warn("Browser journeys skipped: no chromium at /usr/bin/chromium (apt-get install chromium).");

const common = ["정책제안", "참여 라운드", "제안하기"];
const visitors: { who: string | null; links: string[] }[] = [
  { who: null, links: [...common, "회원가입"] },
  { who: "citizen@demo.madang", links: [...common, "내 계정"] },
  { who: "officer@demo.madang", links: [...common, "제안함", "심사", "내 계정"] },
  { who: "committee@demo.madang", links: [...common, "심사", "내 계정"] },
  { who: "moderator@demo.madang", links: [...common, "심사", "관리", "내 계정"] },
  { who: "admin@demo.madang", links: [...common, "심사", "관리", "내 계정"] },
];

/** Visible header controls that overlap one another or leave the viewport. */
function headerCollisions(page: Page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll("header a, header button, header summary")]
      .filter((e) => e.getBoundingClientRect().width > 0 && !e.closest("details:not([open]) > :not(summary)"))
      .map((e) => ({ name: (e.getAttribute("aria-label") ?? e.textContent ?? "").trim(), box: e.getBoundingClientRect() }));
    const problems: string[] = [];
    controls.forEach((a, i) => {
      if (a.box.left < 0 || a.box.right > window.innerWidth) problems.push(`${a.name} leaves the viewport`);
      for (const b of controls.slice(i + 1)) {
        const apart =
          a.box.right <= b.box.left + 1 || b.box.right <= a.box.left + 1 || a.box.bottom <= b.box.top + 1 || b.box.bottom <= a.box.top + 1;
        if (!apart) problems.push(`${a.name} overlaps ${b.name}`);
      }
    });
    return problems;
  });
}

describe.skipIf(!hasChromium)("site header", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("fits a phone and a desktop for every role, and 메뉴 reaches every destination", async () => {
    for (const { who, links } of visitors) {
      const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
      const page = await context.newPage();
      if (who) {
        await logIn(page, app.url, who);
        await page.getByTestId("viewer-name").waitFor({ state: "attached" });
      } else {
        await page.goto(`${app.url}/proposals`);
      }
      await page.waitForLoadState("networkidle");
      const label = who ?? "anonymous";
      expect(await headerCollisions(page), `${label} on a phone`).toEqual([]);
      // 로그아웃 lives in the menu on a phone, 로그인 stays in the bar.
      expect(await page.getByRole("button", { name: "로그아웃" }).count(), label).toBe(0);

      const summary = page.getByTestId("site-menu").locator("summary");
      await summary.click();
      const menu = page.getByRole("navigation", { name: "메뉴", exact: true });
      await menu.waitFor();
      // The toggle event that sets aria-expanded is dispatched after the panel shows.
      await expect.poll(() => summary.getAttribute("aria-expanded")).toBe("true");
      expect(await menu.getByRole("link").allTextContents(), label).toEqual(links);
      expect(await menu.getByRole("button", { name: "로그아웃" }).count(), label).toBe(who ? 1 : 0);
      expect(await headerCollisions(page), `${label} with the menu open`).toEqual([]);

      await page.setViewportSize(viewports.desktop);
      expect(await page.getByTestId("site-menu").isVisible(), `${label}: no 메뉴 on a desktop`).toBe(false);
      const bar = await page.locator("header").getByRole("link").allTextContents();
      for (const link of links.filter((l) => l !== "내 계정")) expect(bar, `${label} on a desktop`).toContain(link);
      expect(await page.getByRole("button", { name: "로그아웃" }).count(), label).toBe(who ? 1 : 0);
      expect(await headerCollisions(page), `${label} on a desktop`).toEqual([]);
      await context.close();
    }
  });

  it("opens and closes 메뉴 from the keyboard, and closes it on navigation", async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's CSP refuses.
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    await logIn(page, app.url, "officer@demo.madang");
    await page.getByTestId("viewer-name").waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const summary = page.getByTestId("site-menu").locator("summary");
    const panel = page.locator("#site-menu");
    expect(await summary.getAttribute("aria-controls")).toBe("site-menu");
    expect(await summary.getAttribute("aria-expanded")).toBe("false");

    await summary.focus();
    await page.keyboard.press("Enter");
    await panel.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("정책제안");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);

    await summary.click();
    await page.getByRole("navigation", { name: "메뉴", exact: true }).getByRole("link", { name: "심사" }).click();
    await page.waitForURL(/\/review$/);
    await panel.waitFor({ state: "hidden" });
    await summary.click();
    expect(
      await page.getByRole("navigation", { name: "메뉴", exact: true }).getByRole("link", { name: "심사" }).getAttribute("aria-current"),
    ).toBe("page");
    await context.close();
  });

  it("works without JavaScript", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR", javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, app.url, "moderator@demo.madang");
    await page.getByTestId("site-menu").locator("summary").click();
    await page.getByRole("navigation", { name: "메뉴", exact: true }).getByRole("link", { name: "관리" }).click();
    await page.waitForURL(/\/admin/);
    expect(await page.locator("#site-menu").isVisible()).toBe(false);
    await context.close();
  });
});

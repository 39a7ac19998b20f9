// Stored XSS: hostile names, titles and bodies are shown as text (or sanitized markdown) in
// the page and in live updates, and never run.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";

const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

describe.skipIf(!hasChromium)("stored XSS payloads stay inert", () => {
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

  it("in the list, on the proposal page and after a live update", async () => {
    const author = await createUser(app.db.prisma, { displayName: `<b onmouseover=alert(1)>악성</b>` });
    const category = await app.db.prisma.category.findFirstOrThrow();
    const proposal = await app.server.domain.proposals.create(author, {
      title: `제목 ${PAYLOAD}`.slice(0, 80),
      body: `본문입니다. ${PAYLOAD}\n\n[링크](javascript:window.__pwned=3) **굵게**`,
      categoryId: category.id,
    });
    // The demo city screens new proposals: a moderator opens it.
    const moderator = await createUser(app.db.prisma, { roles: ["MODERATOR"] });
    await app.server.domain.lifecycle.screen(moderator, { proposalId: proposal.id, decision: "OPEN" });

    const context = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR" });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${app.url}/proposals?sort=newest`);
    await page.goto(`${app.url}/proposals/${proposal.id}`);
    await expect.poll(() => page.getByTestId("live-status").textContent()).toContain("실시간 연결됨");

    // A live update arrives while the page is open.
    const supporter = await createUser(app.db.prisma);
    await app.server.domain.proposals.support(supporter, proposal.id);
    await expect.poll(() => page.getByTestId("support-count").textContent()).toBe("1");

    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator("img[src=x], script:not([src]):has-text('__pwned')").count()).toBe(0);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("<img src=x");
    expect(await page.locator(".prose-madang strong").textContent()).toBe("굵게");
    expect(await page.locator(".prose-madang a").getAttribute("href")).toBeNull();
    expect(await page.getByText("<b onmouseover=alert(1)>악성</b>").count()).toBeGreaterThan(0);
    await context.close();
  });
});

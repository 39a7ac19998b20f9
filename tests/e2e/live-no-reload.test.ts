// Journey: a citizen has a proposal open (phone and desktop) while 50 공감 and 10 opinions
// arrive from other people. The page shows the final count and every opinion, patched from the
// pushes: it never fetches its loader data again (no `_data=` request).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

const SUPPORTS = 50;
const COMMENTS = 10;

describe.skipIf(!hasChromium)("live updates patch the page instead of reloading it", () => {
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

  const openProposals = async () => (await app.server.domain.proposals.list(null, { status: "OPEN", sort: "newest", limit: 5 })).items;

  async function watch(page: Page, url: string) {
    await page.goto(url);
    await page.getByTestId("live-status").filter({ hasText: "실시간 연결됨" }).waitFor();
    // Counted only from now on: the first load is not a reload.
    const loaderRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("_data=")) loaderRequests.push(request.url());
    });
    return loaderRequests;
  }

  for (const [name, viewport] of Object.entries(viewports)) {
    it(`shows ${SUPPORTS} 공감 and ${COMMENTS} opinions live on a ${name} with no loader request`, async () => {
      const proposal = (await openProposals())[name === "phone" ? 0 : 1]!;
      const context = await browser.newContext({ viewport, locale: "ko-KR" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, app.url, "citizen@demo.madang", `/proposals/${proposal.id}`);
      const loaderRequests = await watch(page, `${app.url}/proposals/${proposal.id}`);
      const commentsBefore = await page.getByTestId("comment").count();

      // Other verified residents press 공감 and write opinions, through the domain, all at once.
      const people = await Promise.all(Array.from({ length: SUPPORTS }, () => createUser(app.db.prisma)));
      const { domain } = app.server;
      const texts = Array.from({ length: COMMENTS }, (_, i) => `실시간 의견 ${i + 1}: 통학로 안전을 먼저 살펴 주세요.`);
      await Promise.all([
        ...people.map((p) => domain.proposals.support(p, proposal.id)),
        ...texts.map((body, i) => domain.comments.post(people[i]!, { proposalId: proposal.id, stance: i % 2 ? "CON" : "PRO", body })),
      ]);

      const expected = proposal.supportCount + SUPPORTS;
      await expect.poll(() => page.getByTestId("support-count").textContent(), { timeout: 10_000 }).toBe(expected.toLocaleString("en-US"));
      await expect.poll(() => page.getByTestId("comment").count(), { timeout: 10_000 }).toBe(commentsBefore + COMMENTS);
      for (const text of texts) expect(await page.getByTestId("comment").filter({ hasText: text }).count()).toBe(1);
      expect(await page.getByTestId("comment-count").textContent()).toBe(String(proposal.commentCount + COMMENTS));
      const support = page.locator("section[aria-labelledby=support-heading]");
      if (expected >= proposal.supportThreshold) {
        // Crossing the threshold changed the status: the badge, the stage message and the timeline follow, unreloaded.
        await expect.poll(() => support.textContent(), { timeout: 5_000 }).toContain("공감 기준을 달성했습니다");
        await expect
          .poll(() => page.locator("main").getByText("공감 달성", { exact: true }).count(), { timeout: 5_000 })
          .toBeGreaterThan(0);
        expect(await page.getByText("공감 기준을 달성해 부서 검토로 넘어갑니다.").count()).toBe(1);
      } else {
        expect(await support.textContent()).toContain(`공감 기준까지 ${proposal.supportThreshold - expected}개 남았어요`);
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/live-no-reload-${name}.png`, fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/live-no-reload-${name}-top.png` });
      expect(loaderRequests).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

// Journey: a citizen posts an opinion; a second browser sees it live; a moderator hides it
// with a reason and both browsers see the placeholder.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

describe.skipIf(!hasChromium)("live debate with moderation", () => {
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

  it("a comment appears live in another browser, and so does the moderator's placeholder", async () => {
    const proposal = (await app.server.domain.proposals.list(null, { status: "OPEN", sort: "newest", limit: 1 })).items[0]!;
    const url = `${app.url}/proposals/${proposal.id}`;
    const openAs = async (email: string | null, viewport = viewports.desktop) => {
      const context = await browser.newContext({ viewport, locale: "ko-KR" });
      const page = await context.newPage();
      if (email) await logIn(page, app.url, email);
      await page.goto(url);
      await page.getByTestId("live-status").filter({ hasText: "실시간 연결됨" }).waitFor();
      return page;
    };
    const reader = await openAs(null);
    const citizen = await openAs("citizen2@demo.madang", viewports.phone);
    await expect.poll(() => reader.getByTestId("live-status").textContent()).toContain("2명 보는 중");

    const text = "반대합니다. 같은 예산이면 통학로 안전이 먼저입니다.";
    await citizen.getByRole("radio", { name: "반대" }).first().check();
    await citizen.getByLabel("의견 쓰기").fill(text);
    await citizen.getByRole("button", { name: "의견 올리기" }).click();

    const inReader = reader.getByTestId("comment").filter({ hasText: text });
    await expect.poll(() => inReader.count(), { timeout: 5_000 }).toBe(1);
    expect(await inReader.textContent()).toContain("반대");

    const moderator = await openAs("moderator@demo.madang");
    const target = moderator.getByTestId("comment").filter({ hasText: text });
    await target.getByRole("button", { name: "가리기" }).click();
    await target.getByLabel("사유").fill("특정인을 겨냥한 표현이 있어 가렸습니다.");
    await target.getByRole("button", { name: "가리기" }).last().click();

    const placeholder = "운영자가 가린 의견입니다. 사유: 특정인을 겨냥한 표현이 있어 가렸습니다.";
    for (const page of [reader, citizen]) {
      await expect.poll(() => page.getByTestId("hidden-placeholder").filter({ hasText: placeholder }).count(), { timeout: 5_000 }).toBe(1);
      expect(await page.getByText(text).count()).toBe(0);
    }
    expect(await app.db.prisma.auditLog.count({ where: { action: "comment.hide" } })).toBe(1);
  });
});

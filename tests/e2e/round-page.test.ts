// Journey: a round's public page. A reader on a phone watches the round while a citizen
// submits an entry directly and withdraws it; a moderator moves the round to its next phase;
// the reader's page follows every step live and announces the phase change.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.ts";
import { startApp } from "./app.ts";
import { seriousA11yViolations } from "./axe.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

describe.skipIf(!hasChromium)("round page", () => {
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

  it("follows entries and phase changes live, and lets the author submit and withdraw a direct entry", async () => {
    const round = (await app.server.domain.rounds.list(null)).find((r) => r.currentPhase?.allows.includes("SUBMIT"));
    expect(round, "the demo city has a round taking submissions").toBeDefined();
    const current = round!.currentPhase!;
    const next = round!.phases.find((p) => p.position === current.position + 1)!;
    const url = `${app.url}/rounds/${round!.id}`;
    const openAs = async (email: string | null, viewport = viewports.desktop): Promise<Page> => {
      // bypassCSP: axe-core is injected as a script, which the app's CSP refuses.
      const context = await browser.newContext({ viewport, locale: "ko-KR", bypassCSP: true });
      const page = await context.newPage();
      if (email) await logIn(page, app.url, email);
      await page.goto(url);
      await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
      return page;
    };

    const reader = await openAs(null, viewports.phone);
    expect(await reader.getByTestId("round-timeline").locator('[aria-current="step"]').getAttribute("data-phase-id")).toBe(
      String(current.id),
    );
    expect(await reader.getByTestId("round-phase-current").textContent()).toContain(current.name);
    expect(await seriousA11yViolations(reader)).toEqual([]);

    const citizen = await openAs("citizen@demo.madang");
    await expect.poll(() => reader.getByTestId("round-presence").textContent(), { timeout: 5_000 }).toContain("2명 참여 중");

    // A direct entry: the form, then the proposal page names the round.
    const title = "버스 정류장마다 실시간 도착 안내판을 달아 주세요";
    await citizen.getByRole("link", { name: "이 라운드에 제안하기" }).click();
    await citizen.getByLabel("제목", { exact: true }).fill(title);
    await citizen
      .getByLabel("제안 내용", { exact: true })
      .fill("정류장에 도착 안내판이 없어 어르신들이 오래 기다립니다. 주요 정류장부터 안내판을 달아 주세요.");
    await citizen.getByLabel("분야", { exact: true }).selectOption({ index: 1 });
    await citizen.getByRole("button", { name: "응모하기" }).click();
    await citizen.waitForURL(/\/proposals\/\d+$/);
    expect(await citizen.getByTestId("proposal-rounds").textContent()).toContain(round!.title);

    const entryInReader = reader.getByTestId("entry-row").filter({ hasText: title });
    await expect.poll(() => entryInReader.count(), { timeout: 5_000 }).toBe(1);

    // The author withdraws it from the round page; it leaves every open page.
    await citizen.goto(url);
    citizen.once("dialog", (dialog) => void dialog.accept());
    await citizen.getByTestId("entry-row").filter({ hasText: title }).getByRole("button", { name: "응모 철회" }).click();
    await expect.poll(() => entryInReader.count(), { timeout: 5_000 }).toBe(0);

    // A moderator moves the round on: the phase, the timeline and the actions follow, announced politely.
    const moderator = await createUser(app.db.prisma, { roles: ["MODERATOR"] });
    await app.server.domain.rounds.override(moderator, { roundId: round!.id, target: next.id, reason: "접수 조기 마감" });
    await expect.poll(() => reader.getByTestId("round-phase-current").textContent(), { timeout: 5_000 }).toContain(next.name);
    expect(await reader.getByTestId("round-timeline").locator('[aria-current="step"]').getAttribute("data-phase-id")).toBe(String(next.id));
    expect(await reader.getByTestId("round-announcer").textContent()).toContain(`단계가 바뀌었습니다: ${next.name}`);
    await expect.poll(() => citizen.getByRole("link", { name: "이 라운드에 제안하기" }).count(), { timeout: 5_000 }).toBe(0);
  });
});

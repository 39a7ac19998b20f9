// Journey: a reader opens the list, a citizen opens a proposal and presses 공감, and the
// reader's browser (list and proposal page) shows the new count without a reload.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./axe.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

if (!hasChromium) console.warn("Browser journeys skipped: no chromium at /usr/bin/chromium (apt-get install chromium).");

describe.skipIf(!hasChromium)("live 공감 across two browsers", () => {
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

  it("shows a 공감 pressed in one browser in the other without reload", async () => {
    const reader = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR" });
    const citizen = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
    const readerList = await reader.newPage();
    const readerDetail = await reader.newPage();
    const page = await citizen.newPage();
    const errors: string[] = [];
    for (const p of [readerList, readerDetail, page]) p.on("pageerror", (e) => errors.push(e.message));

    // The citizen logs in with a demo account and opens an open proposal from the list.
    await logIn(page, app.url, "citizen@demo.madang", "/proposals?status=OPEN");
    await page.waitForURL(/\/proposals\?status=OPEN/);
    const firstCard = page.getByTestId("proposal-card").first();
    const proposalId = await firstCard.getAttribute("data-proposal-id");
    await firstCard.getByRole("link").click();
    await page.waitForURL(new RegExp(`/proposals/${proposalId}$`));
    await expect.poll(() => page.getByTestId("live-status").textContent()).toContain("실시간 연결됨");
    const before = Number(await page.getByTestId("support-count").textContent());

    // The reader watches the list and the same proposal.
    await readerList.goto(`${app.url}/proposals?status=OPEN`);
    await readerDetail.goto(`${app.url}/proposals/${proposalId}`);
    await expect.poll(() => readerDetail.getByTestId("live-status").textContent()).toContain("실시간 연결됨");
    const listCount = readerList.locator(`[data-proposal-id="${proposalId}"] [data-testid="support-count"]`);
    expect(Number(await listCount.textContent())).toBe(before);

    const started = Date.now();
    await page.getByRole("button", { name: "공감하기" }).click();
    await expect
      .poll(() => readerDetail.getByTestId("support-count").textContent(), { timeout: 5_000, interval: 20 })
      .toBe(String(before + 1));
    console.log(`live 공감 reached the other browser in ${Date.now() - started} ms`);
    await expect.poll(() => listCount.textContent(), { timeout: 5_000, interval: 20 }).toBe(String(before + 1));
    await expect.poll(() => page.getByRole("button", { name: "공감했어요" }).count()).toBe(1);

    // The recount in the database equals what both browsers show.
    expect(await app.db.prisma.support.count({ where: { proposalId: Number(proposalId) } })).toBe(before + 1);
    expect(errors).toEqual([]);
    await reader.close();
    await citizen.close();
  });

  it("creates a proposal, refusing bad input with a localized message first", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
    const page = await context.newPage();
    await logIn(page, app.url, "citizen2@demo.madang", "/proposals/new");
    await page.waitForURL(/\/proposals\/new/);

    const before = await app.db.prisma.proposal.count();
    await page.getByLabel("제목").fill("짧");
    await page.getByRole("button", { name: "제안 등록" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("입력 내용을 확인해 주세요");
    expect(await page.locator("#title-error").textContent()).toBe("5자 이상 입력해 주세요.");
    expect(await page.locator("#categoryId-error").textContent()).toBe("분야를 선택해 주세요.");
    expect(await app.db.prisma.proposal.count()).toBe(before);

    await page.getByLabel("제목").fill("옥구읍 농로에 태양광 가로등을 설치해 주세요");
    await page
      .getByLabel("제안 내용")
      .fill("옥구읍 농로는 밤이 되면 완전히 어두워 농민과 주민이 다니기 위험합니다. 태양광 가로등을 설치해 주세요.");
    await page.getByLabel("분야").selectOption({ label: "국토 및 지역개발" });
    await page.getByLabel("지역").selectOption({ label: "옥구읍" });
    await page.getByLabel("예상 사업비 (원, 선택)").fill("45,000,000");
    await page.getByRole("button", { name: "제안 등록" }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("옥구읍 농로에 태양광 가로등을 설치해 주세요");
    expect(await page.getByText("4,500만 원").count()).toBe(1);
    expect(await app.db.prisma.proposal.count()).toBe(before + 1);
    await context.close();
  });

  it("has no serious accessibility violations on the main pages, in Korean and English", async () => {
    // axe is injected as an inline script, which our CSP (rightly) refuses: bypass it for the audit.
    const context = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    for (const path of ["/", "/proposals", "/proposals/1", "/login", "/signup"]) {
      await page.goto(`${app.url}${path}`);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await page.goto(`${app.url}/proposals`);
    await page.getByRole("button", { name: /English/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Policy proposals");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.title()).toBe("Policy proposals · Madang");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${app.url}/proposals/999999`);
    expect(await page.getByRole("alert").textContent()).toBe("Proposal not found.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
    await context.close();
  });
});

// Journey: an administrator finds a citizen and makes them a moderator, suspends someone
// else (after a refused attempt without a reason), and finds both actions in the audit log
// under their own name; a citizen who opens /admin gets the 403 page; a moderator sees the
// people screens but not the city's settings.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed.ts";
import { seriousA11yViolations } from "./axe.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";

if (!hasChromium) console.warn("Browser journeys skipped: no chromium at /usr/bin/chromium (apt-get install chromium).");

describe.skipIf(!hasChromium)("administration", () => {
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

  async function logIn(page: Page, email: string, redirectTo = "/admin") {
    await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "로그인", exact: true }).click();
  }

  it("grants a role, suspends someone and shows both in the audit log with the admin's name", async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's CSP refuses.
    const context = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await logIn(page, "admin@demo.madang");
    await page.waitForURL((url) => url.pathname === "/admin");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("관리 개요");

    // Find 박준호 and make him a moderator, with a reason.
    await page.getByRole("navigation", { name: "관리 메뉴" }).getByRole("link", { name: "사용자" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/users");
    await page.getByLabel("이름 또는 이메일").fill("박준호");
    await page.getByRole("button", { name: "검색" }).click();
    await page.waitForURL(/q=/);
    await page.getByRole("link", { name: "박준호 관리" }).click();
    await page.waitForURL(/user=\d+/);
    const panel = page.locator("#user-panel");
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toBe("박준호");
    await panel.getByLabel("부여할 역할").selectOption({ label: "운영자" });
    await panel.getByLabel("부여 사유").fill("옥구읍 주민 모임을 이끌어 온 경험으로 운영자 위촉");
    await panel.getByRole("button", { name: "역할 부여" }).click();
    await page.getByRole("status").filter({ hasText: "박준호 님에게 운영자 역할을 부여했습니다." }).waitFor();
    const junho = await app.db.prisma.user.findUniqueOrThrow({ where: { email: "citizen2@demo.madang" }, include: { roles: true } });
    expect(junho.roles.map((r) => r.role)).toContain("MODERATOR");
    await expect.poll(() => panel.getByText("운영자", { exact: true }).count()).toBeGreaterThan(0);

    // Suspend a resident: without a reason the domain refuses, and says why next to the field.
    await page.goto(`${app.url}/admin/users?q=${encodeURIComponent("이서연")}`);
    await page.getByRole("link", { name: "이서연 관리" }).click();
    await page.waitForURL(/user=\d+/);
    await panel.getByLabel("정지 기간 (일)").fill("7");
    await panel.getByRole("button", { name: "이용 정지" }).click();
    await expect.poll(() => panel.getByRole("alert").textContent()).toContain("입력 내용을 확인해 주세요");
    expect(await page.locator("#suspend-reason-error").textContent()).toBe("사유를 적어 주세요.");
    expect(await page.locator("#suspend-reason").getAttribute("aria-invalid")).toBe("true");
    await panel.getByLabel("정지 사유", { exact: true }).fill("다른 시민을 향한 욕설 댓글을 반복함");
    await panel.getByRole("button", { name: "이용 정지" }).click();
    await page.getByRole("status").filter({ hasText: "이서연 님의 이용을 정지했습니다." }).waitFor();
    const seoyeon = await app.db.prisma.user.findFirstOrThrow({ where: { displayName: "이서연" } });
    expect(seoyeon.status).toBe("SUSPENDED");
    expect(seoyeon.suspensionReason).toBe("다른 시민을 향한 욕설 댓글을 반복함");
    await expect.poll(() => panel.getByRole("button", { name: "정지 해제" }).count()).toBe(1);
    expect(await seriousA11yViolations(page), "/admin/users panel").toEqual([]);

    // Both actions are in the audit log, under the admin's name, with human labels.
    await page.getByRole("navigation", { name: "관리 메뉴" }).getByRole("link", { name: "감사 기록" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/audit");
    const rows = page.getByTestId("audit-row");
    const granted = rows.filter({ hasText: "역할 부여" }).first();
    const suspended = rows.filter({ hasText: "이용 정지" }).first();
    const grantedText = await granted.textContent();
    expect(grantedText).toContain("시스템 관리자");
    expect(grantedText).toContain("역할: 운영자");
    expect(grantedText).toContain("옥구읍 주민 모임을 이끌어 온 경험으로 운영자 위촉");
    expect(grantedText).toContain(`사용자 #${junho.id}`);
    const suspendedText = await suspended.textContent();
    expect(suspendedText).toContain("시스템 관리자");
    expect(suspendedText).toContain("다른 시민을 향한 욕설 댓글을 반복함");
    expect(suspendedText).toContain(`사용자 #${seoyeon.id}`);
    expect(await seriousA11yViolations(page), "/admin/audit").toEqual([]);

    // Filtering by action leaves the one suspension.
    await page.getByLabel("조치").selectOption({ label: "이용 정지" });
    await page.getByRole("button", { name: "검색" }).click();
    await page.waitForURL(/action=user\.suspended/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByText("총 1건", { exact: true }).count()).toBe(1);

    // City settings: a bad value is refused next to its field; a good one is saved as rules.
    await page.goto(`${app.url}/admin/settings`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("시 설정");
    expect(await seriousA11yViolations(page), "/admin/settings").toEqual([]);
    await page.getByLabel("공감 모집 기간 (일)").fill("0");
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await expect.poll(() => page.locator("#supportWindowDays-error").textContent()).toBe("1 이상이어야 합니다.");
    await page.getByLabel("공감 모집 기간 (일)").fill("45");
    await page.getByLabel("공감 기준 (개)").fill("60");
    await page.getByLabel("누구나 참여할 수 있습니다 (소속 확인 없음)").check();
    await page.getByLabel("시청 공무원").check();
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "시 설정을 저장했습니다." }).waitFor();
    const city = await app.db.prisma.citySetting.findUniqueOrThrow({ where: { id: 1 } });
    expect(city.supportThreshold).toBe(60);
    expect(city.supportWindowDays).toBe(45);
    expect(city.eligibility).toMatchObject({
      requireVerified: true,
      minAge: 14,
      allowGuardianConsent: true,
      affiliation: null,
      excludedGroups: ["CITY_STAFF"],
    });
    await expect.poll(() => page.getByText("제안이 45일 안에 공감 60개를 모으면 담당 부서가 검토하고 답변합니다.").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the audit log as cards on a phone", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
    const page = await context.newPage();
    await logIn(page, "admin@demo.madang", "/admin/audit");
    await page.waitForURL((url) => url.pathname === "/admin/audit");
    await expect.poll(() => page.getByTestId("audit-card").first().isVisible()).toBe(true);
    expect(await page.getByTestId("audit-row").first().isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("gives a citizen who opens /admin the 403 page", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
    const page = await context.newPage();
    await logIn(page, "citizen@demo.madang", "/proposals");
    await page.waitForURL((url) => url.pathname === "/proposals");
    const response = await page.goto(`${app.url}/admin`);
    expect(response?.status()).toBe(403);
    expect(await page.getByText("403", { exact: true }).count()).toBe(1);
    expect(await page.getByRole("alert").textContent()).toBe("권한이 없습니다.");
    expect(await page.getByRole("navigation", { name: "관리 메뉴" }).count()).toBe(0);
    await context.close();
  });

  it("sends anonymous visitors to the login page and keeps moderators out of city settings", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR" });
    const page = await context.newPage();
    await page.goto(`${app.url}/admin/users`);
    await page.waitForURL(/\/login\?redirectTo=%2Fadmin%2Fusers/);

    await logIn(page, "moderator@demo.madang", "/admin");
    await page.waitForURL((url) => url.pathname === "/admin");
    const nav = page.getByRole("navigation", { name: "관리 메뉴" });
    await expect.poll(() => nav.getByRole("link", { name: "사용자" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "시 설정" }).count()).toBe(0);
    const response = await page.goto(`${app.url}/admin/settings`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("alert").textContent()).toBe("권한이 없습니다.");
    // The admin menu stays, so the moderator can go on working.
    expect(await page.getByRole("navigation", { name: "관리 메뉴" }).count()).toBe(1);
    await context.close();
  });
});

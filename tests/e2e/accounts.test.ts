// Journeys: a newcomer signs up (consent + form), verifies with the development identity
// provider, sees it on the account page, logs out and in again with the password; and a
// member who has not verified presses 공감 and is told why they cannot take part; and a demo
// account resets a forgotten password.
import { createHash, randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./axe.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logOut } from "./login.ts";

if (!hasChromium) console.warn("Browser journeys skipped: no chromium at /usr/bin/chromium (apt-get install chromium).");

const PASSWORD = "마당에 모인 시민들 2026 봄";

async function signUp(page: Page, url: string, { email, name }: { email: string; name: string }) {
  await page.goto(`${url}/signup`);
  await page.getByLabel("[필수] 위 개인정보 수집·이용에 동의합니다.").check();
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("이름").fill(name);
  await page.getByLabel("비밀번호", { exact: true }).fill(PASSWORD);
  await page.getByLabel("비밀번호 확인").fill(PASSWORD);
  await page.getByLabel("사는 곳 (선택)").selectOption({ label: "나운2동" });
  await page.getByRole("button", { name: "동의하고 가입하기" }).click();
  await page.waitForURL(/\/verify$/);
}

describe.skipIf(!hasChromium)("accounts: sign up, verify, log in, eligibility", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  // bypassCSP: axe-core is injected as a script, which the site's Content-Security-Policy forbids.
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("signs up, verifies with the development provider, logs out and logs in again", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const email = `seoyeon.${Date.now()}@example.kr`;

    await signUp(page, app.url, { email, name: "이서연" });
    const user = await app.db.prisma.user.findUnique({ where: { email }, include: { consents: true } });
    expect(user?.displayName).toBe("이서연");
    expect(user?.consents.map((c) => [c.notice, c.accepted]).sort()).toEqual([
      ["emailNotifications", false],
      ["privacySignup", true],
    ]);
    expect(await seriousA11yViolations(page), "/verify").toEqual([]);

    // Step 1: who I am; the development provider "texts" a code and shows it on screen.
    await page.getByLabel("이름").fill("이서연");
    await page.getByLabel("휴대폰 번호").fill("010-5555-1234");
    await page.getByLabel("생년월일").fill("1990-05-01");
    await page.getByLabel("주민등록 주소지").selectOption({ label: "나운2동" });
    await page.getByRole("button", { name: "인증번호 받기" }).click();
    const devCodeBox = page.getByRole("region", { name: "개발용 인증 제공자: 문자로 보낸 인증번호" });
    await expect.poll(() => devCodeBox.getByTestId("dev-code").textContent()).toMatch(/^\d{6}$/);
    const code = (await devCodeBox.getByTestId("dev-code").textContent())!;

    // A wrong code is refused on the same step, then the right one verifies.
    await page.getByRole("textbox", { name: "인증번호" }).fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "인증 완료" }).click();
    await expect.poll(() => page.locator("#code-error").textContent()).toBe("인증번호가 맞지 않습니다.");
    await page.getByRole("textbox", { name: "인증번호" }).fill(code);
    await page.getByRole("button", { name: "인증 완료" }).click();
    await page.waitForURL(/\/account\?notice=verified$/);
    expect(await page.getByTestId("verification-status").textContent()).toBe("인증 완료");
    expect(await page.getByTestId("eligibility").textContent()).toContain("지금 공감, 의견, 투표에 참여할 수 있습니다.");
    expect(await page.getByText("주소지 · 나운2동", { exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page), "/account").toEqual([]);
    expect(await app.db.prisma.identityVerification.count({ where: { userId: user!.id } })).toBe(1);

    // Log out from the header, then back in with the password.
    await logOut(page);
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.getByTestId("viewer-name").count()).toBe(0);

    await page.goto(`${app.url}/login?redirectTo=/account`);
    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("이메일 또는 비밀번호가 맞지 않습니다.");
    expect(await page.getByLabel("이메일").inputValue()).toBe(email);
    expect(await page.getByLabel("비밀번호", { exact: true }).inputValue()).toBe("");

    await page.getByLabel("비밀번호", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByTestId("account-name").textContent()).toBe("이서연 님");
    expect(await page.getByTestId("viewer-name").getAttribute("aria-label")).toContain("이서연");
    expect(await page.getByTestId("verification-status").textContent()).toBe("인증 완료");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses bad sign-up input with localized field errors, and an unverified member cannot 공감", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const usersBefore = await app.db.prisma.user.count();

    await page.goto(`${app.url}/signup`);
    await page.getByLabel("이메일").fill("not-an-email");
    await page.getByLabel("이름").fill("김");
    await page.getByLabel("비밀번호", { exact: true }).fill("short");
    await page.getByLabel("비밀번호 확인").fill("different");
    await page.getByRole("button", { name: "동의하고 가입하기" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("입력 내용을 확인해 주세요.");
    expect(await page.locator("#email-error").textContent()).toBe("올바른 이메일 주소를 입력해 주세요.");
    expect(await page.locator("#displayName-error").textContent()).toBe("2자 이상 입력해 주세요.");
    expect(await page.locator("#password-error").textContent()).toBe("비밀번호는 12자 이상이어야 합니다.");
    expect(await page.locator("#passwordConfirm-error").textContent()).toBe("비밀번호가 서로 다릅니다.");
    expect(await page.locator("#consentPrivacy-error").textContent()).toBe("개인정보 수집·이용에 동의해야 가입할 수 있습니다.");
    expect(await page.getByLabel("이메일").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("이메일").getAttribute("aria-describedby")).toContain("email-error");
    // Typed values stay, passwords do not; nothing was written.
    expect(await page.getByLabel("이메일").inputValue()).toBe("not-an-email");
    expect(await page.getByLabel("비밀번호", { exact: true }).inputValue()).toBe("");
    expect(await app.db.prisma.user.count()).toBe(usersBefore);
    expect(await seriousA11yViolations(page), "/signup with errors").toEqual([]);

    // A proper sign-up, but no verification.
    await signUp(page, app.url, { email: `junseo.${Date.now()}@example.kr`, name: "최준서" });
    expect(await app.db.prisma.user.count()).toBe(usersBefore + 1);

    await page.goto(`${app.url}/proposals?status=OPEN`);
    const firstCard = page.getByTestId("proposal-card").first();
    const proposalId = await firstCard.getAttribute("data-proposal-id");
    await firstCard.getByRole("link").click();
    await page.waitForURL(new RegExp(`/proposals/${proposalId}$`));
    // The URL changes before the new page has rendered: wait for the proposal page itself.
    await page.getByTestId("live-status").waitFor();
    const before = await page.getByTestId("support-count").textContent();
    const supportsBefore = await app.db.prisma.support.count({ where: { proposalId: Number(proposalId) } });

    // The page names the reason: either before pressing (the 공감 button is replaced by the
    // reasons) or as the answer to pressing it.
    const reason = "본인인증을 마친 분만 참여할 수 있습니다.";
    const supportButton = page.getByRole("button", { name: "공감하기" });
    const blockers = page.getByTestId("support-blockers");
    await expect.poll(async () => (await supportButton.count()) + (await blockers.count())).toBeGreaterThan(0);
    if ((await supportButton.count()) > 0) {
      await supportButton.click();
      await expect.poll(() => page.getByRole("alert").textContent()).toBe(reason);
    } else {
      expect(await blockers.textContent()).toContain(reason);
    }
    // The server refuses it too, with the same localized reason, whatever the page shows.
    const answer = await page.evaluate(async (id) => {
      const body = new FormData();
      body.set("intent", "support");
      const response = await fetch(`/proposals/${id}?_data=${encodeURIComponent("routes/proposals.$id")}`, { method: "POST", body });
      return { status: response.status, body: await response.json() };
    }, proposalId);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(reason);
    await page.reload();
    expect(await page.getByTestId("support-count").textContent()).toBe(before);
    expect(await app.db.prisma.support.count({ where: { proposalId: Number(proposalId) } })).toBe(supportsBefore);

    // The account page says the same, with the way out.
    await page.goto(`${app.url}/account`);
    expect(await page.getByTestId("verification-status").textContent()).toBe("미인증");
    expect(await page.getByTestId("eligibility").textContent()).toContain("본인인증을 마친 분만 참여할 수 있습니다.");
    expect(await page.getByRole("link", { name: "본인인증 하기" }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
  it("logs in with a demo account, resets a forgotten password by the link and logs in with the new one", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR", bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const email = "citizen2@demo.madang";
    const user = await app.db.prisma.user.findUniqueOrThrow({ where: { email } });

    // The login page lists the demo accounts and their shared password.
    await page.goto(`${app.url}/login`);
    const demo = page.getByRole("region", { name: "시연용 계정" });
    expect(await demo.textContent()).toContain("madang-demo-2026");
    expect(await demo.textContent()).toContain(email);
    expect(await seriousA11yViolations(page), "/login").toEqual([]);
    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호", { exact: true }).fill("madang-demo-2026");
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await page.waitForURL(/\/proposals$/);
    expect(await page.getByTestId("viewer-name").getAttribute("aria-label")).toContain("박준호");
    await logOut(page);
    await page.waitForURL(`${app.url}/`);

    // The same answer whether or not the address has an account.
    for (const address of ["nobody@example.kr", email]) {
      await page.goto(`${app.url}/forgot-password`);
      await page.getByLabel("이메일").fill(address);
      await page.getByRole("button", { name: "재설정 링크 받기" }).click();
      await expect
        .poll(() => page.getByRole("status").textContent())
        .toContain("입력하신 주소로 가입된 계정이 있으면 비밀번호 재설정 링크를 보냈습니다.");
    }
    expect(await app.db.prisma.passwordReset.count({ where: { userId: user.id } })).toBe(1);

    // The mail is not read here: a link with a known token stands in for the one sent.
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    await app.db.prisma.passwordReset.create({
      data: {
        tokenHash: createHash("sha256").update(token).digest("hex"),
        userId: user.id,
        expiresAt: new Date(now.getTime() + 3_600_000),
        createdAt: now,
      },
    });
    await page.goto(`${app.url}/reset-password/${token}`);
    await page.getByLabel("새 비밀번호", { exact: true }).fill(PASSWORD);
    await page.getByLabel("새 비밀번호 확인").fill("something else entirely");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await expect.poll(() => page.locator("#passwordConfirm-error").textContent()).toBe("비밀번호가 서로 다릅니다.");
    expect(await page.getByLabel("새 비밀번호", { exact: true }).inputValue()).toBe("");
    await page.getByLabel("새 비밀번호", { exact: true }).fill(PASSWORD);
    await page.getByLabel("새 비밀번호 확인").fill(PASSWORD);
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await page.waitForURL(/\/login\?reset=1$/);
    expect(await page.getByRole("status").textContent()).toBe("비밀번호를 바꿨습니다. 새 비밀번호로 로그인해 주세요.");

    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await page.waitForURL(/\/proposals$/);
    expect(await page.getByTestId("viewer-name").getAttribute("aria-label")).toContain("박준호");

    // A used link does not work twice.
    await page.goto(`${app.url}/reset-password/${token}`);
    await page.getByLabel("새 비밀번호", { exact: true }).fill("another long password 2026");
    await page.getByLabel("새 비밀번호 확인").fill("another long password 2026");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("비밀번호 재설정 링크가 만료되었거나 이미 사용되었습니다.");
    expect(errors).toEqual([]);
    await context.close();
  });
});

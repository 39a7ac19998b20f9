import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../prisma/seed.ts";

/** Logs in through the real form (Korean UI) and waits for the redirect. */
export async function logIn(page: Page, baseUrl: string, email: string, redirectTo = "/proposals", password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("이메일", { exact: true }).fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Logs out from the header; on a phone 로그아웃 sits in the header's 메뉴. */
export async function logOut(page: Page) {
  const menu = page.getByTestId("site-menu");
  if ((await menu.isVisible()) && !(await menu.evaluate((details: HTMLDetailsElement) => details.open)))
    await menu.locator("summary").click();
  await page.getByRole("button", { name: "로그아웃" }).click();
}

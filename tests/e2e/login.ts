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

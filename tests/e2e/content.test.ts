// Journey: a citizen proposes with tags and a photo, sees them on the page and fixes the
// title; after someone else's 공감 the proposal is locked and the proposer adds an update.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

// A valid 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

describe.skipIf(!hasChromium)("proposal content", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    // Opens at once (no screening) so another person can give 공감.
    await app.db.prisma.citySetting.update({ where: { id: 1 }, data: { screeningRequired: false } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("tags, a photo, an edit, then only updates after the first 공감", async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: "ko-KR" });
    const page = await context.newPage();
    await logIn(page, app.url, "citizen@demo.madang");

    // 1. Propose with tags, a map point and a photo.
    await page.goto(`${app.url}/proposals/new`);
    await page.getByLabel("제목").fill("수송동 어린이공원에 그늘막을 설치해 주세요");
    await page.getByLabel("제안 내용").fill("여름 한낮에 어린이공원 놀이터에 그늘이 없어 아이들이 놀 수 없습니다. 그늘막을 설치해 주세요.");
    await page.getByLabel("분야").selectOption({ label: "교통 및 물류" });
    await page.getByLabel("태그").fill("그늘막, 놀이터 , 그늘막, 여름");
    await page.getByLabel("위도").fill("35.9676");
    await page.getByLabel("경도").fill("126.7366");
    await page.locator("#files").setInputFiles({ name: "놀이터.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "제안 등록" }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    // The address changes before the new page has rendered: wait for the proposal page itself.
    await page.getByTestId("tags").waitFor();

    // 2. Tags as chips, the point, and the photo served back as an image.
    expect(await page.getByTestId("tags").locator("li").allTextContents()).toEqual(["#그늘막", "#놀이터", "#여름"]);
    expect(await page.getByTestId("map-point").textContent()).toContain("35.96760, 126.73660");
    const image = page.locator('img[alt="놀이터.png"]');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const file = await page.request.get(`${app.url}${await image.getAttribute("src")}`);
    expect(file.headers()["content-type"]).toBe("image/png");
    expect(file.headers()["x-content-type-options"]).toMatch(/^nosniff/);
    expect(file.headers()["content-disposition"]).toMatch(/^inline;/);

    // 3. Fix the title while nobody has given 공감.
    await page.getByTestId("edit-link").click();
    await page.waitForURL(new RegExp(`/proposals/${id}/edit$`));
    await page.getByLabel("제목").fill("수송동 어린이공원 놀이터에 그늘막을 설치해 주세요");
    await page.getByRole("button", { name: "고친 내용 저장" }).click();
    await page.waitForURL(new RegExp(`/proposals/${id}$`));
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("수송동 어린이공원 놀이터에 그늘막을 설치해 주세요");

    // 4. Someone else gives 공감: the edit link is gone, updates are offered instead.
    await app.server.domain.proposals.support(await createUser(app.db.prisma), id);
    await page.reload();
    await page.getByTestId("updates").waitFor();
    expect(await page.getByTestId("edit-link").count()).toBe(0);
    await page.getByLabel("추가 내용 올리기").fill("**오후 2시** 기준 놀이터 온도가 38도였습니다. 측정 사진을 곧 덧붙이겠습니다.");
    await page.getByRole("button", { name: "올리기", exact: true }).click();
    await expect.poll(() => page.getByTestId("updates").locator("ol li").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("updates").locator("strong").textContent()).toBe("오후 2시");

    // 5. The edit page itself now sends the proposer back.
    await page.goto(`${app.url}/proposals/${id}/edit`);
    await page.waitForURL(new RegExp(`/proposals/${id}$`));
    await context.close();
  });
});

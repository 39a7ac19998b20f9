// Journey: a citizen proposes; a moderator screens it open; others add 공감 up to the
// threshold; the moderator assigns the department; its officer answers — and the proposer,
// whose page stays open the whole time, sees every stage, the answer and the timeline live.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

describe.skipIf(!hasChromium)("proposal lifecycle across browsers", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    await app.db.prisma.citySetting.update({ where: { id: 1 }, data: { supportThreshold: 2 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("from proposal to department answer, seen live by the proposer", async () => {
    const open = async (email: string, viewport = viewports.desktop) => {
      const context = await browser.newContext({ viewport, locale: "ko-KR" });
      const page = await context.newPage();
      await logIn(page, app.url, email);
      return page;
    };
    const proposer = await open("citizen@demo.madang", viewports.phone);

    // 1. Propose.
    await proposer.goto(`${app.url}/proposals/new`);
    await proposer.getByLabel("제목").fill("월명동 골목길에 보행자 우선 표시를 해 주세요");
    await proposer
      .getByLabel("제안 내용")
      .fill("월명동 근대역사거리 골목은 관광객과 차량이 뒤섞여 위험합니다. 바닥에 보행자 우선 표시를 해 주세요.");
    await proposer.getByLabel("분야").selectOption({ label: "교통 및 물류" });
    await proposer.getByRole("button", { name: "제안 등록" }).click();
    await proposer.waitForURL(/\/proposals\/\d+$/);
    const id = Number(new URL(proposer.url()).pathname.split("/").pop());
    await expect.poll(() => proposer.getByRole("status").filter({ hasText: "운영자가 제안 내용을 검토" }).count()).toBe(1);
    await proposer.getByTestId("live-status").filter({ hasText: "실시간 연결됨" }).waitFor();

    // 2. A moderator screens it open.
    const moderator = await open("moderator@demo.madang");
    await moderator.goto(`${app.url}/admin/screening`);
    await moderator.getByTestId("screening-queue").getByRole("link").first().waitFor();
    await moderator.goto(`${app.url}/proposals/${id}`);
    await moderator.getByLabel("공개 — 공감 모집 시작").check();
    await moderator.getByRole("button", { name: "검토 결과 저장" }).click();
    await expect.poll(() => proposer.locator(".chip").first().textContent(), { timeout: 10_000 }).toBe("공감 모집 중");

    // 3. Two others give 공감: one in the browser, one through the domain.
    const supporter = await open("citizen2@demo.madang");
    await supporter.goto(`${app.url}/proposals/${id}`);
    await supporter.getByRole("button", { name: "공감하기" }).click();
    await expect.poll(() => proposer.getByTestId("support-count").textContent()).toBe("1");
    await app.server.domain.proposals.support(await createUser(app.db.prisma), id);
    await expect.poll(() => proposer.locator(".chip").first().textContent(), { timeout: 10_000 }).toBe("공감 달성");

    // 4. The moderator assigns the responsible department.
    await moderator.goto(`${app.url}/proposals/${id}`);
    await moderator.getByRole("combobox", { name: /^부서/ }).selectOption({ label: "교통행정과" });
    await moderator.getByRole("button", { name: "배정하기" }).click();
    await expect.poll(() => proposer.getByTestId("answer-deadline").count(), { timeout: 10_000 }).toBe(1);

    // 5. The department's officer answers.
    const officer = await open("officer@demo.madang");
    await officer.goto(`${app.url}/inbox`);
    await officer.getByTestId("inbox").getByRole("link", { name: "월명동 골목길에 보행자 우선 표시를 해 주세요" }).click();
    await officer.waitForURL(new RegExp(`/proposals/${id}$`));
    await officer.getByRole("radio", { name: "최종 답변" }).check();
    await officer.getByRole("combobox", { name: /^채택 여부/ }).selectOption({ label: "채택" });
    await officer
      .getByLabel("답변 내용")
      .fill("현장 점검 결과 보행자 우선 표시가 필요하다고 판단해 채택합니다. 내년 상반기에 시공하겠습니다.");
    await officer.getByRole("button", { name: "답변 올리기" }).click();

    // 6. The proposer sees the answer and the whole timeline without reloading.
    await expect.poll(() => proposer.getByTestId("answers").textContent(), { timeout: 10_000 }).toContain("내년 상반기에 시공하겠습니다");
    expect(await proposer.getByTestId("answers").textContent()).toContain("채택");
    const timeline = await proposer.getByRole("heading", { name: "진행 현황" }).locator("..").textContent();
    for (const step of ["제안검토", "공감 모집 중", "공감 달성", "부서 검토 중", "부서 답변"]) expect(timeline).toContain(step);
    await expect.poll(() => proposer.getByTestId("unread-count").textContent()).not.toBeNull();
    expect(Number(await proposer.getByTestId("unread-count").textContent())).toBeGreaterThanOrEqual(4);

    // The same stages, through GraphQL.
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ proposal(id: "${id}") { status timeline { status } answers { kind outcome departmentName } } }` }),
    });
    expect((await response.json()).data.proposal).toEqual({
      status: "ANSWERED",
      timeline: ["SCREENING", "OPEN", "THRESHOLD_REACHED", "ASSIGNED", "ANSWERED"].map((status) => ({ status })),
      answers: [{ kind: "FINAL", outcome: "ADOPTED", departmentName: "교통행정과" }],
    });
  });
});

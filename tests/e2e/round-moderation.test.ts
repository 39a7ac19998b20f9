// Journey (issue #5 "done when"): a moderator creates a round with phases in the console and
// publishes it; a citizen comments in the round's debate; a second browser sees it live; the
// moderator hides it with a reason and both browsers see the placeholder; the moderator moves
// the round to its next phase and the open pages follow.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateToKstInput } from "../../app/lib/kst.ts";
import { startApp } from "./app.ts";
import { hasChromium, launchBrowser, viewports } from "./browser.ts";
import { logIn } from "./login.ts";

describe.skipIf(!hasChromium)("a moderator runs a round with a live debate", () => {
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

  const pageAs = async (email: string | null, viewport = viewports.desktop): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: "ko-KR" });
    const page = await context.newPage();
    if (email) await logIn(page, app.url, email);
    return page;
  };

  it("creates, publishes, debates live, hides with a placeholder and moves the phase on", async () => {
    // 1. The moderator creates a deliberation forum whose first phase began an hour ago.
    const moderator = await pageAs("moderator@demo.madang");
    await moderator.goto(`${app.url}/admin/rounds/new?kind=DELIBERATION_FORUM`);
    const form = moderator.getByTestId("round-form");
    await form.waitFor();
    const title = "은파호수공원 야간 개방, 시민 공론장";
    await moderator.getByLabel("제목", { exact: true }).fill(title);
    await moderator
      .getByLabel("소개", { exact: true })
      .fill("호수공원 야간 개방 시간을 늘릴지 시민이 함께 토론합니다. 찬반 의견과 이유를 들려주세요.");
    expect(await moderator.getByTestId("phase-row").count()).toBe(3); // the forum template: 의제 공개 → 숙의·토론 → 결과 발표
    await moderator.getByLabel("1단계 시작", { exact: true }).fill(dateToKstInput(new Date(Date.now() - 3600_000)));
    await moderator.getByTestId("round-save").click();
    await moderator.waitForURL(/\/admin\/rounds\/\d+/);
    await moderator.getByTestId("publish-form").waitFor();
    const roundId = Number(/\/admin\/rounds\/(\d+)/.exec(moderator.url())![1]);
    await expect(app.server.domain.rounds.get(null, roundId)).rejects.toMatchObject({ code: "NOT_FOUND" }); // a draft is not public
    await moderator.getByTestId("publish-form").getByRole("button", { name: "공개하기" }).click();
    await expect
      .poll(async () => (await app.server.domain.rounds.get(null, roundId).catch(() => null))?.stage, { timeout: 5_000 })
      .toBe("running");
    const round = await app.server.domain.rounds.get(null, roundId);
    expect(round).toMatchObject({ title, kind: "DELIBERATION_FORUM", currentPhase: expect.objectContaining({ name: "의제 공개" }) });

    // 2. A reader and a citizen open the round; presence counts them.
    const url = `${app.url}/rounds/${roundId}`;
    const open = async (page: Page) => {
      await page.goto(url);
      await page.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
      return page;
    };
    const reader = await open(await pageAs(null));
    const citizen = await open(await pageAs("citizen2@demo.madang", viewports.phone));
    await expect.poll(() => reader.getByTestId("round-presence").textContent(), { timeout: 5_000 }).toContain("2명 참여 중");

    // 3. The citizen comments; the reader sees it without reloading.
    const text = "야간 개방에 찬성합니다. 여름밤 산책하는 가족이 많기 때문에 조명과 안전요원을 함께 두면 좋겠습니다.";
    await citizen.getByRole("radio", { name: "찬성" }).first().check();
    await citizen.getByLabel("의견 쓰기").fill(text);
    await citizen.getByRole("button", { name: "의견 올리기" }).click();
    const inReader = reader.getByTestId("comment").filter({ hasText: text });
    await expect.poll(() => inReader.count(), { timeout: 5_000 }).toBe(1);
    expect(await inReader.textContent()).toContain("찬성");

    // 4. The moderator hides it with a reason: both browsers see the placeholder, not the text.
    await open(moderator);
    const target = moderator.getByTestId("comment").filter({ hasText: text });
    await target.getByRole("button", { name: "가리기" }).click();
    await target.getByLabel("사유").fill("개인 연락처가 들어 있어 가렸습니다.");
    await target.getByRole("button", { name: "가리기" }).last().click();
    const placeholder = "운영자가 가린 의견입니다. 사유: 개인 연락처가 들어 있어 가렸습니다.";
    for (const page of [reader, citizen]) {
      await expect.poll(() => page.getByTestId("hidden-placeholder").filter({ hasText: placeholder }).count(), { timeout: 5_000 }).toBe(1);
      expect(await page.getByText(text).count()).toBe(0);
    }
    expect(await app.db.prisma.auditLog.count({ where: { action: "comment.hide" } })).toBe(1);

    // 5. The moderator moves the round to 숙의·토론 now, with a reason; open pages follow live.
    const next = round.phases[1]!;
    await moderator.goto(`${app.url}/admin/rounds/${roundId}`);
    const override = moderator.getByTestId("override-form");
    await override.getByLabel("바꿀 단계").selectOption(String(next.id));
    await override.getByLabel("사유").fill("의제 공개 기간을 줄이고 토론을 시작합니다.");
    await override.getByRole("checkbox").check();
    await override.getByRole("button").last().click();
    for (const page of [reader, citizen]) {
      await expect.poll(() => page.getByTestId("round-phase-current").textContent(), { timeout: 5_000 }).toContain(next.name);
    }
    const history = await app.server.domain.rounds.history(null, roundId);
    expect(history.at(-1)).toMatchObject({
      cause: "OVERRIDE",
      reason: "의제 공개 기간을 줄이고 토론을 시작합니다.",
      to: expect.objectContaining({ id: next.id }),
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { AppError } from "../errors.ts";
import type { Viewer } from "../viewer.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser } from "../../../tests/factories.ts";
import { dice, titleTokens } from "./search.service.server.ts";
import { searchTokens } from "./tokens.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const now = new Date("2026-11-01T09:00:00+09:00");
const clock = { now: () => now };

const ids: Record<string, number> = {};

async function propose(key: string, title: string, body: string, author?: Viewer) {
  const proposer = author ?? (await createUser(db.prisma));
  const created = await domain.proposals.create(proposer, { title, body, categoryId: ref.categories.transport.id });
  ids[key] = created.id;
  return created;
}

const titles = (page: { items: { title: string }[] }) => page.items.map((p) => p.title);

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 3 });
  await propose(
    "lake",
    "은파호수공원 산책로에 야간 조명을 설치해 주세요",
    "밤에 산책하는 시민이 많은데 어두워 위험합니다. 태양광 등을 달아 주세요.",
  );
  await propose(
    "bus",
    "시내버스 정류장에 온열의자를 놓아 주세요",
    "겨울에 버스를 기다리는 어르신들이 추위에 떱니다. 정류장마다 온열의자가 필요합니다.",
  );
  await propose(
    "led",
    "LED 가로등 교체 2027년 계획",
    "나운동 골목의 오래된 가로등을 LED로 바꾸면 전기요금이 줄어듭니다. Wi-Fi 공유기도 함께 달아 주세요.",
  );
  await propose(
    "library",
    "작은 도서관 주말 운영 시간을 늘려 주세요",
    "맞벌이 가정은 평일에 도서관에 갈 수 없습니다. 토요일과 일요일에도 저녁까지 열어 주세요.",
  );
});
afterAll(async () => {
  await db?.drop();
});

describe("searching the list (q)", () => {
  it("finds two-letter Korean words in titles and bodies", async () => {
    expect(titles(await domain.proposals.list(null, { q: "조명" }))).toEqual(["은파호수공원 산책로에 야간 조명을 설치해 주세요"]);
    // "버스" is inside "시내버스" in the title and a word of its own in the body.
    expect(titles(await domain.proposals.list(null, { q: "버스" }))).toEqual(["시내버스 정류장에 온열의자를 놓아 주세요"]);
  });

  it("finds parts of words", async () => {
    expect(titles(await domain.proposals.list(null, { q: "호수공" }))).toEqual(["은파호수공원 산책로에 야간 조명을 설치해 주세요"]);
    expect(titles(await domain.proposals.list(null, { q: "온열" }))).toEqual(["시내버스 정류장에 온열의자를 놓아 주세요"]);
  });

  it("needs every word of the query", async () => {
    expect(titles(await domain.proposals.list(null, { q: "버스 정류장" }))).toHaveLength(1);
    expect(titles(await domain.proposals.list(null, { q: "버스 도서관" }))).toEqual([]);
  });

  it("finds nothing for words that are not there, even when their letters are", async () => {
    expect((await domain.proposals.list(null, { q: "지하철" })).totalCount).toBe(0);
    expect((await domain.proposals.list(null, { q: "공호수" })).totalCount).toBe(0); // same letters, other order
    expect((await domain.proposals.list(null, { q: "스버" })).totalCount).toBe(0);
  });

  it("finds English words whatever their case, and digits", async () => {
    expect(titles(await domain.proposals.list(null, { q: "led" }))).toEqual(["LED 가로등 교체 2027년 계획"]);
    expect(titles(await domain.proposals.list(null, { q: "wi-fi" }))).toEqual(["LED 가로등 교체 2027년 계획"]);
    expect(titles(await domain.proposals.list(null, { q: "2027" }))).toEqual(["LED 가로등 교체 2027년 계획"]);
    expect((await domain.proposals.list(null, { q: "2028" })).totalCount).toBe(0);
  });

  it("ignores a query without words", async () => {
    expect((await domain.proposals.list(null, { q: " !? " })).totalCount).toBe((await domain.proposals.list(null, {})).totalCount);
  });
});

describe("similar proposals while typing a title", () => {
  it("scores titles by shared bigrams (Dice)", () => {
    expect(dice(new Set(searchTokens("버스 정류장")), new Set(searchTokens("버스 정류장")))).toBe(1);
    expect(dice(new Set(searchTokens("버스")), new Set(searchTokens("조명")))).toBe(0);
    expect(dice(new Set(), new Set(["버스"]))).toBe(0);
    expect(titleTokens("늘려 주세요")).toEqual(["늘려"]);
  });

  it("suggests the proposal on the same matter first", async () => {
    const found = await domain.search.similar(null, { title: "은파호수공원 조명 설치" });
    expect(found[0]).toMatchObject({ id: ids.lake, status: "OPEN", supportCount: 0, viaMergedId: null });
    expect(found[0]!.score).toBeGreaterThan(0.3);
    expect(found.map((f) => f.id)).not.toContain(ids.library);
  });

  it("finds short and partial titles", async () => {
    expect((await domain.search.similar(null, { title: "버스 정류장" }))[0]?.id).toBe(ids.bus);
    expect((await domain.search.similar(null, { title: "호수공원 산책로" }))[0]?.id).toBe(ids.lake);
    expect((await domain.search.similar(null, { title: "led 가로등" }))[0]?.id).toBe(ids.led);
  });

  it("suggests nothing for unrelated or too short titles", async () => {
    expect(await domain.search.similar(null, { title: "지하철 노선 연장" })).toEqual([]);
    expect(await domain.search.similar(null, { title: "길" })).toEqual([]);
    expect(await domain.search.similar(null, { title: "" })).toEqual([]);
    // Sharing only the common ending "주세요" is not similar.
    expect(await domain.search.similar(null, { title: "분리수거함을 늘려 주세요" })).toEqual([]);
  });

  it("leaves out the proposal being edited", async () => {
    const found = await domain.search.similar(null, { title: "은파호수공원 조명 설치", excludeId: String(ids.lake) });
    expect(found.map((f) => f.id)).not.toContain(ids.lake);
  });

  it("returns at most five, best first", async () => {
    const author = await createUser(db.prisma);
    for (let i = 0; i < 6; i++)
      await propose(
        `many${i}`,
        `주차장 공유 제안 ${i}호`,
        "주차장이 부족한 동네에서 학교와 교회 주차장을 밤에 함께 쓰도록 해 주세요.",
        author,
      );
    const found = await domain.search.similar(null, { title: "주차장 공유 제안" });
    expect(found).toHaveLength(5);
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
  });

  it("shows unpublished proposals only to their author, and answered or expired ones to all", async () => {
    const author = await createUser(db.prisma);
    const hidden = await propose(
      "screening",
      "공영자전거 대여소를 늘려 주세요",
      "자전거 대여소가 부족해서 출퇴근에 쓰기 어렵습니다. 대여소를 늘려 주세요.",
      author,
    );
    await db.prisma.proposal.update({ where: { id: hidden.id }, data: { status: "SCREENING" } });
    expect(await domain.search.similar(null, { title: "공영자전거 대여소" })).toEqual([]);
    expect(await domain.search.similar(await createUser(db.prisma), { title: "공영자전거 대여소" })).toEqual([]);
    expect((await domain.search.similar(author, { title: "공영자전거 대여소" }))[0]?.id).toBe(hidden.id);

    await db.prisma.proposal.update({ where: { id: hidden.id }, data: { status: "EXPIRED" } });
    expect((await domain.search.similar(null, { title: "공영자전거 대여소" }))[0]).toMatchObject({ id: hidden.id, status: "EXPIRED" });
    await db.prisma.proposal.update({ where: { id: hidden.id }, data: { status: "ANSWERED" } });
    expect((await domain.search.similar(null, { title: "공영자전거 대여소" }))[0]).toMatchObject({ id: hidden.id, status: "ANSWERED" });
  });

  it("suggests what the viewer may read, by the proposal page's rule: moderators see screening, nobody others' drafts", async () => {
    const author = await createUser(db.prisma);
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const screening = await propose(
      "screened",
      "어린이 물놀이터에 그늘막을 설치해 주세요",
      "여름마다 물놀이터가 너무 뜨겁습니다. 그늘막이 있으면 아이들이 더 안전합니다.",
      author,
    );
    await db.prisma.proposal.update({ where: { id: screening.id }, data: { status: "SCREENING" } });
    expect((await domain.search.similar(moderator, { title: "물놀이터 그늘막 설치" }))[0]?.id).toBe(screening.id);
    await db.prisma.proposal.update({ where: { id: screening.id }, data: { status: "DRAFT" } });
    expect(await domain.search.similar(moderator, { title: "물놀이터 그늘막 설치" })).toEqual([]);
    expect((await domain.search.similar(author, { title: "물놀이터 그늘막 설치" }))[0]?.id).toBe(screening.id);
  });

  it("follows a merged proposal to the one it was merged into", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const target = await propose(
      "target",
      "어린이 보호구역 과속 단속 카메라",
      "학교 앞에서 차들이 너무 빨리 달립니다. 단속 카메라가 필요합니다.",
    );
    const source = await propose(
      "source",
      "초등학교 앞 횡단보도 신호등 설치",
      "아이들이 건너는 길에 신호등이 없습니다. 어린이 보호구역 안전을 지켜 주세요.",
    );
    await domain.merge.merge(moderator, { sourceId: source.id, targetId: target.id, reason: "같은 학교 앞 안전 문제" });
    const found = await domain.search.similar(null, { title: "초등학교 앞 신호등" });
    expect(found[0]).toMatchObject({ id: target.id, viaMergedId: source.id });
    expect(found.map((f) => f.id)).not.toContain(source.id);
    // And the list no longer shows the merged one.
    expect(titles(await domain.proposals.list(null, { q: "신호등" }))).toEqual([]);
  });

  it("validates its input", async () => {
    const error = await domain.search.similar(null, { title: "x".repeat(300) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
  });
});

describe("re-indexing proposals without search tokens", () => {
  it("fills the missing ones once and then does nothing", async () => {
    const author = await createUser(db.prisma);
    const legacy = await db.prisma.proposal.create({
      data: {
        title: "월명공원 벚꽃길 보행로 정비",
        body: "봄마다 사람이 몰리는데 보행로가 좁습니다.",
        authorId: author.id,
        categoryId: ref.categories.environment.id,
        closesAt: new Date(now.getTime() + 86_400_000),
        updatedAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const before = await db.prisma.proposal.findUniqueOrThrow({ where: { id: legacy.id }, select: { updatedAt: true } });
    expect((await domain.proposals.list(null, { q: "벚꽃" })).totalCount).toBe(0);

    expect(await domain.search.reindexMissing()).toBe(1);
    expect(titles(await domain.proposals.list(null, { q: "벚꽃" }))).toEqual(["월명공원 벚꽃길 보행로 정비"]);
    expect((await domain.search.similar(null, { title: "월명공원 벚꽃길" }))[0]?.id).toBe(legacy.id);
    const after = await db.prisma.proposal.findUniqueOrThrow({ where: { id: legacy.id }, select: { updatedAt: true } });
    expect(after.updatedAt).toEqual(before.updatedAt);

    expect(await domain.search.reindexMissing()).toBe(0);
  });
});

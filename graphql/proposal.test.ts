import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { expectConsoleError } from "../tests/setup/console-guard.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;
let ref: Awaited<ReturnType<typeof createReferenceData>>;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  ref = await createReferenceData(db.prisma, { threshold: 2 });
});
afterAll(async () => {
  await db?.drop();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      title
      status
      supportCount
      estimatedCost
      district {
        name
      }
      category {
        code
      }
      timeline {
        status
      }
    }
  }
`;
const SUPPORT = /* GraphQL */ `
  mutation Support($id: ID!) {
    supportProposal(id: $id) {
      proposalId
      supportCount
      supported
      changed
      status
    }
  }
`;

describe("GraphQL proposals", () => {
  it("creates, supports and lists proposals through the same domain rules as the web", async () => {
    const author = await createUser(db.prisma);
    const authorCookie = await sessionCookieFor(db.prisma, author.id);
    const created = await gql(
      yoga,
      CREATE,
      {
        input: {
          title: "월명동 골목에 공영주차장을 만들어 주세요",
          body: "주말마다 관광객 차량으로 골목이 막힙니다. 공영주차장이 필요합니다.",
          categoryId: String(ref.categories.transport.id),
          districtId: String(ref.districts.naun.id),
          estimatedCost: 500000000,
        },
      },
      { cookie: authorCookie },
    );
    expect(created.errors).toBeUndefined();
    const proposal = created.data.createProposal;
    expect(proposal).toMatchObject({
      status: "OPEN",
      supportCount: 0,
      estimatedCost: 500000000,
      district: { name: "나운2동" },
      timeline: [{ status: "OPEN" }],
    });

    const supporter = await createUser(db.prisma);
    const cookie = await sessionCookieFor(db.prisma, supporter.id);
    const first = await gql(yoga, SUPPORT, { id: proposal.id }, { cookie });
    expect(first.data.supportProposal).toEqual({
      proposalId: proposal.id,
      supportCount: 1,
      supported: true,
      changed: true,
      status: "OPEN",
    });
    const again = await gql(yoga, SUPPORT, { id: proposal.id }, { cookie });
    expect(again.data.supportProposal).toMatchObject({ supportCount: 1, changed: false });

    // The domain, called directly as the web does, returns the same proposal.
    const viaDomain = await domain.proposals.get(supporter, proposal.id);
    const viaGraphQL = await gql(
      yoga,
      `query($id: ID!) { proposal(id: $id) { id title supportCount viewerHasSupported status stance { pro con neutral } } }`,
      { id: proposal.id },
      { cookie },
    );
    expect(viaGraphQL.data.proposal).toEqual({
      id: String(viaDomain.id),
      title: viaDomain.title,
      supportCount: viaDomain.supportCount,
      viewerHasSupported: true,
      status: viaDomain.status,
      stance: viaDomain.stance,
    });
  });

  it("tells the viewer what they can do, as the domain decides it, with reasons in their language", async () => {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    const query = `query($id: ID!) { proposal(id: $id) { viewerCanEdit viewerCan { support withdraw comment edit addUpdate follow moderate answer reasons debateClosedReason } } }`;
    const citizen = await createUser(db.prisma);
    const asCitizen = await gql(yoga, query, { id: String(proposal.id) }, { cookie: await sessionCookieFor(db.prisma, citizen.id) });
    expect(asCitizen.errors).toBeUndefined();
    const domainView = (await domain.proposals.get(citizen, proposal.id)).viewerCan;
    expect(asCitizen.data.proposal.viewerCan).toEqual({ ...domainView, reasons: [], debateClosed: undefined, debateClosedReason: null });
    expect(asCitizen.data.proposal.viewerCan).toMatchObject({ support: true, comment: true, edit: false });

    const asAuthor = await gql(yoga, query, { id: String(proposal.id) }, { cookie: await sessionCookieFor(db.prisma, author.id) });
    expect(asAuthor.data.proposal).toMatchObject({ viewerCanEdit: true, viewerCan: { edit: true, support: false } });

    const unverified = await createUser(db.prisma, { verified: false });
    const cookie = await sessionCookieFor(db.prisma, unverified.id);
    const ko = await gql(yoga, query, { id: String(proposal.id) }, { cookie });
    expect(ko.data.proposal.viewerCan.support).toBe(false);
    expect(ko.data.proposal.viewerCan.reasons[0]).toMatch(/본인인증/);
    const en = await gql(yoga, query, { id: String(proposal.id) }, { cookie, lang: "en" });
    expect(en.data.proposal.viewerCan.reasons[0]).toMatch(/verif/i);
  });

  it("pages through a filtered connection with totalCount", async () => {
    const author = await createUser(db.prisma);
    for (const title of [
      "옥구읍 마을버스 배차 간격을 줄여 주세요",
      "옥구읍 버스정류장에 온열의자를 놓아 주세요",
      "옥구읍 농로 가로등을 늘려 주세요",
    ]) {
      await domain.proposals.create(author, { ...proposalInput(ref.categories.transport.id), title, districtId: ref.districts.okgu.id });
    }
    const query = `query($after: String) { proposals(first: 2, after: $after, sort: NEWEST, filter: { districtId: "${ref.districts.okgu.id}" }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title district { code } } } } }`;
    const page1 = await gql(yoga, query);
    expect(page1.errors).toBeUndefined();
    expect(page1.data.proposals.totalCount).toBe(3);
    expect(page1.data.proposals.edges).toHaveLength(2);
    expect(page1.data.proposals.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(yoga, query, { after: page1.data.proposals.pageInfo.endCursor });
    expect(page2.data.proposals.edges).toHaveLength(1);
    expect(page2.data.proposals.pageInfo.hasNextPage).toBe(false);
    const titles = [...page1.data.proposals.edges, ...page2.data.proposals.edges].map((e: any) => e.node.title);
    expect(new Set(titles).size).toBe(3);
  });

  it("answers bad input with localized, coded errors and changes nothing", async () => {
    const author = await createUser(db.prisma);
    const cookie = await sessionCookieFor(db.prisma, author.id);
    const before = await db.prisma.proposal.count();

    const invalid = await gql(yoga, CREATE, { input: { title: "짧", body: "짧은 본문", categoryId: "abc" } }, { cookie });
    expect(invalid.errors?.[0]?.extensions?.code).toBe("VALIDATION");
    expect(invalid.errors?.[0]?.message).toBe("입력 내용을 확인해 주세요.");
    expect(invalid.errors?.[0]?.extensions?.issues).toEqual(
      expect.arrayContaining([{ path: "title", message: "5자 이상 입력해 주세요." }]),
    );
    const english = await gql(
      yoga,
      CREATE,
      { input: { title: "x".repeat(200), body: "짧은 본문", categoryId: "1" } },
      { cookie, lang: "en" },
    );
    expect(english.errors?.[0]?.extensions?.issues).toEqual(
      expect.arrayContaining([{ path: "title", message: "Enter at most 80 characters." }]),
    );

    const anonymous = await gql(yoga, CREATE, { input: proposalInput(ref.categories.transport.id) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await db.prisma.proposal.count()).toBe(before);

    const malformed = await gql(yoga, `{ proposal(id: "abc") { id } }`);
    expect(malformed.errors?.[0]).toMatchObject({
      message: "입력 내용을 확인해 주세요.",
      extensions: { code: "VALIDATION", issues: [{ path: "id", message: "번호는 1 이상의 정수로 적어 주세요." }] },
    });
    const missing = await gql(yoga, `{ proposal(id: "987654") { id } }`);
    expect(missing.errors?.[0]).toMatchObject({ message: "제안을 찾을 수 없습니다.", extensions: { code: "NOT_FOUND" } });
    const tooMany = await gql(yoga, `{ proposals(first: 500) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("VALIDATION");
    const anonSupport = await gql(yoga, SUPPORT, { id: "1" });
    expect(anonSupport.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("masks unexpected errors", async () => {
    expectConsoleError(/database password is hunter2/); // the server log keeps the original
    const broken = createMadangYoga({
      domain,
      auth: {
        viewerFromApiRequest: async () => {
          throw new Error("database password is hunter2");
        },
      },
    });
    const result = await gql(broken, `{ districts { name } }`);
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("serves reference data", async () => {
    const result = await gql(
      yoga,
      `{ city { name supportThreshold } districts { name kind } categories { name } departments { name } viewer { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.city).toEqual({ name: "군산시", supportThreshold: 2 });
    expect(result.data.districts.map((d: any) => d.name)).toEqual(["나운2동", "옥구읍"]);
    expect(result.data.viewer).toBeNull();
  });
});

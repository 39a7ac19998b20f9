// Bad arguments through GraphQL are refused with VALIDATION and write nothing: ids are
// decimal strings or integers only, connection arguments are checked together, and text
// that is not valid UTF-8 (or a lone surrogate) is refused, not repaired into U+FFFD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { translate } from "../app/i18n/i18n.ts";
import { createReferenceData, createUser, proposalInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let cookie: string;
let proposalIds: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  ref = await createReferenceData(db.prisma);
  proposalIds = [];
  for (let i = 0; i < 16; i++) {
    const author = await createUser(db.prisma); // one each: proposing is rate limited per person
    const p = await domain.proposals.create(
      author,
      proposalInput(ref.categories.transport.id, { title: `입력 검사용 제안 ${i + 1}번입니다` }),
    );
    proposalIds.push(p.id);
  }
  cookie = await sessionCookieFor(db.prisma, (await createUser(db.prisma)).id);
});
afterAll(async () => {
  await db?.drop();
});

const counts = async () => ({
  proposals: await db.prisma.proposal.count(),
  supports: await db.prisma.support.count(),
  follows: await db.prisma.follow.count(),
  updates: await db.prisma.proposalUpdate.count(),
  comments: await db.prisma.comment.count(),
});
const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

describe("ids", () => {
  it("are decimal strings or integers: 0x10, 1e1, 016 and padded ids are VALIDATION, not proposal 16", async () => {
    expect(proposalIds).toContain(16);
    const before = await counts();
    for (const id of ["0x10", "1.6e1", "016", " 16", "16 ", "+16", "16.0", "0", "-16", "99999999999"]) {
      const support = await gql(yoga, `mutation($id: ID!) { supportProposal(id: $id) { supportCount } }`, { id }, { cookie });
      expect(codes(support), id).toEqual(["VALIDATION"]);
      expect(support.errors![0]!.extensions!.issues).toEqual([{ path: "id", message: translate("ko", "validation.invalidId") }]);
      const follow = await gql(yoga, `mutation($id: ID!) { followProposal(proposalId: $id) }`, { id }, { cookie });
      expect(codes(follow), id).toEqual(["VALIDATION"]);
      const read = await gql(yoga, `query($id: ID!) { proposal(id: $id) { id } }`, { id });
      expect(codes(read), id).toEqual(["VALIDATION"]);
      const create = await gql(
        yoga,
        `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
        { input: { ...proposalInput(0), categoryId: id } },
        { cookie },
      );
      expect(codes(create), id).toEqual(["VALIDATION"]);
    }
    // A boolean is not an ID at all: GraphQL refuses it before any resolver.
    const typed = await gql(yoga, `mutation($id: ID!) { supportProposal(id: $id) { supportCount } }`, { id: true }, { cookie });
    expect(codes(typed)).toEqual(["BAD_REQUEST"]);
    expect(await counts()).toEqual(before);
    // The plain forms work, as a string and as an integer.
    expect(codes(await gql(yoga, `mutation { supportProposal(id: "16") { supportCount } }`, {}, { cookie }))).toEqual([]);
    expect(codes(await gql(yoga, `mutation { followProposal(proposalId: 15) }`, {}, { cookie }))).toEqual([]);
  });
});

describe("connection arguments", () => {
  const page = (args: string) =>
    gql(
      yoga,
      `{ proposals(${args}, sort: NEWEST) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    );
  const issuesOf = (r: Awaited<ReturnType<typeof page>>) =>
    (r.errors?.[0]?.extensions?.issues as { path: string }[] | undefined)?.map((i) => i.path);

  it("refuses negative, zero and oversized sizes on first and last alike", async () => {
    for (const [args, path] of [
      ["last: -5", "last"],
      ["first: -1", "first"],
      ["first: 0", "first"],
      ["last: 51", "last"],
      ["first: 51", "first"],
    ] as const) {
      const answer = await page(args);
      expect(codes(answer), args).toEqual(["VALIDATION"]);
      expect(issuesOf(answer), args).toContain(path);
    }
  });

  it("refuses cursors that are not ours, last without before, and first with last", async () => {
    const forged = Buffer.from("OffsetConnection:-3").toString("base64");
    for (const args of [
      `after: "garbage"`,
      `before: "%%%"`,
      `after: "${forged}"`,
      `after: ""`,
      "last: 2",
      `first: 2, last: 2, before: "${Buffer.from("OffsetConnection:5").toString("base64")}"`,
    ]) {
      expect(codes(await page(args)), args).toEqual(["VALIDATION"]);
    }
  });

  it("pages forward with first/after and backward with last/before", async () => {
    const first = await page("first: 3");
    expect(first.errors).toBeUndefined();
    const ids = first.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toHaveLength(3);
    const next = await page(`first: 3, after: "${first.data.proposals.pageInfo.endCursor}"`);
    expect(next.data.proposals.pageInfo.hasPreviousPage).toBe(true);
    const back = await page(`last: 2, before: "${first.data.proposals.edges[2].cursor}"`);
    expect(back.errors).toBeUndefined();
    expect(back.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(back.data.proposals.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const none = await page(
      `first: 2, after: "${first.data.proposals.edges[1].cursor}", before: "${first.data.proposals.edges[2].cursor}"`,
    );
    expect(none.data.proposals).toMatchObject({ totalCount: 16, edges: [] });
  });
});

describe("text", () => {
  const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id title } }`;
  const post = (body: Uint8Array<ArrayBuffer> | string) =>
    yoga.fetch("http://madang.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "accept-language": "en" },
      body,
    });

  it("refuses a body with invalid UTF-8 instead of storing U+FFFD", async () => {
    const before = await counts();
    const json = JSON.stringify({
      query: CREATE,
      variables: {
        input: {
          ...proposalInput(ref.categories.transport.id),
          title: "TITLE-HERE 깨진 제목입니다",
          categoryId: String(ref.categories.transport.id),
        },
      },
    });
    const [head, tail] = json.split("TITLE-HERE");
    const bytes = Buffer.concat([Buffer.from(head!), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(tail!)]);
    const response = await post(new Uint8Array(bytes));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: translate("en", "errors.invalidText"), extensions: { code: "VALIDATION" } }],
    });
    expect(await counts()).toEqual(before);
    expect(await db.prisma.proposal.count({ where: { title: { contains: "\ufffd" } } })).toBe(0);
  });

  it("refuses a lone surrogate escaped in JSON", async () => {
    const before = await counts();
    const json = JSON.stringify({
      query: CREATE,
      variables: { input: { ...proposalInput(ref.categories.transport.id), title: "LONE 외톨이 서로게이트", categoryId: "1" } },
    }).replace("LONE", "\\ud800");
    const response = await post(json);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; issues: { path: string }[] } }[] };
    expect(body.errors[0]!.extensions.code).toBe("VALIDATION");
    expect(body.errors[0]!.extensions.issues[0]!.path).toBe("variables.input.title");
    expect(await counts()).toEqual(before);
  });

  it("is refused by the domain too, whatever edge it came through", async () => {
    const author = await createUser(db.prisma);
    await expect(
      domain.proposals.create(author, proposalInput(ref.categories.transport.id, { title: "외톨이 \udc00 서로게이트 제목" })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "title", key: "validation.invalidText" }],
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { createReferenceData, createUser } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
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

const FIELDS = "id title tags latitude longitude viewerCanEdit updates { bodyHtml } attachments { id fileName mimeType size url }";

describe("GraphQL proposal content", () => {
  it("creates with tags and a map point, edits until the first 공감, then only adds updates", async () => {
    const author = await createUser(db.prisma);
    const cookie = await sessionCookieFor(db.prisma, author.id);
    const input = {
      title: "은파호수공원에 자전거 보관대를 늘려 주세요",
      body: "주말마다 자전거를 세울 곳이 없어 산책로에 세워 둡니다. 보관대를 늘려 주세요.",
      categoryId: String(ref.categories.transport.id),
    };
    const created = await gql(
      yoga,
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { ${FIELDS} } }`,
      {
        input: { ...input, tags: ["자전거", " 자전거 ", "공원"], latitude: 35.9627, longitude: 126.6863 },
      },
      { cookie },
    );
    expect(created.errors).toBeUndefined();
    const proposal = created.data.createProposal;
    expect(proposal).toMatchObject({
      tags: ["자전거", "공원"],
      latitude: 35.9627,
      longitude: 126.6863,
      viewerCanEdit: true,
      updates: [],
      attachments: [],
    });

    const EDIT = `mutation($input: EditProposalInput!) { editProposal(input: $input) { ${FIELDS} } }`;
    const edited = await gql(
      yoga,
      EDIT,
      { input: { ...input, proposalId: proposal.id, title: "은파호수공원 자전거 보관대 확충", tags: ["자전거"] } },
      { cookie },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data.editProposal).toMatchObject({ title: "은파호수공원 자전거 보관대 확충", tags: ["자전거"], latitude: null });

    await domain.proposals.support(await createUser(db.prisma), proposal.id);
    const locked = await gql(yoga, EDIT, { input: { ...input, proposalId: proposal.id } }, { cookie });
    expect(locked.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const UPDATE = `mutation($id: ID!, $body: String!) { addProposalUpdate(proposalId: $id, body: $body) { ${FIELDS} } }`;
    const updated = await gql(yoga, UPDATE, { id: proposal.id, body: "보관대 후보지 **세 곳**을 정리했습니다." }, { cookie });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.addProposalUpdate.viewerCanEdit).toBe(false);
    expect(updated.data.addProposalUpdate.updates[0].bodyHtml).toContain("<strong>세 곳</strong>");

    const stranger = await sessionCookieFor(db.prisma, (await createUser(db.prisma)).id);
    const refused = await gql(yoga, UPDATE, { id: proposal.id, body: "남의 제안에 덧붙이려는 내용입니다." }, { cookie: stranger });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

// One visibility rule, asked everywhere: the predicate, the database filter and every read
// that shows a proposal (the page, the board, its comments, its attachments) agree for every
// viewer and every stage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createMemoryStorage } from "../../platform/storage.server.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import type { Viewer } from "../viewer.ts";
import { PROPOSAL_STATUSES } from "./proposal.types.ts";
import { canSeeProposal, visibleProposalWhere } from "./proposal.visibility.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const PNG_1x1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, storage: createMemoryStorage() });
  ref = await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const found = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    (e: { code?: string }) => {
      if (e.code === "NOT_FOUND") return false;
      throw e;
    },
  );

describe("proposal visibility", () => {
  it("is the same rule for the page, the board, the filter, the comments and the attachments", async () => {
    const others: [string, Viewer][] = [
      ["anonymous", null],
      ["citizen", await createUser(db.prisma)],
      ["moderator", await createUser(db.prisma, { roles: ["MODERATOR"] })],
    ];
    for (const status of PROPOSAL_STATUSES) {
      const author = await createUser(db.prisma);
      const viewers: [string, Viewer][] = [...others, ["author", author]];
      const proposal = await domain.proposals.create(
        author,
        proposalInput(ref.categories.transport.id, { title: `보이는 규칙을 확인하는 제안 ${status}` }),
      );
      const [file] = await domain.content.attach(author, { proposalId: proposal.id, fileName: "a.png", bytes: PNG_1x1 });
      await db.prisma.proposal.update({ where: { id: proposal.id }, data: { status } });
      for (const [who, viewer] of viewers) {
        const expected = canSeeProposal(viewer, { authorId: author.id, status });
        const seen = {
          page: await found(domain.proposals.get(viewer, proposal.id)),
          filter: (await db.prisma.proposal.count({ where: { id: proposal.id, ...visibleProposalWhere(viewer) } })) === 1,
          board: (await domain.proposals.list(viewer, { status, limit: 50 })).items.some((p) => p.id === proposal.id),
          comments: await found(domain.comments.ofProposal(viewer, proposal.id)),
          thread: await found(domain.comments.thread(viewer, proposal.id)),
          attachment: await found(domain.content.attachment(viewer, file!.id)),
        };
        expect({ who, status, ...seen }).toEqual({
          who,
          status,
          page: expected,
          filter: expected,
          board: expected,
          comments: expected,
          thread: expected,
          attachment: expected,
        });
      }
    }
  });

  it("keeps drafts to their author alone, and screening to the author and moderators", () => {
    const author = {
      id: 7,
      displayName: "작성자",
      roles: ["CITIZEN" as const],
      departmentId: null,
      verified: true,
      suspended: false,
      sessionId: "s",
    };
    const moderator = { ...author, id: 8, roles: ["CITIZEN" as const, "MODERATOR" as const] };
    expect(canSeeProposal(author, { authorId: 7, status: "DRAFT" })).toBe(true);
    expect(canSeeProposal(moderator, { authorId: 7, status: "DRAFT" })).toBe(false);
    expect(canSeeProposal(moderator, { authorId: 7, status: "SCREENING" })).toBe(true);
    expect(canSeeProposal(null, { authorId: 7, status: "SCREENING" })).toBe(false);
    expect(canSeeProposal(null, { authorId: 7, status: "MERGED" })).toBe(true);
  });
});

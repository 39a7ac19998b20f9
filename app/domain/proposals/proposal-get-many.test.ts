// getMany: the details of many proposals at once (GraphQL list items that ask for detail
// fields), with exactly what `get` shows each viewer and nothing `get` would refuse.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";

let db: TestDatabase;
let domain: Domain;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
const clock = { now: () => new Date("2026-11-01T09:00:00+09:00") };

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma, clock });
  ref = await createReferenceData(db.prisma, { threshold: 3 });
});
afterAll(async () => {
  await db?.drop();
});

it("gives what get gives, per viewer, and leaves out what the viewer may not see", async () => {
  const author = await createUser(db.prisma);
  const reader = await createUser(db.prisma);
  const open = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
  const other = await domain.proposals.create(author, { ...proposalInput(ref.categories.transport.id), title: "다른 제안의 제목입니다" });
  const draft = await domain.proposals.create(author, proposalInput(ref.categories.transport.id), { draft: true });

  const forReader = await domain.proposals.getMany(reader, [open.id, other.id, draft.id, 999_999, open.id]);
  expect([...forReader.keys()].sort()).toEqual([open.id, other.id].sort());
  expect(forReader.get(open.id)).toEqual(await domain.proposals.get(reader, open.id));
  expect(forReader.get(other.id)).toEqual(await domain.proposals.get(reader, other.id));

  const forAnonymous = await domain.proposals.getMany(null, [open.id, draft.id]);
  expect(forAnonymous.get(open.id)).toEqual(await domain.proposals.get(null, open.id));
  expect(forAnonymous.has(draft.id)).toBe(false);

  const forAuthor = await domain.proposals.getMany(author, [draft.id]);
  expect(forAuthor.get(draft.id)).toEqual(await domain.proposals.get(author, draft.id));

  expect((await domain.proposals.getMany(reader, [])).size).toBe(0);
});

// Who may follow a round live: anyone once it is published, moderators before; a published
// round is read once, and again after an event about it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, roundInput } from "../../../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { countQueries, withQueryCount } from "../../db/query-count.server.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";

let db: TestDatabase;
let domain: Domain;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: withQueryCount(db.prisma) });
});
afterAll(async () => {
  await db?.drop();
});

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => "OK",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("roundRooms.admit", () => {
  it("admits moderators only to a draft, and everyone once it is published, reading it once", async () => {
    const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
    const citizen = await createUser(db.prisma);
    const draft = await domain.rounds.create(moderator, roundInput(new Date(Date.now() + 60 * 60_000)));
    expect(await codeOf(domain.roundRooms.admit(citizen, draft.id))).toBe("NOT_FOUND");
    expect(await codeOf(domain.roundRooms.admit(null, draft.id))).toBe("NOT_FOUND");
    expect(await codeOf(domain.roundRooms.admit(moderator, draft.id))).toBe("OK");
    expect(await codeOf(domain.roundRooms.admit(null, 987_654))).toBe("NOT_FOUND");
    expect(await codeOf(domain.roundRooms.admit(null, "nonsense"))).toBe("VALIDATION");

    await domain.rounds.publish(moderator, draft.id);
    const crowd = await countQueries(() => Promise.all(Array.from({ length: 20 }, () => domain.roundRooms.admit(null, draft.id))));
    expect(crowd.result).toEqual(Array(20).fill(draft.id));
    expect(crowd.operations).toEqual(["Round.findUnique"]);
    expect((await countQueries(() => domain.roundRooms.admit(citizen, draft.id))).count).toBe(0);

    domain.events.publish("round.changed", { roundId: draft.id, change: "settings" });
    expect((await countQueries(() => domain.roundRooms.admit(null, draft.id))).count).toBe(1);
  });
});

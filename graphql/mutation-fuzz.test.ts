// Property-based fuzz of every GraphQL mutation's arguments. The mutations are read from the
// schema itself, so a new one is fuzzed without touching this file. Each run declares the
// arguments as variables of their real types and sends values shaped like those types but
// random (so coercion passes and the resolvers and the domain see them), or any JSON value
// instead (so coercion is exercised), as an anonymous caller, a citizen, a moderator or an
// administrator. Whatever happens: no 5xx, every error has a known `extensions.code` that is
// not INTERNAL, and a mutation that failed wrote nothing (row counts of every table).
import { createRequire } from "node:module";
import fc from "fast-check";
import type * as GraphQLModule from "graphql";
import type { GraphQLField, GraphQLInputType, GraphQLNamedType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain } from "../app/platform/compose.server.ts";
import { createRateLimiter, DEFAULT_LIMITS } from "../app/platform/rate-limits.server.ts";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { API_ERROR_CODES } from "./errors.ts";
import { schema } from "./schema.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

// The schema is built with the CommonJS graphql (as Yoga and Pothos load it); its type
// predicates must come from the same copy.
const graphql = createRequire(import.meta.url)("graphql") as typeof GraphQLModule;

const NUM_RUNS = 24;
type Persona = "anonymous" | "citizen" | "moderator" | "admin";

let db: TestDatabase;
let yoga: MadangYoga;
let users: Record<Exclude<Persona, "anonymous">, number>;
let tables: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  // The fuzz is about argument shapes, not rates: limits high enough never to answer.
  const unlimited = { points: 1_000_000, durationSeconds: 60 };
  const limits = createRateLimiter({ limits: Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((bucket) => [bucket, unlimited])) });
  const domain = createDomain({ prisma: db.prisma, limits });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });

  // A small world, so that small random ids often name something real.
  const ref = await createReferenceData(db.prisma);
  const citizen = await createUser(db.prisma, { districtId: ref.districts.naun.id });
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const admin = await createUser(db.prisma, { roles: ["ADMIN"] });
  users = { citizen: citizen.id, moderator: moderator.id, admin: admin.id };
  for (let i = 0; i < 3; i++) {
    const author = await createUser(db.prisma);
    const proposal = await domain.proposals.create(
      author,
      proposalInput(ref.categories.transport.id, { title: `퍼즈 테스트용 제안 ${i + 1}번입니다` }),
    );
    await domain.comments.post(citizen, { proposalId: proposal.id, body: "의견을 남깁니다. 좋은 제안입니다.", stance: "PRO" });
  }
  const round = await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)));
  await domain.rounds.publish(moderator, round.id);

  const rows = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  tables = rows.map((r) => r.name);
  expect(tables.length).toBeGreaterThan(20);
});
afterAll(async () => {
  await db?.drop();
});

/** Row counts of every table, in one round trip. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.prisma.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

const idLike = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map(String),
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom("0x1", "1e0", " 1", "01", "+1", "1.0", "", "99999999999", "2147483648", "١"),
  fc.string({ maxLength: 12 }),
);
const textLike = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  // Plausible Korean text of a valid length, so that validation passes and deeper rules run.
  fc.constantFrom(
    "월명동 골목에 공영주차장을 만들어 주세요",
    "주말마다 관광객 차량으로 골목이 막힙니다. 공영주차장이 필요합니다.",
    "동의합니다",
    "madang-demo-2026",
  ),
  fc.constantFrom("\ud800", "끝\udc00", "<script>alert(1)</script>", '\'; DROP TABLE "User"; --', "a".repeat(6000)),
);
const intLike = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.integer(), fc.constantFrom(0, 2_147_483_647, -2_147_483_648));
const floatLike = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 10_000_000_000 }),
  fc.constantFrom(35.9, 126.7, 0.5),
);
const dateLike = fc.oneof(
  fc
    .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-02-30", "2026-11-01", "yesterday", "1700000000"),
);

/**
 * Values shaped like the input type, with any JSON value now and then instead (rarely inside
 * input objects, so that big inputs still pass coercion often enough to reach the domain).
 */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedValueFor(type, depth);
  return fc.oneof({ arbitrary: shaped, weight: depth === 0 ? 6 : 40 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
}

function shapedValueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (graphql.isNonNullType(type)) return shapedValueFor(type.ofType, depth);
  if (graphql.isListType(type)) return fc.array(valueFor(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  if (graphql.isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (graphql.isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, depth > 2 ? fc.constant(null) : valueFor(f.type, depth + 1)]));
    return fc.record(model, { requiredKeys: fields.filter((f) => graphql.isNonNullType(f.type)).map((f) => f.name) });
  }
  switch (type.name) {
    case "ID":
      return idLike;
    case "String":
      return textLike;
    case "Int":
      return intLike;
    case "Float":
      return floatLike;
    case "Boolean":
      return fc.boolean();
    case "DateTime":
      return dateLike;
    case "JSON":
      return fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(textLike, fc.oneof(textLike, intLike, fc.boolean())));
    default:
      throw new Error(`no generator for scalar ${type.name}`);
  }
}

/** `{ __typename …leaf fields }` for an object result, so its field resolvers run too. */
function selectionFor(type: GraphQLNamedType): string {
  if (graphql.isLeafType(type)) return "";
  if (!graphql.isObjectType(type)) return "{ __typename }";
  const leaves = Object.values(type.getFields())
    .filter((f) => graphql.isLeafType(graphql.getNamedType(f.type)) && f.args.every((a) => !graphql.isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(" ")} }`;
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return `mutation Fuzz${declared ? `(${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${selectionFor(graphql.getNamedType(field.type))} }`;
}

function variablesFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type)])), {
    // Required arguments are usually given (a missing one is its own small case).
    requiredKeys: field.args.filter((a) => graphql.isNonNullType(a.type)).map((a) => a.name),
  });
}

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

const mutations = Object.values(schema.getMutationType()!.getFields());

describe("fuzzing every GraphQL mutation's arguments", () => {
  it("covers every mutation in the schema", () => {
    expect(mutations.length).toBeGreaterThan(50);
  });

  for (const field of mutations) {
    it(`${field.name}: no 5xx, coded errors (never INTERNAL), nothing written when refused`, async () => {
      const operation = operationFor(field);
      const personas = fc.constantFrom<Persona>("anonymous", "citizen", "moderator", "admin");
      await fc.assert(
        fc.asyncProperty(personas, variablesFor(field), fc.constantFrom("ko", "en"), async (persona, variables, lng) => {
          const cookie = persona === "anonymous" ? "" : await sessionCookieFor(db.prisma, users[persona]);
          const before = await rowCounts();
          const response = await yoga.fetch("http://madang.test/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", "accept-language": lng, ...(cookie ? { cookie } : {}) },
            body: JSON.stringify({ query: operation, variables }),
          });
          expect(response.status).toBeLessThan(500);
          const answer = (await response.json()) as Answer;
          for (const error of answer.errors ?? []) {
            expect(API_ERROR_CODES, error.message).toContain(error.extensions?.code);
            expect(error.extensions?.code, error.message).not.toBe("INTERNAL");
          }
          const refused =
            (answer.errors?.length ?? 0) > 0 && (answer.data === null || answer.data === undefined || answer.data[field.name] === null);
          if (refused) expect(await rowCounts()).toEqual(before);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }
});

// The error contract (README, "GraphQL"): every refusal carries `extensions.code` and a
// message in the caller's language — query limits, syntax and schema errors, variable
// coercion, unreadable requests, the CSRF refusal — not only the domain's own errors; and
// unexpected failures say INTERNAL without leaking what happened.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { translate, type Language } from "../app/i18n/i18n.ts";
import { createReferenceData } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { createMadangYoga, QUERY_LIMITS, type MadangYoga } from "./yoga.ts";

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

type Sent = { method?: string; body?: string; headers?: Record<string, string>; search?: string };
type Answer = { status: number; errors: { message: string; extensions?: Record<string, unknown> }[] };

/** Sends a raw request; the language is chosen by Accept-Language ("en") or the lng cookie. */
async function send(via: MadangYoga, { method = "POST", body, headers = {}, search = "" }: Sent, lng: Language): Promise<Answer> {
  const language: Record<string, string> = lng === "en" ? { cookie: "lng=en" } : { "accept-language": "ko-KR,ko;q=0.9" };
  const init: RequestInit = {
    method,
    headers: { ...(method === "GET" ? {} : { "content-type": "application/json" }), ...language, ...headers },
  };
  if (method !== "GET") init.body = body ?? null;
  const response = await via.fetch(`http://madang.test/graphql${search}`, init);
  const json = (await response.json()) as { errors?: Answer["errors"] };
  return { status: response.status, errors: json.errors ?? [] };
}
const query = (q: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: q, variables });

const deep = `{ ${"a { ".repeat(QUERY_LIMITS.maxDepth + 2)}b${" }".repeat(QUERY_LIMITS.maxDepth + 2)} }`;
const aliases = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: city { name }`).join(" ")} }`;
const tokens = `{ ${"city { name } ".repeat(QUERY_LIMITS.maxTokens / 4 + 50)} }`;
const node =
  "id title body excerpt status supportCount commentCount author { id displayName } district { id name code } category { id name code } timeline { status at }";
const costly = `{ proposals(first: 50) { totalCount edges { cursor node { ${node} } } } }`;

type Case = { name: string; sent: Sent; code: string; status: number; key: string; params?: Record<string, string | number> };
const cases: Case[] = [
  {
    name: "depth limit",
    sent: { body: query(deep) },
    code: "QUERY_TOO_COMPLEX",
    status: 400,
    key: "errors.graphql.depth",
    params: { max: QUERY_LIMITS.maxDepth },
  },
  {
    name: "alias limit",
    sent: { body: query(aliases) },
    code: "QUERY_TOO_COMPLEX",
    status: 400,
    key: "errors.graphql.aliases",
    params: { max: QUERY_LIMITS.maxAliases },
  },
  {
    name: "token limit",
    sent: { body: query(tokens) },
    code: "QUERY_TOO_COMPLEX",
    status: 400,
    key: "errors.graphql.tokens",
    params: { max: QUERY_LIMITS.maxTokens },
  },
  {
    name: "cost limit",
    sent: { body: query(costly) },
    code: "QUERY_TOO_COMPLEX",
    status: 400,
    key: "errors.graphql.cost",
    params: { max: QUERY_LIMITS.maxCost },
  },
  { name: "syntax error", sent: { body: query("{ city { ") }, code: "BAD_REQUEST", status: 400, key: "errors.graphql.syntax" },
  {
    name: "unknown field",
    sent: { body: query("{ city { population } }") },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.invalid",
  },
  {
    name: "wrong argument type",
    sent: { body: query(`{ proposal(id: true) { id } }`) },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.invalid",
  },
  {
    name: "introspection (off outside development)",
    sent: { body: query("{ __schema { queryType { name } } }") },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.introspection",
  },
  {
    name: "variable of the wrong type",
    sent: { body: query("query($id: ID!) { proposal(id: $id) { id } }", { id: true }) },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.variable",
    params: { name: "id" },
  },
  {
    name: "missing required variable",
    sent: { body: query("query($id: ID!) { proposal(id: $id) { id } }") },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.variable",
    params: { name: "id" },
  },
  {
    name: "DateTime that is not ISO 8601",
    sent: { body: query('mutation($d: DateTime) { addMilestone(proposalId: 1, title: "단계", dueAt: $d) }', { d: 5 }) },
    code: "BAD_REQUEST",
    status: 400,
    key: "errors.graphql.variable",
    params: { name: "d" },
  },
  { name: "body that is not JSON", sent: { body: "{not json" }, code: "BAD_REQUEST", status: 400, key: "errors.graphql.request" },
  { name: "no query", sent: { body: "{}" }, code: "BAD_REQUEST", status: 400, key: "errors.graphql.request" },
  {
    name: "unsupported content type",
    sent: { body: "<q/>", headers: { "content-type": "application/xml" } },
    code: "BAD_REQUEST",
    status: 415,
    key: "errors.graphql.request",
  },
  {
    name: "mutation sent with GET",
    sent: { method: "GET", search: `?query=${encodeURIComponent("mutation { logOut }")}`, headers: { "x-graphql-csrf": "1" } },
    code: "BAD_REQUEST",
    status: 405,
    key: "errors.graphql.mutationViaGet",
  },
  {
    name: "CSRF: a simple request without the header",
    sent: { body: query("mutation { logOut }"), headers: { "content-type": "text/plain" } },
    code: "FORBIDDEN",
    status: 403,
    key: "errors.csrf",
  },
  {
    name: "CSRF: a GET without the header",
    sent: { method: "GET", search: `?query=${encodeURIComponent("{ city { name } }")}` },
    code: "FORBIDDEN",
    status: 403,
    key: "errors.csrf",
  },
];

describe("every GraphQL refusal is coded and localized", () => {
  for (const c of cases) {
    it(`${c.name}: ${c.code}`, async () => {
      for (const lng of ["ko", "en"] as const) {
        const answer = await send(yoga, c.sent, lng);
        expect(answer.status).toBe(c.status);
        expect(answer.errors.length).toBeGreaterThan(0);
        for (const error of answer.errors) {
          expect(error.extensions?.code).toBe(c.code);
          expect(error.message).toBe(translate(lng, c.key, c.params));
        }
      }
      // The two languages really differ (no English fallback in Korean).
      const [ko, en] = [await send(yoga, c.sent, "ko"), await send(yoga, c.sent, "en")];
      expect(ko.errors[0]!.message).not.toBe(en.errors[0]!.message);
    });
  }

  it("keeps the domain's own codes, messages and issues", async () => {
    const missing = await send(yoga, { body: query(`{ proposal(id: "987654") { id } }`) }, "en");
    expect(missing.status).toBe(200);
    expect(missing.errors).toMatchObject([{ message: "Proposal not found.", extensions: { code: "NOT_FOUND" } }]);
    const anonymous = await send(yoga, { body: query("mutation { supportProposal(id: 1) { supportCount } }") }, "ko");
    expect(anonymous.errors).toMatchObject([{ message: "로그인이 필요합니다.", extensions: { code: "UNAUTHENTICATED" } }]);
  });

  it("answers an unexpected failure with INTERNAL and a generic message, never its text", async () => {
    const broken: Domain = {
      ...domain,
      catalog: { ...domain.catalog, city: () => Promise.reject(new Error("connection to /var/secret refused")) },
    };
    const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
    const brokenYoga = createMadangYoga({ domain: broken, auth });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      for (const lng of ["ko", "en"] as const) {
        const response = await brokenYoga.fetch("http://madang.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": lng },
          body: query("{ city { name } }"),
        });
        const text = await response.text();
        expect(text).not.toMatch(/secret|refused|stack/i);
        expect(JSON.parse(text).errors).toEqual([
          expect.objectContaining({ message: translate(lng, "errors.internal"), extensions: { code: "INTERNAL" } }),
        ]);
      }
      expect(logged).toHaveBeenCalled(); // the original goes to the server log
    } finally {
      logged.mockRestore();
    }
  });

  it("names the limit or the problem for developers in extensions.detail, in the schema's words", async () => {
    const answer = await send(yoga, { body: query("{ city { population } }") }, "ko");
    expect(answer.errors[0]!.extensions?.detail).toBe('Cannot query field "population" on type "City".');
    const flood = await send(yoga, { body: query(aliases) }, "ko");
    expect(flood.errors[0]!.extensions?.detail).toMatch(/Aliases limit of 15 exceeded/);
  });
});

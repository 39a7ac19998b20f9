// The security baseline at the HTTP edge: CSRF defence, GraphQL query limits and
// introspection, security headers, request size, rate limits (in memory and in Redis).
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../app/platform/rate-limits.server.ts";
import { createReferenceData, createUser } from "../factories.ts";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "../setup/test-database.ts";
import { startTestServer } from "../utils/server.ts";
import { sessionCookieFor } from "../utils/session.ts";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await createReferenceData(db.prisma);
  app = await startTestServer(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const json = { "content-type": "application/json" };
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: "POST", headers, body });

describe("CSRF defence", () => {
  it("refuses state-changing requests from other sites, with a localized message", async () => {
    const cookie = await sessionCookieFor(db.prisma, (await createUser(db.prisma)).id);
    const fromEvil = await post("/graphql", JSON.stringify({ query: "mutation { logOut }" }), {
      ...json,
      cookie,
      origin: "https://evil.example",
    });
    expect(fromEvil.status).toBe(403);
    expect(await fromEvil.json()).toEqual({
      errors: [
        {
          message: "다른 사이트에서 보낸 요청은 받을 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
          extensions: { code: "FORBIDDEN" },
        },
      ],
    });
    const form = await post("/proposals/1", "intent=support", {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      origin: "https://evil.example",
      "accept-language": "en",
    });
    expect(form.status).toBe(403);
    expect((await form.json()).error.message).toBe("Requests sent from other sites are not accepted. Reload the page and try again.");
    const crossSite = await post("/proposals/1", "intent=support", {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    // Our own pages pass.
    const own = await post("/graphql", JSON.stringify({ query: "{ viewer { id } }" }), { ...json, cookie, origin: app.url });
    expect(own.status).toBe(200);
  });

  it("refuses GraphQL requests a plain HTML form could send", async () => {
    const formEncoded = await post("/graphql", "query=mutation%20%7B%20logOut%20%7D", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(formEncoded.status).toBeGreaterThanOrEqual(400);
    const viaGet = await fetch(`${app.url}/graphql?query=${encodeURIComponent("mutation { logOut }")}`, {
      headers: { "x-graphql-csrf": "1" },
    });
    expect(viaGet.status).toBe(405);
  });
});

describe("GraphQL limits", () => {
  it("refuses alias floods, oversized documents and pages over 50, and hides the schema outside development", async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: city { name }`).join(" ");
    const flood = await (await post("/graphql", JSON.stringify({ query: `{ ${aliases} }` }), json)).json();
    expect(flood.errors[0]).toMatchObject({
      message: "쿼리에 별칭(alias)이 너무 많습니다. 15개까지 쓸 수 있습니다.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    });
    const huge = await (await post("/graphql", JSON.stringify({ query: `{ ${"city { name } ".repeat(600)} }` }), json)).json();
    expect(huge.errors[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX", detail: expect.stringMatching(/token/i) } });
    const page = await (await post("/graphql", JSON.stringify({ query: "{ proposals(first: 51) { totalCount } }" }), json)).json();
    expect(page.errors[0].extensions.code).toBe("VALIDATION");
    const introspection = await (await post("/graphql", JSON.stringify({ query: "{ __schema { types { name } } }" }), json)).json();
    expect(introspection.errors[0]).toMatchObject({
      message: "스키마 조회(introspection)는 꺼져 있습니다.",
      extensions: { code: "BAD_REQUEST" },
    });
  });
});

describe("HTTP hardening", () => {
  it("sends security headers with a fresh script nonce per response", async () => {
    const a = await fetch(`${app.url}/healthz`);
    const b = await fetch(`${app.url}/healthz`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses bodies over 1 MiB before reading them", async () => {
    const big = await post("/graphql", JSON.stringify({ query: "{ city { name } }", pad: "x".repeat(1_100_000) }), json);
    expect(big.status).toBe(413);
  });
});

describe("rate limits", () => {
  it("trip for sign-ups from one address, with a localized message", async () => {
    const signUp = (i: number) =>
      post(
        "/graphql",
        JSON.stringify({
          query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
          variables: {
            input: {
              email: `rl${i}-${Date.now()}@example.kr`,
              displayName: "속도제한",
              password: "rate limit password",
              passwordConfirm: "rate limit password",
              consentPrivacy: true,
            },
          },
        }),
        json,
      ).then((r) => r.json());
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await signUp(i));
    expect(results.slice(0, 10).every((r) => !r.errors)).toBe(true);
    expect(results[10].errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    expect(results[10].errors[0].message).toMatch(/^요청이 너무 많습니다\. \d+분 뒤에 다시 시도해 주세요\.$/);
  });

  it.skipIf(!testRedisUrl)("are shared by every node through Redis", async () => {
    const clients = [createClient({ url: testRedisUrl }), createClient({ url: testRedisUrl })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const limits = { support: { points: 3, durationSeconds: 60 } };
      const [nodeA, nodeB] = clients.map((redis) => createRateLimiter({ redis: redis as never, limits }));
      const key = `shared-${Date.now()}`;
      await nodeA!.consume("support", key);
      await nodeB!.consume("support", key);
      await nodeA!.consume("support", key);
      await expect(nodeB!.consume("support", key)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
    }
  });
});

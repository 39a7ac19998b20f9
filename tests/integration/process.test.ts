// The real server process, as `npm start` runs it: boots on a fresh database, serves the
// seeded demo, shuts down cleanly on SIGTERM, and keeps every acknowledged 공감 across a
// clean restart and across kill -9.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed.ts";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../setup/test-database.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

type Running = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

async function startProcess(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", COOKIE_SECURE: "false", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // The first start builds nothing but migrates and seeds the demo city through the domain.
  const deadline = started + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      console.log(`server ready in ${Date.now() - started} ms (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
      return { child, url, output: () => output, exited };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready within 90 s:\n${output}`);
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/proposals" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function graphql(url: string, query: string, cookie?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: any; errors?: unknown[] };
}

const engines = [{ name: "embedded PGlite", postgres: false }, ...(testPostgresUrl ? [{ name: "PostgreSQL", postgres: true }] : [])];

describe.each(engines)("server process on $name", ({ postgres }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "madang-process-"));
  let pg: TestDatabase | undefined;
  let env: Record<string, string>;

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  });

  it("serves the seeded demo, and keeps acknowledged 공감 across SIGTERM and kill -9", async () => {
    env = { DATA_DIR: dataDir };
    if (postgres) {
      pg = await createTestDatabase();
      await pg.close(); // the server process migrates and seeds it; keep only the name
      env = {
        ...env,
        DATABASE_URL: pg.url!,
        SESSION_SECRET: "process-test-secret-0123456789",
        IDENTITY_HASH_KEY: "process-test-identity-key-0123",
      };
    }

    let server = await startProcess(env);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await (await fetch(`${server.url}/readyz`)).json()).database).toBe(postgres ? "postgres" : "pglite");
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("군산시");
    expect((await fetch(`${server.url}/proposals/not-a-number`)).status).toBe(404);

    const open = await graphql(
      server.url,
      `
        {
          proposals(first: 10, filter: { status: OPEN }, sort: NEWEST) {
            edges {
              node {
                id
                supportCount
              }
            }
          }
        }
      `,
    );
    const ids: string[] = open.data.proposals.edges.map((e: any) => e.node.id);
    const before = new Map<string, number>(open.data.proposals.edges.map((e: any) => [e.node.id, e.node.supportCount]));
    const cookie = await login(server.url, "citizen@demo.madang");
    const acked = await graphql(server.url, `mutation { supportProposal(id: "${ids[0]}") { supportCount changed } }`, cookie);
    expect(acked.data.supportProposal).toEqual({ supportCount: before.get(ids[0]!)! + 1, changed: true });

    // The web (Remix loader data) and GraphQL give the same proposal: both call one domain service.
    const web = await (
      await fetch(`${server.url}/proposals/${ids[0]}?_data=${encodeURIComponent("routes/proposals.$id")}`, { headers: { cookie } })
    ).json();
    const api = await graphql(
      server.url,
      `{ proposal(id: "${ids[0]}") { id title body status supportCount commentCount viewerHasSupported closesAt district { name } category { name } stance { pro con neutral } } }`,
      cookie,
    );
    const p = web.proposal;
    expect(api.data.proposal).toEqual({
      id: String(p.id),
      title: p.title,
      body: p.body,
      status: p.status,
      supportCount: p.supportCount,
      commentCount: p.commentCount,
      viewerHasSupported: p.viewerHasSupported,
      closesAt: p.closesAt,
      district: p.district && { name: p.district.name },
      category: { name: p.category.name },
      stance: p.stance,
    });

    // Graceful shutdown: exits on its own, database closed.
    server.child.kill("SIGTERM");
    const code = await server.exited;
    expect(code, server.output()).toBe(0);

    server = await startProcess(env);
    expect(server.output()).not.toContain("Seeded the demo city"); // seeded once only
    const afterRestart = await graphql(server.url, `{ proposal(id: "${ids[0]}") { supportCount viewerHasSupported } }`, cookie);
    expect(afterRestart.data.proposal).toEqual({ supportCount: before.get(ids[0]!)! + 1, viewerHasSupported: true });

    // Crash: every 공감 that was acknowledged before kill -9 is there after restart.
    for (const id of ids.slice(1, 6)) {
      const r = await graphql(server.url, `mutation { supportProposal(id: "${id}") { changed } }`, cookie);
      expect(r.data.supportProposal.changed).toBe(true);
    }
    server.child.kill("SIGKILL");
    await server.exited;

    server = await startProcess(env);
    const recount = await graphql(
      server.url,
      `
        {
          proposals(first: 10, filter: { status: OPEN }, sort: NEWEST) {
            edges {
              node {
                id
                supportCount
                viewerHasSupported
              }
            }
          }
        }
      `,
      cookie,
    );
    const now = new Map<string, any>(recount.data.proposals.edges.map((e: any) => [e.node.id, e.node]));
    for (const id of ids.slice(0, 6)) {
      expect(now.get(id)).toMatchObject({ supportCount: before.get(id)! + 1, viewerHasSupported: true });
    }
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 300_000);
});

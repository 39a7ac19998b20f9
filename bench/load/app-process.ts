// The app under test as its own process, started the way `npm start` starts it (server.ts
// main(): migrate, seed if asked, serve), so that its CPU time and memory are its own and
// can be read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../../scripts/ensure-build.ts";
import { sleep } from "./stats.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Known to the bench so it can sign session cookies the way the app reads them. */
export const BENCH_SESSION_SECRET = "madang-bench-session-secret-0123456789";
const BENCH_IDENTITY_KEY = "madang-bench-identity-hash-key-0123456789";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** `npm start` builds the web app when needed; so does the bench (server.ts refuses to start without a build). */
export function ensureAppBuilt(): void {
  if (!ensureBuilt()) throw new Error("building the web app failed (see above)");
}

export type AppProcess = {
  pid: number;
  url: string;
  child: ChildProcess;
  /** The last 64 KB of its output. */
  output(): string;
  stop(): Promise<number | null>;
};

/** A child process spawned with `node --import tsx`, its output kept (the tail) for error messages. */
export function spawnTs(script: string, env: NodeJS.ProcessEnv, ipc = false, nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    cwd: ROOT,
    env,
    stdio: ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    serialization: "advanced",
  });
  let output = "";
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 65_536) output = output.slice(-65_536);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function startApp(env: Record<string, string>, { timeoutMs = 180_000 } = {}): Promise<AppProcess> {
  const port = await freePort();
  const inherited = { ...process.env };
  for (const name of ["DATABASE_URL", "DATA_DIR", "REDIS_URL", "PUBLIC_URL", "ALLOWED_ORIGINS", "NODE_OPTIONS"]) delete inherited[name];
  const { child, output, exited } = spawnTs(
    "server.ts",
    {
      ...inherited,
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      SESSION_SECRET: BENCH_SESSION_SECRET,
      IDENTITY_HASH_KEY: BENCH_IDENTITY_KEY,
      // Every bench client comes with its own X-Forwarded-For, like clients behind a load balancer.
      TRUST_PROXY: "1",
      MAIL_TRANSPORT: "file",
      ...env,
      // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app alone.
    },
    false,
    (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited early (code ${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { pid: child.pid!, url, child, output, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`the app did not become ready within ${timeoutMs} ms:\n${output()}`);
}

const CLOCK_TICKS = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(result.stdout?.trim()) || 100;
})();

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory now and at its peak, in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

// The PGlite data-directory lock on its own: who holds it, and when a lock is stale. The
// cross-process behaviour (a second server refused, a killed server's lock taken over) is in
// tests/integration/pglite-directory.test.ts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./database.server.ts";
import { DataDirLockedError, lockDataDir, lockFileFor, type LockHolder } from "./data-dir.server.ts";

const root = mkdtempSync(path.join(tmpdir(), "madang-lock-"));
let n = 0;
const freshDir = () => path.join(root, `dir${++n}`, "pglite");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A lock file as a holder would have written it, with some fields changed. */
async function plantLock(dataDir: string, change: (holder: LockHolder) => Partial<LockHolder>) {
  const lock = await lockDataDir(dataDir);
  lock.release();
  expect(existsSync(lock.file)).toBe(false);
  writeFileSync(lock.file, JSON.stringify({ ...lock.holder, ...change(lock.holder) }));
  return lock.file;
}

const holderIn = (file: string) => JSON.parse(readFileSync(file, "utf8")) as LockHolder;

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("PGlite data directory lock", () => {
  it("is held while the database is open and refuses a second opener in the same process", async () => {
    const dataDir = freshDir();
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(holderIn(lockFileFor(dataDir))).toMatchObject({ pid: process.pid });
      const second = openDatabase({ kind: "pglite", dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(`The embedded database directory ${dataDir} is in use by this process (pid ${process.pid})`);
      await db.ping();
    } finally {
      await db.close();
    }
    expect(existsSync(lockFileFor(dataDir))).toBe(false);
  });

  it("takes over a lock whose process is gone", async () => {
    const dataDir = freshDir();
    const pid = deadPid();
    const file = await plantLock(dataDir, () => ({ pid, startTicks: undefined }));
    const lock = await lockDataDir(dataDir);
    expect(holderIn(file)).toMatchObject({ pid: process.pid, token: lock.holder.token });
    lock.release();
  });

  it.skipIf(!existsSync("/proc/self/stat"))("takes over a lock whose pid now belongs to a younger process (pid reuse)", async () => {
    const dataDir = freshDir();
    const younger = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30_000)"], { stdio: "ignore" });
    try {
      // Recorded as started at tick 1 after boot: the live process with that pid started later.
      const file = await plantLock(dataDir, () => ({ pid: younger.pid!, startTicks: "1" }));
      const lock = await lockDataDir(dataDir);
      expect(holderIn(file).pid).toBe(process.pid);
      lock.release();
    } finally {
      younger.kill("SIGKILL");
    }
  });

  it.skipIf(!existsSync("/proc/self/stat"))("takes over a lock whose process was killed but not yet reaped (a zombie)", async () => {
    const dataDir = freshDir();
    // A shell that execs into a process it then kills with SIGKILL, and never waits for it.
    const parent = spawn("sh", ["-c", "sleep 30 & echo $!; kill -9 $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d).trim()))));
      for (let i = 0; i < 50 && !readFileSync(`/proc/${zombie}/stat`, "utf8").includes(") Z "); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(readFileSync(`/proc/${zombie}/stat`, "utf8")).toContain(") Z ");
      const file = await plantLock(dataDir, () => ({ pid: zombie, startTicks: undefined }));
      const lock = await lockDataDir(dataDir);
      expect(holderIn(file).pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it.skipIf(!existsSync("/proc/sys/kernel/random/boot_id"))("takes over a lock from before the machine restarted", async () => {
    const dataDir = freshDir();
    // The pid is alive (this test runner's parent), but the boot id is another boot's.
    const file = await plantLock(dataDir, () => ({
      pid: process.ppid,
      startTicks: undefined,
      bootId: "00000000-0000-0000-0000-000000000000",
    }));
    const lock = await lockDataDir(dataDir);
    expect(holderIn(file).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock file that holds no lock (e.g. the disk filled up)", async () => {
    const dataDir = freshDir();
    const file = await plantLock(dataDir, () => ({}));
    writeFileSync(file, "");
    const lock = await lockDataDir(dataDir);
    expect(holderIn(file).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses a lock held on another machine, which it cannot check, and says so", async () => {
    const dataDir = freshDir();
    const file = await plantLock(dataDir, () => ({ hostname: "other-node.example", pid: 4242 }));
    await expect(lockDataDir(dataDir)).rejects.toThrow(`pid 4242 (`);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`on host other-node.example`);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`delete the lock file ${file}`);
    expect(holderIn(file).pid).toBe(4242); // left alone
  });

  it("gives the lock to exactly one of several processes racing for a stale lock", async () => {
    const dataDir = freshDir();
    await plantLock(dataDir, () => ({ pid: deadPid() }));
    const go = path.join(root, `go${n}`);
    // Each racer waits for the starting signal, then takes the lock; the winner keeps it a while.
    const script = `
      import { existsSync } from "node:fs";
      import { lockDataDir } from ${JSON.stringify(path.resolve(import.meta.dirname, "data-dir.server.ts"))};
      console.log("ready");
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
      try { await lockDataDir(process.argv[1]); console.log("got"); setTimeout(() => {}, 4_000); }
      catch (e) { console.log(e.name); }`;
    const racers = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dataDir], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      const ready = new Promise<void>((resolve) => child.stdout.on("data", (d) => (out += d).includes("ready") && resolve()));
      const done = new Promise<string>((resolve) => child.once("exit", () => resolve(out.replace("ready", "").trim())));
      return { ready, done };
    });
    await Promise.all(racers.map((r) => r.ready));
    writeFileSync(go, "");
    const results = (await Promise.all(racers.map((r) => r.done))).sort();
    expect(results).toEqual(["DataDirLockedError", "DataDirLockedError", "DataDirLockedError", "got"]);
  }, 30_000);
});

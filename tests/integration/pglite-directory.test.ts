// The embedded database directory belongs to one process at a time (issue 9, item 7): a
// second server, `npm run seed` or a backup next to a running server is refused with a
// message naming the directory and the holder's pid; a lock left by a killed server does not
// block the next start; `npm run db:backup` / `db:restore` round-trip the data; and a damaged
// directory says which one, what probably happened and how to recover. Real processes, real
// directories: these hold on PGlite whatever engine the rest of the suite runs on.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db/database.server.ts";
import { ensureBuilt } from "../../scripts/ensure-build.ts";
import { freePort, runScript, startServerProcess, stopServerProcess } from "../utils/process.ts";

const dirs: string[] = [];
function tempDataDir(): { dataDir: string; pgliteDir: string } {
  const dataDir = mkdtempSync(path.join(tmpdir(), "madang-pglite-dir-"));
  dirs.push(dataDir);
  return { dataDir, pgliteDir: path.join(dataDir, "pglite") };
}

/** Opens the directory in this process, runs fn, closes it. */
async function withDatabase<T>(pgliteDir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ kind: "pglite", dataDir: pgliteDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const emails = (pgliteDir: string) =>
  withDatabase(pgliteDir, async (db) =>
    (await db.prisma.user.findMany({ select: { email: true }, orderBy: { id: "asc" } })).map((u) => u.email),
  );

// The server child processes need the web build (as `npm start` makes it).
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 180_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("one process per PGlite data directory", () => {
  it("refuses a second server, the seed and a backup while a server runs, naming the directory and the holder's pid", async () => {
    const { dataDir, pgliteDir } = tempDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir, SEED_ON_START: "false" });
    const pid = first.child.pid!;
    try {
      const second = await runScript("server.ts", { DATA_DIR: dataDir, SEED_ON_START: "false", PORT: String(await freePort()) });
      expect(second.code, second.output).toBe(1);
      expect(second.output).toContain(`The embedded database directory ${pgliteDir} is in use by another process: pid ${pid}`);
      expect(second.output).toContain(`${pgliteDir}.lock`);
      expect(second.output).not.toMatch(/^\s+at /m); // a message, not a stack trace

      for (const script of ["prisma/seed.ts", "scripts/db-backup.ts"]) {
        const refused = await runScript(script, { DATA_DIR: dataDir });
        expect(refused.code, `${script}: ${refused.output}`).toBe(1);
        expect(refused.output).toContain(`${pgliteDir} is in use by another process: pid ${pid}`);
      }
      // …and an opener inside another process (this one) is refused the same way.
      await expect(openDatabase({ kind: "pglite", dataDir: pgliteDir })).rejects.toThrow(
        `${pgliteDir} is in use by another process: pid ${pid}`,
      );

      // The running server never noticed.
      expect(await (await fetch(`${first.url}/readyz`)).json()).toEqual({ status: "ready", database: "pglite" });
    } finally {
      expect(await stopServerProcess(first)).toBe(0);
    }
    // A clean shutdown releases the directory.
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);
    expect(await emails(pgliteDir)).toEqual([]);
  }, 180_000);

  it("takes over the lock a killed server left behind", async () => {
    const { dataDir, pgliteDir } = tempDataDir();
    const killed = await startServerProcess({ DATA_DIR: dataDir, SEED_ON_START: "false" });
    killed.child.kill("SIGKILL");
    await killed.exited;
    const lock = JSON.parse(readFileSync(`${pgliteDir}.lock`, "utf8")) as { pid: number };
    expect(lock.pid).toBe(killed.child.pid);

    const next = await startServerProcess({ DATA_DIR: dataDir, SEED_ON_START: "false" });
    expect((JSON.parse(readFileSync(`${pgliteDir}.lock`, "utf8")) as { pid: number }).pid).toBe(next.child.pid);
    expect(await stopServerProcess(next)).toBe(0);
  }, 120_000);

  it("backs up with `npm run db:backup` and restores with `npm run db:restore`, keeping the replaced directory", async () => {
    const { dataDir, pgliteDir } = tempDataDir();
    await withDatabase(pgliteDir, async (db) => {
      await db.migrate();
      await db.prisma.user.create({ data: { email: "before-backup@test.madang", displayName: "백업 전" } });
    });

    const backupFile = path.join(dataDir, "madang-backup.tar.gz");
    const backup = await runScript("scripts/db-backup.ts", { DATA_DIR: dataDir }, [backupFile]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain(backupFile);
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);

    // Without a file name the backup goes to DATA_DIR/backups.
    const defaultBackup = await runScript("scripts/db-backup.ts", { DATA_DIR: dataDir });
    expect(defaultBackup.code, defaultBackup.output).toBe(0);
    expect(readdirSync(path.join(dataDir, "backups"))).toEqual([expect.stringMatching(/^pglite-\d{8}-\d{6}\.tar\.gz$/)]);

    await withDatabase(pgliteDir, (db) => db.prisma.user.create({ data: { email: "after-backup@test.madang", displayName: "백업 후" } }));
    expect(await emails(pgliteDir)).toEqual(["before-backup@test.madang", "after-backup@test.madang"]);

    const restore = await runScript("scripts/db-restore.ts", { DATA_DIR: dataDir }, [backupFile]);
    expect(restore.code, restore.output).toBe(0);
    expect(await emails(pgliteDir)).toEqual(["before-backup@test.madang"]);

    // The directory it replaced is kept beside it, whole.
    const aside = readdirSync(dataDir).filter((name) => name.startsWith("pglite.before-restore-"));
    expect(aside).toHaveLength(1);
    expect(restore.output).toContain(path.join(dataDir, aside[0]!));
    expect(await emails(path.join(dataDir, aside[0]!))).toEqual(["before-backup@test.madang", "after-backup@test.madang"]);

    // A file that is not a backup changes nothing.
    const junk = path.join(dataDir, "not-a-backup.tar.gz");
    writeFileSync(junk, "this is not a tarball");
    const refused = await runScript("scripts/db-restore.ts", { DATA_DIR: dataDir }, [junk]);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain(junk);
    expect(await emails(pgliteDir)).toEqual(["before-backup@test.madang"]);
  }, 180_000);

  it("with DATABASE_URL, points backup and restore at pg_dump and pg_restore", async () => {
    const env = {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/madang",
      SESSION_SECRET: "x".repeat(32),
      IDENTITY_HASH_KEY: "y".repeat(32),
    };
    const backup = await runScript("scripts/db-backup.ts", env);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain("pg_dump");
    const restore = await runScript("scripts/db-restore.ts", env, ["madang.dump"]);
    expect(restore.code).toBe(1);
    expect(restore.output).toContain("pg_restore");
  });

  it("says which directory failed to open, what probably happened and how to recover", async () => {
    const { dataDir, pgliteDir } = tempDataDir();
    await withDatabase(pgliteDir, (db) => db.migrate());
    // What an unclean shutdown can leave: a write-ahead log that no longer makes sense.
    const wal = path.join(pgliteDir, "pg_wal");
    for (const segment of readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name))) {
      writeFileSync(path.join(wal, segment), Buffer.alloc(64 * 1024, 0x5a), { flag: "r+" });
    }

    const started = await runScript("server.ts", { DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(started.code, started.output).toBe(1);
    expect(started.output).toContain(`The embedded database in ${pgliteDir} could not be opened`);
    expect(started.output).toContain("did not shut down cleanly");
    expect(started.output).toContain(`DATA_DIR=${dataDir} npm run db:restore -- <backup.tar.gz>`);
    expect(started.output).not.toMatch(/^\s+at /m);
    // The failed open let go of the directory: a restore can run at once.
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);
  }, 120_000);
});

// The embedded PGlite data directory belongs to one process at a time. PGlite is Postgres
// compiled to WASM inside this process, with no postmaster to refuse a second opener: two
// `npm start` on one DATA_DIR, or a seed or backup beside a running server, write the same
// files and can corrupt them (a directory damaged that way dies at boot with a bare
// `RuntimeError: Aborted()`). So every opener — server, `npm run seed`, `npm run db:backup`,
// `npm run db:restore` — goes through openPGliteDirectory(): it takes an exclusive lock first,
// and turns a failed open into a message that says what probably happened and how to recover.
//
// The lock is a small file beside the directory (DATA_DIR/pglite.lock, outside it so backups
// do not carry it and a restore can replace the directory while holding it) naming the
// holder: pid, host, command, when, and the process's start time. It is written whole to a
// temporary file and hard-linked into place, so it appears atomically and never half-written.
// A lock whose holder is gone is stale and taken over at once: the pid no longer exists, the
// machine has rebooted since (boot id), or the pid now belongs to a younger process (pid
// reuse, common in containers, checked against /proc/<pid>/stat where there is one).
// Why not proper-lockfile (4.1.2 installs here): it detects staleness by mtime, so a lock
// left by kill -9 blocks the next start until it ages out (10 s by default), the holder must
// keep touching it from a timer that a long synchronous WASM query can starve (the lock is
// then declared compromised), and it records no pid to name in the refusal.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

export type LockHolder = {
  pid: number;
  hostname: string;
  command: string;
  since: string;
  /** Kernel boot id (Linux), to tell a lock from before a reboot. */
  bootId?: string;
  /** Start time of the holder in clock ticks since boot (Linux /proc/<pid>/stat), to detect pid reuse. */
  startTicks?: string;
  token: string;
};

export type DataDirLock = { dataDir: string; file: string; holder: LockHolder; release(): void };

/** Opening the embedded database failed in a way the operator has to act on; the message says how. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export class DataDirLockedError extends DatabaseUnavailableError {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    const sameHost = holder.hostname === os.hostname();
    const who = holder.pid === process.pid && sameHost ? `this process (pid ${holder.pid})` : `another process: pid ${holder.pid}`;
    super(
      [
        `The embedded database directory ${dataDir} is in use by ${who} (${holder.command})` +
          `${sameHost ? "" : ` on host ${holder.hostname}`}, since ${holder.since}.`,
        "Only one process may open it at a time: a second server, `npm run seed` or a backup next to a running server can corrupt it.",
        "Stop that process first (a backup or a restore needs the server stopped). To run several nodes, use PostgreSQL (DATABASE_URL).",
        sameHost
          ? `If no process ${holder.pid} is running, delete the lock file ${lockFile}.`
          : `Madang cannot check from here whether it still runs; if it does not, delete the lock file ${lockFile}.`,
      ].join("\n"),
    );
  }
}

export class DatabaseOpenError extends DatabaseUnavailableError {
  override name = "DatabaseOpenError";
  constructor(
    readonly dataDir: string,
    readonly causeText: string,
  ) {
    const dataRoot = path.dirname(dataDir);
    super(
      [
        `The embedded database in ${dataDir} could not be opened (${causeText}).`,
        "The directory is probably damaged: the last process that used it did not shut down cleanly (it was killed, crashed or lost power),",
        "or two processes used it at the same time.",
        "To recover, with every Madang process on it stopped:",
        `  - restore your latest backup: DATA_DIR=${dataRoot} npm run db:restore -- <backup.tar.gz>`,
        "    (it moves the damaged directory aside first; backups are made with `npm run db:backup`, see the README), or",
        `  - with no backup, move the directory aside (mv ${dataDir} ${dataDir}.damaged) and start again on a fresh, empty database.`,
      ].join("\n"),
    );
  }
}

// Locks this process holds, shared by every copy of this module (tsx and the Remix bundle
// each load their own), so a second open in the same process is refused too.
const HELD_KEY = Symbol.for("madang.pglite.heldLocks");
const held: Set<string> =
  ((globalThis as Record<symbol, unknown>)[HELD_KEY] as Set<string> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[HELD_KEY] = new Set<string>());

export const lockFileFor = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

const bootId = () => readOrUndefined("/proc/sys/kernel/random/boot_id");

/** Fields of /proc/<pid>/stat after the command (which may hold spaces and parentheses): [0] is field 3. */
function procStat(pid: number): string[] | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : undefined;
}

/** Field 22: start time in clock ticks since boot. */
const startTicksOf = (pid: number) => procStat(pid)?.[19];

function currentHolder(): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    command: [path.basename(process.argv0 || "node"), ...process.argv.slice(1)].join(" ").slice(0, 300),
    since: new Date().toISOString(),
    bootId: bootId(),
    startTicks: startTicksOf(process.pid),
    token: randomBytes(8).toString("hex"),
  };
}

/** undefined: no lock file; null: a lock file that is not a lock (treated as stale). */
function readHolder(file: string): LockHolder | null | undefined {
  const text = readOrUndefined(file);
  if (text === undefined) return existsSync(file) ? null : undefined;
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.hostname === "string" && typeof value.token === "string") {
      return { command: "unknown command", since: "an unknown time", ...value } as LockHolder;
    }
  } catch {
    // fall through
  }
  return null;
}

/** Whether the process named by a lock may still be running; false only when it certainly is not. */
function holderMayBeAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true; // cannot check another machine
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false; // rebooted since
  if (holder.pid === process.pid) return held.has(holder.token); // an earlier process that had our pid
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = procStat(holder.pid);
  if (stat && (stat[0] === "Z" || stat[0] === "X")) return false; // killed, not yet reaped by its parent
  if (holder.startTicks && stat?.[19] && stat[19] !== holder.startTicks) return false; // pid reused
  return true;
}

/** Creates `file` with `content` atomically; false when it already exists. */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, content, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Removes a stale lock. Breakers take turns through a second lock file and re-read the lock
 * inside it, so two processes taking over the same stale lock cannot both win (one of them
 * would otherwise delete the lock the other had just created).
 */
async function breakStaleLock(file: string, stale: LockHolder | null): Promise<void> {
  const mutex = `${file}.takeover`;
  const me = JSON.stringify(currentHolder());
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(mutex, me)) {
      try {
        const now = readHolder(file);
        if (now === undefined) return;
        if (now === null ? stale === null : stale !== null && now.token === stale.token) unlinkSync(file);
        return;
      } finally {
        unlinkSync(mutex);
      }
    }
    // Another process is taking over; its turn lasts microseconds unless it was killed in it.
    const other = readHolder(mutex);
    if (other === null || (other && !holderMayBeAlive(other))) {
      try {
        unlinkSync(mutex);
      } catch {
        // already gone
      }
    } else {
      await sleep(20);
    }
  }
}

/** Takes the exclusive lock on a PGlite data directory, or throws DataDirLockedError naming the holder. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  const file = lockFileFor(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 10; attempt++) {
    const holder = currentHolder();
    if (createExclusive(file, `${JSON.stringify(holder, null, 2)}\n`)) {
      held.add(holder.token);
      const release = () => {
        if (!held.delete(holder.token)) return;
        process.removeListener("exit", release);
        if (readHolder(file)?.token === holder.token) unlinkSync(file);
      };
      // A process that exits without closing still frees the directory for the next start.
      process.once("exit", release);
      return { dataDir: dir, file, holder, release };
    }
    const current = readHolder(file);
    if (current === undefined) continue; // released in between
    if (current && holderMayBeAlive(current)) throw new DataDirLockedError(dir, file, current);
    await breakStaleLock(file, current);
  }
  const current = readHolder(file);
  if (current) throw new DataDirLockedError(dir, file, current);
  throw new DatabaseUnavailableError(`Could not take the lock ${file} on the embedded database directory ${dir}; try again.`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

export type OpenedPGlite = { pglite: PGlite; dataDir: string; close(): Promise<void> };

/**
 * Opens PGlite in a directory whose lock the caller holds (and keeps: close() closes only
 * PGlite). A failed open throws DatabaseOpenError.
 */
export async function openLockedPGlite(lock: DataDirLock, options: Omit<PGliteOptions, "dataDir"> = {}): Promise<OpenedPGlite> {
  let pglite: PGlite;
  try {
    mkdirSync(lock.dataDir, { recursive: true });
    pglite = new PGlite(lock.dataDir, options);
    await pglite.waitReady;
  } catch (error) {
    throw new DatabaseOpenError(lock.dataDir, describe(error));
  }
  let closed = false;
  return {
    pglite,
    dataDir: lock.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}

/**
 * Locks the directory, then opens PGlite in it. A failed open releases the lock and throws
 * DatabaseOpenError; close() closes PGlite (TOOLCHAIN G6: on every exit path) and then
 * releases the lock.
 */
export async function openPGliteDirectory(dataDir: string, options: Omit<PGliteOptions, "dataDir"> = {}): Promise<OpenedPGlite> {
  const lock = await lockDataDir(dataDir);
  let opened: OpenedPGlite;
  try {
    opened = await openLockedPGlite(lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    ...opened,
    async close() {
      try {
        await opened.close();
      } finally {
        lock.release();
      }
    },
  };
}

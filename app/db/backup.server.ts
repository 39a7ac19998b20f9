// Backup and restore of the embedded PGlite database (`npm run db:backup`, `npm run
// db:restore`), with PGlite's own dump: dumpDataDir() writes the data directory as a gzipped
// tarball, and `loadDataDir` unpacks one into an empty directory when PGlite opens it. Both
// hold the directory's lock, so neither runs next to a server using it. PostgreSQL is backed
// up with its own tools (pg_dump / pg_restore, see the README).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseOpenError, DatabaseUnavailableError, lockDataDir, openLockedPGlite, openPGliteDirectory } from "./data-dir.server.ts";

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/[-:]/g, "")
    .replace("T", "-");

/** DATA_DIR/backups/pglite-YYYYMMDD-HHMMSS.tar.gz (UTC). */
export const defaultBackupFile = (dataRoot: string, now = new Date()) =>
  path.join(path.resolve(dataRoot), "backups", `pglite-${stamp(now)}.tar.gz`);

export async function backupPGlite(dataDir: string, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new DatabaseUnavailableError(`There is no embedded database in ${path.resolve(dataDir)} to back up.`);
  }
  const db = await openPGliteDirectory(dataDir);
  try {
    // Write every change into the data files first, so the copy needs no recovery to open.
    await db.pglite.exec("CHECKPOINT");
    const dump = await db.pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(`${target}.partial`, bytes);
    renameSync(`${target}.partial`, target); // never a half-written backup under the real name
    return { file: target, bytes: bytes.length };
  } finally {
    await db.close();
  }
}

/**
 * Replaces the database in `dataDir` with the backup in `file`. The directory it replaces is
 * moved aside (never deleted); if the backup does not open, it is moved back.
 */
export async function restorePGlite(dataDir: string, file: string, now = new Date()): Promise<{ movedAside?: string }> {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new DatabaseUnavailableError(`No backup file at ${source}.`);
  const dir = path.resolve(dataDir);
  const lock = await lockDataDir(dir); // held through the move, the load and any undo
  let movedAside: string | undefined;
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      movedAside = `${dir}.before-restore-${stamp(now)}`;
      for (let i = 2; existsSync(movedAside); i++) movedAside = `${dir}.before-restore-${stamp(now)}-${i}`;
      renameSync(dir, movedAside);
    }
    try {
      // PGlite gunzips a File whose name ends in .tar.gz or .tgz, and unpacks plain tarballs.
      const name = path.basename(source);
      const backup = new File([readFileSync(source)], /\.(tar\.gz|tgz)$/.test(name) ? name : `${name}.tar`);
      const db = await openLockedPGlite(lock, { loadDataDir: backup });
      try {
        await db.pglite.query(`select count(*) from "_prisma_migrations"`);
      } finally {
        await db.close();
      }
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, dir);
      const why = error instanceof DatabaseOpenError ? error.causeText : error instanceof Error ? error.message : String(error);
      throw new DatabaseUnavailableError(
        `${source} could not be restored into ${dir}: it is not a Madang backup made with \`npm run db:backup\`, or it is damaged (${why}). Nothing was changed.`,
      );
    }
    return { movedAside };
  } finally {
    lock.release();
  }
}

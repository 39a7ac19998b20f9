// Applies the committed prisma/migrations/*/migration.sql files in order, each in its own
// transaction, and records them in _prisma_migrations exactly as Prisma Migrate does, so
// `prisma migrate status` agrees. See docs/decisions/0002-database-strategy.md.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type MigrationTarget = {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a script that may hold several statements. */
  exec(sql: string): Promise<void>;
  withLock<T>(fn: () => Promise<T>): Promise<T>;
};

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Returns the names of the migrations it applied. */
export async function applyMigrations(target: MigrationTarget, migrations = readMigrations()) {
  return target.withLock(async () => {
    await target.exec(CREATE_TABLE);
    const rows = await target.query(
      `select migration_name, checksum from "_prisma_migrations"
       where finished_at is not null and rolled_back_at is null`,
    );
    const applied = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum) {
        if (checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied. Committed migrations must not be edited; add a new one.`);
        }
        continue;
      }
      const id = randomUUID();
      await target.exec("BEGIN");
      try {
        await target.exec(m.sql);
        await target.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           values ($1, $2, $3, now(), 1)`,
          [id, m.checksum, m.name],
        );
        await target.exec("COMMIT");
      } catch (error) {
        await target.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      done.push(m.name);
    }
    return done;
  });
}

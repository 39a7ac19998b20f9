// A fresh, migrated database for one test file: in-memory PGlite by default, or a new
// throwaway database on the PostgreSQL server named by TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../app/db/database.server.ts";

export const testPostgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const testRedisUrl = process.env.TEST_REDIS_URL || undefined;

export type TestDatabase = Database & { url?: string; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!testPostgresUrl) {
    const db = await openDatabase({ kind: "pglite" });
    await db.migrate();
    return Object.assign(db, { drop: () => db.close() });
  }
  const name = `madang_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await db.migrate();
  return Object.assign(db, {
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  });
}

// Seeds the demo city (Gunsan). Reference data (districts, departments, 분야, the city's row)
// is upserted by code on every run; the demo people, proposals and rounds are played through
// the domain on a fixed clock (prisma/seed-story.ts), so the same anchor always gives the same
// city. Everything is written in one transaction: a crash leaves nothing, and the next run
// seeds it all. `npm run seed` runs it; the server runs it on an empty database.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../app/domain/db.ts";
import * as data from "./seed-data.ts";
import { DEMO_MARKER_EMAIL, playDemoCity } from "./seed-story.ts";
import { DAY } from "./seed-timeline.ts";
import { inOneTransaction } from "./seed-transaction.ts";

export { DEMO_MARKER_EMAIL, DEMO_PASSWORD } from "./seed-story.ts";

/**
 * The demo's "now": 09:00 in Korea (midnight UTC) of the day `wall` falls on. Every start on
 * the same day plays the same city with the same dates; a start on another day plays the same
 * city (ids, titles, counts, statuses) shifted by whole days, so the open proposals and the
 * rounds are always current.
 */
export function demoAnchor(wall: Date = new Date()): Date {
  return new Date(Math.floor(wall.getTime() / DAY) * DAY);
}

/** Configuration, not lifecycle: refreshed on every run. The city's rules are set by its administrator in the story. */
export async function seedReferenceData(prisma: PrismaClient) {
  await prisma.citySetting.upsert({ where: { id: 1 }, create: { id: 1, cityName: "군산시", cityNameEn: "Gunsan" }, update: {} });
  for (const [i, d] of data.districts.entries()) {
    const values = { name: d.name, nameEn: d.nameEn, kind: d.kind, sortOrder: i + 1 };
    await prisma.district.upsert({ where: { code: d.code }, create: { code: d.code, ...values }, update: values });
  }
  for (const [i, d] of data.departments.entries()) {
    const values = { name: d.name, nameEn: d.nameEn, sortOrder: i + 1 };
    await prisma.department.upsert({ where: { code: d.code }, create: { code: d.code, ...values }, update: values });
  }
  for (const [i, c] of data.categories.entries()) {
    const values = { name: c.name, nameEn: c.nameEn, sortOrder: i + 1 };
    await prisma.category.upsert({ where: { code: c.code }, create: { code: c.code, ...values }, update: values });
  }
}

/**
 * A rolled-back seed still used up ids (sequences do not roll back). In a database with no
 * city yet, every table the seed fills is empty: their sequences start again at 1, so a rerun
 * after a crash gives the same ids as a first run.
 */
async function restartSequencesOfEmptyTables(db: PrismaClient) {
  const serials = await db.$queryRawUnsafe<{ tableName: string; sequence: string }[]>(
    `select c.table_name::text as "tableName", pg_get_serial_sequence(format('%I', c.table_name), c.column_name) as "sequence"
       from information_schema.columns c
      where c.table_schema = current_schema() and c.column_default like 'nextval(%'`,
  );
  for (const { tableName, sequence } of serials) {
    const [row] = await db.$queryRawUnsafe<{ empty: boolean }[]>(
      `select not exists (select 1 from "${tableName.replaceAll('"', '""')}") as "empty"`,
    );
    if (row?.empty) await db.$executeRawUnsafe(`select setval($1::regclass, 1, false)`, sequence);
  }
}

/**
 * Seeds what is missing, in one transaction. Returns whether the demo city was played this
 * time. `now` is the demo's "now" (the end of the story); pass a fixed date for a fixed city.
 */
export async function seedDemoCity(prisma: PrismaClient, now: Date = demoAnchor()): Promise<boolean> {
  return inOneTransaction(prisma, async (db) => {
    if (!(await db.citySetting.findUnique({ where: { id: 1 }, select: { id: true } }))) await restartSequencesOfEmptyTables(db);
    await seedReferenceData(db);
    if (await db.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { id: true } })) return false;
    await playDemoCity(db, now);
    return true;
  });
}

/**
 * The server's seed at start: the demo city goes only into an empty database (no city
 * settings yet). Run it under the migration lock (`db.migrate(() => seedIfEmpty(prisma))`):
 * the check and the writes then happen inside one lock, so of several nodes starting on one
 * empty database exactly one seeds it.
 */
export async function seedIfEmpty(prisma: PrismaClient, now: Date = demoAnchor()): Promise<boolean> {
  if (await prisma.citySetting.findUnique({ where: { id: 1 }, select: { id: true } })) return false;
  return seedDemoCity(prisma, now);
}

// `npm run seed`: the same database the server would open, under the same locks (the data
// directory's for PGlite, refused while a server holds it; the migration lock for PostgreSQL).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { loadConfig } = await import("../app/config.server.ts");
  const { DatabaseUnavailableError } = await import("../app/db/database.server.ts");
  const { openConfiguredDatabase } = await import("../app/db/open-configured.server.ts");
  const config = loadConfig();
  const db = await openConfiguredDatabase(config).catch((error: unknown) => {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  try {
    let wrote = false;
    await db.migrate(async () => void (wrote = await seedDemoCity(db.prisma)));
    console.log(wrote ? "Seeded the demo city (군산시)." : "Demo city already seeded: reference data refreshed, nothing duplicated.");
  } finally {
    await db.close();
  }
}

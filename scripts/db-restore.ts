// `npm run db:restore -- <file>`: replaces the embedded PGlite database (DATA_DIR/pglite) with
// a backup made by `npm run db:backup`. The directory it replaces is kept beside it
// (pglite.before-restore-<UTC time>). Stop the server first. PostgreSQL: use pg_restore (README).
import path from "node:path";
import { ConfigError, loadConfig } from "../app/config.server.ts";
import { restorePGlite } from "../app/db/backup.server.ts";
import { DatabaseUnavailableError } from "../app/db/data-dir.server.ts";

try {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    console.error(
      [
        "DATABASE_URL is set: Madang's data is in PostgreSQL, which you restore with its own tools, e.g.",
        '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" madang-<time>.dump',
        'for a dump made with pg_dump --format=custom (see the README, "Backup and restore"). npm run db:restore restores only the embedded PGlite database.',
      ].join("\n"),
    );
    process.exit(1);
  }
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: npm run db:restore -- <backup.tar.gz>   (a file made by npm run db:backup)");
    process.exit(1);
  }
  const dataDir = path.resolve(config.DATA_DIR, "pglite");
  const { movedAside } = await restorePGlite(dataDir, file);
  console.log(`Restored ${path.resolve(file)} into ${dataDir}.`);
  if (movedAside) console.log(`The database it replaced is kept in ${movedAside}; delete it once you no longer need it.`);
  console.log("Start Madang as usual: it applies any newer migrations at start.");
} catch (error) {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

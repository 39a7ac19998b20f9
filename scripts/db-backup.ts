// `npm run db:backup [-- <file>]`: copies the embedded PGlite database (DATA_DIR/pglite) into
// a gzipped tarball, DATA_DIR/backups/pglite-<UTC time>.tar.gz by default. Stop the server
// first: the directory is one process's at a time. PostgreSQL: use pg_dump (README).
import path from "node:path";
import { ConfigError, loadConfig } from "../app/config.server.ts";
import { backupPGlite, defaultBackupFile } from "../app/db/backup.server.ts";
import { DatabaseUnavailableError } from "../app/db/data-dir.server.ts";

try {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    console.error(
      [
        "DATABASE_URL is set: Madang's data is in PostgreSQL, which you back up with its own tools, e.g.",
        '  pg_dump --format=custom --file=madang-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL"',
        'and restore with pg_restore (see the README, "Backup and restore"). npm run db:backup copies only the embedded PGlite database.',
      ].join("\n"),
    );
    process.exit(1);
  }
  const dataDir = path.resolve(config.DATA_DIR, "pglite");
  const file = process.argv[2] ? path.resolve(process.argv[2]) : defaultBackupFile(config.DATA_DIR);
  const result = await backupPGlite(dataDir, file);
  console.log(`Backed up ${dataDir} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB).`);
  console.log(`Restore it with: DATA_DIR=${path.resolve(config.DATA_DIR)} npm run db:restore -- ${result.file}`);
} catch (error) {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

import path from "node:path";
import type { Config } from "../config.server.ts";
import { openDatabase } from "./database.server.ts";

/** PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite. */
export function openConfiguredDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR"> & Partial<Pick<Config, "DATABASE_POOL_SIZE">>) {
  return config.DATABASE_URL
    ? openDatabase({ kind: "postgres", url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
    : openDatabase({ kind: "pglite", dataDir: path.resolve(config.DATA_DIR, "pglite") });
}

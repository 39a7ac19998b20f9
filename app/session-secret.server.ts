// The cookie-signing secret. Several PostgreSQL-backed nodes must share one, so production
// with DATABASE_URL requires SESSION_SECRET; the embedded single-node demo makes its own
// once and keeps it in DATA_DIR so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type Config } from "./config.server.ts";

export function resolveSessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.DATABASE_URL && config.NODE_ENV === "production") {
    throw new ConfigError(
      "Invalid configuration:\n  - SESSION_SECRET: is required in production with DATABASE_URL (every node must sign cookies with the same secret)",
    );
  }
  const file = path.resolve(config.DATA_DIR, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

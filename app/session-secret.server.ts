// Secrets that must be stable per installation: the cookie-signing secret and the DI-hash
// key. Several PostgreSQL-backed nodes must share them, so production with DATABASE_URL
// requires them from the environment; the embedded single-node demo makes its own once and
// keeps them in DATA_DIR so they survive restarts.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type Config } from "./config.server.ts";

function resolveSecret(config: Config, name: "SESSION_SECRET" | "IDENTITY_HASH_KEY", file: string, why: string): string {
  const value = config[name];
  if (value) return value;
  if (config.DATABASE_URL && config.NODE_ENV === "production") {
    throw new ConfigError(`Invalid configuration:\n  - ${name}: is required in production with DATABASE_URL (${why})`);
  }
  const location = path.resolve(config.DATA_DIR, file);
  try {
    return readFileSync(location, "utf8").trim();
  } catch {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(location, secret, { mode: 0o600 });
    return secret;
  }
}

export const resolveSessionSecret = (config: Config) =>
  resolveSecret(config, "SESSION_SECRET", "session-secret", "every node must sign cookies with the same secret");

export const resolveIdentityHashKey = (config: Config) =>
  resolveSecret(config, "IDENTITY_HASH_KEY", "identity-hash-key", "duplicate-identity checks need the same key everywhere, forever");

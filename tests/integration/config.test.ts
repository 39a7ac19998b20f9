import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.server.ts";
import { resolveSessionSecret } from "../../app/session-secret.server.ts";

describe("configuration", () => {
  it("has defaults that run the embedded demo", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: "./data", NODE_ENV: "development", SEED_ON_START: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("names every bad value and what is expected", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://db/madang",
        REDIS_URL: "localhost:6379",
        NODE_ENV: "staging",
        SESSION_SECRET: "short",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("PORT: must be a number");
    expect(message).toContain("DATABASE_URL: must be a URL like postgresql://");
    expect(message).toContain("REDIS_URL: must be a URL like redis://");
    expect(message).toContain("NODE_ENV: must be one of development, production, test");
    expect(message).toContain("SESSION_SECRET: must be at least 16 characters");
    expect(() => loadConfig({ PORT: "70000" })).toThrow("PORT: must be between 0 and 65535");
  });

  it("requires a shared session secret for production on PostgreSQL", () => {
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@127.0.0.1/db" });
    expect(() => resolveSessionSecret(config)).toThrow(/SESSION_SECRET: is required in production/);
  });
});

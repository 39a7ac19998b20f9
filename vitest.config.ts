import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: [
      "app/**/*.test.ts",
      "graphql/**/*.test.ts",
      "realtime/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    setupFiles: ["tests/setup/console-guard.ts", "tests/setup/fast-check.ts"],
    reporters: ["default", "./tests/setup/no-silent-skips.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite boots a WASM Postgres per file; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});

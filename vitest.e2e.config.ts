import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    setupFiles: ["tests/setup/console-guard.ts"],
    reporters: ["default", "./tests/setup/no-silent-skips.ts"],
    testTimeout: 90_000,
    // Each journey seeds the demo city through the domain (about 20 s on a quiet machine).
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});

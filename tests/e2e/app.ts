// Starts the full app (Remix + GraphQL + socket.io) on a fresh, seeded database for a journey.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { loadConfig } from "../../app/config.server.ts";
import { seedDemoCity } from "../../prisma/seed.ts";
import { createMadangServer } from "../../server.ts";
import { createTestDatabase } from "../setup/test-database.ts";
import { createMemoryStorage } from "../../app/platform/storage.server.ts";
import { TEST_SESSION_SECRET } from "../utils/session.ts";

export async function startApp() {
  const db = await createTestDatabase();
  await seedDemoCity(db.prisma);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const config = loadConfig({ NODE_ENV: "production", COOKIE_SECURE: "false" });
  const server = await createMadangServer({
    config,
    db,
    sessionSecret: TEST_SESSION_SECRET,
    remixBuild: async () => build,
    storage: createMemoryStorage(),
  });
  const port = await server.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    server,
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

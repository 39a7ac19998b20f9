// Prisma CLI configuration. The CLI is only used to generate the client and to author
// migrations (`npm run db:migration`); the server applies committed migrations itself
// (see docs/decisions/0002-database-strategy.md).
import { defineConfig } from "prisma/config";

// Prisma 6 with engine "js" still resolves the datasource url; an unused value keeps it
// from trying to download a native engine (TOOLCHAIN.md G7).
process.env.DATABASE_URL ??= "postgresql://unused:unused@127.0.0.1:1/unused";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const db = new PGlite();
    process.once("beforeExit", () => void db.close());
    return new PrismaPGlite(db);
  },
});

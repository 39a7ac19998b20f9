// `npm run db:migration -- <name>`: writes prisma/migrations/<NNNN>_<name>/migration.sql
// with the SQL that takes the schema as last committed (git HEAD) to prisma/schema.prisma as
// it is now. Needs no database. See docs/decisions/0002-database-strategy.md.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), "madang-schema-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (/^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("prisma/schema.prisma has no changes since HEAD: no migration written.");
  process.exit(0);
}
// Migrations apply in name order: number them 0001, 0002, …
const last = Math.max(
  0,
  ...readdirSync("prisma/migrations")
    .map((d) => Number.parseInt(d, 10))
    .filter(Number.isFinite),
);
const dir = path.join("prisma/migrations", `${String(last + 1).padStart(4, "0")}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql: review it, then commit it with the schema change.`);
